"""Years the text leaves out: from the minutes' own date, a schedule heading, or a named weekday.

Minutes plan forward, so a yearless date is read inside a window from about three months
before the reference date to nine months after it; a named weekday then picks, among nearby
years, the one in which the date falls on that weekday.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

BACK_DAYS = 100
AHEAD_DAYS = 265


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def window_year(month: int, day: int, ref: dt.date) -> int:
    """The year that puts month/day closest to the planning window around `ref`."""
    low, high = ref - dt.timedelta(days=BACK_DAYS), ref + dt.timedelta(days=AHEAD_DAYS)
    for year in (ref.year, ref.year + 1, ref.year - 1):
        date = safe_date(year, month, day or 1)
        if date is not None and low <= date < high:
            return year
    return ref.year


def weekday_year(month: int, day: int, weekday: int, around: int, span: int = 7) -> int | None:
    """The year nearest `around` in which month/day is the given weekday (earlier wins a tie)."""
    for distance in range(span + 1):
        for year in (around - distance, around + distance):
            date = safe_date(year, month, day)
            if date is not None and date.weekday() == weekday:
                return year
    return None


def last_weekday_year(dates: list[tuple[int, int, int]], latest: int, span: int = 8) -> int | None:
    """The latest year up to `latest` in which every (month, day, weekday) falls on its weekday, if one does."""
    if not dates:
        return None
    for year in range(latest, latest - span, -1):
        if all((d := safe_date(year, month, day)) is not None and d.weekday() == weekday
               for month, day, weekday in dates):
            return year
    return None


def week_year(week: int, ref: dt.date) -> int:
    low, high = ref - dt.timedelta(days=BACK_DAYS), ref + dt.timedelta(days=AHEAD_DAYS)
    for year in (ref.year, ref.year + 1, ref.year - 1):
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            continue
        if low <= monday < high:
            return year
    return ref.year


def document_year(years: list[int]) -> int | None:
    """The year the document talks about most (the latest wins a tie)."""
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))



# How likely a body is to meet on each weekday: boards and councils sit Monday to Thursday, a Friday less often.
_WORKDAY = (1.0, 1.0, 1.0, 1.0, 0.6, 0.1, 0.0)


def weekday_fit_year(dates: list[tuple[int, int]], latest: int, span: int = 12) -> int | None:
    """The year of a plan that names none: the one (up to `latest`, the latest of equals) that puts its (month, day)
    dates on the days bodies meet. None when fewer than six dates, when under nine in ten land on a weekday, or when
    years that put them on other weekdays fit as well (the days then cannot tell)."""
    if len(dates) < 6:
        return None
    fits: dict[tuple[int, ...], tuple[float, int]] = {}
    for year in range(latest, latest - span, -1):
        days = [safe_date(year, month, day) for month, day in dates]
        if None in days:
            continue
        weekdays = tuple(d.weekday() for d in days if d)
        if weekdays not in fits:  # years of one calendar fit alike; the latest was seen first
            fits[weekdays] = (sum(_WORKDAY[w] for w in weekdays), year)
    ranked = sorted(fits.items(), key=lambda pair: -pair[1][0])
    if not ranked:
        return None
    (best, (fit, year)), rest = ranked[0], ranked[1:]
    if sum(w < 5 for w in best) * 10 < len(dates) * 9 or (rest and rest[0][1][0] >= fit):
        return None
    return year
