"""Cooperation bodies: the organization, its member municipalities, its bodies and their chairs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Column, Date, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.db import Model, UTCDateTime, db, utcnow

organization_municipality = Table(
    "organization_municipality",
    db.metadata,
    Column("organization_id", ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", ForeignKey("municipality.id", ondelete="CASCADE"), primary_key=True),
)


class Organization(Model):
    """A cooperation body of municipalities, e.g. 4M or Södertörnskommunerna."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    municipalities: Mapped[list[Municipality]] = relationship(
        secondary=organization_municipality, back_populates="organizations", order_by="Municipality.name"
    )
    bodies: Mapped[list[Body]] = relationship(back_populates="organization", order_by="Body.name")

    def __repr__(self) -> str:
        return f"<Organization {self.name}>"


class Municipality(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    code: Mapped[str | None] = mapped_column(String(4))  # kommunkod, e.g. 0127

    organizations: Mapped[list[Organization]] = relationship(
        secondary=organization_municipality, back_populates="municipalities"
    )


class Body(Model):
    """A group within an organization (styrgrupp, ledningsgrupp, PKS, nätverk) that meets."""

    __table_args__ = (UniqueConstraint("organization_id", "slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(100))
    # Order in which the chair passes, as names of municipalities or people.
    chair_rotation: Mapped[list[str]] = mapped_column(JSON, default=list)
    chair_term_months: Mapped[int] = mapped_column(default=12)
    handover_month: Mapped[int | None] = mapped_column()  # 1..12, e.g. 12 for a December handover
    public_feed: Mapped[bool] = mapped_column(default=False)
    # Deadlines each meeting carries, e.g. [{"label": "Kallelse", "days": 7}] (planner.schedule.derived).
    meeting_deadlines: Mapped[list[dict] | None] = mapped_column(JSON, default=list)

    organization: Mapped[Organization] = relationship(back_populates="bodies")
    chair_terms: Mapped[list[ChairTerm]] = relationship(
        back_populates="body", order_by="ChairTerm.start_date", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Body {self.name}>"


class ChairTerm(Model):
    """Who holds the chair of a body, from when to when (end exclusive; None while it runs)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("body.id", ondelete="CASCADE"))
    holder: Mapped[str] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipality.id", ondelete="SET NULL"))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)

    body: Mapped[Body] = relationship(back_populates="chair_terms")
    municipality: Mapped[Municipality | None] = relationship()
