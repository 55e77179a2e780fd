"""Reminder subscribers and the deliveries the dispatcher sends, one row per mail."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import JSON, Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.db import Model, UTCDateTime, db, utcnow

subscriber_body = Table(
    "subscriber_body",
    db.metadata,
    Column("subscriber_id", ForeignKey("subscriber.id", ondelete="CASCADE"), primary_key=True),
    Column("body_id", ForeignKey("body.id", ondelete="CASCADE"), primary_key=True),
)


class Subscriber(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    token: Mapped[str] = mapped_column(String(100), unique=True, default=lambda: secrets.token_urlsafe(24))
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    unsubscribed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    weekly_digest: Mapped[bool] = mapped_column(default=False)
    # Overrides of the organization's lead times, e.g. {"meeting": ["P7D", "P1D"]}; None: defaults.
    lead_times: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    bodies = relationship("Body", secondary=subscriber_body)
    organization = relationship("Organization")

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


def new_message_id() -> str:
    """Stable per delivery, so a resend after a crash is recognisable as the same mail."""
    return f"<{secrets.token_hex(16)}@planner>"


class ReminderDelivery(Model):
    """One mail to one recipient about one occurrence at one lead time; unique, so never twice."""

    __table_args__ = (
        UniqueConstraint("event_id", "occurrence", "recipient", "lead", "kind", name="uq_delivery_once"),
        Index("ix_delivery_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    subscriber_id: Mapped[int | None] = mapped_column(ForeignKey("subscriber.id", ondelete="CASCADE"))
    recipient: Mapped[str] = mapped_column(String(320))
    occurrence: Mapped[str] = mapped_column(String(40))  # ISO start of the occurrence
    lead: Mapped[str] = mapped_column(String(20))  # ISO 8601 duration such as P7D, or "digest"
    kind: Mapped[str] = mapped_column(String(20), default="reminder")  # reminder/cancel_notice/digest
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # pending/claimed/sent/failed/expired/cancelled
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    message_id: Mapped[str] = mapped_column(String(200), unique=True, default=new_message_id)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    event = relationship("Event")
    subscriber = relationship("Subscriber")
