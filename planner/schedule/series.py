"""One occurrence of a series: leave it out (an EXDATE) or move it (an override row with its RECURRENCE-ID).

Schedule services, not views: the event pages, the CLI and tests call the same functions, and each
change goes through audit.changed (the audit trail, SEQUENCE, and event_changed for reminders and
feeds). Nothing commits here; problems are Swedish catalog msgids the caller shows (gettext).
"""

from __future__ import annotations

import datetime as dt

from planner.db import db
from planner.models import Event, User
from planner.schedule.audit import changed, diff, record, snapshot
from planner.schedule.datefmt import STOCKHOLM, NonexistentTime, stockholm_instant
from planner.schedule.recurrence import Occurrence, occurrences
from planner.translations import N_


class NotAnOccurrence(LookupError):
    """The key names no occurrence of the series (a form's bad request, not a person's mistake)."""


class SeriesProblem(ValueError):
    """A move that cannot be made as asked; the message is a Swedish msgid (or a formatted Swedish text)."""


def series_occurrence(event: Event, key: str) -> Occurrence:
    """The series' occurrence with this key ('2027-02-05T08:30:00Z' or '2027-02-05'); else NotAnOccurrence."""
    try:
        day = dt.date.fromisoformat(key[:10])
    except ValueError as exc:
        raise NotAnOccurrence(key) from exc
    found = [o for o in occurrences(event, day, day) if o.key == key] if event.rrule else []
    if not found:
        raise NotAnOccurrence(key)
    return found[0]


def skip_occurrence(event: Event, key: str, user: User | None) -> None:
    """Leave one occurrence out of the series, e.g. no meeting in the sportlov week."""
    series_occurrence(event, key)
    before = list(event.exdates or [])
    event.exdates = sorted({*before, key})
    changed(event, "updated", {"exdates": [before, event.exdates]}, user)


def move_occurrence(event: Event, key: str, day: dt.date | None, start: dt.time | None, end: dt.time | None,
                    user: User | None) -> Event:
    """Move one occurrence to `day` (a timed one keeps its start and length unless given): the override row.

    An occurrence already moved is NotAnOccurrence (its override is edited instead); SeriesProblem when
    the day is missing, the time does not exist (spring forward) or the end comes first.
    """
    old = series_occurrence(event, key)
    if old.override:
        raise NotAnOccurrence(key)
    if day is None:
        raise SeriesProblem(N_("Ange ett datum."))
    override = Event(organization_id=event.organization_id, body_id=event.body_id, title=event.title,
                     kind=event.kind, description=event.description, location=event.location,
                     status=event.status, recurrence_id=key, from_party=event.from_party, to_party=event.to_party)
    if event.all_day:
        first = event.start_date or old.day
        override.all_day, override.start_date, override.end_date = True, day, day + ((event.end_date or first) - first)
    else:
        if not isinstance(old.start, dt.datetime):
            raise NotAnOccurrence(key)
        length = old.end - old.start if isinstance(old.end, dt.datetime) else dt.timedelta(hours=1)
        start = start or old.start.astimezone(STOCKHOLM).time()
        override.all_day = False
        try:
            override.start_at = stockholm_instant(day, start, "Starttid")
            override.end_at = stockholm_instant(day, end, "Sluttid") if end else override.start_at + length
        except NonexistentTime as exc:
            raise SeriesProblem(str(exc)) from exc
        if override.end_at <= override.start_at:
            raise SeriesProblem(N_("Sluttiden ligger före starttiden."))
    event.overrides.append(override)
    db.session.flush()
    record(override, "created", diff({}, snapshot(override)), user)
    moved_to = override.start_at.isoformat() if override.start_at else day.isoformat()
    changed(event, "updated", {"moved": [key, moved_to]}, user)
    return override
