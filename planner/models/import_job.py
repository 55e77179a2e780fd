"""A background import: one uploaded document read (OCR included) by the scheduler process.

queued → claimed (a scheduler holds its lease) → done, or failed with a Swedish reason. A claimed
job whose lease ran out (its scheduler died) is taken again; `attempts` counts the takes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from planner.db import Model, UTCDateTime, utcnow

JOB_STATUSES = ("queued", "claimed", "done", "failed")


class ImportJob(Model):
    __table_args__ = (Index("ix_import_job_status", "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    pages_done: Mapped[int] = mapped_column(default=0)
    pages_total: Mapped[int | None] = mapped_column()
    error: Mapped[str | None] = mapped_column(Text)  # Swedish, shown to the secretary
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    document = relationship("Document", backref=backref("job", uselist=False, passive_deletes=True))

    @property
    def active(self) -> bool:
        return self.status in ("queued", "claimed")
