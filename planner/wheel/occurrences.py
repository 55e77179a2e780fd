"""The days an event occupies within the wheel's year, and the times printed next to it.

The expansion (series, EXDATEs, DST) is planner.schedule.recurrence's. Override rows are drawn as
events of their own, so the recurrence ids they replace are passed in and left out here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from planner.schedule import datefmt, recurrence
from planner.schedule.recurrence import STOCKHOLM
from planner.wheel.geometry import Span

__all__ = ["STOCKHOLM", "Occurrence", "local", "occurrences", "time_label"]


@dataclass(frozen=True)
class Occurrence:
    start: dt.date
    end: dt.date  # inclusive
    start_at: dt.datetime | None  # aware, for timed events
    end_at: dt.datetime | None
    recurrence: str | None  # None for a single event


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(STOCKHOLM)


def time_label(start_at: dt.datetime | None, end_at: dt.datetime | None) -> str | None:
    """Swedish style: 09.30–12.00 (the one clock formatter, shared with the mails)."""
    if start_at is None:
        return None
    return datefmt.format_clock_span(start_at, end_at)


def occurrences(event: object, span: Span, replaced: Iterable[str]) -> Iterator[Occurrence]:
    """Occurrences of one event that touch the span; `replaced` holds overridden recurrence ids."""
    last = span.end - dt.timedelta(days=1)
    for occ in recurrence.occurrences(event, span.start, last, skip=replaced):
        if occ.override:
            continue
        series_key = occ.key if getattr(event, "rrule", None) else None
        if not isinstance(occ.start, dt.datetime):
            yield Occurrence(occ.day, occ.last_day, None, None, series_key)
            continue
        start_at = occ.start.astimezone(dt.UTC)
        end_at = occ.end.astimezone(dt.UTC) if isinstance(occ.end, dt.datetime) and occ.end > occ.start else start_at
        yield Occurrence(occ.day, occ.last_day, start_at, end_at, series_key)
