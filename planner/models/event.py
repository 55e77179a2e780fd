"""Reviewed schedule items: what feeds, the wheel and reminders serve."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.db import UTCDateTime, db, utcnow

EVENT_KINDS = ("meeting", "deadline", "chair_handover", "holiday")
EVENT_STATUSES = ("confirmed", "tentative", "cancelled")


def new_uid() -> str:
    return f"{uuid.uuid4()}@planner"


class Event(db.Model):
    """A timed item has start_at/end_at (aware, UTC in the database); an all-day item has dates.

    end_date is inclusive here (the last day of a period); feeds write the exclusive DTEND.
    A series carries an RRULE and EXDATEs; an override of one occurrence is its own row
    with series_id and recurrence_id set.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(255), unique=True, default=new_uid)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="meeting")
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

    organization = relationship("Organization")
    body = relationship("Body")
    source_document = relationship("Document", foreign_keys=[source_document_id])
    overrides: Mapped[list[Event]] = relationship(back_populates="series", cascade="all, delete-orphan")
    series: Mapped[Event | None] = relationship(back_populates="overrides", remote_side=[id])
    changes: Mapped[list[EventChange]] = relationship(
        back_populates="event", order_by="EventChange.at", cascade="all, delete-orphan"
    )

    def touch(self) -> None:
        """Every change a subscriber should see raises SEQUENCE and LAST-MODIFIED."""
        self.sequence = (self.sequence or 0) + 1
        self.updated_at = utcnow()


class EventChange(db.Model):
    """The audit trail: who changed what on an event, and when."""

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(320), default="system")
    action: Mapped[str] = mapped_column(String(30))  # created/updated/cancelled/imported
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [old, new]

    event: Mapped[Event] = relationship(back_populates="changes")
