"""The schedule the example minutes (examples/minutes/kustkommunerna-*) describe, as reviewed events.

Written out by hand so the feed tests do not depend on the extractor; the dates, times and places
are the minutes' own. It spans both DST changes of 2027, a fortnightly series with a skipped
sportlov week, a moved and a cancelled occurrence, all-day periods and a cancelled meeting.
EXAMPLE_OCCURRENCES is the oracle: every occurrence's UTC instant written out by hand, not
computed from the rows, so a wrong rule in the scenario or in planner cannot agree with itself.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

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


# Series 13.00–15.30 Stockholm: 12:00Z–14:30Z in winter (CET), 11:00Z–13:30Z from 28 March to
# 31 October 2027 (CEST). 26 February is the EXDATE (sportlov), 9 April moved to Thursday 8 April
# 10–12 in Kungsbacka, 22 October cancelled. Budget: yearly 29 January, 2028 skipped.
_WINTER, _SUMMER = ("12:00:00Z", "14:30:00Z"), ("11:00:00Z", "13:30:00Z")
_SERIES_DAYS = {
    "2027-01-15": _WINTER, "2027-01-29": _WINTER, "2027-02-12": _WINTER, "2027-03-12": _WINTER,
    "2027-03-26": _WINTER, "2027-04-23": _SUMMER, "2027-05-07": _SUMMER, "2027-05-21": _SUMMER,
    "2027-06-04": _SUMMER, "2027-06-18": _SUMMER, "2027-07-02": _SUMMER, "2027-07-16": _SUMMER,
    "2027-07-30": _SUMMER, "2027-08-13": _SUMMER, "2027-08-27": _SUMMER, "2027-09-10": _SUMMER,
    "2027-09-24": _SUMMER, "2027-10-08": _SUMMER, "2027-11-05": _WINTER, "2027-11-19": _WINTER,
    "2027-12-03": _WINTER, "2027-12-17": _WINTER, "2027-12-31": _WINTER,
}
EXAMPLE_OCCURRENCES: list[tuple[str, str, str, str]] = [
    ("styrgrupp_okt", "2026-10-16T07:30:00Z", "2026-10-16T10:00:00Z", "CONFIRMED"),  # still summer time
    ("synpunkter", "2026-11-13", "2026-11-14", "CONFIRMED"),
    ("konferens", "2026-11-18T12:00:00Z", "2026-11-18T15:30:00Z", "CONFIRMED"),
    ("installt", "2026-11-20T12:00:00Z", "2026-11-20T14:30:00Z", "CANCELLED"),
    ("styrgrupp_dec", "2026-12-04T08:30:00Z", "2026-12-04T11:00:00Z", "CONFIRMED"),
    ("ordforande", "2027-01-01", "2027-01-02", "CONFIRMED"),
    ("underlag", "2027-01-30", "2027-01-31", "CONFIRMED"),
    ("sportlov", "2027-02-22", "2027-02-27", "CONFIRMED"),
    ("pasklov", "2027-03-29", "2027-04-03", "CONFIRMED"),
    *[("serie", f"{day}T{start}", f"{day}T{end}", "CONFIRMED") for day, (start, end) in _SERIES_DAYS.items()],
    ("serie", "2027-04-08T08:00:00Z", "2027-04-08T10:00:00Z", "CONFIRMED"),
    ("serie", "2027-10-22T11:00:00Z", "2027-10-22T13:30:00Z", "CANCELLED"),
    ("budget", "2027-01-29", "2027-01-30", "CONFIRMED"),
    ("budget", "2029-01-29", "2029-01-30", "CONFIRMED"),
    ("budget", "2030-01-29", "2030-01-30", "CONFIRMED"),
]


def example_occurrences(events: dict[str, Event]) -> set[tuple[str, str, str, str]]:
    """EXAMPLE_OCCURRENCES with each scenario key replaced by its event's UID (until 2031-01-01)."""
    return {(events[key].uid, start, end, status) for key, start, end, status in EXAMPLE_OCCURRENCES}


def _fmt(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


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
