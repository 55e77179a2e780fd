"""Swedish date grammar on folded text: every way minutes write a day, a period, a month or a week.

The result is raw mentions; years that the text leaves out are filled in later (years.py).
Every pattern is a flat alternation with bounded repeats, so matching stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.extract.months import month_number, weekday_number


@dataclass
class DateMention:
    start: int
    end: int
    precision: str  # "day", "month" or "week"
    month: int = 0
    day: int = 0
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    week: int = 0
    end_week: int | None = None
    weekday: int | None = None
    month_meeting: bool = False

    @property
    def explicit_year(self) -> bool:
        return self.year is not None


_SEP = r"\s{0,3}(?:-|–|—|till|t\.o\.m\.?)\s{0,3}"
_DAY = r"(?P<{n}>[0-3]?\d)(?::[ae]|\.)?"
_WORD = r"(?P<{n}>[a-z]{{3,11}})\.?"
_YEAR = r"(?:[\s,]{0,3}(?P<y>(?:19|20)\d\d)(?!\d)|-(?P<yy>\d\d)(?![\d/:.]|\s{0,3}[a-z]))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range", re.compile(
        r"(?<![\d/.:-])" + _DAY.format(n="d1") + r"\s{0,6}(?:" + _WORD.format(n="m1") + r"\s{0,3})?" + _SEP
        + _DAY.format(n="d2") + r"\s{0,6}" + _WORD.format(n="m2") + _YEAR)),
    ("slashrange", re.compile(
        r"(?<![\d/.])(?P<d1>[0-3]?\d)/(?P<m1>[01]?\d)\s{0,2}[-–]\s{0,2}(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)(?![\d/])")),
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    ("dotted", re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)")),
    ("slash", re.compile(
        r"(?<![\d/.,])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:(?:/|\s|-)(?P<y>(?:19|20)\d\d)|/(?P<yy>\d\d))?(?![\d/])")),
    ("daymonth", re.compile(r"(?<![\d/.:-])" + _DAY.format(n="d") + r"\s{0,6}" + _WORD.format(n="m") + _YEAR)),
    ("monthmeeting", re.compile(r"(?<![a-z])(?P<m>[a-z]{3,9})(?:-|\s)?m[aeiouyd]{1,2}t(?:et|e)(?![a-z])")),
    ("monthyear", re.compile(r"(?<![a-z\d])(?P<m>[a-z]{3,11})\.?\s{0,3}(?P<y>(?:19|20)\d\d)(?!\d)")),
    ("inmonth", re.compile(
        r"(?<![a-z])(?:i|under|till|infor|fore|efter|senast i|fran och med)\s{1,3}"
        r"(?:(?:slutet|borjan|mitten)\s{1,3}av\s{1,3})?(?P<m>[a-z]{3,11})(?![a-z])")),
    ("week", re.compile(
        r"(?<![a-z])(?:v|v\.|vecka|veckorna|veckan|vecka nr|v\s\.)\s{0,2}(?P<w1>[0-5]?\d)"
        r"(?:\s{0,2}(?:-|–|och|till)\s{0,2}(?P<w2>[0-5]?\d))?(?![\d/.:]\d|\d)")),
]
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}
_WEEKDAY_BEFORE = re.compile(r"([a-z]{6,10})\s{1,3}(?:den\s{1,3})?$")
_FRACTION_AFTER = re.compile(r"\s{0,2}(?:dag|del|tjanst|timme|ar\b)")


def find_dates(folded: str) -> list[DateMention]:
    """Non-overlapping date mentions, earliest first; the longest wins where two overlap."""
    candidates: list[tuple[int, int, int, DateMention]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            mention = _build(name, match, folded)
            if mention is not None:
                candidates.append((mention.start, -(mention.end - mention.start), _PRIORITY[name], mention))
    candidates.sort(key=lambda c: c[:3])
    chosen: list[DateMention] = []
    last_end = -1
    for start, _, _, mention in candidates:
        if start >= last_end:
            chosen.append(mention)
            last_end = mention.end
    for mention in chosen:
        if mention.precision == "day":
            before = _WEEKDAY_BEFORE.search(folded, max(0, mention.start - 24), mention.start)
            if before:
                mention.weekday = weekday_number(before.group(1))
    return chosen


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _year(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("yy"):
        return 2000 + int(groups["yy"])
    return None


def _valid_day(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _build(name: str, m: re.Match[str], folded: str) -> DateMention | None:
    start, end = m.start(), m.end()
    if name == "range":
        m2 = month_number(m.group("m2"))
        m1 = month_number(m.group("m1")) if m.group("m1") else m2
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not m1 or not m2 or not _valid_day(d1, m1) or not _valid_day(d2, m2):
            return None
        year = _year(m)
        return DateMention(start, end, "day", m1, d1, year, d2, m2, year)
    if name == "slashrange":
        d1, m1, d2, m2 = (int(m.group(k)) for k in ("d1", "m1", "d2", "m2"))
        if not _valid_day(d1, m1) or not _valid_day(d2, m2):
            return None
        return DateMention(start, end, "day", m1, d1, None, d2, m2, None)
    if name in ("iso", "dotted", "slash"):
        day, month = int(m.group("d")), int(m.group("m"))
        if not _valid_day(day, month):
            return None
        if name == "slash" and not _year(m) and _FRACTION_AFTER.match(folded, end):
            return None
        return DateMention(start, end, "day", month, day, _year(m))
    if name == "daymonth":
        month = month_number(m.group("m"))
        day = int(m.group("d"))
        if not month or not _valid_day(day, month):
            return None
        return DateMention(start, end, "day", month, day, _year(m))
    if name == "monthmeeting":
        month = month_number(m.group("m"), abbreviations=False)
        return DateMention(start, end, "month", month, month_meeting=True) if month else None
    if name == "monthyear":
        month = month_number(m.group("m"))
        return DateMention(m.start("m"), end, "month", month, year=int(m.group("y"))) if month else None
    if name == "inmonth":
        month = month_number(m.group("m"), abbreviations=False)
        return DateMention(m.start("m"), end, "month", month) if month else None
    if name == "week":
        w1, w2 = int(m.group("w1")), _int(m.group("w2"))
        if not 1 <= w1 <= 53 or (w2 is not None and not w1 < w2 <= 53):
            return None
        return DateMention(start, end, "week", week=w1, end_week=w2)
    return None
