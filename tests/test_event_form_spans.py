"""The hand-entry form refuses what the review refuses: an end before the start, a meeting over a day."""

from __future__ import annotations

import pytest

from planner.db import db
from planner.models import Event
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from tests.conftest import csrf_token_from

BASE = {"title": "Styrgruppens möte", "kind": "meeting", "status": "confirmed", "date": "2027-02-05"}


@pytest.mark.parametrize(("fields", "message"), [
    ({"start": "13", "end": "9.30"}, "Sluttiden ligger före starttiden."),
    ({"end_date": "2027-02-04"}, "Slutdatum ligger före startdatum."),
    ({"start": "9.30", "end": "8", "end_date": "2027-02-04"}, "Slutdatum ligger före startdatum."),
    ({"start": "9.30", "end": "12", "end_date": "2027-02-06"},
     "Ett möte kan inte vara längre än ett dygn; rätta slutdatumet eller sluttiden."),
    ({"end_date": "2027-02-28"},
     "Ett möte kan inte vara längre än en dag; ta bort slutdatumet eller välj en annan typ."),
    ({"start": "9.30", "end_date": "2027-02-06"},
     "Ett möte kan inte vara längre än en dag; ta bort slutdatumet eller välj en annan typ."),
])
def test_new_event_with_an_impossible_span_is_refused_in_swedish(client, login, fields, message) -> None:
    org = get_or_create_organization("Kustkommunerna")
    get_or_create_body(org, "Styrgrupp")
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    response = client.post("/events/new", data={"csrf_token": token, **BASE, **fields})
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


def test_editing_cannot_stretch_a_meeting_but_a_holiday_may_span_days(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    client.post("/events/new", data={"csrf_token": token, **BASE, "start": "9.30", "end": "12"})
    event = db.session.scalar(db.select(Event))
    stretched = client.post(f"/events/{event.id}/edit", data={"csrf_token": token, **BASE, "start": "9.30",
                                                               "end": "12", "end_date": "2027-02-09"})
    assert "längre än ett dygn" in stretched.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Event, event.id).end_at.date().isoformat() == "2027-02-05"
    holiday = client.post("/events/new", data={"csrf_token": token, **BASE, "title": "Sportlov", "kind": "holiday",
                                               "date": "2027-02-22", "end_date": "2027-02-26"})
    assert holiday.status_code == 302
    lov = db.session.scalar(db.select(Event).filter_by(title="Sportlov"))
    assert (lov.start_date.isoformat(), lov.end_date.isoformat()) == ("2027-02-22", "2027-02-26")
