"""Managing feeds in the browser's forms: only admins; create, revoke, rotate, public switch, .ics upload."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest

from planner.db import db
from planner.models import Event, Feed
from tests.conftest import csrf_token_from
from tests.feeds_scenario import WIDE_WINDOW, make_example_schedule

HOLIDAYS = Path(__file__).resolve().parent / "ics" / "school_holidays" / "skollov-varberg-2026-2027.ics"


def _token(client, path: str = "/feeds/admin/") -> str:
    return csrf_token_from(client.get(path).get_data(as_text=True))


def test_feed_management_needs_an_admin(app, client, login) -> None:
    make_example_schedule()
    assert client.get("/feeds/admin/").status_code == 302  # to the login page
    login("viewer")
    assert client.get("/feeds/admin/").status_code == 403
    assert client.post("/feeds/admin/create", data={"scope": "org:1"}).status_code in (400, 403)
    assert db.session.scalar(db.select(db.func.count(Feed.id))) == 0


def test_admin_creates_revokes_and_rotates_a_feed(app, client, login) -> None:
    app.config.update(WIDE_WINDOW)
    scenario = make_example_schedule()
    login("admin")
    response = client.post("/feeds/admin/create", data={
        "csrf_token": _token(client), "scope": f"body:{scenario['styrgrupp'].id}", "kinds": ["meeting"],
        "name": "Kommundirektörerna"})
    assert response.status_code == 302
    feed = db.session.scalar(db.select(Feed))
    assert feed.body_id == scenario["styrgrupp"].id and feed.kinds == ["meeting"]
    page = client.get("/feeds/admin/").get_data(as_text=True)
    assert "Kommundirektörerna" in page and f"/feeds/{feed.token}" in page
    old = feed.token
    assert client.get(f"/feeds/{old}.ics").status_code == 200

    client.post(f"/feeds/admin/{feed.id}/rotate", data={"csrf_token": _token(client)})
    db.session.refresh(feed)
    assert feed.token != old and len(feed.token) >= 22
    assert client.get(f"/feeds/{old}.ics").status_code == 404
    assert client.get(f"/feeds/{feed.token}.ics").status_code == 200

    client.post(f"/feeds/admin/{feed.id}/revoke", data={"csrf_token": _token(client)})
    assert client.get(f"/feeds/{feed.token}.ics").status_code == 404


def test_admin_switches_a_bodys_public_feed(app, client, login) -> None:
    app.config.update(WIDE_WINDOW)
    scenario = make_example_schedule()
    login("admin")
    url = "/feeds/public/kustkommunerna/styrgrupp.ics"
    client.post(f"/feeds/admin/public/{scenario['styrgrupp'].id}", data={"csrf_token": _token(client), "public": "1"})
    assert client.get(url).status_code == 200
    assert "/feeds/public/kustkommunerna/styrgrupp" in client.get("/feeds/admin/").get_data(as_text=True)
    client.post(f"/feeds/admin/public/{scenario['styrgrupp'].id}", data={"csrf_token": _token(client), "public": "0"})
    assert client.get(url).status_code == 404


def test_secretary_uploads_a_school_holiday_calendar(app, client, login) -> None:
    app.config.update({"ICS_IMPORT_YEARS_BACK": 30, **WIDE_WINDOW})
    scenario = make_example_schedule()
    login("secretary", org=scenario["org"])
    token = _token(client, "/feeds/admin/import")
    response = client.post("/feeds/admin/import", data={
        "csrf_token": token, "body_id": str(scenario["ledning"].id), "kind": "",
        "file": (io.BytesIO(HOLIDAYS.read_bytes()), "skollov.ics")}, content_type="multipart/form-data",
        follow_redirects=True)
    assert response.status_code == 200
    assert "Importerat till Ledningsgrupp: 6 nya" in response.get_data(as_text=True)
    titles = set(db.session.scalars(db.select(Event.title).where(Event.external_uid.is_not(None))))
    assert {"Höstlov", "Jullov", "Sportlov", "Påsklov", "Sommarlov"} <= titles


@pytest.mark.parametrize(("fixture", "message"), [
    ("hourly.ics", "FREQ=HOURLY"),
    ("no-dtstart.ics", "saknar starttid"),  # was a 500
    ("secondly-by-lists.ics", "86400 förekomster per dag"),
    ("vtimezone-secondly.ics", "tidszonen Evil/Seconds"),
])
def test_upload_of_a_hostile_calendar_is_refused_on_the_page(app, client, login, fixture: str, message: str) -> None:
    scenario = make_example_schedule()
    login("admin")
    data = (Path(__file__).resolve().parent / "ics" / "hostile" / fixture).read_bytes()
    started = time.monotonic()
    response = client.post("/feeds/admin/import", data={
        "csrf_token": _token(client, "/feeds/admin/import"), "body_id": str(scenario["ledning"].id),
        "file": (io.BytesIO(data), fixture)}, content_type="multipart/form-data")
    assert time.monotonic() - started < 5
    assert response.status_code == 400
    assert re.search(rf"Importen stoppades: .*{re.escape(message)}", response.get_data(as_text=True))


def test_secretary_cannot_import_into_another_organizations_body(app, client, login) -> None:
    from planner.models import Organization

    scenario = make_example_schedule()
    other = Organization(name="Södertörnskommunerna", slug="sodertornskommunerna")
    db.session.add(other)
    db.session.commit()
    login("secretary", org=other)
    response = client.post("/feeds/admin/import", data={
        "csrf_token": _token(client, "/feeds/admin/import"), "body_id": str(scenario["ledning"].id),
        "file": (io.BytesIO(HOLIDAYS.read_bytes()), "skollov.ics")}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count(Event.id)).where(Event.external_uid.is_not(None))) == 0
