"""A programme's rows under month headings: "Mars / Lör 17  Årsmöte i Församlingshemmet / Kl 15.00 …".

Associations print their year as a month on a line of its own, then a row per event led by the weekday's short
name and the day. The row names no month; the heading above it does, down to the next month heading.
"""

from __future__ import annotations

import re

from planner.extract.dates import DateMention
from planner.extract.months import month_number
from planner.extract.normalize import Doc

_MONTH_HEADING = re.compile(r"[\s#*]{0,4}([a-z]{3,9})\.?(?:\s{1,3}(?:19|20)\d\d)?[\s:*]*")
_WEEKDAY_ROW = re.compile(r"[ \t•*-]{0,4}(?P<w>man|tis|ons|tor|tors|fre|lor|son)(?:dag(?:en)?)?\.?[ \t]{1,12}"
                          r"(?P<d>[1-3]?\d)(?![\d/.:-])")
_HEADING_REACH = 60  # lines a month heading holds for
_WEEKDAY = {"man": 0, "tis": 1, "ons": 2, "tor": 3, "tors": 3, "fre": 4, "lor": 5, "son": 6}
# Any such row at all (one scan of the text; most texts have none).
_ANY_ROW = re.compile(r"\n[ \t•*-]{0,4}(?:man|tis|ons|tor|fre|lor|son)[a-z]{0,5}\.?[ \t]{1,12}[1-3]?\d(?![\d/.:-])")


def weekday_rows(doc: Doc, taken: list[DateMention]) -> list[DateMention]:
    """Dates of rows like "Lör 17" under a month heading, where no other date stands already."""
    found: list[DateMention] = []
    if _ANY_ROW.search(doc.folded) is None:
        return found
    month, since = 0, -_HEADING_REACH
    busy = {doc.line_of(m.start) for m in taken}
    for index, line in enumerate(doc.lines):
        if len(line) > 40 and not month:
            continue
        folded = doc.folded_line(index)
        heading = _MONTH_HEADING.fullmatch(folded) if len(line) <= 20 else None
        named = month_number(heading.group(1), abbreviations=False) if heading is not None else None
        if named:
            month, since = named, index
            continue
        if not month or index - since > _HEADING_REACH or index in busy:
            continue
        row = _WEEKDAY_ROW.match(folded)
        if row is None or not 1 <= int(row.group("d")) <= 31:
            continue
        start = doc.starts[index]
        found.append(DateMention(start + row.start("w"), start + row.end("d"), "day", month, int(row.group("d")),
                                 weekday=_WEEKDAY[row.group("w")]))
    return found
