"""Sentence spans of folded minutes: the context in which a date's cues are read.

A sentence ends at . ! ? before whitespace (not after "kl" or an abbreviation: "fr.o.m.", "p.g.a.", "v.", a law's
"1 mom."), before a numbered heading, bullet or section sign, and at two or more blank lines. A heading without a
full stop runs on into the text below it, which is how "Nästa möte" reaches its date.
Sentences are capped in length so that work per sentence stays bounded.
"""

from __future__ import annotations

import bisect
import re

MAX_SENTENCE = 400
_END = re.compile(
    r"[.!?\n](?:(?<=[a-z0-9)\]»\"”'][.!?])(?=\s)"
    r"(?<![^a-z]kl\.)(?<![^a-z]ca\.)(?<![^a-z]bl\.)(?<![^a-z]ex\.)(?<![^a-z]nr\.)(?<![^a-z]jfr\.)(?<![^a-z]mm\.)"
    r"(?<![^a-z]st\.)(?<![^a-z]resp\.)(?<![^a-z]tel\.)(?<![^a-z]p\.)(?<![^a-z]s\.)(?<![^a-z]t\.)(?<![^a-z]mom\.)"
    r"(?<![^a-z]v\.)(?<!o\.m\.)(?<!g\.a\.)(?<!l\.a\.)(?<!s\.k\.)(?<!o\.s\.v\.)"
    # "den 17. oktober": an ordinal's full stop before a month is not a sentence's end
    r"(?!(?<=\d\.)\s{1,2}(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec))"
    r"|(?<=\n)(?=[ \t]{0,4}(?:[-–•*·o]\s|\d{1,2}\s{0,2}[.)]\s{0,3}[a-z]|§))"
    r"|(?<=\n)[ \t]*\n[ \t]*\n)"
)


# A list line ending in a date or a time, followed by a line that starts a new sentence with a capital:
# "Sammanträdestider 2025: 6/2 13/3 10/4 (kl 9-12)" / "Mötet flyttas ...". Short lines are headings.
_CAPITAL_LINE = re.compile(r"\n(?:(?<=[0-9)]\n)|(?<=[0-9)] \n))(?=[ \t]{0,4}[A-ZÅÄÖ])")
_LIST_LINE = 30


def _list_line_ends(original: str) -> list[int]:
    cuts = []
    for m in _CAPITAL_LINE.finditer(original):
        if m.start() - original.rfind("\n", 0, m.start()) > _LIST_LINE:
            cuts.append(m.end())
    return cuts


# A paragraph of four words or more, then a blank line: a web page's paragraphs end without a full stop
# ("Protokollet är justerat, se anslagtavlan"); a short heading still runs on into the text below it.
_BLANK_LINE = re.compile(r"\n[ \t]*\n[ \t]*(?=\S)")
_OPEN_END = {"den", "och", "att", "i", "på", "pa", "till", "med", "om", "för", "for", "av", "som", "samt", "kl",
             "från", "fran", "vid", "ett", "en"}


def _paragraph_ends(folded: str, original: str) -> list[int]:
    """Blank lines that end a paragraph: four words or more before, a capital after, no open ending.

    Minutes transcribed from PDF often put a blank line after every line ("… äger rum den\n\n29 maj"):
    those run on.
    """
    cuts = []
    for m in _BLANK_LINE.finditer(folded):
        if not original[m.end()].isupper():
            continue
        line = folded[folded.rfind("\n", 0, m.start()) + 1:m.start()].rstrip()
        words = line.split()
        if len(words) >= 4 and line[-1:] not in ",:;" and words[-1] not in _OPEN_END:
            cuts.append(m.end())
    return cuts


def sentence_bounds(folded: str, original: str | None = None) -> list[int]:
    """Sorted start offsets of sentences (always begins with 0)."""
    starts = [0]
    cuts = _list_line_ends(original) if original is not None and len(original) == len(folded) else []
    if original is not None and len(original) == len(folded) and ("\n\n" in folded or "\n \n" in folded):
        cuts = cuts + _paragraph_ends(folded, original)
    ends = [m.end() for m in _END.finditer(folded)]
    if cuts:
        ends = sorted(set(ends).union(cuts))
    for cut in ends:
        while cut - starts[-1] > MAX_SENTENCE:
            starts.append(_soft_cut(folded, starts[-1]))
        if cut > starts[-1]:
            starts.append(cut)
    while len(folded) - starts[-1] > MAX_SENTENCE:
        starts.append(_soft_cut(folded, starts[-1]))
    return starts


def _soft_cut(folded: str, start: int) -> int:
    """A cut inside an over-long sentence: the last newline or space before the cap."""
    limit = start + MAX_SENTENCE
    for sep in ("\n", " "):
        at = folded.rfind(sep, start + MAX_SENTENCE // 2, limit)
        if at > start:
            return at + 1
    return limit


def sentence_of(starts: list[int], pos: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else length
    return starts[i], end
