"""Days news names by the weekday, reckoned from the day it was written (extract/relative.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.extract import extract
from planner.extract.relative import RELATIVE_DAY, named_day

THURSDAY = dt.date(2026, 1, 15)


@pytest.mark.parametrize(("words", "day"), [
    ("under torsdagen", THURSDAY),  # news of the day itself
    ("i torsdags", dt.date(2026, 1, 8)),  # said on a Thursday: a week ago
    ("i måndags", dt.date(2026, 1, 12)),
    ("på söndagens", dt.date(2026, 1, 11)),
    ("i går", dt.date(2026, 1, 14)),
    ("i dag", THURSDAY),
])
def test_a_weekday_named_in_news(words: str, day: dt.date) -> None:
    from planner.extract.normalize import fold

    hit = RELATIVE_DAY.search(fold(words))
    assert hit is not None and named_day(hit, THURSDAY) == day


def test_news_that_a_council_met_on_the_weekday_dates_the_meeting_by_the_post() -> None:
    text = ("15 jan 2026 15:02\n\nAnna Berg blev omvald\n\nAnna Berg (M) fortsätter som ordförande för förbundet.\n\n"
            "Under torsdagen hade förbundets fullmäktige sammanträde och då valdes styrelsen för mandatperioden.\n")
    assert extract(text)["meeting"] == {"date": "2026-01-15", "start": None, "end": None, "location": None}

