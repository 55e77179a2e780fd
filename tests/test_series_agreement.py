"""One series, one answer: the schedule, the wheel, reminders and the feed expand it alike.

These pin the differences the three former expansions had (each noted below). Pure, no database.
"""

from __future__ import annotations

import datetime as dt
import time
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from planner.feeds.build import FeedMeta, build_calendar
from planner.reminders import occurrences as reminders
from planner.schedule import recurrence
from planner.wheel import occurrences as wheel
from planner.wheel.geometry import year_span

STHLM = ZoneInfo("Europe/Stockholm")
STAMP = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)


def event(start: dt.datetime | dt.date, end: dt.datetime | dt.date, **kw: object) -> SimpleNamespace:
    all_day = not isinstance(start, dt.datetime)
    values = dict(
        id=1, uid="uid-1@planner", title="Styrgrupp", kind="meeting", description="", location=None,
        all_day=all_day, start_at=None if all_day else start, end_at=None if all_day else end,
        start_date=start if all_day else None, end_date=end if all_day else None, status="confirmed",
        rrule=None, exdates=[], series_id=None, recurrence_id=None, from_party=None, to_party=None, sequence=0,
        created_at=STAMP, updated_at=STAMP, overrides=[], body=None,
    )
    values.update(kw)
    return SimpleNamespace(**values)


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STHLM)


def schedule_starts(ev: SimpleNamespace, year: int = 2027) -> list[dt.datetime | dt.date]:
    return [o.start for o in recurrence.occurrences(ev, dt.date(year, 1, 1), dt.date(year, 12, 31))]


def reminder_starts(ev: SimpleNamespace, year: int = 2027) -> list[dt.datetime | dt.date]:
    return [o.start for o in reminders.occurrences(ev, at(year, 1, 1), at(year + 1, 1, 1))]


def wheel_starts(ev: SimpleNamespace, year: int = 2027) -> list[dt.datetime | dt.date]:
    return [o.start_at or o.start for o in wheel.occurrences(ev, year_span(year), set())]


def feed_starts(ev: SimpleNamespace) -> list[str]:
    meta = FeedMeta(name="x", base_url="https://planner.example.se", window_start=at(2027, 1, 1),
                    window_end=at(2027, 12, 31, 23, 59))
    lines = build_calendar([ev], meta).decode().replace("\r\n ", "").split("\r\n")
    return [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART;TZID")]


def test_an_exception_written_for_the_old_time_still_skips_its_day_after_the_series_moves() -> None:
    # The series was at 09.00 when 22 March and the 29 March override were written; now it is at 10.00.
    moved = event(at(2027, 4, 1, 13, 0), at(2027, 4, 1, 14, 0), recurrence_id="2027-03-29T09:00:00+02:00")
    ev = event(at(2027, 3, 15, 10, 0), at(2027, 3, 15, 11, 0), rrule="FREQ=WEEKLY;COUNT=4",
               exdates=["2027-03-22T08:00:00Z"], overrides=[moved])
    expected = [at(2027, 3, 15, 10, 0), at(2027, 4, 5, 10, 0)]  # 10.00 on both sides of the DST change
    assert reminder_starts(ev) == expected  # was: both kept (exact instants only)
    assert wheel_starts(ev) == expected  # was: both kept, and the wheel draws the override too
    assert [o.start for o in recurrence.occurrences(ev, dt.date(2027, 3, 1), dt.date(2027, 4, 30))] == [
        at(2027, 3, 15, 10, 0), at(2027, 4, 1, 13, 0), at(2027, 4, 5, 10, 0)]


def test_a_stored_rule_finer_than_daily_shows_its_first_occurrence_everywhere_at_once() -> None:
    # The form and the importer refuse these now; one stored before must not hang a page or the feed
    # (FREQ=SECONDLY took 145 s for the event list, and more every day).
    for rule in ("FREQ=SECONDLY", "FREQ=DAILY;BYHOUR=9,14;COUNT=4", "FREQ=DAILY;BYMINUTE=0,30"):
        ev = event(at(2027, 5, 3, 9, 0), at(2027, 5, 3, 10, 0), rrule=rule)
        started = time.monotonic()
        assert schedule_starts(ev) == reminder_starts(ev) == wheel_starts(ev) == [at(2027, 5, 3, 9, 0)], rule
        assert feed_starts(ev) == ["20270503T090000"], rule
        assert time.monotonic() - started < 2, rule


def test_an_until_in_utc_ends_the_series_everywhere() -> None:
    ev = event(at(2027, 1, 8, 13, 0), at(2027, 1, 8, 15, 0), rrule="FREQ=MONTHLY;BYDAY=2FR;UNTIL=20270312T120000Z")
    expected = [at(2027, 1, 8, 13, 0), at(2027, 2, 12, 13, 0), at(2027, 3, 12, 13, 0)]
    assert schedule_starts(ev) == reminder_starts(ev) == wheel_starts(ev) == expected  # schedule: was a crash


def test_a_multi_day_occurrence_begun_before_the_window_is_shown_in_it() -> None:
    ev = event(dt.date(2026, 12, 30), dt.date(2027, 1, 2), rrule="FREQ=YEARLY;COUNT=2")
    assert schedule_starts(ev) == wheel_starts(ev) == [dt.date(2026, 12, 30), dt.date(2027, 12, 30)]  # was: 2027 only
    assert [o.last_day for o in recurrence.occurrences(ev, dt.date(2027, 1, 1), dt.date(2027, 1, 1))] == [
        dt.date(2027, 1, 2)]


def test_a_rule_that_cannot_be_read_shows_its_first_occurrence_instead_of_failing() -> None:
    ev = event(at(2027, 2, 1, 9, 0), at(2027, 2, 1, 10, 0), rrule="FREQ=SOMETIMES")
    assert schedule_starts(ev) == reminder_starts(ev) == wheel_starts(ev) == [at(2027, 2, 1, 9, 0)]
