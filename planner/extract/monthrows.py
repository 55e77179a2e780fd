"""A plan's rows led by their month: "Januari: 21", "Februari: 4, 18", "Mars – 18 och 25 kl 13.00".

The days of a row belong to the month that leads it. Read as text, "Januari: 21\\nFebruari: 18" would put 21 in
February; the row's own month is the right one, so mentions that cross into a month row are dropped for them.
"""

from __future__ import annotations

import re

from planner.extract.dates import DateMention
from planner.extract.months import month_number
from planner.extract.normalize import Doc

_ROW = re.compile(r"[ \t•*-]{0,4}(?P<m>[a-z]{3,9})\.?[ \t]{0,3}[:–-][ \t]{0,3}"
                  r"(?P<days>[0-3]?\d(?:[ \t]{0,2}(?:,|och|&|\+|samt)[ \t]{0,2}[0-3]?\d)*)"
                  r"(?:[ \t,]{0,3}(?:kl\.?|klockan)?[ \t]{0,2}\d{1,2}[.:]\d\d"
                  r"(?:[ \t]{0,2}[-–][ \t]{0,2}\d{1,2}[.:]\d\d)?)?"
                  r"[ \t.]*")
_DAYS = re.compile(r"[0-3]?\d")
# Any such row at all: a month word, a colon or dash, a day, at a line's start (most texts have none).
_ANY_ROW = re.compile(r"(?:^|\n)[ \t•*-]{0,4}[jfmasond][a-z]{2,8}\.?[ \t]{0,3}[:–-][ \t]{0,3}[0-3]?\d(?!\d)")
_MIN_ROWS = 3  # a plan lists several months; one "Mars: 18" alone is no table


def month_rows(doc: Doc, mentions: list[DateMention]) -> list[DateMention] | None:
    """The mentions with month rows read as their month's days, or None when the text has fewer than three rows."""
    if _ANY_ROW.search(doc.folded) is None:
        return None
    rows: dict[int, list[DateMention]] = {}
    for index, line in enumerate(doc.lines):
        if len(line) > 80:
            continue
        hit = _ROW.fullmatch(doc.folded_line(index))
        month = month_number(hit.group("m"), abbreviations=True) if hit else None
        if hit is None or not month:
            continue
        start = doc.starts[index]
        days = [d for d in _DAYS.finditer(doc.folded, start + hit.start("days"), start + hit.end("days"))
                if 1 <= int(d.group(0)) <= 31]
        # the first day's mention spans its month too ("Januari: 21" is one date, as "21 januari" is)
        rows[index] = [DateMention(start + hit.start("m") if not k else d.start(), d.end(), "day", month,
                                   int(d.group(0))) for k, d in enumerate(days)]
    if len(rows) < _MIN_ROWS:
        return None
    kept = [m for m in mentions
            if doc.line_of(m.start) not in rows and doc.line_of(max(m.start, m.end - 1)) not in rows]
    return sorted(kept + [m for found in rows.values() for m in found], key=lambda m: m.start)
