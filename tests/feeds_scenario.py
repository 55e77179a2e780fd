"""The schedule the example minutes (examples/minutes/kustkommunerna-*) describe, as reviewed events.

Written out by hand because the extractor is a placeholder on this branch; the dates, times and
places are the minutes' own. It spans both DST changes of 2027, a fortnightly series with a skipped
sportlov week, a moved and a cancelled occurrence, all-day periods and a cancelled meeting.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from planner.db import db
from planner.models import Body, Event, Organization

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC
# The feed window must cover the scenario whatever day the tests run.
WIDE_WINDOW = {"FEED_DAYS_BACK": 3650 * 3, "FEED_MONTHS_AHEAD": 12 * 30}


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=STOCKHOLM)


def make_example_schedule() -> dict[str, object]:
    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    styrgrupp = Body(organization=org, name="Styrgrupp", slug="styrgrupp")
    ledning = Body(organization=org, name="Ledningsgrupp", slug="ledningsgrupp")
    db.session.add_all([org, styrgrupp, ledning])
    db.session.flush()

    def timed(body: Body, title: str, start: dt.datetime, end: dt.datetime, **kw: object) -> Event:
        return Event(organization_id=org.id, body_id=body.id, title=title, all_day=False, start_at=start, end_at=end,
                     **kw)

    def day(body: Body, title: str, first: dt.date, last: dt.date, kind: str, **kw: object) -> Event:
        return Event(organization_id=org.id, body_id=body.id, title=title, kind=kind, all_day=True,
                     start_date=first, end_date=last, **kw)

    events = {
        "styrgrupp_okt": timed(styrgrupp, "Styrgruppens möte", local(2026, 10, 16, 9, 30), local(2026, 10, 16, 12),
                               location="Stadshuset, Varberg, sammanträdesrum Getterön"),
        "synpunkter": day(styrgrupp, "Synpunkter på kompetensförsörjningsplanen", dt.date(2026, 11, 13),
                          dt.date(2026, 11, 13), "deadline"),
        "konferens": timed(styrgrupp, "Konferens \"Digitalt först\"", local(2026, 11, 18, 13),
                           local(2026, 11, 18, 16, 30), location="Hotell Tylösand, Halmstad"),
        "installt": timed(ledning, "Ledningsgruppens möte", local(2026, 11, 20, 13), local(2026, 11, 20, 15, 30),
                          status="cancelled", location="Halmstads stadshus"),
        "styrgrupp_dec": timed(styrgrupp, "Styrgruppens möte", local(2026, 12, 4, 9, 30), local(2026, 12, 4, 12),
                               location="Rådhuset, Falkenberg"),
        "ordforande": day(styrgrupp, "Ordförandeskapet går till Falkenberg", dt.date(2027, 1, 1), dt.date(2027, 1, 1),
                          "chair_handover", from_party="Varberg", to_party="Falkenberg"),
        "underlag": day(styrgrupp, "Underlag verksamhetsplan till kansliet", dt.date(2027, 1, 30),
                        dt.date(2027, 1, 30), "deadline"),
        "sportlov": day(ledning, "Sportlov", dt.date(2027, 2, 22), dt.date(2027, 2, 26), "holiday"),
        "pasklov": day(ledning, "Påsklov", dt.date(2027, 3, 29), dt.date(2027, 4, 2), "holiday"),
        # Fortnightly Fridays 13.00–15.30 through both DST changes, without sportlov week 8.
        "serie": timed(ledning, "Ledningsgruppens möte", local(2027, 1, 15, 13), local(2027, 1, 15, 15, 30),
                       rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20271231",
                       exdates=["2027-02-26T13:00:00+01:00"], location="Varberg"),
        # Yearly all-day reminder, one year skipped.
        "budget": day(styrgrupp, "Budgetunderlag till kommunstyrelserna", dt.date(2027, 1, 29),
                      dt.date(2027, 1, 29), "deadline", rrule="FREQ=YEARLY;COUNT=4", exdates=["2028-01-29"]),
    }
    db.session.add_all(events.values())
    db.session.flush()
    serie = events["serie"]
    moved = timed(ledning, "Ledningsgruppens möte (flyttat)", local(2027, 4, 8, 10), local(2027, 4, 8, 12),
                  series_id=serie.id, recurrence_id="2027-04-09T13:00:00+02:00", location="Kungsbacka")
    cancelled = timed(ledning, "Ledningsgruppens möte", local(2027, 10, 22, 13), local(2027, 10, 22, 15, 30),
                      series_id=serie.id, recurrence_id="2027-10-22T13:00:00+02:00", status="cancelled")
    db.session.add_all([moved, cancelled])
    db.session.commit()
    events["flyttat"], events["installt_i_serie"] = moved, cancelled
    return {"org": org, "styrgrupp": styrgrupp, "ledning": ledning, "events": events}


def _fmt(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def expected_occurrences(events: list[Event], until: dt.date) -> set[tuple[str, str, str, str]]:
    """Every occurrence's (uid, start, end, STATUS) by Python's zoneinfo, straight from the database rows."""
    out: set[tuple[str, str, str, str]] = set()
    status = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
    for event in events:
        if event.series_id is not None:
            continue
        overrides = {o.recurrence_id: o for o in event.overrides}
        if event.all_day:
            first, length = event.start_date, event.end_date - event.start_date + dt.timedelta(days=1)
        else:
            first, length = event.start_at, event.end_at - event.start_at
        if not event.rrule:
            out.add((event.uid, _fmt(first), _fmt(first + length), status[event.status]))
            continue
        naive_start = (dt.datetime.combine(first, dt.time()) if event.all_day
                       else first.astimezone(STOCKHOLM).replace(tzinfo=None))
        rule = event.rrule.replace("UNTIL=20271231", "UNTIL=20271231T235959")
        for naive in rrulestr(rule, dtstart=naive_start):
            if naive.date() >= until:
                break
            start = naive.date() if event.all_day else naive.replace(tzinfo=STOCKHOLM)
            key = start.isoformat() if event.all_day else start.isoformat()
            if key in (event.exdates or []):
                continue
            override = overrides.get(key)
            if override is not None:
                o_first = override.start_at
                out.add((event.uid, _fmt(o_first), _fmt(override.end_at), status[override.status]))
                continue
            end = start + length
            out.add((event.uid, _fmt(start), _fmt(end), status[event.status]))
    return out


def planner_occurrences(events: list[Event], until: dt.date) -> set[tuple[str, str, str, str]]:
    """Every occurrence as planner itself shows it (planner.schedule.recurrence), for the agreement tests."""
    from planner.schedule.recurrence import occurrences

    status = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
    out: set[tuple[str, str, str, str]] = set()
    for event in events:
        if event.series_id is not None:
            continue
        for occ in occurrences(event, dt.date(2000, 1, 1), until - dt.timedelta(days=1)):
            end = occ.end + dt.timedelta(days=1) if event.all_day and occ.end is not None else occ.end
            out.add((event.uid, _fmt(occ.start), _fmt(end), status[occ.event.status]))
    return out
