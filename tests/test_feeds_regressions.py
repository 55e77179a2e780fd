"""One test per bug found, each with its calendar in tests/ics/<folder>/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from planner.db import db
from planner.feeds.build import FeedMeta, build_calendar
from planner.feeds.importer import ImportRefused, expand
from planner.models import Body, Event, Organization
from planner.schedule import audit
from tests.ical_readers import ical_js

ICS = Path(__file__).resolve().parent / "ics"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_rdate_vtimezone_is_read_an_hour_wrong_by_ical_js_and_ours_is_not(tmp_path: Path) -> None:
    """Why the VTIMEZONE is hand-written: icalendar's RDATE list puts a July 13.00 meeting at 12:00Z in ical.js."""
    theirs = ical_js(ICS / "rdate_vtimezone" / "icalendar_add_missing_timezones.ics", dt.date(2030, 1, 1))
    assert ("e1@test", "2027-07-09T12:00:00Z") in {(o[0], o[1]) for o in theirs}, \
        "ical.js now reads RDATE-based VTIMEZONEs right; the hand-written one is still what Outlook needs"
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    events = [SimpleNamespace(
        id=i, uid=f"e{i}@test", title="Möte", kind="meeting", description="", location=None, all_day=False,
        start_at=dt.datetime(2027, m, d, 13, tzinfo=STOCKHOLM), end_at=dt.datetime(2027, m, d, 15, 30,
                                                                                    tzinfo=STOCKHOLM),
        start_date=None, end_date=None, status="confirmed", rrule=None, exdates=[], series_id=None,
        recurrence_id=None, from_party=None, to_party=None, sequence=0, created_at=stamp, updated_at=stamp,
        overrides=[], body=None) for i, (m, d) in enumerate([(1, 15), (7, 9)])]
    meta = FeedMeta(name="x", base_url="http://x", window_start=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
                    window_end=dt.datetime(2028, 1, 1, tzinfo=dt.UTC))
    ours = tmp_path / "ours.ics"
    ours.write_bytes(build_calendar(events, meta))
    starts = {(o[0], o[1]) for o in ical_js(ours, dt.date(2030, 1, 1))}
    assert starts == {("e0@test", "2027-01-15T12:00:00Z"), ("e1@test", "2027-07-09T11:00:00Z")}


def test_broken_rrule_is_refused_with_a_message_not_a_crash() -> None:
    with pytest.raises(ImportRefused, match="trasig upprepningsregel"):
        expand((ICS / "broken_rrule" / "broken-rrule.ics").read_bytes(), start=dt.date(2026, 1, 1),
               end=dt.date(2028, 1, 1), max_occurrences=100, max_bytes=10**6)


def test_single_event_moved_upstream_updates_the_same_row(app, runner) -> None:
    app.config.update({"ICS_IMPORT_YEARS_BACK": 30, "ICS_IMPORT_YEARS_AHEAD": 30})
    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    db.session.add_all([org, Body(organization=org, name="Skolor", slug="skolor")])
    db.session.commit()
    folder = ICS / "moved_single_event"
    assert runner.invoke(args=["import-ics", str(folder / "before.ics"), "--body", "Skolor"]).exit_code == 0
    [before] = db.session.scalars(db.select(Event)).all()
    result = runner.invoke(args=["import-ics", str(folder / "after.ics"), "--body", "Skolor"])
    assert "0 nya, 1 uppdaterade" in result.output, result.output
    [after] = db.session.scalars(db.select(Event)).all()
    assert after.id == before.id and str(after.start_date) == "2027-11-01" and after.sequence == 1


def _example_feed_url(app) -> str:
    from planner.models import Feed
    from tests.feeds_scenario import WIDE_WINDOW, make_example_schedule

    app.config.update(WIDE_WINDOW)
    feed = Feed(organization=make_example_schedule()["org"])
    db.session.add(feed)
    db.session.commit()
    return f"/feeds/{feed.token}.ics"


def test_weak_and_listed_etags_get_304_and_gzip_is_served_with_its_own_etag(app, client) -> None:
    """Issue 13.5: nginx's gzip makes the tag W/"…", which got 200; and 684 kB went out uncompressed."""
    import gzip

    url = _example_feed_url(app)
    plain = client.get(url)
    tag = plain.headers["ETag"]
    assert plain.headers["Vary"] == "Accept-Encoding" and "Content-Encoding" not in plain.headers
    for sent in (f"W/{tag}", f'"older", W/{tag}', f'"a", {tag}, "b"'):
        response = client.get(url, headers={"If-None-Match": sent})
        assert response.status_code == 304, sent
        assert response.headers["ETag"] == tag and response.headers["Vary"] == "Accept-Encoding"

    packed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip" and packed.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(packed.data) == plain.data and len(packed.data) < len(plain.data) / 4
    gz_tag = packed.headers["ETag"]
    assert gz_tag != tag and client.get(url, headers={"Accept-Encoding": "gzip"}).data == packed.data
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": f"W/{gz_tag}"})
    assert again.status_code == 304 and again.headers["ETag"] == gz_tag
    assert "Content-Encoding" not in client.get(url, headers={"Accept-Encoding": "gzip;q=0"}).headers
    assert client.get(url, headers={"If-None-Match": 'W/"something-else"'}).status_code == 200


def test_typed_rrule_with_a_comma_is_accepted_in_the_form_and_served(app, client, login, tmp_path: Path) -> None:
    """Issue 13.6: "FREQ=WEEKLY;BYDAY=MO,WE" lost its comma to the phrase parser: "not enough values to unpack"."""
    from planner.models import Feed
    from tests.conftest import csrf_token_from

    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    body = Body(organization=org, name="Ledningsgrupp", slug="ledningsgrupp")
    db.session.add_all([org, body, Feed(organization=org)])
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    response = client.post("/events/new", data={
        "csrf_token": token, "organization_id": org.id, "title": "Avstämning", "kind": "meeting",
        "status": "confirmed", "body_id": body.id, "date": "2027-01-04", "start": "9.00", "end": "10.00",
        "recurrence": "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270115"})
    assert response.status_code == 302, response.get_data(as_text=True)
    event = db.session.scalar(db.select(Event).filter_by(title="Avstämning"))
    assert event.rrule == "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270115"
    app.config.update({"FEED_DAYS_BACK": 3650 * 3, "FEED_MONTHS_AHEAD": 12 * 30})
    feed = db.session.scalar(db.select(Feed))
    path = tmp_path / "feed.ics"
    path.write_bytes(client.get(f"/feeds/{feed.token}.ics").data)
    starts = sorted(o[1] for o in ical_js(path, dt.date(2028, 1, 1)))
    assert starts == ["2027-01-04T08:00:00Z", "2027-01-06T08:00:00Z", "2027-01-11T08:00:00Z",
                      "2027-01-13T08:00:00Z"]


def test_deleting_an_event_moves_last_modified_so_if_modified_since_sees_it(app, client) -> None:
    """Issue 13.4: Last-Modified was the newest remaining event, so a deletion answered 304 to If-Modified-Since."""
    import time

    from werkzeug.http import parse_date

    url = _example_feed_url(app)
    first = client.get(url)
    since = first.headers["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": since}).status_code == 304
    time.sleep(1.1)  # HTTP dates have whole seconds
    db.session.delete(db.session.scalar(db.select(Event).filter_by(title='Konferens "Digitalt först"')))
    db.session.commit()
    after = client.get(url, headers={"If-Modified-Since": since})
    assert after.status_code == 200 and "Digitalt först" not in after.get_data(as_text=True)
    assert parse_date(after.headers["Last-Modified"]) > parse_date(since)
    assert after.headers["ETag"] != first.headers["ETag"]
    assert client.get(url, headers={"If-Modified-Since": after.headers["Last-Modified"]}).status_code == 304

    time.sleep(1.1)  # moving an event to another body takes it out of that body's feed the same way
    from planner.models import Feed

    body_feed = Feed(body=db.session.scalar(db.select(Body).filter_by(slug="ledningsgrupp")))
    db.session.add(body_feed)
    db.session.commit()
    body_url = f"/feeds/{body_feed.token}.ics"
    body_since = client.get(body_url).headers["Last-Modified"]
    time.sleep(1.1)
    sportlov = db.session.scalar(db.select(Event).filter_by(title="Sportlov"))
    before = sportlov.body_id
    sportlov.body = db.session.scalar(db.select(Body).filter_by(slug="styrgrupp"))
    audit.changed(sportlov, "updated", {"body_id": [before, sportlov.body.id]}, None)  # as the edit page does
    db.session.commit()
    moved = client.get(body_url, headers={"If-Modified-Since": body_since})
    assert moved.status_code == 200 and "Sportlov" not in moved.get_data(as_text=True)


def test_outlook_all_day_items_keep_their_days_and_transp_and_a_renamed_reimport_drops_what_is_gone(
        app, runner, client) -> None:
    """Issue 13.3: midnight-to-midnight Outlook items became a five-day busy meeting, TRANSP was ignored, and
    "skollov (1).ics" kept the events "skollov.ics" had but the source dropped."""
    from planner.models import Feed

    app.config.update({"ICS_IMPORT_YEARS_BACK": 30, "ICS_IMPORT_YEARS_AHEAD": 30,
                       "FEED_DAYS_BACK": 3650 * 3, "FEED_MONTHS_AHEAD": 12 * 30})
    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    body = Body(organization=org, name="Skolor", slug="skolor")
    db.session.add_all([org, body, Feed(body=body)])
    db.session.commit()
    folder = ICS / "outlook_allday"
    assert "4 nya" in runner.invoke(args=["import-ics", str(folder / "skollov.ics"), "--body", "Skolor"]).output
    days = {e.title: (e.all_day, str(e.start_date), str(e.end_date), e.kind)
            for e in db.session.scalars(db.select(Event))}
    assert days["Höstlov"] == (True, "2026-11-02", "2026-11-06", "holiday")
    assert days["Jullov"] == (True, "2026-12-21", "2027-01-07", "holiday")  # no Outlook flag, midnight to midnight

    result = runner.invoke(args=["import-ics", str(folder / "skollov (1).ics"), "--body", "Skolor"])
    assert "0 nya, 0 uppdaterade, 3 oförändrade, 1 borttagna" in result.output, result.output
    assert {e.title for e in db.session.scalars(db.select(Event).where(Event.deleted_at.is_(None)))} == {
        "Höstlov", "Studiedag (skolan stängd)",
                                                                       "Jullov"}
    text = client.get(f"/feeds/{db.session.scalar(db.select(Feed)).token}.ics").get_data(as_text=True)
    vevents = {block.split("SUMMARY:", 1)[1].split("\r\n", 1)[0]: block for block in text.split("BEGIN:VEVENT")[1:]}
    assert "DTSTART;VALUE=DATE:20261102\r\nDTEND;VALUE=DATE:20261107" in vevents["Höstlov"]
    assert "TRANSP:TRANSPARENT" in vevents["Höstlov"]
    assert "TRANSP:OPAQUE" in vevents["Studiedag (skolan stängd)"]  # the source said busy: it stays busy


def test_moved_and_cancelled_occurrences_follow_the_series_to_its_new_time(app, client, tmp_path: Path) -> None:
    """Issue 13.1: after the series went from 13.00 to 14.00, RECURRENCE-ID/EXDATE still said 13.00, so ical.js,
    libical and vobject put the moved meeting back on its old day and the cancelled one back as confirmed."""
    from tests.feeds_scenario import local, planner_occurrences
    from tests.ical_readers import vobject_reader

    url = _example_feed_url(app)
    serie = db.session.scalar(db.select(Event).where(Event.rrule.like("FREQ=WEEKLY;INTERVAL=2%")))
    serie.start_at, serie.end_at = local(2027, 1, 15, 14), local(2027, 1, 15, 16, 30)
    serie.touch()
    db.session.commit()
    path = tmp_path / "feed.ics"
    path.write_bytes(client.get(url).data)
    until = dt.date(2031, 1, 1)
    planner = planner_occurrences(db.session.scalars(db.select(Event)).all(), until)
    ours = {o for o in planner if o[0] == serie.uid}
    assert ("2027-04-08T08:00:00Z" in {o[1] for o in ours} and "2027-04-09T12:00:00Z" not in {o[1] for o in ours})
    assert ("2027-10-22T11:00:00Z" in {o[1] for o in ours if o[3] == "CANCELLED"})
    assert not any(o[1].startswith("2027-02-26") for o in ours)  # the EXDATE, stored at 13.00
    assert ical_js(path, until) == planner
    assert vobject_reader(path, until) == planner


def _kust_with_feed(body_name: str = "Ledningsgrupp"):
    from planner.models import Feed

    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    body = Body(organization=org, name=body_name, slug=body_name.lower())
    feed = Feed(organization=org)
    db.session.add_all([org, body, feed])
    db.session.commit()
    return org, body, feed


def _post_event(client, org, body, **fields: str):
    from tests.conftest import csrf_token_from

    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    return client.post("/events/new", data={"csrf_token": token, "organization_id": org.id, "kind": "meeting",
                                            "status": "confirmed", "body_id": body.id, **fields})


def test_the_repeated_hour_is_written_so_every_reader_lands_on_planners_instant(app, client, login,
                                                                                tmp_path: Path) -> None:
    """Issue 13.2: 2027-10-31 02.30 was written as ambiguous local time; ical.js and libical put it an hour later."""
    from tests.feeds_scenario import WIDE_WINDOW, planner_occurrences
    from tests.ical_readers import vobject_reader

    app.config.update(WIDE_WINDOW)
    org, body, feed = _kust_with_feed()
    login("secretary", org=org)
    typed = _post_event(client, org, body, title="Driftmöte (första 02.30)", date="2027-10-31", start="2.30",
                        end="3.00")
    assert typed.status_code == 302, typed.get_data(as_text=True)
    first = db.session.scalar(db.select(Event).filter_by(title="Driftmöte (första 02.30)"))
    assert first.start_at == dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)  # summer time, chosen explicitly
    second = Event(organization_id=org.id, body_id=body.id, title="Driftmöte (andra 02.30)", all_day=False,
                   start_at=dt.datetime(2027, 10, 31, 1, 30, tzinfo=dt.UTC),
                   end_at=dt.datetime(2027, 10, 31, 2, 0, tzinfo=dt.UTC))
    db.session.add(second)
    db.session.commit()
    path = tmp_path / "feed.ics"
    path.write_bytes(client.get(f"/feeds/{feed.token}.ics").data)
    assert "DTSTART:20271031T013000Z" in path.read_text()  # the second 02.30 cannot be named in local time
    until = dt.date(2028, 1, 1)
    planner = planner_occurrences(db.session.scalars(db.select(Event)).all(), until)
    assert {o[1] for o in planner} == {"2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z"}
    assert ical_js(path, until) == planner
    assert vobject_reader(path, until) == planner


def test_a_time_in_the_skipped_hour_is_refused_in_swedish_not_stored_as_zero_length(app, client, login) -> None:
    """Issue 13.2: 2027-03-28 02.30–03.30 was saved as a 03.30–03.30 event without a word."""
    org, body, _ = _kust_with_feed()
    login("secretary", org=org)
    page = _post_event(client, org, body, title="Nattjour", date="2027-03-28", start="2.30", end="3.30")
    assert page.status_code == 200
    assert "klockan 02.30 finns inte söndag 28 mars 2027" in page.get_data(as_text=True)
    assert db.session.scalar(db.select(Event).filter_by(title="Nattjour")) is None
    assert _post_event(client, org, body, title="Nattjour", date="2027-03-28", start="3.00",
                       end="4.00").status_code == 302
