"""Imported occurrences into the schedule: re-import updates by the source's UID, never duplicates.

A calendar is known by its identity (planner.feeds.importer.calendar_identity: URL, else PRODID and
name), not by its file name, and an import that shares an event UID with an earlier one into the same
body is the same calendar too; what such a calendar no longer has is deleted as planner.schedule.removal
deletes (cancelled for subscribers, history kept), and comes back if the calendar has it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from planner.db import db
from planner.feeds.importer import Occurrence, calendar_identity, expand_calendar, parse_calendar
from planner.feeds.lines import STOCKHOLM
from planner.models import Body, Event
from planner.schedule.audit import changed
from planner.schedule.removal import delete_event, restore_event

FIELDS = ("title", "description", "location", "all_day", "start_at", "end_at", "start_date", "end_date", "status",
          "transparent")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    def summary(self) -> str:
        return (f"{self.created} nya, {self.updated} uppdaterade, {self.unchanged} oförändrade, "
                f"{self.removed} borttagna")


def default_kind(occurrence: Occurrence) -> str:
    """School holidays and other day-long periods are holidays; timed items are meetings."""
    return "holiday" if occurrence.all_day else "meeting"


def _calendar_of(event: Event) -> str | None:
    return event.external_calendar or event.external_source  # rows imported before identities: file name


def save_occurrences(occurrences: Sequence[Occurrence], body: Body, source: str, *, window_start: dt.date,
                     window_end: dt.date, kind: str | None = None, actor: str = "system",
                     identity: str | None = None) -> ImportResult:
    """Create, update or remove events of `body` so they match the calendar within the window.

    An occurrence the calendar no longer has (inside the expanded window, from the same calendar:
    same identity or file name, or an earlier import sharing a UID with this one) is removed;
    events outside the window are left alone because they were not looked at.
    """
    identity = (identity or source)[:500]
    result = ImportResult()
    existing = {
        e.external_uid: e for e in db.session.scalars(
            db.select(Event).where(Event.body_id == body.id, Event.external_uid.is_not(None))
        )
    }
    seen: set[str] = set()
    same: set[str | None] = {identity, source[:500]}
    touched: list[tuple[Event, str, dict[str, list[object]]]] = []
    for occurrence in occurrences:
        seen.add(occurrence.external_uid)
        event = existing.get(occurrence.external_uid)
        values = {name: getattr(occurrence, name) for name in FIELDS}
        values["kind"] = kind or default_kind(occurrence)
        if event is None:
            event = Event(organization_id=body.organization_id, body_id=body.id, external_uid=occurrence.external_uid,
                          external_source=source[:500], external_calendar=identity, **values)
            db.session.add(event)
            touched.append((event, "imported", {"source": [None, source]}))
            result.created += 1
            continue
        changes = {name: [_plain(getattr(event, name)), _plain(value)] for name, value in values.items()
                   if getattr(event, name) != value}
        same.add(_calendar_of(event))
        event.external_source, event.external_calendar = source[:500], identity
        if event.deleted_at is not None:  # the calendar has it again: back from the removed
            changes["deleted_at"] = [_plain(event.deleted_at), None]
            restore_event(event)
        if not changes:
            result.unchanged += 1
            continue
        for name, value in values.items():
            setattr(event, name, value)
        touched.append((event, "updated", changes))
        result.updated += 1
    low = dt.datetime.combine(window_start, dt.time(), STOCKHOLM)
    high = dt.datetime.combine(window_end, dt.time(), STOCKHOLM)
    db.session.flush()
    for event, action, changes in touched:  # after the flush: reminders need new events' ids
        changed(event, action, changes, None, created=action == "imported", actor=actor)
    for uid, event in existing.items():
        if uid in seen or event.deleted_at is not None or _calendar_of(event) not in same:
            continue
        first = event.start_at or dt.datetime.combine(event.start_date, dt.time(), STOCKHOLM)
        if low <= first < high:  # a cancellation for subscribers; history and sent reminders stay
            delete_event(event, actor=actor)
            result.removed += 1
    return result


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def import_window(config: Mapping[str, Any], now: dt.datetime) -> tuple[dt.date, dt.date]:
    """From a year back (last school year's holidays) to three years ahead, in whole days."""
    get = config.get
    today = now.astimezone(STOCKHOLM).date()
    back, ahead = int(get("ICS_IMPORT_YEARS_BACK", 1)), int(get("ICS_IMPORT_YEARS_AHEAD", 3))
    return today.replace(year=today.year - back, day=min(today.day, 28)), \
        today.replace(year=today.year + ahead, day=min(today.day, 28))


def import_calendar(data: bytes, body: Body, source: str, config: Mapping[str, Any], now: dt.datetime,
                    kind: str | None = None, actor: str = "system") -> ImportResult:
    """Expand a calendar with the configured bounds and save it into the body's schedule."""
    get = config.get
    start, end = import_window(config, now)
    calendar = parse_calendar(data, int(get("ICS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)))
    occurrences = expand_calendar(calendar, start=start, end=end,
                                  max_occurrences=int(get("ICS_IMPORT_MAX_OCCURRENCES", 5000)))
    return save_occurrences(occurrences, body, source, window_start=start, window_end=end, kind=kind, actor=actor,
                            identity=calendar_identity(calendar, source))
