"""A reviewed year for Kustkommunerna, as the example minutes describe it, built through the models.

Shared by the wheel tests and the wheel benchmark. Returns the organization; the caller commits.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Body, ChairTerm, Document, Event, Municipality, Organization, Proposal

STHLM = ZoneInfo("Europe/Stockholm")
YEAR = 2027
SCRIPT_TITLE = "<script>alert('x')</script> Budgetdialog"


def at(day: dt.date, hhmm: str) -> dt.datetime:
    h, m = map(int, hhmm.split("."))
    return dt.datetime.combine(day, dt.time(h, m), STHLM)


def timed(org: Organization, body: Body | None, title: str, day: dt.date, start: str, end: str, **kw) -> Event:
    event = Event(organization=org, body=body, title=title, kind=kw.pop("kind", "meeting"),
                  start_at=at(day, start), end_at=at(day, end), **kw)
    db.session.add(event)
    return event


def all_day(org: Organization, body: Body | None, title: str, first: dt.date, last: dt.date | None = None,
            **kw) -> Event:
    event = Event(organization=org, body=body, title=title, kind=kw.pop("kind", "meeting"), all_day=True,
                  start_date=first, end_date=last or first, **kw)
    db.session.add(event)
    return event


def kustkommunerna(year: int = YEAR) -> Organization:
    d = dt.date
    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    for name, code in (("Falkenberg", "1382"), ("Halmstad", "1380"), ("Kungsbacka", "1384"), ("Varberg", "1383")):
        org.municipalities.append(Municipality(name=name, code=code))
    styr = Body(organization=org, name="Styrgruppen", slug="styrgruppen",
                chair_rotation=["Varberg", "Falkenberg", "Halmstad", "Kungsbacka"], chair_term_months=12,
                handover_month=1)
    led = Body(organization=org, name="Ledningsgruppen", slug="ledningsgruppen")
    db.session.add_all([org, styr, led])
    db.session.flush()

    minutes = Document(organization=org, body=styr, filename="kustkommunerna-styrgrupp-2026-10-16.txt",
                       sha256="0" * 64, text="…\n" * 40, size=80)
    db.session.add(minutes)
    db.session.flush()
    meetings = []
    for month, day in ((2, 5), (3, 19), (5, 7), (6, 11), (9, 17), (10, 22), (12, 10)):
        meetings.append(timed(org, styr, "Möte: Styrgruppen", d(year, month, day), "09.30", "12.00",
                              location="Stadshuset, Varberg"))
    meetings[3].status = "cancelled"
    db.session.flush()
    db.session.add(Proposal(document=minutes, body=styr, kind="meeting", title="Möte: Styrgruppen",
                            start_date=meetings[0].start_at.date(), evidence_line=31, status="accepted",
                            event_id=meetings[0].id))

    series = timed(org, led, "Möte: Ledningsgruppen", d(year, 1, 8), "13.00", "15.30",
                   rrule=f"FREQ=MONTHLY;BYDAY=2FR;UNTIL={year}1231T235959Z", exdates=[f"{year}-07-09T11:00:00+00:00"],
                   location="Halmstads stadshus")
    db.session.flush()
    moved = timed(org, led, "Möte: Ledningsgruppen (flyttat)", d(year, 11, 19), "13.00", "15.30",
                  series_id=series.id, recurrence_id=f"{year}-11-12T12:00:00+00:00", location="Varberg")
    del moved

    all_day(org, None, "Underlag verksamhetsplan till kansliet", d(year, 1, 29), kind="deadline",
            source_document=minutes)
    all_day(org, styr, "Synpunkter på kompetensförsörjningsplanen", d(year, 3, 5), kind="deadline")
    all_day(org, None, "Budgetunderlag till kommunstyrelserna", d(year, 9, 30), kind="deadline",
            status="tentative")
    timed(org, None, "Konferens: Digitalt först", d(year, 11, 17), "13.00", "16.30",
          location="Hotell Tylösand, Halmstad")
    timed(org, None, SCRIPT_TITLE, d(year, 4, 21), "10.00", "11.00")
    all_day(org, None, "Projekt: Gemensam kollektivtrafikstudie", d(year, 2, 15), d(year, 6, 18))
    all_day(org, None, "Uppföljning och rapport", d(year, 9, 1), d(year, 10, 29), status="tentative")
    for title, first, last in (("Sportlov", d(year, 2, 22), d(year, 2, 26)), ("Påsklov", d(year, 3, 29), d(year, 4, 2)),
                               ("Sommarlov", d(year, 6, 11), d(year, 8, 17)),
                               ("Höstlov", d(year, 11, 1), d(year, 11, 5)),
                               ("Jullov", d(year, 12, 22), d(year + 1, 1, 7))):
        all_day(org, None, title, first, last, kind="holiday", external_source="skolor.ics")
    all_day(org, styr, "Ordförandeskapet går till Falkenberg", d(year, 1, 1), kind="chair_handover",
            from_party="Varberg", to_party="Falkenberg")
    db.session.add(ChairTerm(body=styr, holder="Varberg", start_date=d(year - 1, 1, 1), end_date=d(year, 1, 1)))
    db.session.add(ChairTerm(body=styr, holder="Falkenberg", start_date=d(year, 1, 1)))
    db.session.flush()
    return org
