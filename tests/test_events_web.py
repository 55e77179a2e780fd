"""Events by hand: a monthly series with an exception, the month view, editing with history, cancelling."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Body, Event, EventChange
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from tests.conftest import csrf_token_from

STHLM = ZoneInfo("Europe/Stockholm")


def _org_with_body():
    org = get_or_create_organization("Kustkommunerna")
    body = get_or_create_body(org, "Ledningsgrupp")
    db.session.commit()
    return org, body


def test_series_with_exception_in_month_view_then_edit_and_cancel(client, login) -> None:
    org, body = _org_with_body()
    user = login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    response = client.post("/events/new", data={
        "csrf_token": token, "organization_id": org.id, "title": "Ledningsgruppen", "kind": "meeting",
        "status": "confirmed", "body_id": body.id, "date": "2027-01-01", "start": "9.00", "end": "11.30",
        "recurrence": "första fredagen varje månad", "exdates": "2027-04-02", "location": "Rådhuset"})
    assert response.status_code == 302, response.get_data(as_text=True)
    event = db.session.scalar(db.select(Event).filter_by(title="Ledningsgruppen"))
    assert event.rrule == "FREQ=MONTHLY;BYDAY=1FR"
    march = client.get("/events/month?year=2027&month=3").get_data(as_text=True)
    assert "Mars 2027" in march and march.count(" Ledningsgruppen</a>") == 1 and "09.00" in march
    april = client.get("/events/month?year=2027&month=4").get_data(as_text=True)
    assert "Ledningsgruppen</a>" not in april  # 2 April is the exception
    assert '<th class="wk" scope="row">13</th>' in april  # week numbers down the side
    shown = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "första fredagen varje månad" in shown

    token = csrf_token_from(shown)
    client.post(f"/events/{event.id}/edit", data={
        "csrf_token": token, "title": "Ledningsgruppen", "kind": "meeting", "status": "confirmed",
        "body_id": body.id, "date": "2027-01-01", "start": "9.30", "end": "11.30",
        "recurrence": "första fredagen varje månad", "exdates": "2027-04-02", "location": "Stadshuset"})
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.start_at == dt.datetime(2027, 1, 1, 9, 30, tzinfo=STHLM) and event.sequence == 1
    history = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Rådhuset</del> → <ins>Stadshuset" in history and user.email in history

    client.post(f"/events/{event.id}/cancel", data={"csrf_token": token})
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.status == "cancelled" and event.sequence == 2
    actions = [c.action for c in db.session.scalars(db.select(EventChange).filter_by(event_id=event.id)
                                                    .order_by(EventChange.id))]
    assert actions == ["created", "updated", "cancelled"]
    cancelled_only = client.get("/events/?status=cancelled&from=2027-01-01&to=2027-02-28").get_data(as_text=True)
    assert cancelled_only.count(">Ledningsgruppen</a>") == 2


def test_skipping_one_occurrence_and_filters(client, login) -> None:
    org, body = _org_with_body()
    login("admin")
    start = dt.datetime(2027, 1, 1, 9, 0, tzinfo=STHLM)
    series = Event(organization_id=org.id, body_id=body.id, title="LG", kind="meeting", all_day=False,
                   start_at=start, end_at=start + dt.timedelta(hours=2), rrule="FREQ=MONTHLY;BYDAY=1FR", exdates=[])
    deadline = Event(organization_id=org.id, title="Budgetunderlag", kind="deadline", all_day=True,
                     start_date=dt.date(2027, 1, 30), end_date=dt.date(2027, 1, 30))
    db.session.add_all([series, deadline])
    db.session.commit()
    token = csrf_token_from(client.get(f"/events/{series.id}").get_data(as_text=True))
    key = dt.datetime(2027, 2, 5, 9, 0, tzinfo=STHLM).isoformat()
    assert client.post(f"/events/{series.id}/skip", data={"csrf_token": token, "occurrence": key}).status_code == 302
    assert client.post(f"/events/{series.id}/skip", data={"csrf_token": token,
                                                          "occurrence": "2027-02-06"}).status_code == 400
    feb = client.get("/events/month?year=2027&month=2").get_data(as_text=True)
    assert " LG</a>" not in feb
    sportlov = Event(organization_id=org.id, title="Sportlov", kind="holiday", all_day=True,
                     start_date=dt.date(2027, 2, 22), end_date=dt.date(2027, 2, 26))
    db.session.add(sportlov)
    db.session.commit()
    assert client.get("/events/month?year=2027&month=2").get_data(as_text=True).count('class="ev kind-holiday') == 5
    jan = client.get("/events/month?year=2027&month=1&kind=deadline").get_data(as_text=True)
    assert "Budgetunderlag" in jan and " LG</a>" not in jan
    jan = client.get(f"/events/month?year=2027&month=1&body={body.id}").get_data(as_text=True)
    assert "Budgetunderlag" not in jan and " LG</a>" in jan

    # March's meeting moves to Wednesday 10 March at 13.00; the series keeps the rest.
    march = dt.datetime(2027, 3, 5, 9, 0, tzinfo=STHLM).isoformat()
    client.post(f"/events/{series.id}/move", data={"csrf_token": token, "occurrence": march,
                                                  "date": "2027-03-10", "start": "13.00"})
    page = client.get("/events/?from=2027-03-01&to=2027-03-31").get_data(as_text=True)
    assert "onsdag 10 mars 2027, 13.00–15.00" in page and "5 mars" not in page
    override = db.session.scalar(db.select(Event).filter_by(series_id=series.id))
    assert override.end_at - override.start_at == dt.timedelta(hours=2)
    assert override.start_at == dt.datetime(2027, 3, 10, 13, 0, tzinfo=STHLM)
    db.session.expire_all()
    assert db.session.get(Event, series.id).sequence == 2  # one skip, one move
    assert "flyttat tillfälle" in client.get(f"/events/{series.id}").get_data(as_text=True)


def test_bad_recurrence_is_explained_and_nothing_saved(client, login) -> None:
    org, _ = _org_with_body()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    page = client.post("/events/new", data={"csrf_token": token, "organization_id": org.id, "title": "X",
                                            "kind": "meeting", "status": "confirmed", "date": "2027-01-01",
                                            "recurrence": "då och då"}).get_data(as_text=True)
    assert "Upprepning: förstår inte" in page and 'value="X"' in page
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_a_recurrence_finer_than_daily_or_endless_is_refused_at_once(client, login) -> None:
    org, _ = _org_with_body()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    every = ",".join(str(n) for n in range(60))
    for rule, reason in (("FREQ=SECONDLY", "tätare än en gång om dagen"),
                         ("FREQ=HOURLY;COUNT=5", "tätare än en gång om dagen"),
                         (f"FREQ=DAILY;BYHOUR={every[:60]};BYMINUTE={every};BYSECOND={every}", "förekomster per dag"),
                         ("FREQ=WEEKLY;BYHOUR=9,14", "2 förekomster per dag"),
                         ("FREQ=DAILY;COUNT=10000000", "COUNT=10000000")):
        started = time.monotonic()
        page = client.post("/events/new", data={"csrf_token": token, "organization_id": org.id, "title": "X",
                                                "kind": "meeting", "status": "confirmed", "date": "2027-01-01",
                                                "start": "9.00", "recurrence": rule}).get_data(as_text=True)
        assert time.monotonic() - started < 5, rule
        assert "Upprepning:" in page and reason in page, rule
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0
    response = client.post("/events/new", data={"csrf_token": token, "organization_id": org.id, "title": "Dagligt",
                                                "kind": "meeting", "status": "confirmed", "date": "2027-01-01",
                                                "start": "9.00", "recurrence": "FREQ=DAILY;BYHOUR=9;COUNT=30"})
    assert response.status_code == 302  # once a day is fine


def test_other_organizations_event_cannot_be_seen_or_changed(client, login) -> None:
    other = get_or_create_organization("Göteborgsregionen")
    mine, _ = _org_with_body()
    event = Event(organization_id=other.id, title="GR styrelse", kind="meeting", all_day=True,
                  start_date=dt.date(2027, 1, 8), end_date=dt.date(2027, 1, 8))
    db.session.add(event)
    db.session.commit()
    login("secretary", org=mine)
    token = csrf_token_from(client.get("/events/").get_data(as_text=True))
    assert client.get(f"/events/{event.id}").status_code == 404
    assert client.post(f"/events/{event.id}/cancel", data={"csrf_token": token}).status_code == 404
    assert client.get(f"/events/new?organization_id={other.id}").status_code == 403
    assert "GR styrelse" not in client.get("/events/month?year=2027&month=1").get_data(as_text=True)
    assert client.post(f"/org/{other.id}/bodies", data={"csrf_token": token, "name": "Kapad",
                                                       "chair_term_months": "12"}).status_code == 404
    assert client.post("/org/", data={"csrf_token": token, "name": "Ny"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Event, event.id).status == "confirmed"
    assert db.session.scalar(db.select(db.func.count(Body.id)).filter_by(organization_id=other.id)) == 0


def test_chair_rotation_proposes_handover_events_once(client, login) -> None:
    org, body = _org_with_body()
    login("secretary", org=org)
    token = csrf_token_from(client.get(f"/org/{org.id}").get_data(as_text=True))
    client.post(f"/org/{org.id}/bodies/{body.id}", data={
        "csrf_token": token, "name": "Ledningsgrupp", "chair_rotation": "Varberg, Falkenberg, Halmstad",
        "chair_term_months": "12", "handover_month": "1"})
    today = dt.date.today()
    client.post(f"/org/{org.id}/bodies/{body.id}/terms", data={
        "csrf_token": token, "holder": "Varberg", "start_date": dt.date(today.year, 1, 1).isoformat()})
    page = client.get(f"/org/{org.id}").get_data(as_text=True)
    assert "Varberg → Falkenberg" in page and f"1 januari {today.year + 1}" in page
    for _ in range(2):
        client.post(f"/org/{org.id}/bodies/{body.id}/handovers", data={"csrf_token": token})
    events = db.session.scalars(db.select(Event).filter_by(kind="chair_handover").order_by(Event.start_date)).all()
    assert [(e.start_date, e.from_party, e.to_party, e.status) for e in events] == [
        (dt.date(today.year + 1, 1, 1), "Varberg", "Falkenberg", "tentative"),
        (dt.date(today.year + 2, 1, 1), "Falkenberg", "Halmstad", "tentative"),
        (dt.date(today.year + 3, 1, 1), "Halmstad", "Varberg", "tentative"),
    ]


def test_a_group_form_s_mistakes_are_told_in_the_reader_s_language(client, login) -> None:
    mine, _ = _org_with_body()
    login("secretary", org=mine)
    token = csrf_token_from(client.get("/events/").get_data(as_text=True))
    form = {"csrf_token": token, "name": "", "chair_term_months": "99", "handover_month": "13"}
    swedish = client.post(f"/org/{mine.id}/bodies", data=form, follow_redirects=True).get_data(as_text=True)
    assert "Ange gruppens namn." in swedish and "Mandattiden anges i månader (1–60)." in swedish
    client.get("/sprak/en?next=/")
    english = client.post(f"/org/{mine.id}/bodies", data=form, follow_redirects=True).get_data(as_text=True)
    assert "Give the group&#39;s name." in english or "Give the group's name." in english
    assert "The term of office is given in months (1–60)." in english and "Unknown month for the handover." in english
