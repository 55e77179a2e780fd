"""Today is the Stockholm date, even on a UTC server after 23:00 (22:00 in summer)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.clock import local_date, today_local
from planner.db import db
from planner.models import Event
from planner.schedule.orgs import get_or_create_body, get_or_create_organization

LATE_DECEMBER = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)  # 00:30 on 1 January 2027 in Stockholm


def test_a_utc_evening_is_already_tomorrow_in_stockholm() -> None:
    assert today_local(dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC)) == dt.date(2026, 12, 2)
    assert today_local(dt.datetime(2026, 12, 1, 22, 59, tzinfo=dt.UTC)) == dt.date(2026, 12, 1)
    assert today_local(dt.datetime(2026, 6, 1, 22, 30, tzinfo=dt.UTC)) == dt.date(2026, 6, 2)  # summer: UTC+2
    assert today_local(LATE_DECEMBER) == dt.date(2027, 1, 1)


def test_a_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError):
        local_date(dt.datetime(2026, 12, 1, 23, 30))


def test_the_pages_use_the_stockholm_date_of_the_apps_clock(app, client, login) -> None:
    app.config["CLOCK"] = lambda: LATE_DECEMBER
    org = get_or_create_organization("Kustkommunerna")
    body = get_or_create_body(org, "Ledningsgrupp")
    db.session.add_all([
        Event(organization=org, body=body, title="Nyårsafton", kind="meeting", status="confirmed",
              all_day=True, start_date=dt.date(2026, 12, 31)),
        Event(organization=org, body=body, title="Nyårsdagen", kind="meeting", status="confirmed",
              all_day=True, start_date=dt.date(2027, 1, 1)),
    ])
    db.session.commit()
    login("admin")
    month = client.get("/events/month").get_data(as_text=True)
    assert "Januari 2027" in month and "December 2026" not in month
    home = client.get("/").get_data(as_text=True)
    upcoming, _, past = home.partition("Tidigare")
    assert "Nyårsdagen" in upcoming and "Nyårsafton" not in upcoming and "Nyårsafton" in past
    app.config["CLOCK"] = lambda: dt.datetime(2026, 12, 31, 22, 30, tzinfo=dt.UTC)  # 23:30 in Stockholm
    assert "December 2026" in client.get("/events/month").get_data(as_text=True)
