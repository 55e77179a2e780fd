"""Whatever changes an event (review, the calendar pages) moves its reminders in the same commit."""

from __future__ import annotations

import datetime as dt

from planner.db import db
from planner.models import Event, ReminderDelivery
from planner.schedule.accept import accept
from tests.conftest import csrf_token_from
from tests.reminders_helpers import STHLM, org_with_bodies, subscriber
from tests.review_helpers import item, make_document


def _due_times(event_id: int) -> dict[str, dt.datetime]:
    db.session.expire_all()
    found = db.session.scalars(db.select(ReminderDelivery).filter_by(event_id=event_id, status="pending"))
    return {r.lead: r.due_at.astimezone(STHLM) for r in found}


def test_accepted_meeting_gets_reminders_and_an_edit_moves_them(client, login) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("kd@varberg.se", org, styr)
    db.session.commit()
    day = dt.date.today() + dt.timedelta(days=60)
    later = day + dt.timedelta(days=7)
    document = make_document(org_name=org.name, body_name=styr.name, meeting={}, items=[
        item("next_meeting", day.isoformat(), 7, start="09:30", end="12:00", title="Nästa möte")])
    event = accept(document.proposals[0])
    db.session.commit()
    at_eight = dt.time(8, 0)
    assert _due_times(event.id) == {
        "P7D": dt.datetime.combine(day - dt.timedelta(days=7), at_eight, STHLM),
        "P1D": dt.datetime.combine(day - dt.timedelta(days=1), at_eight, STHLM)}

    login("secretary", org=org)
    token = csrf_token_from(client.get(f"/events/{event.id}/edit").get_data(as_text=True))
    response = client.post(f"/events/{event.id}/edit", data={
        "csrf_token": token, "title": event.title, "kind": "meeting", "status": "confirmed",
        "body_id": styr.id, "date": later.isoformat(), "start": "9.30", "end": "12.00"})
    assert response.status_code == 302
    assert _due_times(event.id)["P1D"] == dt.datetime.combine(later - dt.timedelta(days=1), at_eight, STHLM)

    client.post(f"/events/{event.id}/cancel", data={"csrf_token": token})
    assert _due_times(event.id) == {}
    assert db.session.get(Event, event.id).status == "cancelled"
