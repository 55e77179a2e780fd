"""Times in the database are aware on every backend; a naive one is refused, never guessed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import StatementError

from planner.db import db
from planner.models import Event, Organization


def test_aware_datetimes_come_back_as_the_same_instant(app) -> None:
    org = Organization(name="4M", slug="4m")
    start = dt.datetime(2026, 3, 29, 9, 30, tzinfo=ZoneInfo("Europe/Stockholm"))  # DST change day
    event = Event(organization=org, title="Styrgrupp", start_at=start, end_at=start + dt.timedelta(hours=2))
    db.session.add(event)
    db.session.commit()
    db.session.expire_all()
    loaded = db.session.get(Event, event.id)
    assert loaded.start_at == start
    assert loaded.start_at.utcoffset() == dt.timedelta(0)
    assert loaded.start_at.astimezone(ZoneInfo("Europe/Stockholm")).hour == 9


def test_naive_datetime_is_refused(app) -> None:
    org = Organization(name="4M", slug="4m")
    db.session.add(Event(organization=org, title="x", start_at=dt.datetime(2026, 1, 1, 9)))
    with pytest.raises(StatementError, match="naive datetime"):
        db.session.commit()
    db.session.rollback()
