"""Pure geometry of the wheel: dates to angles, sectors, week ticks, lanes and labels.

Angles are degrees clockwise from twelve o'clock, where the wheel's year begins. The year
is the span of days from the first day of `first_month` (January, or August for an
academic year) to the same day a year later, so a leap year simply has one more day and
every day gets the same share of the circle.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.schedule.datefmt import MONTHS

MONTHS_SV = MONTHS["sv"]
MONTHS_SV_SHORT = tuple(name[:3] for name in MONTHS_SV)  # "jan" … "dec", as the wheel's labels cut them


@dataclass(frozen=True)
class Span:
    """The wheel's year: first day included, end excluded."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def contains(self, day: dt.date) -> bool:
        return self.start <= day < self.end

    def label(self) -> str:
        if self.start.month == 1:
            return str(self.start.year)
        return f"{self.start.year}/{str(self.end.year)[2:]}"


def year_span(year: int, first_month: int = 1) -> Span:
    """The wheel for `year` begins on the first day of `first_month` of that year."""
    if not 1 <= first_month <= 12:
        raise ValueError(f"first month must be 1..12, not {first_month}")
    return Span(dt.date(year, first_month, 1), dt.date(year + 1, first_month, 1))


def day_angle(span: Span, day: dt.date) -> float:
    """The angle where `day` begins (its midnight); days outside the span are clamped."""
    offset = min(max((day - span.start).days, 0), span.days)
    return offset * 360.0 / span.days


def mid_day_angle(span: Span, day: dt.date) -> float:
    """The middle of the day's slice: where a one-day mark sits."""
    return day_angle(span, day) + 180.0 / span.days


def period_angles(span: Span, first: dt.date, last: dt.date) -> tuple[float, float]:
    """Start and end angle of an inclusive period of days, clipped to the span."""
    return day_angle(span, max(first, span.start)), day_angle(span, min(last + dt.timedelta(days=1), span.end))


def polar(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return cx + r * math.sin(rad), cy - r * math.cos(rad)


def annulus_sector(cx: float, cy: float, r_in: float, r_out: float, a0: float, a1: float) -> str:
    """SVG path of a ring sector between two angles (a full ring when the sweep is 360°)."""
    sweep = a1 - a0
    if sweep >= 359.999:
        a1 = a0 + 359.99
    large = 1 if sweep > 180 else 0
    x0, y0 = polar(cx, cy, r_out, a0)
    x1, y1 = polar(cx, cy, r_out, a1)
    x2, y2 = polar(cx, cy, r_in, a1)
    x3, y3 = polar(cx, cy, r_in, a0)
    return (f"M{x0:.2f},{y0:.2f}A{r_out:.2f},{r_out:.2f} 0 {large} 1 {x1:.2f},{y1:.2f}"
            f"L{x2:.2f},{y2:.2f}A{r_in:.2f},{r_in:.2f} 0 {large} 0 {x3:.2f},{y3:.2f}Z")


def arc_path(cx: float, cy: float, r: float, a0: float, a1: float) -> str:
    """An open clockwise arc, e.g. for a period drawn as a thick stroke."""
    a1 = min(a1, a0 + 359.99)
    large = 1 if a1 - a0 > 180 else 0
    x0, y0 = polar(cx, cy, r, a0)
    x1, y1 = polar(cx, cy, r, a1)
    return f"M{x0:.2f},{y0:.2f}A{r:.2f},{r:.2f} 0 {large} 1 {x1:.2f},{y1:.2f}"


@dataclass(frozen=True)
class Month:
    index: int  # 1..12
    name: str
    start: dt.date
    a0: float
    a1: float


def month_sectors(span: Span) -> list[Month]:
    months = []
    day = span.start
    while day < span.end:
        nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        months.append(Month(day.month, MONTHS_SV[day.month - 1], day, day_angle(span, day), day_angle(span, nxt)))
        day = nxt
    return months


@dataclass(frozen=True)
class WeekTick:
    week: int
    monday: dt.date
    angle: float  # where the Monday begins (may be the span start for a week begun before it)
    mid: float  # centre of the part of the week inside the span, for its number


def week_ticks(span: Span) -> list[WeekTick]:
    """One tick per ISO week that has days in the span; week 53 appears in years that have it."""
    ticks = []
    monday = span.start - dt.timedelta(days=span.start.weekday())
    while monday < span.end:
        first = max(monday, span.start)
        last = min(monday + dt.timedelta(days=7), span.end)
        a0, a1 = day_angle(span, first), day_angle(span, last)
        if (last - first).days >= 3:  # a sliver of a week gets a tick but no crowded number
            ticks.append(WeekTick(monday.isocalendar()[1], monday, day_angle(span, monday if monday >= span.start
                                                                                else span.start), (a0 + a1) / 2))
        else:
            ticks.append(WeekTick(0, monday, a0, (a0 + a1) / 2))
        monday += dt.timedelta(days=7)
    return ticks


def assign_lanes(intervals: Sequence[tuple[float, float]]) -> list[int]:
    """Lanes so that no two intervals in a lane overlap (angles; touching is allowed).

    Taken in order of start, each interval gets the lowest lane free at its start, so items
    keep to the outer lanes and the number of lanes equals the largest number of intervals
    over any one angle (optimal for intervals). Heaps keep it O(n log n) for a crowded year.
    """
    order = sorted(range(len(intervals)), key=lambda i: (intervals[i][0], intervals[i][1]))
    busy: list[tuple[float, int]] = []  # (end, lane) of lanes in use
    free: list[int] = []  # lanes free again, lowest first
    lanes = [0] * len(intervals)
    count = 0
    for i in order:
        start, end = intervals[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, count = count, count + 1
        lanes[i] = lane
        heapq.heappush(busy, (end, lane))
    return lanes


def lane_count(lanes: Iterable[int]) -> int:
    return max(lanes, default=-1) + 1


def angular_size(length: float, radius: float) -> float:
    """Degrees a straight length subtends at a radius (for a label set across the spoke)."""
    return math.degrees(length / max(radius, 1.0))


_NARROW = frozenset("iljtf.,:;!|' /()")
_WIDE = frozenset("mwMWÅÄÖ@%")


def _char_em(ch: str) -> float:
    return 0.33 if ch in _NARROW else (0.88 if ch in _WIDE else 0.58)


def text_width(text: str, size: float) -> float:
    """An estimate of a label's width in Arial's metrics; wide enough that real fonts fit."""
    return size * sum(_char_em(ch) for ch in text)


def fit_text(text: str, size: float, room: float) -> str:
    """The text, or as much of it as fits in `room` with an ellipsis, or "" if nothing useful fits."""
    limit = room / size
    total = 0.0
    widths = []
    for ch in text:
        total += _char_em(ch)
        widths.append(total)
    if total <= limit:
        return text
    cut = bisect.bisect_right(widths, limit - 0.9)  # 0.9 em: the ellipsis
    kept = text[:cut].rstrip()
    return kept + "…" if len(kept) >= 3 else ""


def radial_text_transform(cx: float, cy: float, r: float, angle: float) -> tuple[str, str]:
    """Transform and text-anchor for a label along the spoke that starts at r and runs inward,
    kept upright: on the left half of the wheel it is turned half a circle so it reads left to right."""
    x, y = polar(cx, cy, r, angle)
    if angle % 360 < 180:
        return f"translate({x:.2f},{y:.2f}) rotate({angle - 90:.2f})", "end"
    return f"translate({x:.2f},{y:.2f}) rotate({angle + 90:.2f})", "start"


def tangential_rotation(angle: float) -> float:
    """Rotation of text set along the circle at `angle`, flipped on the lower half to stay upright."""
    a = angle % 360
    return a if a <= 90 or a >= 270 else a - 180
