"""Next year's dates, as pure arithmetic: a meeting's place in the month's rhythm, and a day moved
off red days and school holidays with the reason said in Swedish."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from planner.wheel.text import day_text


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1..4) given weekday of a month, or the last one for n = 5 or -1."""
    if n in (5, -1):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def next_year_date(day: dt.date, kind: str) -> dt.date:
    """Where an item of this year falls next year.

    A meeting keeps its place in the month's rhythm: the first Friday of March stays the first
    Friday of March, a meeting in the fifth (last) week stays on the last such weekday. A
    deadline keeps its day of the month, moved back to the Friday before if it lands on a weekend.
    """
    if kind == "deadline":
        last_day = calendar.monthrange(day.year + 1, day.month)[1]
        moved = dt.date(day.year + 1, day.month, min(day.day, last_day))
        while moved.weekday() >= 5:
            moved -= dt.timedelta(days=1)
        return moved
    n = (day.day - 1) // 7 + 1
    return nth_weekday(day.year + 1, day.month, day.weekday(), n)


def free_day(day: dt.date, blocked: Mapping[dt.date, str], kind: str = "meeting") -> tuple[dt.date, str | None]:
    """The day itself when nothing blocks it, else the nearest free day and why it moved.

    A meeting keeps its weekday (a week later or earlier, in the same month when it can); a
    deadline moves to the working day before. `blocked` maps a day to what it is ("Kristi
    himmelfärdsdag", "sportlov").
    """
    why = blocked.get(day)
    if why is None:
        return day, None
    if kind == "deadline":
        moved = day - dt.timedelta(days=1)
        while moved in blocked or moved.weekday() >= 5:
            moved -= dt.timedelta(days=1)
    else:
        tries = [day + dt.timedelta(days=7 * k) for k in (1, -1, 2, -2, 3, -3)]
        free = [d for d in tries if d not in blocked]
        same_month = [d for d in free if d.month == day.month]
        moved = (same_month or free or [day])[0]
        if moved == day:
            return day, f"{day_text(day, with_year=False)} är {why}: ingen ledig dag i närheten"
    return moved, f"flyttat från {day_text(day, with_year=False)}: {why}"
