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
