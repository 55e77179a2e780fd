"""Imported occurrences into the schedule: re-import updates by the source's UID, never duplicates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.db import db
from planner.feeds.importer import Occurrence, expand
from planner.feeds.lines import STOCKHOLM
from planner.models import Body, Event, EventChange
from planner.reminders.sync import sync_event_reminders

FIELDS = ("title", "description", "location", "all_day", "start_at", "end_at", "start_date", "end_date", "status")


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


def save_occurrences(occurrences: Sequence[Occurrence], body: Body, source: str, *, window_start: dt.date,
                     window_end: dt.date, kind: str | None = None, actor: str = "system") -> ImportResult:
    """Create, update or remove events of `body` so they match the calendar within the window.

    An occurrence the source no longer has (inside the expanded window, from the same source)
    is removed; events outside the window are left alone because they were not looked at.
    """
    result = ImportResult()
    existing = {
        e.external_uid: e for e in db.session.scalars(
            db.select(Event).where(Event.body_id == body.id, Event.external_uid.is_not(None))
        )
    }
    seen: set[str] = set()
    changed: list[Event] = []
    for occurrence in occurrences:
        seen.add(occurrence.external_uid)
        event = existing.get(occurrence.external_uid)
        values = {name: getattr(occurrence, name) for name in FIELDS}
        values["kind"] = kind or default_kind(occurrence)
        if event is None:
            event = Event(organization_id=body.organization_id, body_id=body.id, external_uid=occurrence.external_uid,
                          external_source=source[:500], **values)
            db.session.add(event)
            event.changes.append(EventChange(actor=actor, action="imported", changes={"source": [None, source]}))
            changed.append(event)
            result.created += 1
            continue
        changes = {name: [_plain(getattr(event, name)), _plain(value)] for name, value in values.items()
                   if getattr(event, name) != value}
        event.external_source = source[:500]
        if not changes:
            result.unchanged += 1
            continue
        for name, value in values.items():
            setattr(event, name, value)
        event.touch()
        event.changes.append(EventChange(actor=actor, action="updated", changes=changes))
        changed.append(event)
        result.updated += 1
    low = dt.datetime.combine(window_start, dt.time(), STOCKHOLM)
    high = dt.datetime.combine(window_end, dt.time(), STOCKHOLM)
    for uid, event in existing.items():
        if uid in seen or event.external_source != source[:500]:
            continue
        first = event.start_at or dt.datetime.combine(event.start_date, dt.time(), STOCKHOLM)
        if low <= first < high:
            db.session.delete(event)
            result.removed += 1
    db.session.flush()
    for event in changed:
        sync_event_reminders(event)
    return result


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def import_window(config: object, now: dt.datetime) -> tuple[dt.date, dt.date]:
    """From a year back (last school year's holidays) to three years ahead, in whole days."""
    get = config.get  # type: ignore[attr-defined]
    today = now.astimezone(STOCKHOLM).date()
    back, ahead = int(get("ICS_IMPORT_YEARS_BACK", 1)), int(get("ICS_IMPORT_YEARS_AHEAD", 3))
    return today.replace(year=today.year - back, day=min(today.day, 28)), \
        today.replace(year=today.year + ahead, day=min(today.day, 28))


def import_calendar(data: bytes, body: Body, source: str, config: object, now: dt.datetime,
                    kind: str | None = None, actor: str = "system") -> ImportResult:
    """Expand a calendar with the configured bounds and save it into the body's schedule."""
    get = config.get  # type: ignore[attr-defined]
    start, end = import_window(config, now)
    occurrences = expand(data, start=start, end=end, max_occurrences=int(get("ICS_IMPORT_MAX_OCCURRENCES", 5000)),
                         max_bytes=int(get("ICS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)))
    return save_occurrences(occurrences, body, source, window_start=start, window_end=end, kind=kind, actor=actor)
