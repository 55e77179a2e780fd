"""Deleting an event is a cancellation subscribers see; merging a duplicate reminds nobody twice.

Real SMTP (aiosmtpd on loopback), real databases: the history stays, INSTÄLLT goes to those already
reminded, the feed shows the event cancelled for DELETED_FEED_DAYS and then drops it.
"""

from __future__ import annotations

import datetime as dt

from planner.db import db, utcnow
from planner.feeds.scope import organization_scope, render
from planner.models import Body, Event, EventChange
from planner.reminders import sync_event_reminders
from planner.reminders.dispatch import Dispatcher
from tests.conftest import csrf_token_from
from tests.reminders_helpers import STHLM, meeting, org_with_bodies, rows, subscriber
from tests.smtp_server import smtp_server_fixture  # noqa: F401


def _in_days(days: int, hour: int = 9) -> dt.datetime:
    day = (utcnow() + dt.timedelta(days=days)).astimezone(STHLM).date()
    return dt.datetime.combine(day, dt.time(hour, 30), STHLM)


def _after_lead(start: dt.datetime, days: int) -> dt.datetime:
    """Just after a reminder `days` before `start` falls due (08:00 that day), whatever the time of day now."""
    day = start.astimezone(STHLM).date() - dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(9, 0), STHLM).astimezone(dt.UTC)


def _feed(org, now: dt.datetime) -> str:
    from flask import current_app

    return render(organization_scope(org), current_app.config, now).body.decode()


def _vevent(text: str, uid: str) -> str | None:
    for block in text.split("BEGIN:VEVENT")[1:]:
        if f"UID:{uid}" in block:
            return block
    return None


def test_deleting_from_the_web_keeps_history_tells_the_reminded_and_leaves_the_feed_later(
        app, client, login, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    subscriber("bo@halmstad.se", org, styr, leads={"meeting": ["P1D"]})  # not reminded yet
    start = _in_days(10)
    event = meeting(org, styr, start)
    sync_event_reminders(event)
    db.session.commit()
    stats = Dispatcher().run(_after_lead(start, 7))  # anna's 7-day reminder
    assert stats.sent == 1 and [r.rcpt_tos for r in smtp_server.received] == [["anna@varberg.se"]]
    assert "STATUS:CONFIRMED" in _vevent(_feed(org, utcnow()), event.uid)

    login("secretary", org=org)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Ta bort händelsen?" in page  # the confirmation the button asks
    response = client.post(f"/events/{event.id}/delete", data={"csrf_token": csrf_token_from(page)})
    assert response.status_code == 302

    kept = {(r.recipient, r.kind, r.lead): r.status for r in rows(event_id=event.id)}
    assert kept == {("anna@varberg.se", "reminder", "P7D"): "sent",  # the history stays
                    ("anna@varberg.se", "reminder", "P1D"): "cancelled",
                    ("bo@halmstad.se", "reminder", "P1D"): "cancelled",
                    ("anna@varberg.se", "cancel_notice", "cancel"): "pending"}
    assert Dispatcher().run().sent == 1
    notice = smtp_server.to("anna@varberg.se")[-1].message
    assert notice["Subject"].startswith("INSTÄLLT: Styrgruppsmöte,")
    assert smtp_server.to("bo@halmstad.se") == []  # never reminded: nothing to take back
    assert Dispatcher().run(_after_lead(start, 1)).sent == 0

    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Borttagen" in page and "borttagen" in page  # banner and the history line
    assert f"/events/{event.id}/edit" not in page
    assert "Styrgruppsmöte" not in client.get("/events/").get_data(as_text=True)
    assert db.session.get(Event, event.id).changes[-1].action == "deleted"

    feed = _vevent(_feed(org, utcnow()), event.uid)
    assert feed is not None and "STATUS:CANCELLED" in feed and "SUMMARY:INSTÄLLT: Styrgruppsmöte" in feed
    assert _vevent(_feed(org, utcnow() + dt.timedelta(days=29)), event.uid) is not None
    assert _vevent(_feed(org, utcnow() + dt.timedelta(days=31)), event.uid) is None
    app.config["DELETED_FEED_DAYS"] = 0
    assert _vevent(_feed(org, utcnow() + dt.timedelta(days=1)), event.uid) is None


def test_an_ics_reimport_that_drops_an_event_cancels_it_for_subscribers_and_brings_it_back(
        app, runner, smtp_server, tmp_path) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    db.session.commit()
    start = _in_days(10).astimezone(dt.UTC)

    def calendar(with_meeting: bool) -> str:
        path = tmp_path / "styrgrupp.ics"
        vevent = ("BEGIN:VEVENT\r\nUID:m1@outlook\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Styrgruppsmöte\r\n"
                  f"DTSTART:{start:%Y%m%dT%H%M%SZ}\r\nDTEND:{start + dt.timedelta(hours=2):%Y%m%dT%H%M%SZ}\r\n"
                  "END:VEVENT\r\n")
        other = ("BEGIN:VEVENT\r\nUID:m2@outlook\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Workshop\r\n"
                 f"DTSTART:{start + dt.timedelta(days=20):%Y%m%dT%H%M%SZ}\r\n"
                 f"DTEND:{start + dt.timedelta(days=20, hours=2):%Y%m%dT%H%M%SZ}\r\nEND:VEVENT\r\n")
        path.write_bytes(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Outlook//SV\r\n"
                          "X-WR-CALNAME:Styrgruppen\r\n" + (vevent if with_meeting else "") + other
                          + "END:VCALENDAR\r\n").encode())
        return str(path)

    result = runner.invoke(args=["import-ics", calendar(True), "--org", org.name, "--body", styr.name])
    assert "2 nya" in result.output, result.output
    event = db.session.scalar(db.select(Event).filter_by(external_uid="m1@outlook"))
    assert Dispatcher().run(_after_lead(start, 7)).sent == 1  # the 7-day reminder

    result = runner.invoke(args=["import-ics", calendar(False), "--org", org.name, "--body", styr.name])
    assert "1 borttagna" in result.output, result.output
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.deleted_at is not None and event.status == "cancelled"
    assert {(r.kind, r.status) for r in rows(event_id=event.id)} == {
        ("reminder", "sent"), ("reminder", "cancelled"), ("cancel_notice", "pending")}
    assert Dispatcher().run().sent == 1
    assert smtp_server.received[-1].message["Subject"].startswith("INSTÄLLT: Styrgruppsmöte")

    result = runner.invoke(args=["import-ics", calendar(True), "--org", org.name, "--body", styr.name])
    assert "1 uppdaterade" in result.output, result.output
    db.session.expire_all()
    event = db.session.get(Event, event.id)
    assert event.deleted_at is None and event.status == "confirmed"
    assert ("reminder", "pending") in {(r.kind, r.status) for r in rows(event_id=event.id)}  # P1D again


def test_merging_a_duplicate_moves_its_history_and_reminds_nobody_twice(app, client, login, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    start = _in_days(10)
    duplicate = meeting(org, styr, start, title="Styrgruppen (från protokollet)")
    duplicate.changes.append(EventChange(actor="lena@kust.se", action="created", changes={}))
    sync_event_reminders(duplicate)
    db.session.commit()
    assert Dispatcher().run(_after_lead(start, 7)).sent == 1  # the duplicate's 7-day one
    keep = meeting(org, styr, start)  # entered again by hand later: its 7-day reminder is already past
    sync_event_reminders(keep)
    db.session.commit()

    login("secretary", org=org)
    page = client.get(f"/events/{keep.id}").get_data(as_text=True)
    assert "Slå ihop med en dubblett" in page and f'value="{duplicate.id}"' in page
    response = client.post(f"/events/{keep.id}/merge",
                           data={"csrf_token": csrf_token_from(page), "duplicate": duplicate.id})
    assert response.status_code == 302
    db.session.expire_all()
    dropped = db.session.get(Event, duplicate.id)
    assert dropped.merged_into_id == keep.id and dropped.deleted_at is not None
    assert {(r.lead, r.status) for r in rows(event_id=keep.id)} == {("P7D", "sent"), ("P1D", "pending")}
    assert {(r.lead, r.status) for r in rows(event_id=duplicate.id)} == {("P1D", "cancelled")}
    assert "lena@kust.se" in [c.actor for c in db.session.get(Event, keep.id).changes]

    assert Dispatcher().run().sent == 0  # no INSTÄLLT: the meeting still takes place
    assert Dispatcher().run(_after_lead(start, 1)).sent == 1
    assert len(smtp_server.to("anna@varberg.se")) == 2  # one 7-day, one 1-day: never twice
    feed = _feed(org, utcnow())
    assert _vevent(feed, dropped.uid) is None and _vevent(feed, keep.uid) is not None

    other = Body(organization=org, name="Annat", slug="annat")
    db.session.add(other)
    db.session.commit()
    page = client.get(f"/events/{keep.id}").get_data(as_text=True)
    again = client.post(f"/events/{keep.id}/merge", data={"csrf_token": csrf_token_from(page), "duplicate": keep.id},
                        follow_redirects=True)
    assert "kan inte slås ihop med sig själv" in again.get_data(as_text=True)


def test_a_proposal_linked_to_an_event_removed_since_goes_to_the_kept_one_or_a_new_one(app) -> None:
    from planner.schedule.accept import accept
    from planner.schedule.removal import delete_event, merge_events
    from tests.review_helpers import item, make_document

    day = (utcnow() + dt.timedelta(days=40)).astimezone(STHLM).date().isoformat()
    first = make_document(meeting={}, items=[item("next_meeting", day, 7, start="09:30", end="12:00",
                                                   title="Nästa möte")])
    duplicate = accept(first.proposals[0])
    kept = meeting(duplicate.organization, duplicate.body, duplicate.start_at, title="Styrgruppsmöte")
    merge_events(kept, duplicate)
    db.session.commit()
    again = make_document(meeting={}, filename="styrgrupp-2.txt", items=[
        item("next_meeting", day, 7, start="10:00", end="12:00", title="Nästa möte")])
    again.proposals[0].event = duplicate  # linked before the merge
    assert accept(again.proposals[0]).id == kept.id

    delete_event(kept)
    db.session.commit()
    third = make_document(meeting={}, filename="styrgrupp-3.txt", items=[
        item("next_meeting", day, 7, start="10:30", end="12:00", title="Nästa möte")])
    third.proposals[0].event = kept  # linked before the deletion
    made = accept(third.proposals[0])
    db.session.commit()
    assert made.id not in (kept.id, duplicate.id) and made.deleted_at is None


def test_a_deleted_or_merged_meeting_takes_its_derived_deadlines_with_it(app) -> None:
    """The body's "Kallelse 7 dagar före": gone from reminders, feed and wheel with the deleted meeting;
    a merged duplicate leaves only the kept meeting's."""
    from planner.schedule.removal import delete_event, merge_events
    from planner.wheel.collect import DERIVED_RING, collect

    org, styr, _ = org_with_bodies()
    styr.meeting_deadlines = [{"label": "Kallelse", "days": 7}]
    subscriber("anna@varberg.se", org, styr)
    days = 40  # the wheel of a year shows the deadlines of that year's meetings: keep all in one year
    while len({_in_days(n).year for n in (days - 14, days, days + 14)}) > 1:
        days += 7
    start = _in_days(days)
    event = meeting(org, styr, start)
    keep = meeting(org, styr, start + dt.timedelta(days=14), title="Styrgruppsmöte 2")
    duplicate = meeting(org, styr, start + dt.timedelta(days=14), title="Styrgruppsmöte 2 (från protokollet)")
    for ev in (event, keep, duplicate):
        sync_event_reminders(ev)
    db.session.commit()

    def derived() -> dict[str, set[int]]:
        db.session.expire_all()
        events = (event, keep, duplicate)
        planned = {ev.id: {r.status for r in rows(event_id=ev.id, lead="deadline-0")} for ev in events}
        feed = _feed(org, utcnow())
        in_feed = {ev.id for ev in events if _vevent(feed, f"{ev.uid}-deadline-0")}
        on_wheel = {i.event_id for i in collect(org, start.year).items if i.ring == DERIVED_RING}
        return {"pending": {i for i, s in planned.items() if "pending" in s}, "feed": in_feed, "wheel": on_wheel}

    both = {event.id, keep.id, duplicate.id}
    assert derived() == {"pending": both, "feed": both, "wheel": both}

    delete_event(event)
    merge_events(keep, duplicate)
    db.session.commit()
    assert derived() == {"pending": {keep.id}, "feed": {keep.id}, "wheel": {keep.id}}
    assert {r.status for r in rows(event_id=event.id, lead="deadline-0")} == {"cancelled"}
