"""An event's occurrences in a window: single items, RRULE series, EXDATEs and overrides.

Series expand in Stockholm wall-clock time, so a 09:30 meeting stays at 09:30 across DST.
Pure functions over anything shaped like an Event (see EventLike); no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from dateutil.rrule import rrulestr

from planner.reminders.leads import STOCKHOLM, local_at

MAX_OCCURRENCES = 1000


class EventLike(Protocol):
    all_day: bool
    start_at: dt.datetime | None
    end_at: dt.datetime | None
    start_date: dt.date | None
    end_date: dt.date | None
    rrule: str | None
    exdates: list[str] | None


@dataclass(frozen=True)
class Occurrence:
    key: str  # canonical ISO start: 2026-12-04T08:30:00Z or 2026-12-04
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None

    @property
    def begins_at(self) -> dt.datetime:
        """When reminders for it stop making sense: the start, or for an all-day item the end of its day."""
        if isinstance(self.start, dt.datetime):
            return self.start.astimezone(dt.UTC)
        return local_at(self.start + dt.timedelta(days=1), dt.time(0, 0))


def occurrence_key(start: dt.datetime | dt.date) -> str:
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return start.isoformat()


def parse_key(text: str) -> dt.datetime | dt.date:
    """Read an ISO date or datetime (any offset, or Z) as stored in occurrence/exdates/recurrence_id."""
    text = text.strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=STOCKHOLM)  # a floating time is a Stockholm time
    return value.astimezone(dt.UTC)


def normalize_key(text: str) -> str:
    return occurrence_key(parse_key(text))


def occurrences(event: EventLike, window_start: dt.datetime, window_end: dt.datetime,
                overridden: Iterable[str] = ()) -> list[Occurrence]:
    """Occurrences that begin (see Occurrence.begins_at) after window_start and start before window_end."""
    first = _first(event)
    if first is None:
        return []
    start, end = first
    if not event.rrule:
        occ = Occurrence(occurrence_key(start), start, end)
        return [occ] if window_start < occ.begins_at and _starts_before(occ, window_end) else []
    skip = {normalize_key(k) for k in overridden}
    excluded = _exdates(event.exdates or [])
    duration = (end - start) if end is not None else None
    rule_text = event.rrule.removeprefix("RRULE:")
    found: list[Occurrence] = []
    if isinstance(start, dt.datetime):
        local_start = start.astimezone(STOCKHOLM)
        rule = rrulestr(rule_text, dtstart=local_start)
        after = window_start.astimezone(STOCKHOLM) - (duration or dt.timedelta(0)) - dt.timedelta(days=1)
        iterator = rule.xafter(after, inc=True)
    else:
        rule = rrulestr(rule_text, dtstart=dt.datetime.combine(start, dt.time(0, 0)))
        iterator = iter(rule)
    for raw in iterator:
        if len(found) >= MAX_OCCURRENCES:
            break
        if isinstance(start, dt.datetime):
            occ_start: dt.datetime | dt.date = _fix_wall_clock(raw)
        else:
            occ_start = raw.date()
        occ = Occurrence(occurrence_key(occ_start), occ_start,
                         occ_start + duration if duration is not None else None)
        if not _starts_before(occ, window_end):
            break
        if occ.begins_at <= window_start or occ.key in skip or _is_excluded(occ, excluded):
            continue
        found.append(occ)
    return found


def _first(event: EventLike) -> tuple[dt.datetime | dt.date, dt.datetime | dt.date | None] | None:
    if not event.all_day and event.start_at is not None:
        return event.start_at.astimezone(dt.UTC), event.end_at.astimezone(dt.UTC) if event.end_at else None
    if event.start_date is not None:
        return event.start_date, event.end_date or event.start_date
    return None


def _fix_wall_clock(value: dt.datetime) -> dt.datetime:
    """dateutil keeps the wall-clock time; re-attach the zone so the offset is that day's offset."""
    naive = value.replace(tzinfo=None)
    return local_at(naive.date(), naive.time()) if value.tzinfo else naive.replace(tzinfo=STOCKHOLM)


def _starts_before(occ: Occurrence, window_end: dt.datetime) -> bool:
    if isinstance(occ.start, dt.datetime):
        return occ.start < window_end
    return local_at(occ.start, dt.time(0, 0)) < window_end


def _exdates(values: Iterable[str]) -> tuple[set[str], set[dt.date]]:
    instants: set[str] = set()
    days: set[dt.date] = set()
    for text in values:
        try:
            value = parse_key(str(text))
        except ValueError:
            continue
        if isinstance(value, dt.datetime):
            instants.add(occurrence_key(value))
        else:
            days.add(value)
    return instants, days


def _is_excluded(occ: Occurrence, excluded: tuple[set[str], set[dt.date]]) -> bool:
    instants, days = excluded
    if occ.key in instants:
        return True
    day = occ.start.astimezone(STOCKHOLM).date() if isinstance(occ.start, dt.datetime) else occ.start
    return day in days
