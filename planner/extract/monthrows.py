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


# A year's programme by month: "Februari       Årsmöte", "Mars             Månadsmöte. Musikunderhållning …": the
# month leads each row, what happens that month follows it; a row may name two ("Juni, juli  Sommaruppehåll").
_PROGRAMME_ROW = re.compile(r"(?m)^[ \t•*-]{0,4}(?P<m>januari|februari|mars|april|maj|juni|juli|augusti|september"
                            r"|oktober|november|december)(?:,[ \t]{0,2}[a-z]{3,9})?"
                            r"(?P<gap>[ \t.]{2,}|[ \t]{0,2}[:–][ \t]{1,3}|[ \t])(?=[a-z])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MIN_PROGRAMME = 4


def month_programme(doc: Doc) -> list[DateMention]:
    """A programme's month rows as month mentions, in the year the text names above them, the next from January on
    after a December; none unless four rows or more run in the calendar's order (a year's turn allowed once)."""
    # (one blank, as OCR leaves the columns, only before a capital: "Mars Månadsmöte", not "Maj månad …")
    rows = [(hit, month) for hit in _PROGRAMME_ROW.finditer(doc.folded)
            if (month := month_number(hit.group("m"))) is not None
            and (hit.group("gap") != " " or doc.original[hit.end()].isupper())]
    if len(rows) < _MIN_PROGRAMME or sum(b[1] < a[1] for a, b in zip(rows, rows[1:], strict=False)) > 1:
        return []
    years = _YEAR.findall(doc.folded, 0, rows[0][0].start())
    year = int(years[-1]) if years else None
    found, last = [], 0
    for hit, month in rows:
        if year is not None and month < last:
            year += 1
        last = month
        found.append(DateMention(hit.start("m"), hit.end("m"), "month", month, 0, year))
    return found
