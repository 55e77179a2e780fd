"""New minutes that move or cancel a known meeting update that event (SEQUENCE up) instead of duplicating it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Event, EventChange
from planner.schedule.accept import accept, preview
from planner.schedule.matching import titles_match
from tests.conftest import csrf_token_from
from tests.review_helpers import item, make_document

STHLM = ZoneInfo("Europe/Stockholm")


def _first_minutes_accepted() -> Event:
    document = make_document()
    for proposal in document.proposals:
        accept(proposal)
    db.session.commit()
    return next(p.event for p in document.proposals if p.kind == "next_meeting")


def test_titles_match_on_meaning_not_spelling() -> None:
    assert titles_match("Nästa möte", "Möte: Styrgrupp", "Styrgrupp")
    assert titles_match("Konferens Digitalt först", "Digitalt forst, konferens")
    assert not titles_match("Konferens Digitalt först", "Möte: Styrgrupp", "Styrgrupp")


def test_moved_meeting_updates_the_event_and_raises_sequence(client, login) -> None:
    event = _first_minutes_accepted()
    sequence, uid, count = event.sequence, event.uid, db.session.scalar(db.select(db.func.count(Event.id)))
    moved = make_document(filename="extra.txt", meeting={}, items=[
        item("meeting", "2026-12-11", 6, title="Styrgruppens möte flyttas", start=None, confidence=0.8)])
    proposal = moved.proposals[0]
    assert proposal.event_id == event.id  # linked for review before anyone accepts
    change = preview(proposal)
    assert change["start_at"] == ["2026-12-04T08:30:00+00:00", "2026-12-11T08:30:00+00:00"]
    user = login("secretary", org=moved.organization)
    page = client.get(f"/documents/{moved.id}").get_data(as_text=True)
    assert "Ändrar en befintlig händelse" in page and "fredag 11 december 2026, 09.30" in page
    client.post(f"/documents/{moved.id}/proposals/{proposal.id}", data={
        "csrf_token": csrf_token_from(page), "action": "accept", "kind": "meeting",
        "title": proposal.title, "date": "2026-12-11", "body_id": str(proposal.body_id)})
    db.session.expire_all()
    event = db.session.scalar(db.select(Event).filter_by(uid=uid))
    assert db.session.scalar(db.select(db.func.count(Event.id))) == count
    assert event.start_at == dt.datetime(2026, 12, 11, 9, 30, tzinfo=STHLM)  # kept its hours
    assert event.location == "Rådhuset, Falkenberg" and event.sequence == sequence + 1
    last = db.session.scalars(db.select(EventChange).filter_by(event_id=event.id).order_by(EventChange.id)).all()[-1]
    assert last.action == "updated" and last.user_id == user.id and "start_at" in last.changes


def test_cancellation_cancels_the_known_meeting(app) -> None:
    event = _first_minutes_accepted()
    notice = make_document(filename="inställt.txt", meeting={}, items=[
        item("next_meeting", "2026-12-04", 6, title="Nästa möte", status="cancelled")])
    accept(notice.proposals[0])
    db.session.commit()
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.status == "cancelled" and event.start_at == dt.datetime(2026, 12, 4, 9, 30, tzinfo=STHLM)
    assert event.changes[-1].action == "cancelled" and event.sequence == 1


def test_same_meeting_repeated_changes_nothing_and_other_items_stay_separate(app) -> None:
    event = _first_minutes_accepted()
    # The December minutes record the December meeting (the one planned) and plan one in January.
    december = make_document(filename="dec.txt", meeting={"date": "2026-12-04", "start": "09:30", "end": "12:00",
                                                           "location": None},
                             items=[item("next_meeting", "2026-12-18", 6, title="Nästa möte", start="09:30"),
                                    item("meeting", "2026-12-04", 5, title="Konferens Digitalt först")])
    by_kind = {(p.kind, p.title): p for p in december.proposals}
    assert by_kind[("meeting", "Möte: Styrgrupp")].event_id == event.id
    assert preview(by_kind[("meeting", "Möte: Styrgrupp")]) == {}
    # The meeting already held (4 Dec) is not "moved" to 18 Dec by the plan for the next one.
    assert by_kind[("next_meeting", "Nästa möte")].event_id is None
    assert by_kind[("meeting", "Konferens Digitalt först")].event_id is None
    before = event.sequence
    accept(by_kind[("meeting", "Möte: Styrgrupp")])
    db.session.commit()
    assert db.session.get(Event, event.id).sequence == before


def test_a_generic_next_meeting_title_names_the_body_in_the_calendar(app) -> None:
    """"Nästa möte" in a subscriber's Outlook says nothing; the event says whose meeting it is."""
    event = _first_minutes_accepted()
    assert event.title == "Möte: Styrgrupp"
    kept = make_document(filename="b.txt", items=[
        item("meeting", "2026-11-20", 7, title="Styrgruppens möte med Trafikverket")], meeting={})
    accept(kept.proposals[0])
    assert kept.proposals[0].event.title == "Styrgruppens möte med Trafikverket"
