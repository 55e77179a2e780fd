"""Reviewed schedule items: what feeds, the wheel and reminders serve."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, ForeignKey, String, Text, delete, insert, inspect
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from planner import labels
from planner.db import Model, UTCDateTime, utcnow

# The codes an event may have: planner.labels names them (one list, so a new kind gets its word there).
EVENT_KINDS = labels.EVENT_KINDS
EVENT_STATUSES = tuple(labels.EVENT_STATUSES)


def new_uid() -> str:
    return f"{uuid.uuid4()}@planner"


class Event(Model):
    """A timed item has start_at/end_at (aware, UTC in the database); an all-day item has dates.

    end_date is inclusive here (the last day of a period); feeds write the exclusive DTEND.
    A series carries an RRULE and EXDATEs; an override of one occurrence is its own row
    with series_id and recurrence_id set.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_uid)
    # active_history: the old scope is known when one changes, for EventRemoval below.
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"),
                                                 active_history=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"), active_history=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="meeting", active_history=True)
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str | None] = mapped_column(String(300))
    all_day: Mapped[bool] = mapped_column(default=False)
    start_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    end_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="confirmed")
    rrule: Mapped[str | None] = mapped_column(String(500))
    exdates: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO dates or datetimes
    series_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    recurrence_id: Mapped[str | None] = mapped_column(String(40))  # ISO of the replaced occurrence
    from_party: Mapped[str | None] = mapped_column(String(300))  # chair handovers
    to_party: Mapped[str | None] = mapped_column(String(300))
    sequence: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_document_id: Mapped[int | None] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"))
    # For events imported from an .ics: the calendar's own UID, so re-import updates in place.
    external_uid: Mapped[str | None] = mapped_column(String(500), index=True)
    external_source: Mapped[str | None] = mapped_column(String(500))
    # The calendar it came from (URL, or PRODID|X-WR-CALNAME; see planner.feeds.importer.calendar_identity).
    external_calendar: Mapped[str | None] = mapped_column(String(500))
    # The source's TRANSP (True = free time); None: feeds decide by kind.
    transparent: Mapped[bool | None] = mapped_column()
    # Soft delete: the row, its history and its deliveries stay; see planner.schedule.removal.
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    # A duplicate merged into another event (it leaves the feeds at once, without an INSTÄLLT).
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))

    organization = relationship("Organization")
    body = relationship("Body")
    source_document = relationship("Document", foreign_keys=[source_document_id])
    overrides: Mapped[list[Event]] = relationship(back_populates="series", cascade="all, delete-orphan",
                                                  foreign_keys=[series_id])
    series: Mapped[Event | None] = relationship(back_populates="overrides", remote_side=[id],
                                                foreign_keys=[series_id])
    merged_into: Mapped[Event | None] = relationship(remote_side=[id], foreign_keys=[merged_into_id])
    changes: Mapped[list[EventChange]] = relationship(
        back_populates="event", order_by="EventChange.at", cascade="all, delete-orphan"
    )

    def touch(self) -> None:
        """Every change a subscriber should see raises SEQUENCE and LAST-MODIFIED."""
        self.sequence = (self.sequence or 0) + 1
        self.updated_at = utcnow()


class EventChange(Model):
    """The audit trail: who changed what on an event, and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(320), default="system")
    action: Mapped[str] = mapped_column(String(30))  # created/updated/cancelled/imported
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]

    event: Mapped[Event] = relationship(back_populates="changes")


class EventRemoval(Model):
    """When an event left a scope (deleted, or moved to another organization, body or kind).

    A feed's Last-Modified is its newest change; without these rows a deletion has no timestamp, and
    a client polling with If-Modified-Since would keep the deleted event. Rows older than two days no
    longer matter (a feed's Last-Modified is never older than the start of today) and are pruned.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    removed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


REMOVAL_KEEP = dt.timedelta(days=2)
SCOPE_COLUMNS = ("organization_id", "body_id", "kind")


def _record_removals(session: Session, _context: object) -> None:
    """After each flush (foreign keys synced, history still there): a removal row for every event
    that left the scope it was in, written on the flush's own connection."""
    left: set[tuple[int, int | None, str]] = set()
    for obj in session.deleted:
        if isinstance(obj, Event) and obj.organization_id is not None:
            left.add((obj.organization_id, obj.body_id, obj.kind or "meeting"))
    for obj in session.dirty:
        if not isinstance(obj, Event):
            continue
        state = inspect(obj)
        old = []
        for name in SCOPE_COLUMNS:
            history = state.attrs[name].history
            old.append(history.deleted[0] if history.deleted else getattr(obj, name))
        if tuple(old) != tuple(getattr(obj, n) for n in SCOPE_COLUMNS) and old[0] is not None:
            left.add((old[0], old[1], old[2] or "meeting"))
    gone = {(obj.__tablename__, obj.id) for obj in session.deleted if hasattr(obj, "__tablename__")}
    left = {(o, None if ("body", b) in gone else b, k) for o, b, k in left if ("organization", o) not in gone}
    if not left:
        return
    now, table = utcnow(), EventRemoval.__table__
    connection = session.connection()
    connection.execute(delete(table).where(table.c.removed_at < now - REMOVAL_KEEP))
    connection.execute(insert(table), [{"organization_id": o, "body_id": b, "kind": k, "removed_at": now}
                                       for o, b, k in sorted(left, key=repr)])


if not sa_event.contains(Session, "after_flush", _record_removals):
    sa_event.listen(Session, "after_flush", _record_removals)
