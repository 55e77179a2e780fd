"""Creating and editing an event by hand: check what was typed, apply it, record the change.

A schedule service, not a view: the event form, the CLI and tests give it typed values (dates,
times, a recurrence text) and get back the problems, as Swedish catalog msgids with their
parameters (`Problem`), for the caller to show in its language. Nothing is changed when there is
a problem, and nothing commits here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planner import labels
from planner.db import db
from planner.models import Body, Event, User
from planner.schedule.accept import span_problem
from planner.schedule.audit import changed, diff, snapshot
from planner.schedule.datefmt import STOCKHOLM, NonexistentTime, stockholm_instant
from planner.schedule.recurrence import RecurrenceError, occurrence_key, parse_rule
from planner.translations import N_


@dataclass(frozen=True)
class Problem:
    """What is wrong, as a msgid and its parameters: str() gives the Swedish text."""

    msgid: str
    params: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.msgid % self.params if self.params else self.msgid


@dataclass(frozen=True)
class EventInput:
    """An event as a person typed it: Stockholm wall-clock times, a recurrence in words or RRULE."""

    title: str
    day: dt.date | None
    kind: str = "meeting"
    status: str = "confirmed"
    last: dt.date | None = None  # an all-day item's last day, or a timed one's end date
    start: dt.time | None = None
    end: dt.time | None = None
    body_id: int | None = None
    location: str = ""
    description: str = ""
    from_party: str = ""
    to_party: str = ""
    recurrence: str = ""
    exdates: tuple[dt.date, ...] = ()
    unreadable: bool = False  # the form had fields it could not read (their errors are the caller's)


def check(event: Event, data: EventInput, max_occurrences: int) -> tuple[list[Problem], str | None]:
    """The problems with `data` for this event (none: it can be applied) and the RRULE it means."""
    problems: list[Problem] = []
    if not data.title.strip():
        problems.append(Problem(N_("Ange en rubrik.")))
    if data.kind not in labels.EVENT_KINDS or data.status not in labels.EVENT_STATUSES:
        problems.append(Problem(N_("Okänd typ eller status.")))
    if data.day is None and not problems and not data.unreadable:
        problems.append(Problem(N_("Ange ett datum.")))
    if data.body_id is not None:
        body = db.session.get(Body, data.body_id)
        if body is None or body.organization_id != event.organization_id:
            problems.append(Problem(N_("Okänd grupp.")))
    rule = None
    if data.recurrence.strip():
        try:
            rule = parse_rule(data.recurrence, max_occurrences)
        except RecurrenceError as exc:
            problems.append(Problem(N_("Upprepning: %(reason)s"), {"reason": str(exc)}))
    if problems or data.unreadable or data.day is None:
        return problems, rule
    problem = span_problem(data.kind, data.day, data.last, data.start, data.end)  # the review's rule
    if problem:
        return [Problem(problem)], rule
    if data.start is not None:
        try:
            start_at, end_at = _instants(data)
        except NonexistentTime as exc:
            return [Problem(str(exc))], rule
        if end_at <= start_at:
            return [Problem(N_("Sluttiden ligger före starttiden."))], rule
    return [], rule


def _instants(data: EventInput) -> tuple[dt.datetime, dt.datetime]:
    assert data.day is not None and data.start is not None
    start_at = stockholm_instant(data.day, data.start, "Starttid")
    end_at = stockholm_instant(data.last or data.day, data.end, "Sluttid") if data.end \
        else start_at + dt.timedelta(hours=1)
    return start_at, end_at


def apply(event: Event, data: EventInput, max_occurrences: int) -> list[Problem]:
    """Copy `data` onto the event; returns the problems (then nothing was changed)."""
    problems, rule = check(event, data, max_occurrences)
    if problems or data.unreadable or data.day is None:
        return problems
    event.title, event.kind, event.status = data.title.strip()[:300], data.kind, data.status
    event.body_id = data.body_id
    event.location = data.location.strip()[:300] or None
    event.description = data.description.strip()
    event.from_party = data.from_party.strip()[:300] or None
    event.to_party = data.to_party.strip()[:300] or None
    event.rrule = rule
    if data.start is not None:
        skipped = {occurrence_key(dt.datetime.combine(day, data.start, STOCKHOLM)) for day in data.exdates}
    else:
        skipped = {day.isoformat() for day in data.exdates}
    event.exdates = sorted(skipped)
    if data.start is not None:
        event.all_day, (event.start_at, event.end_at) = False, _instants(data)
        event.start_date = event.end_date = None
    else:
        event.all_day, event.start_at, event.end_at = True, None, None
        event.start_date, event.end_date = data.day, data.last or data.day
    return []


def create_event(organization_id: int, data: EventInput, user: User | None,
                 max_occurrences: int) -> tuple[Event | None, list[Problem]]:
    """A new event from `data` (in the session, its change recorded), or None and the problems."""
    event = Event(organization_id=organization_id, kind="meeting", status="confirmed", exdates=[])
    problems = apply(event, data, max_occurrences)
    if problems or data.unreadable:
        return None, problems
    db.session.add(event)
    db.session.flush()
    changed(event, "created", diff({}, snapshot(event)), user, created=True)
    return event, []


def update_event(event: Event, data: EventInput, user: User | None,
                 max_occurrences: int) -> tuple[dict[str, list[object]], list[Problem]]:
    """Apply `data` to the event and record what changed ({} when nothing did), or the problems."""
    before = snapshot(event)
    problems = apply(event, data, max_occurrences)
    if problems or data.unreadable:
        return {}, problems
    changes = diff(before, snapshot(event))
    if changes:
        action = "cancelled" if changes.get("status", [None, None])[1] == "cancelled" else "updated"
        changed(event, action, changes, user)
    return changes, []
