"""OCR-tolerant folding of minutes text.

Folding is length-preserving (one output character per input character), so an offset found
in the folded text is the same offset in the original: evidence and names are cut from the
original while all matching happens on the folded form.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate

from planner.folding import fold_char as _fold_char
from planner.textlines import split_lines

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_COMMON = {char: _fold_char(char) for char in "åäöéèü"}
# Inside a word é folds to o: OCR reads ö as é ("ordférande", "féreslas", "bérjar", "ledaméter"). Swedish writes é
# at a word's end ("kommitté", "idé"), before its endings ("kommittén", "idéer", "Lindéns"): that é stays e.
_ACUTE_O = re.compile(r"é(?!(?:n|ns|s|er|erna|ernas|ers|en|ens)?(?![^\W\d_]))")
# Non-ASCII characters other than those above and the dashes and quotes that fold to themselves.
_OTHER = re.compile(r"[^\x00-\x7fåäöéèü–—’”]")
_ASCII_BREAKS = re.compile(r"[\r\x0b\x0c\x1c\x1d\x1e]")
# What the steps after the diacritics act on: every OCR swap needs a digit, "&", "!" or "|", and the breaks are these.
_REPAIRABLE = re.compile(r"[\d&!|\r\x0b\x0c\x1c\x1d\x1e]")


# Same-length repairs of typical OCR damage.
# Each pattern starts with a literal or a character set (lookbehinds come after it), which lets
# the regex engine skip ahead quickly instead of trying every position.
# One scan from each digit: 6/0 inside a word → o ("l6per"), 1 ending a word → l ("apri1"),
# o/i/l between digits → 0/1 ("2O24-O5-l6").
_DIGIT_SWAPS = re.compile(
    r"[0-9](?:(?<=[60])(?:(?<=[a-z].)(?=[a-z])|(?<![a-z0-9].)(?=[a-z]{2})|(?<=[a-z]{2}.)(?![a-z0-9]))"
    r"|(?<=[a-z]{3}1)(?![a-z0-9])"
    r"|-?[oil](?=-?[0-9])"
    # A day number with a letter for its last digit before a month: "den 2l mars" → "den 21 mars".
    r"|(?<![a-z0-9].)[lio](?=\s{1,2}(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec))"
    # Clock times with letters for digits: "kl 9.OO-ll.3O" → "kl 9.00-11.30".
    r"|[.:](?:o[0-9o]|[0-9]o)(?:[-–][0-9li]{1,2}[.:][0-9o]{2})?(?![a-z0-9])"
    r"|[.:][0-9]{2}[-–](?:[li][0-9li]?|[0-9][li])[.:][0-9o]{2}(?![a-z0-9]))")
_CLOCK_HOUR = re.compile(r"(?<=[-–])[0-9li]{1,2}(?=[.:])")


def _digit_swap(m: re.Match[str]) -> str:
    found = m.group()
    if len(found) == 1:
        return "l" if found == "1" else "o"
    if found[1] in ".:":
        found = found.replace("o", "0")
        return _CLOCK_HOUR.sub(lambda h: h.group().replace("l", "1").replace("i", "1"), found)
    return found[:-1] + ("0" if found[-1] == "o" else "1")


_KL = re.compile(r"k(?<![a-z]k)[1i|!t][.:]?(?=\s{0,2}\d)")  # "ki. 9.00", "ki: 9.00", "kt 13:00"
_BANG_L = re.compile(r"!(?<=[a-z]!)(?=[a-z.])")  # the literal first: a substring search, not a try per position
_AMP_VOWEL = re.compile(r"&(?<![a-z0-9]&)(?=[a-z])")


def fold(text: str) -> str:
    """Lower-case, diacritics off, OCR digit/letter swaps repaired; same length as `text`."""
    out = text.lower()
    if len(out) != len(text):
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not out.isascii():
        if "é" in out:
            out = _ACUTE_O.sub("o", out)
        for char in _COMMON:  # Swedish letters first, each by one C-level replace
            if char in out:
                out = out.replace(char, _COMMON[char])
        if _OTHER.search(out):
            for char in set(_NON_ASCII.findall(out)):
                out = out.replace(char, _fold_char(char))
    if _REPAIRABLE.search(out) is None:  # a name or a word: nothing the steps below change (most calls)
        return out
    if any(char in out for char in "\r\x0b\x0c\x1c\x1d\x1e"):
        out = _ASCII_BREAKS.sub(" ", out)
    out = _DIGIT_SWAPS.sub(_digit_swap, out)
    out = _KL.sub(lambda m: "kl" + m.group(0)[2:].replace(":", "."), out)
    out = _AMP_VOWEL.sub("a", out)
    if "!" in out:  # "Protokol!. 2011-05-26": OCR's l; an exclamation is not followed by a letter or a full stop
        out = _BANG_L.sub("l", out)
    return out.replace("|", "l")


_HEADING_WIDTH = 60  # a heading is shorter than a sentence of a paragraph


@dataclass
class Doc:
    """The minutes as lines, with the folded text and per-line facts computed once."""

    lines: list[str]
    original: str
    folded: str
    starts: list[int]
    furniture: set[int] = field(default_factory=set)
    memo: dict = field(default_factory=dict)  # facts derived once per document (this document only)

    @classmethod
    def from_text(cls, text: str) -> Doc:
        lines = split_lines(text)
        original = "\n".join(lines)
        folded, joins = _HYPHEN_BREAK.subn(_rejoin, fold(original))
        if "<" in folded:  # "<strong> Datum:</strong> 2012-07-10": markup reads as blanks
            folded = MARKUP_TAG.sub(lambda m: " " * len(m.group()), folded)
        starts = list(accumulate(map((1).__add__, map(len, lines[:-1])), initial=0))
        doc = cls(lines, original, folded, starts)
        # No word was pulled up across a line: no run of letters in `folded` spans two of the lines (items.py).
        doc.memo["lines_apart"] = not joins
        doc.furniture = _furniture(doc)
        return doc

    def line_of(self, pos: int) -> int:
        """0-based line index of an offset."""
        return bisect.bisect_right(self.starts, pos) - 1

    def paragraph_start(self, index: int, heading: bool = False) -> int:
        """Where the paragraph of line `index` begins: after the blank line above it; with `heading`, at the heading
        standing alone above it ("Fullmäktigesammanträde" over "Torsdagen den 15 januari samlades …")."""
        lines = self.lines
        index = self._paragraphs()[index][0]
        if heading and index >= 2 and not lines[index - 1].strip() and (line := lines[index - 2].strip()) \
                and len(line) < _HEADING_WIDTH and line[-1] not in ".:,;" \
                and (index < 3 or not lines[index - 3].strip()):
            return self.starts[index - 2]
        return self.starts[index]

    def paragraph_end(self, index: int) -> int:
        """Where the paragraph of line `index` ends: before the blank line below it."""
        last = self._paragraphs()[index][1]
        return self.starts[last] + len(self.lines[last])

    def _paragraphs(self) -> list[tuple[int, int]]:
        """Each line's paragraph as (first line, last line), read once per document: the bounds are asked for many
        lines, and a flattened PDF is one paragraph thousands of lines long."""
        found = self.memo.get("paragraphs")
        if found is None:
            found = self.memo["paragraphs"] = []
            first = 0
            for index, line in enumerate(self.lines):
                if not line.strip():
                    found.extend((first, index - 1) for _ in range(first, index))
                    found.append((index, index))  # a blank line is a paragraph of its own
                    first = index + 1
            found.extend((first, len(self.lines) - 1) for _ in range(first, len(self.lines)))
        return found

    def folded_line(self, index: int) -> str:
        start = self.starts[index]
        return self.folded[start:start + len(self.lines[index])]

    def prev_nonblank(self, index: int, count: int) -> list[int]:
        """Up to `count` non-blank, non-furniture line indexes before `index`, nearest first."""
        found: list[int] = []
        i = index - 1
        while i >= 0 and len(found) < count and index - i < 40:
            if self.lines[i].strip() and i not in self.furniture:
                found.append(i)
            i -= 1
        return found

    def first_nonblank(self, count: int) -> list[int]:
        """The first `count` non-blank line indexes: a page's opening, where its own stamp and letterhead stand."""
        found: list[int] = []
        for i, line in enumerate(self.lines):
            if line.strip():
                found.append(i)
                if len(found) == count:
                    break
        return found

    def next_nonblank(self, index: int) -> int | None:
        i = index + 1
        while i < len(self.lines) and i - index < 6:
            if self.lines[i].strip() and i not in self.furniture:
                return i
            i += 1
        return None


_HAS_DIGIT = re.compile(r"\d")
# A markup tag ("<strong>", "</p>"): read as blanks in matching, dropped from titles and places.
MARKUP_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,80})?/?>")
# "plane-\nringskonferens": the word's tail is pulled up so keywords match; length is kept.
_HYPHEN_BREAK = re.compile(r"-(?<=[a-z]{2}-)\n([ \t]{0,8})([a-z]{1,30})(?![a-z])")


def _rejoin(m: re.Match[str]) -> str:
    return m.group(2) + " \n" + m.group(1)


def _furniture(doc: Doc) -> set[int]:
    """Lines repeated on three or more pages (page headers/footers with dates or times), and a document site's list
    of other documents ("Relevanta dokument" and the openings of other minutes, up to a "Transkript")."""
    counts = Counter(map(str.strip, doc.lines))
    repeated = {k for k, n in counts.items() if n >= 3 and len(k) >= 4 and _HAS_DIGIT.search(k)}
    found = {i for i, line in enumerate(doc.lines) if line.strip() in repeated and not _list_row(doc.lines, i, repeated)
             } if repeated else set()
    return found | _related_documents(doc.lines, doc.original) | _cookie_banner(doc.lines)


def _cookie_banner(lines: list[str]) -> set[int]:
    """A web page's cookie notice at its top ("Cookie-inställningar Vår webbplats använder cookies …"), every line of
    its paragraph (OCR wraps it): no title or heading of the page."""
    found: set[int] = set()
    for index, line in enumerate(lines[:12]):
        if "ookie" in line and index not in found:
            start = index
            while start > 0 and lines[start - 1].strip():
                start -= 1
            end = index
            while end + 1 < len(lines) and lines[end + 1].strip():
                end += 1
            found.update(range(start, end + 1))
    return found


def _list_row(lines: list[str], index: int, repeated: set[str]) -> bool:
    """"7 januari" under each of four bodies of a plan: a row among other short date rows, no page header."""
    for step in (-1, 1):
        i = index + step
        while 0 <= i < len(lines) and not lines[i].strip() and abs(i - index) <= 2:
            i += step
        text = lines[i].strip() if 0 <= i < len(lines) else ""
        if text and text not in repeated and len(text) <= 60 and text[0].isdigit() and not _HAS_CLOCK.search(text):
            return True
    return False


_HAS_CLOCK = re.compile(r"\d\d:\d\d:\d\d|sida\s*\d", re.IGNORECASE)  # a page stamp's seconds, "Sida 2"


_RELATED = {"relevanta dokument", "liknande dokument", "relaterade dokument", "related documents",
            "similar documents"}


def _related_documents(lines: list[str], text: str) -> set[int]:
    """`text` is the lines joined: every heading of _RELATED holds "dokument" or "document", so a text without
    either (most) has no such list and its lines are not read one by one."""
    lowered = text.lower()
    return _related_lines(lines) if "dokument" in lowered or "document" in lowered else set()


def _related_lines(lines: list[str]) -> set[int]:
    for index, line in enumerate(lines):
        if index and len(line) < 30 and line.strip().lower() in _RELATED:
            end = next((i for i in range(index + 1, len(lines)) if lines[i].strip().lower() == "transkript"),
                       len(lines))
            return set(range(index, end))
    return set()
