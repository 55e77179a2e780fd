"""An event's occurrences as reminders see them: keyed by their UTC start, the key of a delivery row.

The expansion itself (series, EXDATEs, overrides, DST) is planner.schedule.recurrence's; this adds
the window reminders need (what has not begun yet) and the key format stored in ReminderDelivery.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner.reminders.leads import local_at
from planner.schedule import recurrence


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
    """A delivery row's occurrence key (or any stored ISO key) as a date or a UTC datetime."""
    value = recurrence.parse_key(text)
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) else value


def occurrences(event: Any, window_start: dt.datetime, window_end: dt.datetime,
                overridden: Iterable[str] = ()) -> list[Occurrence]:
    """Occurrences that begin (see Occurrence.begins_at) after window_start and start before window_end.

    Override rows are left out, as are the occurrences in `overridden`: an override is an event of
    its own and gets its own reminders.
    """
    found = []
    days = recurrence.local_day(window_start), recurrence.local_day(window_end)
    for occ in recurrence.occurrences(event, *days, skip=overridden):
        item = Occurrence(occurrence_key(occ.start), occ.start, occ.end)
        if not occ.override and window_start < item.begins_at and _start_instant(item) < window_end:
            found.append(item)
    return found


def _start_instant(occ: Occurrence) -> dt.datetime:
    return occ.start if isinstance(occ.start, dt.datetime) else local_at(occ.start, dt.time(0, 0))
