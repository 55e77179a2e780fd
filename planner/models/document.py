"""Uploaded minutes and the schedule items extraction proposes from them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.db import Model, UTCDateTime, utcnow

if TYPE_CHECKING:
    from planner.models.import_job import ImportJob


class Document(Model):
    # The same file may be uploaded by two organizations: each has its own copy, and neither learns of the other.
    __table_args__ = (UniqueConstraint("organization_id", "sha256", name="uq_document_organization_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    stored_path: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
    # The meeting these minutes record, as extraction found it.
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    extraction: Mapped[dict | None] = mapped_column(JSON)
    uploaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    organization = relationship("Organization")
    body = relationship("Body")
    proposals: Mapped[list[Proposal]] = relationship(
        back_populates="document", order_by="Proposal.evidence_line", cascade="all, delete-orphan"
    )
    if TYPE_CHECKING:
        job: ImportJob | None  # the backref ImportJob.document makes (one job per upload, or none)


class Proposal(Model):
    """One extracted item awaiting a person's decision: pending, accepted or rejected."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"))
    # meeting (the minutes' own), next_meeting, meeting, deadline, holiday, chair_handover, reference
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), default="")
    # As extracted: YYYY-MM-DD, YYYY-MM or YYYY-Www.
    date_text: Mapped[str | None] = mapped_column(String(20))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)  # inclusive, for periods
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    location: Mapped[str | None] = mapped_column(String(300))
    from_party: Mapped[str | None] = mapped_column(String(300))
    to_party: Mapped[str | None] = mapped_column(String(300))
    cancelled: Mapped[bool] = mapped_column(default=False)
    confidence: Mapped[float] = mapped_column(default=0.5)
    evidence_line: Mapped[int | None] = mapped_column()
    evidence_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending/accepted/rejected
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    document: Mapped[Document] = relationship(back_populates="proposals")
    body = relationship("Body")
    event = relationship("Event")
