"""The meeting the minutes record: the labelled header (Tid/Datum/Plats) or the title line's date.

Page headers repeated on every page (furniture) are tried last, so a template's stale date in
them never overrides the real header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.extract.cues import ADMIN
from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.times import TimeMention
from planner.extract.years import safe_date, weekday_year

LABEL = re.compile(
    r"^\s{0,6}(?:sammantradesdatum|motesdatum|datum och tid|datum\s{1,3}och\s{1,3}tid|tid och plats|datum"
    r"|tid|dag|nar)(?![a-z])\s{0,3}:?")
PLACE = re.compile(r"^\s{0,6}(?:plats och tid|motesplats|plats|lokal)(?![a-z])\s{0,3}:?\s{0,3}")
TIME_LABEL = re.compile(r"^\s{0,6}(?:tid|plats och tid|tid och plats|klockslag)(?![a-z])")
_TIME_IN_PLACE = re.compile(r"[,;]?\s*(?:kl\.?\s*|klockan\s*)?\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?.*$"
                            r"|[,;]?\s*(?:kl\.?|klockan)\s*\d.*$")
TIME_LINE = re.compile(r"^\s{0,6}(?:tid(?![a-z])\s{0,3}:?\s{0,3})?(?:kl|\d)")
TOP_LINES = 14


@dataclass
class Meeting:
    date: dt.date
    start: str | None
    end: str | None
    location: str | None
    line: int
    labelled: bool
    explicit_year: bool

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "start": self.start, "end": self.end, "location": self.location}


def find_meeting(doc: Doc, mentions: list[DateMention], times: list[TimeMention],
                 doc_year: int | None) -> tuple[Meeting | None, DateMention | None]:
    by_line: dict[int, list[DateMention]] = {}
    for m in mentions:
        if m.precision == "day":
            by_line.setdefault(doc.line_of(m.start), []).append(m)
    for allow_furniture in (False, True):
        for index in sorted(by_line):
            if (index in doc.furniture) != allow_furniture:
                continue
            folded = doc.folded_line(index)
            if (LABEL.match(folded) or _bare_label_above(doc, index)) and not ADMIN.search(folded):
                found = _meeting_at(doc, by_line[index][0], index, times, doc_year, labelled=True)
                if found:
                    return found, by_line[index][0]
    seen = 0
    for index, line in enumerate(doc.lines):
        if not line.strip() or index in doc.furniture:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        for m in by_line.get(index, []):
            if m.year is not None or m.weekday is not None:
                found = _meeting_at(doc, m, index, times, doc_year, labelled=False)
                if found:
                    return found, m
    return None, None


def _bare_label_above(doc: Doc, index: int) -> bool:
    """ "Sammanträdesdatum" on a line of its own, the date on the next."""
    above = doc.prev_nonblank(index, 1)
    if not above:
        return False
    folded = doc.folded_line(above[0])
    m = LABEL.match(folded)
    return m is not None and not folded[m.end():].strip()


def _meeting_at(doc: Doc, m: DateMention, index: int, times: list[TimeMention], doc_year: int | None,
                labelled: bool) -> Meeting | None:
    year = m.year
    if year is None:
        if doc_year is None:
            return None
        year = doc_year
        if m.weekday is not None:
            year = weekday_year(m.month, m.day, m.weekday, doc_year) or doc_year
    date = safe_date(year, m.month, m.day)
    if date is None:
        return None
    start, end = _time_near(doc, index, m, times)
    return Meeting(date, start, end, _location(doc, index), index, labelled, m.year is not None)


def _time_near(doc: Doc, index: int, m: DateMention, times: list[TimeMention]) -> tuple[str | None, str | None]:
    line_end = doc.starts[index] + len(doc.lines[index])
    for t in times:
        if m.end <= t.start <= line_end:
            return t.begin, t.finish
    nxt = doc.next_nonblank(index)
    candidates = [nxt] if nxt is not None and TIME_LINE.match(doc.folded_line(nxt)) else []
    # A "Tid"/"Plats och tid" line elsewhere in the header block.
    for i in range(max(0, index - 3), min(len(doc.lines), index + 5)):
        if i != index and i not in candidates and TIME_LABEL.match(doc.folded_line(i)):
            candidates.append(i)
    for i in candidates:
        start, stop = doc.starts[i], doc.starts[i] + len(doc.lines[i])
        for t in times:
            if start <= t.start <= stop:
                return t.begin, t.finish
    return None, None


def _location(doc: Doc, index: int) -> str | None:
    for i in range(max(0, index - 2), min(len(doc.lines), index + 6)):
        folded = doc.folded_line(i)
        m = PLACE.match(folded)
        if m:
            raw = doc.lines[i][m.end():]
            # The time is found on the folded line ("kI 13.3O" reads "kl 13.30") and cut from the original.
            hit = _TIME_IN_PLACE.search(folded, m.end()) if len(folded) == len(doc.lines[i]) else None
            value = (raw[:hit.start() - m.end()] if hit else _TIME_IN_PLACE.sub("", raw)).strip(" :,;\t")
            if value:
                return value[:120]
    return None
