"""Deadlines a body derives from its meetings ("kallelse 7 dagar före"): set on the body's form,
drawn on the wheel in a ring of their own, and moved when the meeting moves."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.db import db
from planner.models import Event, Organization
from planner.schedule.derived import RuleError, deadline_day, parse_rules
from planner.wheel.collect import DERIVED_RING, collect
from tests.conftest import csrf_token_from
from tests.smtp_server import smtp_server_fixture  # noqa: F401
from tests.wheel_data import YEAR, at, kustkommunerna

d = dt.date


def test_rules_read_as_a_secretary_writes_them():
    rules = parse_rules("kallelse 7 dagar före; Handlingar till kansliet 2 veckor före\nprotokoll 1 dag före")
    assert [(r.label, r.days) for r in rules] == [("Kallelse", 7), ("Handlingar till kansliet", 14), ("Protokoll", 1)]
    assert parse_rules("") == []
    with pytest.raises(RuleError, match="kallelse 7 dagar före"):
        parse_rules("kallelse en vecka innan")


def test_a_deadline_on_a_weekend_or_red_day_is_due_the_working_day_before():
    assert deadline_day(d(2027, 2, 5), 7) == d(2027, 1, 29)  # Friday to Friday
    assert deadline_day(d(2027, 2, 8), 7) == d(2027, 2, 1)  # Monday to Monday
    assert deadline_day(d(2027, 5, 13), 7, closed={d(2027, 5, 6)}) == d(2027, 5, 5)  # Kristi himmelsfärdsdag
    assert deadline_day(d(2027, 2, 10), 4) == d(2027, 2, 5)  # Saturday 6 Feb → Friday 5 Feb


@pytest.fixture
def org(app) -> Organization:
    org = kustkommunerna()
    db.session.commit()
    return org


def test_each_meeting_carries_its_bodys_deadlines_and_they_follow_a_moved_meeting(client, login, org, runner):
    styr = next(b for b in org.bodies if b.name == "Styrgruppen")
    login("secretary", org=org)
    page = client.get(f"/org/{org.id}").get_data(as_text=True)
    response = client.post(f"/org/{org.id}/bodies/{styr.id}", data={
        "csrf_token": csrf_token_from(page), "name": "Styrgruppen", "chair_term_months": "12",
        "handover_month": "1", "chair_rotation": "Varberg, Falkenberg, Halmstad, Kungsbacka",
        "meeting_deadlines": "kallelse 7 dagar före; handlingar till kansliet 14 dagar före"})
    assert response.status_code == 302
    db.session.expire_all()
    assert styr.meeting_deadlines == [{"label": "Kallelse", "days": 7}, {"label": "Handlingar till kansliet",
                                                                          "days": 14}]
    bad = client.post(f"/org/{org.id}/bodies/{styr.id}", data={
        "csrf_token": csrf_token_from(page), "name": "Styrgruppen", "chair_term_months": "12",
        "meeting_deadlines": "kallelse i god tid"}, follow_redirects=True)
    assert "ska skrivas som till exempel" in bad.get_data(as_text=True)

    data = collect(org, YEAR)
    derived = {(i.start, i.title) for i in data.items if i.ring == DERIVED_RING}
    assert (d(YEAR, 1, 29), "Kallelse: Styrgruppen 5/2") in derived
    assert (d(YEAR, 1, 22), "Handlingar till kansliet: Styrgruppen 5/2") in derived
    assert not [t for _, t in derived if "11/6" in t], "the cancelled June meeting has no kallelse"
    assert len(derived) == 2 * 6
    assert DERIVED_RING in [r.key for r in data.rings]
    assert "Kallelse: Styrgruppen 5/2" in client.get(f"/arshjul/kustkommunerna/{YEAR}").get_data(as_text=True)

    before = _feed_deadlines(runner)
    assert before["Kallelse: Styrgruppen 5/2"][0] == d(YEAR, 1, 29)  # an all-day item in the feed

    meeting = db.session.scalar(db.select(Event).where(Event.body_id == styr.id, Event.title == "Möte: Styrgruppen")
                                .order_by(Event.start_at))
    meeting.start_at, meeting.end_at = at(d(YEAR, 2, 12), "09.30"), at(d(YEAR, 2, 12), "12.00")
    meeting.touch()
    db.session.commit()
    moved = {(i.start, i.title) for i in collect(org, YEAR).items if i.ring == DERIVED_RING}
    assert (d(YEAR, 2, 5), "Kallelse: Styrgruppen 12/2") in moved
    assert not [t for _, t in moved if "5/2" in t]
    after = _feed_deadlines(runner)
    day, uid, sequence = after["Kallelse: Styrgruppen 12/2"]
    assert day == d(YEAR, 2, 5) and "Kallelse: Styrgruppen 5/2" not in after
    assert uid == before["Kallelse: Styrgruppen 5/2"][1] and sequence > before["Kallelse: Styrgruppen 5/2"][2]


def _feed_deadlines(runner) -> dict[str, tuple[dt.date, str, int]]:
    import icalendar

    result = runner.invoke(args=["feed", "--org", "Kustkommunerna"])
    assert result.exit_code == 0, result.output
    cal = icalendar.Calendar.from_ical(result.output)
    return {str(e["SUMMARY"]): (e.decoded("DTSTART"), str(e["UID"]), int(e.get("SEQUENCE", 0)))
            for e in cal.walk("VEVENT") if str(e.get("CATEGORIES").cats[0]) == "Deadline"}


def test_a_derived_deadline_is_mailed_on_its_day_and_moves_with_the_meeting(app, runner, smtp_server):
    from planner.reminders import sync_event_reminders
    from tests.reminders_helpers import local, meeting, org_with_bodies, rows, subscriber

    planned_at = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    org, styr, _ = org_with_bodies()
    styr.meeting_deadlines = [{"label": "Kallelse", "days": 7}]
    subscriber("anna@varberg.se", org, styr)
    ev = meeting(org, styr, local(2027, 5, 13, 9, 30))  # 7 days before: Kristi himmelsfärdsdag, 6 May
    sync_event_reminders(ev, planned_at)
    db.session.commit()
    (row,) = rows(lead="deadline-0")
    assert row.due_at.astimezone(local(2027, 1, 1).tzinfo) == local(2027, 5, 5, 8, 0)  # the working day before

    ev.start_at, ev.end_at = local(2027, 5, 20, 9, 30), local(2027, 5, 20, 12, 0)
    ev.touch()
    sync_event_reminders(ev, planned_at)
    db.session.commit()
    (row,) = rows(lead="deadline-0", status="pending")
    assert row.due_at.astimezone(local(2027, 1, 1).tzinfo) == local(2027, 5, 13, 8, 0)
    result = runner.invoke(args=["reminders", "send-due", "--now", "2027-05-13T08:00"])
    assert result.exit_code == 0, result.output
    mails = [m.message for m in smtp_server.to("anna@varberg.se")]
    kallelse = [m for m in mails if m["Subject"].startswith("Påminnelse: Kallelse i dag")]
    assert len(kallelse) == 1 and "Styrgruppsmöte" in kallelse[0]["Subject"]
    assert "Kallelse ska vara klar i dag inför Styrgruppsmöte" in kallelse[0].get_body(("plain",)).get_content()

    ev.status = "cancelled"
    ev.touch()
    sync_event_reminders(ev, planned_at)
    db.session.commit()
    assert not rows(lead="deadline-0", status="pending")
