"""Titles of the dates a list gives: "X sammanträder …: d1, d2, d3" is X's meeting, "Planerade styrelsemöten … är
d1, d2, d3" each a "Styrelsemöte", a line of dates with notes in brackets the body's own plan."""

from __future__ import annotations

import re

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.items import GAP_FILLER
from planner.extract.normalize import fold
from planner.extract.orgs import BODY
from planner.extract.times import TimeMention
from planner.extract.titles import body_meeting_title


def _as_body(ctx: Context, subject: str) -> str:
    """"Fullmäktige" in the minutes of regionfullmäktige is that body: its own name says whose meetings they are."""
    body = ctx.body or ""
    short, full = fold(subject).strip(), fold(body).strip()
    return body if " " not in short and len(full) > len(short) and full.endswith(short) else subject


def listed_title(ctx: Context, subject: str, is_meeting: bool, noun: str) -> str:
    """A listed date's title from the run's subject: "Styrelsemöte" as the text says; a bare "Sammanträde" is the
    body's ("Datum för sammanträden är 6 februari, 5 mars …" in Kultur- och fritidsnämnden's minutes)."""
    if not is_meeting:
        return body_meeting_title(_as_body(ctx, subject), noun)
    if fold(subject) in ("sammantrade", "mote") and ctx.body:
        return body_meeting_title(ctx.body, subject.lower())
    return subject


_MEETINGS_PLURAL = re.compile(r"(?<![a-z])[a-z]{0,20}" + cues.MEETING_NOUN + r"(?P<end>na|n)(?![a-z])")
_MEET_VERB = (r"(?:(?:foreslas|kommer\s{1,2}att|ska|skall|planerar\s{1,2}att|avser\s{1,2}att"
              r"|(?:har\s{1,2})?beslut(?:ar|ade|at)\s{1,2}att)\s{1,2})?"
              r"(?:sammantrader|sammantrada|traffas|mots|har\s{1,2}(?:mote|sammantrade))(?![a-z])")
_MEETS = re.compile(r"\s{0,3}(?P<subj>[a-z][a-z-]{1,30}(?:[ \t]{1,2}[a-z-]{2,30}){0,2}?)\s{1,2}" + _MEET_VERB)
# The same in a sentence that a heading runs into (a PDF's lines joined): the body named right before the verb.
_BODY_MEETS = re.compile(r"(?P<subj>" + BODY.pattern + r")\s{1,2}" + _MEET_VERB)


def listing_subject(ctx: Context, m: DateMention, s0: int, s1: int) -> tuple[str, bool] | None:
    """The body of "X sammanträder …: d1, d2, d3 …" (False), or the meeting of "Planerade styrelsemöten … är d1, d2,
    d3" in the singular (True), when m stands in that run of three or more dates."""
    listed = [d for d in mentions_between(ctx, s0, s1) if d.precision == "day"]
    if len(listed) < 3 or m not in listed:
        return None
    folded = ctx.doc.folded
    k = listed.index(m)
    lo = hi = k
    while lo > 0 and not GAP_FILLER.sub("", folded[listed[lo - 1].end:listed[lo].start]):
        lo -= 1
    while hi + 1 < len(listed) and not GAP_FILLER.sub("", folded[listed[hi].end:listed[hi + 1].start]):
        hi += 1
    if hi - lo < 2:
        return None
    # Every date of the run asks for the same words before it: read once per run.
    key = ("listing", s0, listed[lo].start)
    if key not in ctx.memo:
        ctx.memo[key] = _run_subject(ctx, s0, listed[lo].start)
    return ctx.memo[key]


def _run_subject(ctx: Context, s0: int, first: int) -> tuple[str, bool] | None:
    folded = ctx.doc.folded
    hit = _MEETS.match(folded, s0, first) or _BODY_MEETS.search(folded, s0, first)
    if hit is not None:
        return ctx.doc.original[hit.start("subj"):hit.end("subj")], False
    plural = _MEETINGS_PLURAL.search(folded, s0, first)
    if plural is None:
        return None
    word = ctx.doc.original[plural.start():plural.end() - len(plural.group("end"))]  # "styrelsemöten" → "…möte"
    return word[0].upper() + word[1:], True


def date_list(ctx: Context, start: int, end: int, t: TimeMention | None) -> bool:
    """A line of two or more dates and nothing else (separators, "och", a time)."""
    listed = mentions_between(ctx, start, end)
    if len(listed) < 2:
        return False
    cut = [(d.start, d.end) for d in listed] + ([(t.start, t.end)] if t and start <= t.start < end else [])
    pieces, pos = [], start
    for x, y in sorted(cut):
        pieces.append(ctx.doc.folded[pos:x])
        pos = max(pos, y)
    pieces.append(ctx.doc.folded[pos:end])
    # "6.5 (extrainsatt sammanträde)  13.5   (3.6 inhiberat) 17.6": a note in brackets is one date's
    return not GAP_FILLER.sub("", _NOTE.sub("", "#".join(pieces))).replace("#", "")


_NOTE = re.compile(r"\((?:[^()#\n]{0,40}|#[ \t]{1,3}[a-z]{3,20})\)")  # no date inside, or the date and its word
NOTE_AFTER = re.compile(r"[ \t]{0,3}\(([^()\n]{2,40})\)")
