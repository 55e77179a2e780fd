"""The audit trail: what an event looked like before and after, and who changed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.db import db
from planner.models import Event, EventChange, User
from planner.schedule.signals import send_event_changed

AUDITED = ("title", "kind", "status", "body_id", "location", "description", "all_day", "start_at", "end_at",
           "start_date", "end_date", "rrule", "exdates", "from_party", "to_party")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    return value


def snapshot(event: Event) -> dict[str, Any]:
    """JSON-able values of the fields a subscriber would notice."""
    return {name: _plain(getattr(event, name)) for name in AUDITED}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def changed(event: Event, action: str, changes: dict[str, Any], user: User | None, created: bool = False,
            actor: str | None = None) -> None:
    """Everything one change of an event implies, in the caller's transaction: the audit row,
    SEQUENCE and LAST-MODIFIED for calendar clients, and `event_changed` for whoever follows events
    (reminders move along, the feed cache forgets; they subscribe in create_app)."""
    if not created:
        event.touch()
    record(event, action, changes, user, actor)
    send_event_changed(event, changes)


def record(event: Event, action: str, changes: dict[str, Any], user: User | None,
           actor: str | None = None) -> EventChange:
    change = EventChange(event=event, user_id=user.id if user else None,
                         actor=actor or (user.email if user else "system"), action=action, changes=changes)
    db.session.add(change)
    return change
