"""The C writer (planner/feeds/_cfeed.c) writes the bytes the Python writer writes, from database rows.

Rows are generated as the drivers give them (SQLite: naive-UTC text and date text; psycopg: aware
datetimes and dates) and each is written both ways: native.build_rows() (C, falling back to Python
for what C leaves) against build_calendar() of the row's EventRow (the Python path, itself held to
_vevent() by tests/test_feeds_build.py). tests/test_feeds_golden.py does the same on the databases.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import event, given, settings
from hypothesis import strategies as st

from planner import labels
from planner.feeds import _cfeed, native  # type: ignore[attr-defined]
from planner.feeds.build import FeedMeta, _text, _vevent, build_calendar, feed_url
from planner.feeds.rows import COLUMNS, BodyRow, EventRow, text_row

STOCKHOLM = ZoneInfo("Europe/Stockholm")
META = FeedMeta(name="Kustkommunerna – Styrgrupp", base_url="https://planner.example.se",
                window_start=dt.datetime(2026, 8, 1, tzinfo=STOCKHOLM),
                window_end=dt.datetime(2028, 4, 1, tzinfo=STOCKHOLM))
PAGES = FeedMeta(name=META.name, base_url=META.base_url, window_start=META.window_start, window_end=META.window_end,
                 event_pages="https://planner.example.se/feeds/t/handelse/")
UTC_WINDOW = FeedMeta(name=META.name, base_url=META.base_url, window_start=dt.datetime(2026, 7, 31, 22, tzinfo=dt.UTC),
                      window_end=dt.datetime(2028, 3, 31, 22, 30, tzinfo=dt.UTC))
BODIES = {1: BodyRow(1, "Styrgrupp", None), 2: BodyRow(2, "Nätverk, södra; \\ norra", []),
          3: BodyRow(3, "Kallelsegruppen", [{"label": "Kallelse", "days": 7}]), 4: BodyRow(4, "Trasig\r", None)}
STAMP = dt.datetime(2026, 10, 20, 8, 15, 0, 123456, tzinfo=dt.UTC)


def row(driver: str = "sqlite", **kw: Any) -> tuple[Any, ...]:
    """One events row in rows.COLUMNS' order, as `driver` hands it over (values given as Python objects)."""
    values: dict[str, Any] = dict(
        id=1, uid="uid-1@planner", series_id=None, body_id=1, kind="meeting", title="Styrgruppens möte",
        description="", location=None, all_day=False, start_at=dt.datetime(2026, 10, 16, 7, 30, tzinfo=dt.UTC),
        end_at=dt.datetime(2026, 10, 16, 10, tzinfo=dt.UTC), start_date=None, end_date=None, status="confirmed",
        rrule=None, exdates=[], recurrence_id=None, from_party=None, to_party=None, sequence=0,
        created_at=STAMP, updated_at=STAMP, transparent=None)
    values.update(kw)
    if driver.startswith("sqlite"):  # planner.db.UTCDateTime's naive UTC text, dates and the JSON list as text
        for name in ("start_at", "end_at", "created_at", "updated_at"):
            if isinstance(values[name], dt.datetime):
                values[name] = values[name].astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        for name in ("start_date", "end_date"):
            if isinstance(values[name], dt.date):
                values[name] = values[name].isoformat()
        values["exdates"] = "[]"
        if driver == "sqlite":  # rows.select_rows() reads SQLite's text as its UTF-8 octets
            values = {k: v.encode() if isinstance(v, str) else v for k, v in values.items()}
    elif driver == "postgresql":  # psycopg with the server in Etc/UTC
        for name in ("start_at", "end_at", "created_at", "updated_at"):
            if isinstance(values[name], dt.datetime):
                values[name] = values[name].astimezone(ZoneInfo("Etc/UTC"))
    return tuple(values[name] for name in COLUMNS)


def python_bytes(rows: list[tuple[Any, ...]], meta: FeedMeta) -> bytes:
    return build_calendar([EventRow(text_row(r), BODIES) for r in rows], meta)


def in_c(rows: list[tuple[Any, ...]], meta: FeedMeta = META) -> list[int]:
    """The ids C wrote itself (the rest went to Python)."""
    series = row(id=-1, rrule="FREQ=DAILY")  # always Python's: with a row left over, C gives its spans
    _, spans, rest = _cfeed.singles([*rows, series], native._context(meta, feed_url(meta), BODIES), b"", b"")
    assert len(rows) in rest
    return [span[1] for span in spans]


def test_the_accelerator_is_compiled_and_used() -> None:
    """No silent pure-Python fallback: the module is a compiled extension and renders a plain event."""
    assert _cfeed.__file__.endswith(".so")
    assert in_c([row()]) == [1]


# Each of these is written by C (asserted), byte for byte as Python writes it.
PLAIN = {
    "long Swedish title folds between characters": dict(
        title="Överläggning om äldreomsorgens årsplan för Göteborgsregionens kommuner – " * 3,
        description="ÅÄÖ åäö " * 40),
    "every octet offset of a fold": dict(title="X" * 61 + "åäö€" * 20, location="y" * 7 + "ö" * 40),
    "commas, semicolons, backslashes": dict(title="Möte; punkt 1, 2 \\ 3", location="Stadshuset, rum 1; plan 2",
                                            description="a,b;c\\d"),
    "description with newlines and edge whitespace": dict(description="\u00a0 Rad ett\nRad två\n\n\tRad tre \u2003\n"),
    "all-day span": dict(all_day=True, start_at=None, end_at=None, start_date=dt.date(2027, 2, 22),
                         end_date=dt.date(2027, 2, 26), kind="holiday", title="Sportlov"),
    "all-day without an end date": dict(all_day=True, start_at=None, end_at=None, start_date=dt.date(2027, 3, 28),
                                        end_date=None, kind="period"),
    "all-day touching the window's start": dict(all_day=True, start_at=None, end_at=None,
                                                start_date=dt.date(2026, 7, 31), end_date=dt.date(2026, 7, 31)),
    "cancelled": dict(status="cancelled", transparent=False),
    "cancelled, already prefixed in lower case": dict(status="cancelled", title="inställt: Styrgruppens möte"),
    "cancelled without a title": dict(status="cancelled", title=None, kind="deadline"),
    "handover": dict(kind="chair_handover", title=None, from_party="Varberg", to_party=None, body_id=None),
    "handover, both sides, commas": dict(kind="chair_handover", from_party="Kungsbacka, norra", to_party="Falkenberg"),
    "transparent meeting, opaque holiday": dict(transparent=True, sequence=7, status="tentative"),
    "unknown status": dict(status="odd", kind="next_meeting", transparent=False),
    "summer time and its start": dict(start_at=dt.datetime(2027, 3, 28, 0, 59, 59, tzinfo=dt.UTC),
                                      end_at=dt.datetime(2027, 3, 28, 1, 0, tzinfo=dt.UTC)),
    "end before start": dict(end_at=dt.datetime(2026, 10, 16, 6, tzinfo=dt.UTC), created_at=STAMP - dt.timedelta(1)),
    "emoji and an unusual uid": dict(title="Möte 😀", uid="Ab-9.x@host.example", id=123456789),
    "body with special characters": dict(body_id=2, description=None, location="Rum\t3"),
    "a holiday of a body deriving deadlines": dict(body_id=3, kind="holiday", all_day=True, start_at=None,
                                                   end_at=None, start_date=dt.date(2027, 2, 22), end_date=None),
}


def test_named_cases_are_written_in_c_as_python_writes_them() -> None:
    for driver in ("sqlite", "sqlite-text", "postgresql"):
        for meta in (META, PAGES, UTC_WINDOW):
            for name, values in PLAIN.items():
                one = row(driver, **values)
                assert in_c([one], meta) == [one[0]], (driver, name)
                expected = python_bytes([one], meta)
                assert native.build_rows([one], [], BODIES, meta) == expected, (driver, name)
                event = EventRow(text_row(one), BODIES)
                assert expected.count(b"BEGIN:VEVENT") == 1, name
                assert expected.decode().split("END:VTIMEZONE\r\n")[1].removesuffix("END:VCALENDAR\r\n") == \
                    _text(_vevent(event, meta, uid=event.uid)), name


# What C leaves to Python, and Python still writes exactly.
LEFT = {
    "October's repeated hour": dict(start_at=dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)),
    "ending in the repeated hour": dict(end_at=dt.datetime(2026, 10, 25, 1, 59, tzinfo=dt.UTC),
                                        start_at=dt.datetime(2026, 10, 24, 23, tzinfo=dt.UTC)),
    "a CR in the place": dict(location="Rum 3\r"),
    "a control character": dict(title="Möte\x07"),
    "a meeting of a body deriving deadlines": dict(body_id=3),
    "a body named with a CR": dict(body_id=4),
    "an unknown kind": dict(kind="other kind"),
    "a uid that needs quoting on a page": dict(uid="uid med mellanslag,och komma"),
    "a series": dict(rrule="FREQ=MONTHLY", exdates=[]),
    "outside the zone table": dict(start_at=dt.datetime(2100, 6, 1, tzinfo=dt.UTC),
                                   end_at=dt.datetime(2100, 6, 1, 1, tzinfo=dt.UTC)),
}
FAR = FeedMeta(name=META.name, base_url=META.base_url, window_start=dt.datetime(2100, 1, 1, tzinfo=STOCKHOLM),
               window_end=dt.datetime(2101, 1, 1, tzinfo=STOCKHOLM), event_pages=PAGES.event_pages)


def test_what_c_leaves_to_python_is_written_as_before() -> None:
    for driver in ("sqlite", "sqlite-text", "postgresql"):
        for name, values in LEFT.items():
            meta = FAR if name == "outside the zone table" else PAGES
            one = row(driver, **values)
            _, _, rest = _cfeed.singles([one], native._context(meta, feed_url(meta), BODIES), b"", b"")
            assert rest == [0], name
            expected = python_bytes([one], meta)
            assert expected.count(b"BEGIN:VEVENT") == 1 + (name == "a meeting of a body deriving deadlines"), name
            assert native.build_rows([one], [], BODIES, meta) == expected, (driver, name)
    for broken in (b"\xff", b"\xc3", b"\xc0\xae", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"):  # Python refuses them too
        context = native._context(META, feed_url(META), BODIES)
        _, _, rest = _cfeed.singles([row("sqlite", title=broken)], context, b"", b"")
        assert rest == [0], broken
    stockholm = row("none", start_at=dt.datetime(2026, 10, 16, 9, 30, tzinfo=STOCKHOLM))  # a zone C does not take
    assert in_c([stockholm]) == [] and native.build_rows([stockholm], [], BODIES, META) == python_bytes([stockholm],
                                                                                                         META)


# Mostly what C writes (no CR, no control character), sometimes what it leaves to Python.
_CLEAN = st.text(alphabet=st.sampled_from("aÅö ,;\\\n\t€😀:.\u00a0\u2003"), max_size=30)
_TEXT = st.text(alphabet=st.sampled_from("aÅö ,;\\\r\n\t\x07€😀:.\u00a0\u2003"), max_size=30)
_LONG = st.builds(lambda a, n: a * n, st.sampled_from(["åäö", "a", "Överläggning, ", "x;"]), st.integers(0, 40))
_WORDS = st.one_of(st.none(), _CLEAN, _CLEAN, _CLEAN, _LONG, _TEXT)
_INSTANT = st.one_of(
    st.datetimes(dt.datetime(2026, 6, 1), dt.datetime(2028, 6, 1), timezones=st.just(dt.UTC)),
    # the days summer time starts and ends, hour by hour around the change
    st.builds(lambda day, minutes: dt.datetime.combine(day, dt.time(), dt.UTC) + dt.timedelta(minutes=minutes),
              st.sampled_from([dt.date(2026, 10, 24), dt.date(2026, 10, 25), dt.date(2027, 3, 28),
                               dt.date(2027, 10, 31)]), st.integers(0, 26 * 60)),
)
_DAY = st.dates(dt.date(2026, 6, 1), dt.date(2028, 6, 1))


@settings(max_examples=400, deadline=None)
@given(driver=st.sampled_from(["sqlite", "sqlite-text", "postgresql"]),
       meta=st.sampled_from([META, PAGES, UTC_WINDOW]),
       title=_WORDS, description=_WORDS, location=_WORDS, from_party=_WORDS, to_party=_WORDS,
       uid=st.one_of(st.just("uid-5@planner"), st.text(alphabet="aZ9@.-", min_size=1, max_size=20),
                     st.text(alphabet="aZ9@.-å ,;\\", min_size=1, max_size=20)),
       kind=st.sampled_from([*labels.KINDS, "other kind", None]),
       status=st.sampled_from(["confirmed", "tentative", "cancelled", "odd", None]),
       transparent=st.sampled_from([None, True, False]), all_day=st.booleans(),
       body_id=st.sampled_from([None, 1, 1, 2, 3]),
       start=_INSTANT, length=st.integers(-120, 60 * 24 * 3), no_end=st.booleans(), first_day=_DAY,
       days=st.integers(-2, 40), sequence=st.sampled_from([None, 0, 3, 2**40]), created=_INSTANT, updated=_INSTANT)
def test_any_row_gives_the_same_bytes_from_c_as_from_python(
        driver: str, meta: FeedMeta, title: str | None, description: str | None, location: str | None,
        from_party: str | None, to_party: str | None, uid: str, kind: str | None, status: str | None,
        transparent: bool | None, all_day: bool, body_id: int | None, start: dt.datetime, length: int,
        no_end: bool, first_day: dt.date, days: int, sequence: int | None, created: dt.datetime,
        updated: dt.datetime) -> None:
    if all_day:
        span: dict[str, Any] = dict(all_day=True, start_at=None, end_at=None, start_date=first_day,
                                    end_date=None if no_end else first_day + dt.timedelta(days=days))
    else:
        span = dict(start_at=start, end_at=None if no_end else start + dt.timedelta(minutes=length))
    one = row(driver, id=5, uid=uid, title=title, description=description, location=location,
              from_party=from_party, to_party=to_party, kind=kind, status=status, transparent=transparent,
              body_id=body_id, sequence=sequence, created_at=created, updated_at=updated, **span)
    other = row(driver, id=6, uid="uid-6@planner", start_at=start, end_at=start + dt.timedelta(hours=1))
    event("written in C" if in_c([one], meta) else "left to Python")  # --hypothesis-show-statistics
    assert native.build_rows([one, other], [], BODIES, meta) == python_bytes([one, other], meta)
