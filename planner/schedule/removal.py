"""Deleting an event and merging a duplicate into another, without losing what was sent.

Deleting is a cancellation subscribers can see: the row stays (soft delete, `deleted_at`), its
status becomes cancelled, so its pending reminders are cancelled, everyone already reminded gets an
"INSTÄLLT" mail, and the feeds keep it as STATUS:CANCELLED for `DELETED_FEED_DAYS` (30) before
dropping it. Merging removes a duplicate quietly: the kept event carries on, the duplicate's history
and sent reminders move to it (so nobody is reminded twice of the same meeting), the rest is
cancelled, and the duplicate leaves the feeds at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select, update

from planner.db import db, utcnow
from planner.models import Event, EventChange, ReminderDelivery, User
from planner.schedule.audit import changed, record

DEFAULT_FEED_DAYS = 30


class MergeError(ValueError):
    """Two events that cannot be merged (the same one, another organization, a series occurrence)."""


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).isoformat()


def delete_event(event: Event, user: User | None = None, now: dt.datetime | None = None,
                 actor: str | None = None) -> bool:
    """Soft-delete `event` (and its moved occurrences) in the caller's transaction; False if it already was."""
    if event.deleted_at is not None:
        return False
    now = now or utcnow()
    before = event.status
    for override in event.overrides:
        override.status, override.deleted_at = "cancelled", now
        override.touch()
    event.status, event.deleted_at = "cancelled", now
    changed(event, "deleted", {"status": [before, "cancelled"], "deleted_at": [None, _stamp(now)]}, user,
            actor=actor)
    return True


def restore_event(event: Event) -> None:
    """An event a re-imported calendar brings back (the caller sets its status and fields)."""
    event.deleted_at = None
    event.merged_into_id = None
    for override in event.overrides:
        override.deleted_at = None


def merge_events(keep: Event, drop: Event, user: User | None = None, now: dt.datetime | None = None) -> int:
    """Merge the duplicate `drop` into `keep`; returns how many sent reminders moved over."""
    if keep.id == drop.id:
        raise MergeError("En händelse kan inte slås ihop med sig själv.")
    if keep.organization_id != drop.organization_id:
        raise MergeError("Händelserna hör till olika organisationer.")
    if keep.series_id is not None or drop.series_id is not None:
        raise MergeError("Ett enskilt tillfälle i en serie kan inte slås ihop; välj serien.")
    if keep.deleted_at is not None or drop.deleted_at is not None:
        raise MergeError("En borttagen händelse kan inte slås ihop.")
    now = now or utcnow()
    db.session.flush()
    moved = _move_deliveries(keep, drop)
    table = ReminderDelivery.__table__
    gone = [drop.id, *(o.id for o in drop.overrides)]
    db.session.execute(update(table).where(table.c.event_id.in_(gone), table.c.status == "pending")
                       .values(status="cancelled", last_error=f"sammanslagen med händelse {keep.id}"))
    db.session.execute(update(EventChange.__table__).where(EventChange.__table__.c.event_id == drop.id)
                       .values(event_id=keep.id))
    db.session.expire(keep, ["changes"])
    db.session.expire(drop, ["changes"])
    for override in drop.overrides:
        override.status, override.deleted_at, override.merged_into_id = "cancelled", now, keep.id
        override.touch()
    drop.status, drop.deleted_at, drop.merged_into_id = "cancelled", now, keep.id
    drop.touch()
    record(drop, "merged", {"merged_into": [None, keep.id]}, user)
    changed(keep, "merged", {"merged": [None, f"{drop.title} (#{drop.id})"]}, user)
    return moved


def _move_deliveries(keep: Event, drop: Event) -> int:
    """The duplicate's sent mails become the kept event's, replacing a pending twin (same occurrence,
    recipient and lead), so the kept event does not remind that person a second time."""
    table = ReminderDelivery.__table__
    c = table.c
    mine = {(r.occurrence, r.recipient, r.lead, r.kind): (r.id, r.status)
            for r in db.session.execute(select(c.id, c.occurrence, c.recipient, c.lead, c.kind, c.status)
                                        .where(c.event_id == keep.id))}
    moved = 0
    for row in db.session.execute(select(c.id, c.occurrence, c.recipient, c.lead, c.kind)
                                  .where(c.event_id == drop.id, c.status == "sent")):
        twin = mine.get((row.occurrence, row.recipient, row.lead, row.kind))
        if twin is not None:
            if twin[1] != "pending":
                continue  # both were sent already: each keeps its own history
            db.session.execute(delete(table).where(c.id == twin[0], c.status == "pending"))
        db.session.execute(update(table).where(c.id == row.id).values(event_id=keep.id))
        moved += 1
    return moved


def feed_cutoff(config: Mapping[str, Any], today_start: dt.datetime) -> dt.datetime:
    """Deleted events stay in feeds (as cancelled) while deleted after this instant; whole days, so the
    drop happens at midnight, which already counts as a change for Last-Modified."""
    days = int(config.get("DELETED_FEED_DAYS", DEFAULT_FEED_DAYS))
    return today_start - dt.timedelta(days=days)
