"""Years a text leaves out, read from the text itself: a headline's year, "nästa år", a year a meeting moved to, the
year after a list's last day, the first full date. Pure functions over the folded text and its date mentions."""

from __future__ import annotations

import datetime as dt
import re

from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.years import safe_date

_HEADLINE_YEAR = re.compile(r"(?<![\d.:/-])(?:19|20)\d\d(?![\d.:/-])")


def headline_year(doc: Doc, content: list[DateMention]) -> int | None:
    """The one year a news item's headline names, outside any date: the year its yearless days are in."""
    top = doc.first_nonblank(1)
    if not top or len(doc.lines[top[0]]) > 80:
        return None
    line = top[0]
    if content and doc.line_of(content[0].start) == line:  # the first line's dates come first: a dated headline
        return None
    years = _HEADLINE_YEAR.findall(doc.lines[line])
    return int(years[0]) if len(years) == 1 else None


NEXT_YEAR = re.compile(r"(?<![a-z])(?:nasta|kommande)\s{1,3}[a4&]r(?![a-z])")  # OCR: "Nasta 4r"


def written_at(mentions: list[DateMention], day: dt.date) -> int:
    """Where the first full date of `day` is written (0 when none is)."""
    return next((m.start for m in mentions if m.precision == "day" and m.year and
                 safe_date(m.year, m.month, m.day) == day), 0)


# "Förbundsmötet 2020 flyttas till 2021. … Mötet kommer att genomföras under april": the year it moved to.
_MOVED_TO_YEAR = re.compile(r"(?<![a-z])(?:flyttas|flyttats|flyttades|skjuts|senarelaggs|senarelades)(?![a-z])"
                            r"[^.\n]{0,40}?\stil+\s{1,3}((?:19|20)\d\d)(?![\d-])")


def moved_to_years(folded: str) -> list[tuple[int, int]]:
    """Where each "flyttas … till 2021" ends, and its year."""
    return [(hit.end(), int(hit.group(1))) for hit in _MOVED_TO_YEAR.finditer(folded)] if "till" in folded else []


def moved_year(folded: str, moved: list[tuple[int, int]], pos: int) -> int | None:
    """The year a meeting was moved to, said in the paragraph before a yearless date (at most 300 characters)."""
    for end, year in reversed(moved):
        if end <= pos:
            return year if pos - end <= 300 and folded.find("\n\n", end, pos) == -1 else None
    return None


_LIST_SEP = re.compile(r"\s{0,3}(?:,|;|och|samt|&)\s{0,3}(?:den\s{1,3})?")


def list_end_years(folded: str, mentions: list[DateMention]) -> dict[int, int]:
    """"sammanträden den 1 april, 10 juni, 6 juli och 12 augusti 1999": the year after a list's last day is the
    year of each day before it, by id. One pass from the end."""
    years: dict[int, int] = {}
    year = None
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        if m.precision != "day":
            year = None
        elif m.year is not None:
            year = m.year if not m.end_year else None
        elif year is not None:
            years[id(m)] = year
        if k and not _LIST_SEP.fullmatch(folded, mentions[k - 1].end, m.start):
            year = None
    return years


def first_full_date(mentions: list[DateMention]) -> dt.date | None:
    for m in mentions:
        if m.precision == "day" and m.year:
            date = safe_date(m.year, m.month, m.day)
            if date:
                return date
    return None
