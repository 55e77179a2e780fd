"""Dates as Swedish readers expect them; pure functions, no app."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.schedule.datefmt import (
    format_date,
    format_period,
    format_time,
    format_when,
    month_title,
    month_weeks,
    vague_date_text,
    week_label,
    week_number,
)

STHLM = ZoneInfo("Europe/Stockholm")


def test_meeting_written_as_in_swedish_minutes() -> None:
    start = dt.datetime(2019, 12, 6, 9, 45, tzinfo=STHLM)
    end = dt.datetime(2019, 12, 6, 12, 15, tzinfo=STHLM)
    assert format_when(start, end) == "fredag 6 december 2019, 09.45–12.15"
    assert format_when(start, end, "en") == "Friday 6 December 2019, 09:45–12:15"


def test_utc_values_are_shown_in_stockholm_time_across_dst() -> None:
    summer = dt.datetime(2026, 6, 12, 7, 30, tzinfo=dt.UTC)  # CEST, +2
    winter = dt.datetime(2026, 12, 4, 8, 30, tzinfo=dt.UTC)  # CET, +1
    assert format_when(summer) == "fredag 12 juni 2026, 09.30"
    assert format_time(winter) == "09.30"


def test_event_over_midnight_names_both_days() -> None:
    start = dt.datetime(2026, 3, 27, 18, 0, tzinfo=STHLM)
    end = dt.datetime(2026, 3, 28, 12, 0, tzinfo=STHLM)
    assert format_when(start, end) == "fredag 27 mars 2026, 18.00 – lördag 28 mars 2026, 12.00"


def test_periods() -> None:
    assert format_period(dt.date(2020, 2, 17), dt.date(2020, 2, 21)) == "17–21 februari 2020"
    assert format_period(dt.date(2020, 3, 30), dt.date(2020, 4, 3)) == "30 mars – 3 april 2020"
    assert format_period(dt.date(2019, 12, 28), dt.date(2020, 1, 3)) == "28 december 2019 – 3 januari 2020"
    assert format_period(dt.date(2026, 11, 13)) == "fredag 13 november 2026"
    assert format_date(dt.date(2026, 1, 1), weekday=False) == "1 januari 2026"


def test_iso_week_numbers_as_swedish_calendars_print_them() -> None:
    assert week_number(dt.date(2021, 1, 3)) == 53  # Sunday: still week 53 of 2020
    assert week_number(dt.date(2021, 1, 4)) == 1
    assert week_number(dt.date(2019, 12, 30)) == 1  # Monday of week 1 of 2020
    assert week_label(dt.date(2026, 12, 4)) == "v. 49"
    # 23.30 UTC on Sunday is already Monday in Stockholm: the week follows local time.
    assert week_number(dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC)) == 49


def test_month_grid_rows_are_whole_weeks_starting_monday() -> None:
    rows = month_weeks(2026, 2)  # 1 Feb 2026 is a Sunday
    assert rows[0][0] == 5 and rows[0][1][0] == dt.date(2026, 1, 26)
    assert all(len(days) == 7 and days[0].weekday() == 0 for _, days in rows)
    assert rows[-1][1][-1] == dt.date(2026, 3, 1)
    assert month_title(2026, 2) == "Februari 2026"


def test_month_and_week_only_dates_are_named_not_guessed() -> None:
    assert vague_date_text("2026-12") == "december 2026"
    assert vague_date_text("2027-W08") == "v. 8 2027 (22–28 februari 2027)"
    assert vague_date_text("2026-12-04") is None and vague_date_text(None) is None
