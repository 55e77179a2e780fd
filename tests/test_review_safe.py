"""Review that cannot mislead: a month is not a 30-day meeting, spans are checked, one event per meeting,
and "Godkänn alla" / `planner import --accept-all` leave past, guessed and garbled items for a person."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Event, Proposal
from planner.schedule.accept import accept, preview
from planner.schedule.autoaccept import hold_reason
from tests.conftest import csrf_token_from
from tests.review_helpers import FUTURE, item, make_document

STHLM = ZoneInfo("Europe/Stockholm")
TODAY = dt.date(2030, 9, 1)


def _post(client, document, proposal, **fields):
    token = csrf_token_from(client.get(f"/documents/{document.id}").get_data(as_text=True))
    data = {"csrf_token": token, "action": "accept", "kind": proposal.kind, "title": proposal.title,
            "body_id": str(proposal.body_id or ""), **fields}
    return client.post(f"/documents/{document.id}/proposals/{proposal.id}", data=data, follow_redirects=True)


def _month_document(filename: str = "dec.txt"):
    return make_document(filename=filename, text=FUTURE, meeting={}, items=[
        item("meeting", "2030-12", 6, title="Planen fastställs på styrgruppens möte", confidence=0.9, text=FUTURE)])


def test_month_only_proposal_has_no_end_and_needs_a_day(client, login) -> None:
    document = _month_document()
    proposal = document.proposals[0]
    assert proposal.start_date == dt.date(2030, 12, 1) and proposal.end_date is None
    login("secretary", org=document.organization)
    page = client.get(f"/documents/{document.id}").get_data(as_text=True)
    assert 'name="date" type="date" value="" min="2030-12-01" max="2030-12-31"' in page
    assert 'name="end_date" type="date" value=""' in page
    assert 'placeholder="t.ex. 9.30"' in page and "ange dag innan du godkänner" in page
    refused = _post(client, document, proposal, date="", start="9.45").get_data(as_text=True)
    assert "Förslaget behöver ett datum" in refused
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0


def test_picked_day_with_time_is_one_day_and_without_time_all_day(client, login) -> None:
    document = make_document(filename="two.txt", text=FUTURE, meeting={}, items=[
        item("meeting", "2030-12", 6, title="Planen fastställs", confidence=0.9, text=FUTURE),
        item("deadline", "2030-11", 8, title="Synpunkter på planen", confidence=0.9, text=FUTURE)])
    login("secretary", org=document.organization)
    meeting, deadline = sorted(document.proposals, key=lambda p: p.kind != "meeting")
    _post(client, document, meeting, date="2030-12-06", start="9.45", end="10.45")
    _post(client, document, deadline, date="2030-11-15")
    db.session.expire_all()
    timed = db.session.get(Proposal, meeting.id).event
    assert (timed.start_at, timed.end_at) == (dt.datetime(2030, 12, 6, 9, 45, tzinfo=STHLM),
                                              dt.datetime(2030, 12, 6, 10, 45, tzinfo=STHLM))
    whole = db.session.get(Proposal, deadline.id).event
    assert whole.all_day and whole.start_date == whole.end_date == dt.date(2030, 11, 15)


def test_end_before_start_and_meeting_longer_than_a_day_are_refused(client, login) -> None:
    document = _month_document()
    proposal = document.proposals[0]
    login("secretary", org=document.organization)
    early = _post(client, document, proposal, date="2030-12-06", start="10.00", end="9.00").get_data(as_text=True)
    assert "Sluttiden ligger före starttiden." in early
    long = _post(client, document, proposal, date="2030-12-06", end_date="2030-12-31", start="9.45",
                 end="10.45").get_data(as_text=True)
    assert "Ett möte kan inte vara längre än ett dygn" in long
    before = _post(client, document, proposal, date="2030-12-06", end_date="2030-12-01").get_data(as_text=True)
    assert "Slutdatum ligger före startdatum." in before
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 0
    assert db.session.get(Proposal, proposal.id).status == "pending"


def test_month_only_proposal_updates_the_meeting_already_in_that_month(client, login) -> None:
    """Issue 11: "i december" set to a day made a second event beside the existing 6 December meeting."""
    first = make_document(text=FUTURE, meeting={}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", end="12:00", title="Nästa möte", text=FUTURE)])
    event = accept(first.proposals[0])
    db.session.commit()
    second = _month_document("andra.txt")
    proposal = second.proposals[0]
    assert proposal.event_id == event.id
    login("secretary", org=second.organization)
    page = client.get(f"/documents/{second.id}").get_data(as_text=True)
    assert 'value="2030-12-06" min="2030-12-01"' in page  # the day comes from the event
    assert "start_at" not in preview(proposal)  # a month names no new time
    _post(client, second, proposal, date="2030-12-06", start="9.45", end="12.00")
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 1
    event = db.session.get(Event, event.id)
    assert event.start_at == dt.datetime(2030, 12, 6, 9, 45, tzinfo=STHLM)
    assert event.end_at == dt.datetime(2030, 12, 6, 12, 0, tzinfo=STHLM)


def test_month_only_proposal_finds_the_meeting_accepted_from_the_same_minutes(client, login) -> None:
    document = make_document(text=FUTURE, meeting={}, items=[
        item("next_meeting", "2030-12-06", 7, start="09:30", end="12:00", title="Nästa möte", text=FUTURE),
        item("meeting", "2030-12", 6, title="Planen fastställs på styrgruppens möte", text=FUTURE)])
    login("secretary", org=document.organization)
    day, month = sorted(document.proposals, key=lambda p: p.kind != "next_meeting")
    assert month.event_id is None
    _post(client, document, day, date="2030-12-06", start="9.30", end="12.00")
    _post(client, document, month, date="2030-12-06")
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count(Event.id))) == 1
    assert db.session.get(Proposal, month.id).event_id == db.session.get(Proposal, day.id).event_id


def test_bulk_rule_holds_past_guessed_year_and_repaired_titles(app) -> None:
    text = "\n".join(["Styrgruppen", "Datum: 2030-09-04", "Mötet den 3 mars 2029 hölls digitalt.",
                      "Nästa möte 12 oktober kl 9.", "Konferens om kollektivtrafik den 4 november 2030.",
                      "Gem-aktiitet 3 Västeras 17 nov 2030", "Workshop 9 februari."])
    document = make_document(text=text, filename="regel.txt", meeting={"date": "2030-09-04"}, items=[
        item("meeting", "2029-03-03", 3, text=text, title="Mötet hölls digitalt"),
        item("next_meeting", "2030-10-12", 4, text=text, title="Nästa möte"),
        item("meeting", "2030-11-04", 5, text=text, title="Konferens om kollektivtrafik"),
        item("meeting", "2030-11-17", 6, text=text, title="Gemensam aktivitet i Västerås"),
        item("meeting", "2032-02-09", 7, text=text, title="Workshop"),
        item("reference", "2030-10-01", 3, text=text, title="Omnämnt")])
    reasons = {p.title: hold_reason(p, TODAY, 0.8) for p in document.proposals}
    assert reasons == {"Möte: Styrgrupp": None, "Mötet hölls digitalt": "past", "Nästa möte": None,
                       "Konferens om kollektivtrafik": None, "Gemensam aktivitet i Västerås": "ocr",
                       "Workshop": "year", "Omnämnt": "mention"}


def test_cli_accept_all_uses_the_same_rule(runner, tmp_path) -> None:
    minutes = tmp_path / "styrgrupp.txt"
    minutes.write_text("Kustkommunerna\nMINNESANTECKNINGAR Styrgruppen\nDatum: fredag 16 oktober 2020\n\n"
                       "Nästa möte fredagen den 4 december 2020 kl 9.30-12.00.\n"
                       "Synpunkter på planen senast den 15 november 2030.\n", encoding="utf-8")
    result = runner.invoke(args=["import", str(minutes), "--org", "Kustkommunerna", "--accept-all"])
    assert result.exit_code == 0, result.output
    assert "date has passed" in result.output
    status = {p.start_date: p.status for p in db.session.scalars(db.select(Proposal))}
    assert status[dt.date(2020, 12, 4)] == "pending" and status[dt.date(2020, 10, 16)] == "pending"
    assert status[dt.date(2030, 11, 15)] == "accepted"
