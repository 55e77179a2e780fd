"""The feed's bytes, property by property, as the calendar clients need them. Pure: no server, no database."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from planner.feeds.build import FeedMeta, build_calendar
from planner.feeds.lines import fold

STOCKHOLM = ZoneInfo("Europe/Stockholm")
STAMP = dt.datetime(2026, 10, 20, 8, 15, 0, tzinfo=dt.UTC)
META = FeedMeta(name="Kustkommunerna – Styrgrupp", base_url="https://planner.example.se",
                window_start=dt.datetime(2026, 8, 1, tzinfo=STOCKHOLM),
                window_end=dt.datetime(2028, 4, 1, tzinfo=STOCKHOLM))


def event(id: int = 1, **kw: object) -> SimpleNamespace:
    values = dict(
        id=id, uid=f"uid-{id}@planner", title="Styrgruppens möte", kind="meeting", description="", location=None,
        all_day=False, start_at=dt.datetime(2026, 10, 16, 9, 30, tzinfo=STOCKHOLM),
        end_at=dt.datetime(2026, 10, 16, 12, tzinfo=STOCKHOLM), start_date=None, end_date=None,
        status="confirmed", rrule=None, exdates=[], series_id=None, recurrence_id=None, from_party=None,
        to_party=None, sequence=0, created_at=STAMP, updated_at=STAMP, overrides=[],
        body=SimpleNamespace(name="Styrgrupp"),
    )
    values.update(kw)
    return SimpleNamespace(**values)


def text(*events: SimpleNamespace, meta: FeedMeta = META) -> str:
    return build_calendar(list(events), meta).decode("utf-8")


def unfolded(data: str) -> list[str]:
    return data.replace("\r\n ", "").split("\r\n")


def vevents(data: str) -> list[list[str]]:
    out, current = [], None
    for line in unfolded(data):
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            out.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return out


def test_calendar_header_has_what_outlook_google_and_apple_read() -> None:
    lines = unfolded(text(event()))
    for expected in ("VERSION:2.0", "METHOD:PUBLISH", "X-WR-CALNAME:Kustkommunerna – Styrgrupp",
                     "NAME:Kustkommunerna – Styrgrupp", "REFRESH-INTERVAL;VALUE=DURATION:PT4H",
                     "X-PUBLISHED-TTL:PT4H"):
        assert expected in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""


def test_timed_events_use_the_stockholm_vtimezone_with_rrule_rules_not_rdate_lists() -> None:
    data = text(event())
    lines = unfolded(data)
    assert "DTSTART;TZID=Europe/Stockholm:20261016T093000" in lines
    assert "DTEND;TZID=Europe/Stockholm:20261016T120000" in lines
    tz = data[data.index("BEGIN:VTIMEZONE"):data.index("END:VTIMEZONE")]
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in tz and "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" in tz
    assert "RDATE" not in tz


def test_uid_sequence_last_modified_and_dtstamp_come_from_the_row() -> None:
    later = STAMP + dt.timedelta(days=3)
    [props] = vevents(text(event(sequence=4, updated_at=later)))
    assert "UID:uid-1@planner" in props and "SEQUENCE:4" in props
    assert "LAST-MODIFIED:20261023T081500Z" in props and "DTSTAMP:20261023T081500Z" in props


def test_an_unchanged_schedule_gives_identical_bytes_whatever_the_input_order() -> None:
    a, b = event(1), event(2, start_at=dt.datetime(2026, 11, 1, 9, tzinfo=STOCKHOLM),
                           end_at=dt.datetime(2026, 11, 1, 10, tzinfo=STOCKHOLM))
    assert build_calendar([a, b], META) == build_calendar([b, a], META)


def test_all_day_periods_are_dates_with_exclusive_end_and_holidays_are_free() -> None:
    lov = event(kind="holiday", title="Sportlov", all_day=True, start_at=None, end_at=None,
                start_date=dt.date(2027, 2, 22), end_date=dt.date(2027, 2, 26))
    [props] = vevents(text(lov))
    assert "DTSTART;VALUE=DATE:20270222" in props and "DTEND;VALUE=DATE:20270227" in props
    assert "TRANSP:TRANSPARENT" in props
    [meeting] = vevents(text(event()))
    assert "TRANSP:OPAQUE" in meeting


def test_cancelled_meetings_stay_marked_and_prefixed() -> None:
    [props] = vevents(text(event(status="cancelled")))
    assert "STATUS:CANCELLED" in props and "SUMMARY:INSTÄLLT: Styrgruppens möte" in props
    assert "TRANSP:TRANSPARENT" in props
    [again] = vevents(text(event(status="cancelled", title="INSTÄLLT: Styrgruppens möte")))
    assert "SUMMARY:INSTÄLLT: Styrgruppens möte" in again  # never "INSTÄLLT: INSTÄLLT:"


def test_series_carry_rrule_exdate_and_overrides_with_recurrence_id() -> None:
    master = event(1, start_at=dt.datetime(2027, 1, 15, 13, tzinfo=STOCKHOLM),
                   end_at=dt.datetime(2027, 1, 15, 15, 30, tzinfo=STOCKHOLM),
                   rrule="RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20271231",
                   exdates=["2027-02-26T13:00:00+01:00"])
    moved = event(2, series_id=1, recurrence_id="2027-04-09T13:00:00+02:00",
                  start_at=dt.datetime(2027, 4, 8, 10, tzinfo=STOCKHOLM),
                  end_at=dt.datetime(2027, 4, 8, 12, tzinfo=STOCKHOLM))
    master.overrides = [moved]
    first, override = vevents(text(master, moved))  # the override row alone is not a second event
    # UNTIL of a zoned series must be UTC (RFC 5545): the end of 31 December in Stockholm.
    assert "RRULE:FREQ=WEEKLY;BYDAY=FR;INTERVAL=2;UNTIL=20271231T225959Z" in first
    assert "EXDATE;TZID=Europe/Stockholm:20270226T130000" in first
    assert "UID:uid-1@planner" in override
    assert "RECURRENCE-ID;TZID=Europe/Stockholm:20270409T130000" in override
    assert "DTSTART;TZID=Europe/Stockholm:20270408T100000" in override


def test_rules_outlook_cannot_map_are_served_as_single_occurrences() -> None:
    odd = event(rrule="FREQ=WEEKLY;BYWEEKNO=10,20;BYDAY=FR", start_at=dt.datetime(2027, 1, 1, 9, tzinfo=STOCKHOLM),
                end_at=dt.datetime(2027, 1, 1, 10, tzinfo=STOCKHOLM))
    events = vevents(text(odd))
    assert not any(p.startswith("RRULE") for e in events for p in e)
    # The Fridays of ISO weeks 10 and 20 inside the window (August 2026 to April 2028), each with its own UID.
    assert [[p for p in e if p.startswith(("UID:", "DTSTART", "DTEND"))] for e in events] == [
        [f"UID:uid-1@planner-{day}T090000", f"DTSTART;TZID=Europe/Stockholm:{day}T090000",
         f"DTEND;TZID=Europe/Stockholm:{day}T100000"] for day in ("20270312", "20270521", "20280310")]


def test_description_names_the_body_the_place_and_links_back() -> None:
    [props] = vevents(text(event(id=7, location="Stadshuset, Varberg")))
    description = next(p for p in props if p.startswith("DESCRIPTION:"))
    assert "Organ: Styrgrupp" in description and "Plats: Stadshuset\\, Varberg" in description
    assert "https://planner.example.se/events/7" in description
    assert "LOCATION:Stadshuset\\, Varberg" in props and "URL:https://planner.example.se/events/7" in props


def test_window_leaves_out_what_is_long_past_or_far_ahead() -> None:
    old = event(1, start_at=dt.datetime(2025, 1, 1, 9, tzinfo=STOCKHOLM), end_at=dt.datetime(2025, 1, 1, 10,
                                                                                              tzinfo=STOCKHOLM))
    far = event(2, start_at=dt.datetime(2029, 1, 1, 9, tzinfo=STOCKHOLM), end_at=dt.datetime(2029, 1, 1, 10,
                                                                                             tzinfo=STOCKHOLM))
    running = event(3, start_at=dt.datetime(2025, 1, 3, 9, tzinfo=STOCKHOLM),
                    end_at=dt.datetime(2025, 1, 3, 10, tzinfo=STOCKHOLM), rrule="FREQ=MONTHLY")
    uids = {p for e in vevents(text(old, far, running, event(4))) for p in e if p.startswith("UID:")}
    assert uids == {"UID:uid-3@planner", "UID:uid-4@planner"}


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_swedish_letters() -> None:
    long_title = "Överläggning om äldreomsorgens årsplan för Göteborgsregionens kommuner – " * 3
    raw = build_calendar([event(title=long_title, description="ÅÄÖ åäö " * 40)], META)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is valid UTF-8 on its own
    [props] = vevents(raw.decode())
    assert f"SUMMARY:{long_title}" in props
    assert Calendar.from_ical(raw).walk("VEVENT")[0]["SUMMARY"] == long_title


def test_fold_keeps_multibyte_characters_whole_at_every_offset() -> None:
    for prefix in range(0, 80):
        line = "X" * prefix + "åäö€" * 30
        folded = fold(line)
        parts = folded.encode().split(b"\r\n ")
        assert all(len(p) <= 75 for p in [parts[0]]) and all(len(p) <= 74 for p in parts[1:])
        assert "".join(p.decode() for p in parts) == line


@settings(max_examples=200, deadline=None)
@given(title=st.text(min_size=1, max_size=300), place=st.text(max_size=120))
def test_any_title_and_place_survive_escaping_and_folding(title: str, place: str) -> None:
    """Whatever the minutes contain (commas, semicolons, backslashes, newlines, å ä ö, emoji), a reader gets it back."""
    raw = build_calendar([event(title=title, location=place or None)], META)
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
    parsed = Calendar.from_ical(raw).walk("VEVENT")[0]
    clean = "".join(c for c in title if c in "\t\n\r" or (ord(c) >= 32 and ord(c) != 127))
    expected = clean.replace("\r\n", "\n").replace("\r", "\n") or None
    assert str(parsed.get("SUMMARY", "")) == (expected or "")


_WEIRD = st.text(alphabet=st.sampled_from("aÅ ,;\\\r\n\t\x07€😀:"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(title=_WEIRD, place=_WEIRD, body=_WEIRD, description=_WEIRD, kind=st.sampled_from(
       ["meeting", "deadline", "chair_handover", "holiday", "other kind"]),
       status=st.sampled_from(["confirmed", "tentative", "cancelled", "odd"]),
       transparent=st.sampled_from([None, True, False]), all_day=st.booleans(), pages=st.booleans())
def test_the_fast_single_event_writer_writes_what_the_general_one_writes(
        title: str, place: str, body: str, description: str, kind: str, status: str, transparent: bool | None,
        all_day: bool, pages: bool) -> None:
    """Nearly every event goes through build._Singles, the rest through _vevent(): a subscriber must not
    be able to tell which (a CR at the end of a place or a body name is where escaping differs)."""
    from planner.feeds.build import _Singles, _text, _vevent

    meta = FeedMeta(name=META.name, base_url=META.base_url, window_start=META.window_start, window_end=META.window_end,
                    event_pages="https://planner.example.se/feeds/t/handelse/" if pages else "")
    day = dict(all_day=True, start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 3)) if all_day else {}
    one = event(5, title=title, location=place or None, description=description, kind=kind, status=status,
                transparent=transparent, body=SimpleNamespace(name=body) if body else None,
                from_party="Varberg" if kind == "chair_handover" else None, to_party=None, **day)
    url = meta.event_pages or meta.base_url.rstrip("/") + "/events/"
    assert _Singles(meta, url)(one) == _text(_vevent(one, meta, uid=one.uid))
