"""A fixed schedule that takes every branch of the feed renderer, for the byte-for-byte golden test.

Every value is written out (no utcnow, no random), so the same rows give the same feed on SQLite and
PostgreSQL on any day: render it with NOW. tests/ics/golden_feed/ holds what the renderer wrote for
it before the fast path (planner.feeds.rows) replaced the ORM load; the fast path must match.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.db import db
from planner.models import Body, Event, Municipality, Organization

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = dt.datetime(2027, 1, 10, 11, 0, tzinfo=dt.UTC)
CONFIG = {"FEED_DAYS_BACK": 60, "FEED_MONTHS_AHEAD": 18, "BASE_URL": "https://planner.example/",
          "DELETED_FEED_DAYS": 30}
STAMP = dt.datetime(2026, 12, 1, 8, 15, 30, 123456, tzinfo=dt.UTC)


def local(y: int, m: int, d: int, hh: int, mm: int = 0, fold: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=STOCKHOLM, fold=fold)


def make_variety_schedule(count: int = 120) -> dict[str, object]:
    """`count` plain items in a cycle of kinds, plus the special cases (series, overrides, deletions)."""
    org = Organization(name="Kustkommunerna, väst", slug="kustkommunerna")
    other = Organization(name="Annan förening", slug="annan")
    muni = Municipality(name="Varberg", code="1383")
    org.municipalities.append(muni)
    styr = Body(organization=org, name="Styrgrupp", slug="styrgrupp",
                meeting_deadlines=[{"label": "Kallelse", "days": 7},
                                   {"label": "Handlingar; till kansliet", "days": 14}])
    led = Body(organization=org, name="Ledningsgrupp", slug="ledningsgrupp")
    db.session.add_all([org, other, muni, styr, led, Body(organization=other, name="Annat", slug="annat")])
    db.session.flush()

    def ev(**kw: object) -> Event:
        base: dict[str, object] = dict(organization_id=org.id, body_id=styr.id, created_at=STAMP, updated_at=STAMP)
        base.update(kw)
        return Event(**base)

    rows: dict[str, Event] = {}
    titles = ["Styrgruppens möte", "Möte; om budget, mål\\och\nuppföljning", "Årsmöte med ÅÄÖ åäö " * 4, "",
              "INSTÄLLT: redan markerat", "Tab\tand\x07bell"]
    places = [None, "Stadshuset, Varberg; rum Getterön", "Rådhuset\r\nFalkenberg", "Ö" * 50]
    for i in range(count):
        day = dt.date(2026, 11, 1) + dt.timedelta(days=(i * 5) % 500)
        stamp = STAMP + dt.timedelta(minutes=i)
        common = dict(title=titles[i % len(titles)], location=places[i % len(places)],
                      description=["", "Dagordning: protokoll, ekonomi.", "  ", "Rad 1\nRad 2 – €"][i % 4],
                      body_id=[styr.id, led.id, None][i % 3], sequence=i % 3, created_at=STAMP, updated_at=stamp,
                      status=["confirmed", "tentative", "cancelled", "confirmed", "confirmed"][i % 5],
                      transparent=[None, True, False, None][i % 4])
        kind = ["meeting", "holiday", "deadline", "chair_handover", "meeting"][i % 5]
        if kind in ("holiday", "deadline"):
            rows[f"day{i}"] = ev(kind=kind, all_day=True, start_date=day,
                                 end_date=day + dt.timedelta(days=i % 4) if i % 7 else None, **common)
        else:
            start = local(day.year, day.month, day.day, 8 + i % 9, (i * 15) % 60)
            rows[f"timed{i}"] = ev(kind=kind, all_day=False, start_at=start,
                                   end_at=start + dt.timedelta(minutes=30 * (i % 6)) if i % 11 else None,
                                   from_party="Varberg" if kind == "chair_handover" and i % 2 else None,
                                   to_party="Falkenberg, Halmstad" if kind == "chair_handover" else None, **common)
    special = {
        "ambiguous": ev(title="Natt i oktober", start_at=local(2027, 10, 31, 2, 30), end_at=local(2027, 10, 31, 3)),
        "ambiguous2": ev(title="Andra gången", start_at=local(2027, 10, 31, 2, 30, fold=1),
                         end_at=local(2027, 10, 31, 2, 45, fold=1)),
        "past": ev(title="Länge sedan", start_at=local(2020, 1, 1, 10), end_at=local(2020, 1, 1, 11)),
        "future": ev(title="Långt fram", start_at=local(2031, 1, 1, 10), end_at=local(2031, 1, 1, 11)),
        "edge": ev(title="Vid fönstrets start", kind="holiday", all_day=True, start_date=dt.date(2026, 11, 1),
                   end_date=dt.date(2026, 11, 11)),
        "deleted_recent": ev(title="Borttaget nyss", status="cancelled", deleted_at=NOW - dt.timedelta(days=2),
                             start_at=local(2027, 2, 1, 10), end_at=local(2027, 2, 1, 11)),
        "deleted_old": ev(title="Borttaget för länge sedan", status="cancelled", deleted_at=NOW - dt.timedelta(days=90),
                          start_at=local(2027, 2, 2, 10), end_at=local(2027, 2, 2, 11)),
        "other_org": ev(organization_id=other.id, body_id=None, title="Annan organisation",
                        start_at=local(2027, 2, 3, 10), end_at=local(2027, 2, 3, 11)),
        "series": ev(title="Ledningsgruppens möte", body_id=led.id, location="Varberg", start_at=local(2027, 1, 15, 13),
                     end_at=local(2027, 1, 15, 15, 30), rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20271231",
                     exdates=["2027-02-26T13:00:00+01:00", "inte ett datum"]),
        "series_comma": ev(title="Måndag och onsdag", start_at=local(2026, 12, 7, 8), end_at=local(2026, 12, 7, 9),
                           rrule="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20"),
        "yearly_day": ev(title="Budgetunderlag", kind="deadline", all_day=True, start_date=dt.date(2027, 1, 29),
                         end_date=dt.date(2027, 1, 29), rrule="FREQ=YEARLY;COUNT=4", exdates=["2028-01-29"]),
        "unmappable": ev(title="Var 100:e dag", start_at=local(2027, 1, 5, 9), end_at=local(2027, 1, 5, 10),
                         rrule="FREQ=YEARLY;BYYEARDAY=5,105,205"),
        "count_until": ev(title="Både COUNT och UNTIL", kind="holiday", all_day=True, start_date=dt.date(2027, 3, 1),
                          end_date=dt.date(2027, 3, 2), rrule="FREQ=MONTHLY;COUNT=5;UNTIL=20270901"),
        "deadline_meeting": ev(title="Styrgruppens möte med deadlines", start_at=local(2027, 3, 19, 9, 30),
                               end_at=local(2027, 3, 19, 12)),
    }
    rows.update(special)
    for key, row in rows.items():
        row.uid = f"{key}@variety"
    db.session.add_all(rows.values())
    db.session.flush()
    serie, unmappable = special["series"], special["unmappable"]
    overrides = {
        "moved": ev(title="Ledningsgruppens möte (flyttat)", body_id=led.id, series_id=serie.id,
                    recurrence_id="2027-04-09T13:00:00+02:00", start_at=local(2027, 4, 8, 10),
                    end_at=local(2027, 4, 8, 12), location="Kungsbacka", sequence=2),
        "cancelled": ev(title="Ledningsgruppens möte", body_id=led.id, series_id=serie.id, status="cancelled",
                        recurrence_id="2027-10-22T13:00:00+02:00", start_at=local(2027, 10, 22, 13),
                        end_at=local(2027, 10, 22, 15, 30)),
        "orphan": ev(title="Står för inget tillfälle", series_id=serie.id, recurrence_id="2027-01-16T13:00:00+01:00",
                     start_at=local(2027, 1, 16, 13), end_at=local(2027, 1, 16, 14)),
        "unmappable_moved": ev(title="Flyttad dag 105", series_id=unmappable.id,
                               recurrence_id="2027-04-15T09:00:00+02:00", start_at=local(2027, 4, 16, 9),
                               end_at=local(2027, 4, 16, 11)),
    }
    for key, row in overrides.items():
        row.uid = f"{key}@variety"
    db.session.add_all(overrides.values())
    db.session.commit()
    rows.update(overrides)
    return {"org": org, "other": other, "muni": muni, "styr": styr, "led": led, "events": rows}
