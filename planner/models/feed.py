"""Secret feed tokens: each names a scope (organization, body or municipality) and optional kinds."""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.db import Model, UTCDateTime, utcnow


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits


class Feed(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(100), unique=True, default=new_token)
    name: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    body_id: Mapped[int | None] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id", ondelete="CASCADE"))
    kinds: Mapped[list[str] | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    organization = relationship("Organization")
    body = relationship("Body")
    municipality = relationship("Municipality")
