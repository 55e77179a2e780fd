"""Swedish wording of dates and items, shared by the SVG titles and the list beside the wheel."""

from __future__ import annotations

import datetime as dt

from planner.wheel.geometry import MONTHS_SV, MONTHS_SV_SHORT
from planner.wheel.model import KIND_LABELS, STATUS_LABELS, Item

WEEKDAYS_SV = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")


def day_text(day: dt.date, with_year: bool = True) -> str:
    text = f"{WEEKDAYS_SV[day.weekday()]} {day.day} {MONTHS_SV[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def short_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SV_SHORT[day.month - 1]}"


def when_text(item: Item) -> str:
    """'fre 5 februari 2027, 09.30–12.00' or '22 feb – 26 feb 2027'."""
    if item.is_period:
        if item.start.year == item.end.year:
            return f"{short_day(item.start)} – {short_day(item.end)} {item.end.year}"
        return f"{short_day(item.start)} {item.start.year} – {short_day(item.end)} {item.end.year}"
    text = day_text(item.start)
    return f"{text}, {item.time}" if item.time else text


def item_title(item: Item) -> str:
    """The full sentence a tooltip and a screen reader get."""
    parts = [item.title, when_text(item)]
    if item.body and item.body not in item.title:
        parts.append(item.body)
    if item.location:
        parts.append(item.location)
    text = " · ".join(parts)
    if item.status != "confirmed":
        text += f" ({STATUS_LABELS.get(item.status, item.status)})"
    return text


def kind_text(item: Item) -> str:
    return KIND_LABELS.get(item.kind, item.kind)


def is_generic_meeting(item: Item) -> bool:
    """A body's ordinary meeting, whose ring already says whose it is: its label shows the time."""
    title = item.title.lower()
    return item.kind == "meeting" and (title.startswith("möte") or title.startswith("sammanträde")
                                       or (item.body is not None and title == item.body.lower()))


def mark_labels(item: Item) -> list[str]:
    """Labels for a mark, longest first: the layout takes the first that fits its lane.

    A title cut to a stump says nothing, so after the full title comes its first words, then
    the date alone; the full text is always in the tooltip, the list and the legend's dates.
    """
    full = mark_label(item)
    if is_generic_meeting(item):
        return [full, f"{item.start.day}/{item.start.month}"]
    day = f"{item.start.day}/{item.start.month}"
    words = item.title.split()
    shorter = [f"{day} {' '.join(words[:n])}…" for n in range(len(words) - 1, 0, -1) if len(words[0]) >= 4]
    return [full, *shorter, day]


def mark_label(item: Item) -> str:
    """The short text beside a mark: '5/2 9.30' (or '8/1 13' on the hour) for an ordinary meeting,
    '13/11 Synpunkter…' otherwise."""
    day = f"{item.start.day}/{item.start.month}"
    if is_generic_meeting(item):
        if not item.time:
            return day
        start = item.time.split("–")[0].lstrip("0")
        return f"{day} {start.removesuffix('.00') or '0'}"
    return f"{day} {item.title}"
