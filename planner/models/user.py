"""Accounts for the review UI: admin, secretary (of one organization) or viewer."""

from __future__ import annotations

import datetime as dt

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from planner.db import Model, UTCDateTime, utcnow

ROLES = ("admin", "secretary", "viewer")


class User(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # A login remembers the version it was made with; logging out (or a new password) moves it on,
    # so a copied cookie stops working at once.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    organization = relationship("Organization")

    @property
    def is_active(self) -> bool:
        return self.active

    def set_password(self, password: str) -> None:
        if self.password_hash and not check_password_hash(self.password_hash, password):
            self.session_version = (self.session_version or 0) + 1  # a new password ends the old logins
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


_DUMMY_HASH: list[str] = []


def check_password(user: User | None, password: str) -> bool:
    """The password check, costing the same hash whether or not the account exists."""
    if user is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(generate_password_hash("no such account"))
        check_password_hash(_DUMMY_HASH[0], password)
        return False
    return user.check_password(password)
