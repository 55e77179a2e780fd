"""Series as a secretary says them ("första fredagen varje månad"), with exceptions; pure, no database."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from planner.models import Event
from planner.schedule.recurrence import RecurrenceError, describe_rule, occurrence_key, occurrences, parse_rule

STHLM = ZoneInfo("Europe/Stockholm")


@pytest.mark.parametrize(("phrase", "rule"), [
    ("första fredagen varje månad", "FREQ=MONTHLY;BYDAY=1FR"),
    ("Sista torsdagen i varje månad", "FREQ=MONTHLY;BYDAY=-1TH"),
    ("andra tisdagen i månaden", "FREQ=MONTHLY;BYDAY=2TU"),
    ("varje måndag", "FREQ=WEEKLY;BYDAY=MO"),
    ("varannan onsdag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("varje år", "FREQ=YEARLY"),
    ("forsta fredagen varje manad", "FREQ=MONTHLY;BYDAY=1FR"),  # OCR lost the diacritics
    ("första fredagen varje månad till och med 2027-06-30", "FREQ=MONTHLY;BYDAY=1FR;UNTIL=20270630"),
    ("FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=MONTHLY;BYMONTHDAY=15"),
])
def test_phrases_become_rules_and_read_back(phrase: str, rule: str) -> None:
    assert parse_rule(phrase) == rule
    if not rule.endswith("15"):
        assert parse_rule(describe_rule(rule)) == rule


def test_unknown_phrase_says_what_works() -> None:
    with pytest.raises(RecurrenceError, match="första fredagen varje månad"):
        parse_rule("ibland på fredagar")


def test_first_friday_series_keeps_wall_clock_time_and_skips_exceptions() -> None:
    start = dt.datetime(2026, 1, 2, 9, 0, tzinfo=STHLM)
    skipped = occurrence_key(dt.datetime(2026, 4, 3, 9, 0, tzinfo=STHLM))
    event = Event(title="Ledningsgrupp", all_day=False, start_at=start, end_at=start + dt.timedelta(hours=3),
                  rrule=parse_rule("första fredagen varje månad"), exdates=[skipped])
    found = occurrences(event, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    days = [o.day for o in found]
    assert days == [dt.date(2026, 1, 2), dt.date(2026, 2, 6), dt.date(2026, 3, 6), dt.date(2026, 5, 1),
                    dt.date(2026, 6, 5)]
    # 09.00 in Stockholm before and after the switch to summer time (29 March 2026).
    assert [o.start.astimezone(STHLM).hour for o in found] == [9] * 5
    assert found[-1].start.astimezone(dt.UTC).hour == 7 and found[0].start.astimezone(dt.UTC).hour == 8
    assert all(o.end - o.start == dt.timedelta(hours=3) for o in found)


def test_moved_occurrence_replaces_the_generated_one() -> None:
    start = dt.datetime(2026, 1, 2, 9, 0, tzinfo=STHLM)
    series = Event(title="LG", all_day=False, start_at=start, end_at=start + dt.timedelta(hours=1),
                   rrule="FREQ=MONTHLY;BYDAY=1FR", exdates=[])
    moved = dt.datetime(2026, 2, 13, 13, 0, tzinfo=STHLM)
    override = Event(title="LG (flyttat)", all_day=False, start_at=moved, end_at=moved + dt.timedelta(hours=1),
                     recurrence_id=occurrence_key(dt.datetime(2026, 2, 6, 9, 0, tzinfo=STHLM)))
    series.overrides.append(override)
    found = occurrences(series, dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert len(found) == 1 and found[0].override and found[0].event.title == "LG (flyttat)"
    assert found[0].day == dt.date(2026, 2, 13)


def test_all_day_single_event_overlapping_window() -> None:
    event = Event(title="Sportlov", all_day=True, start_date=dt.date(2027, 2, 22), end_date=dt.date(2027, 2, 26))
    assert occurrences(event, dt.date(2027, 2, 25), dt.date(2027, 3, 31))
    assert not occurrences(event, dt.date(2027, 3, 1), dt.date(2027, 3, 31))
