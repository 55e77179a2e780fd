"""A feed of the example minutes, read by ical.js and vobject, lands at the instants written by hand.

Covers both DST changes of 2027, a series with a skipped and a moved occurrence, all-day periods
(exclusive DTEND) and cancellations.
"""

from __future__ import annotations

import datetime as dt

import pytest

from planner.db import db
from planner.models import Event, Feed
from tests.feeds_scenario import WIDE_WINDOW, example_occurrences, make_example_schedule, planner_occurrences
from tests.ical_readers import ical_js, vobject_reader

UNTIL = dt.date(2031, 1, 1)


@pytest.fixture
def example_feed(app, client, tmp_path):
    app.config.update(WIDE_WINDOW)
    scenario = make_example_schedule()
    feed = Feed(organization=scenario["org"])
    db.session.add(feed)
    db.session.commit()
    response = client.get(f"/feeds/{feed.token}.ics")
    assert response.status_code == 200
    path = tmp_path / "feed.ics"
    path.write_bytes(response.data)
    expected = example_occurrences(scenario["events"])
    return path, expected


def _summer_and_winter(occurrences: set[tuple[str, str, str, str]]) -> None:
    """The fixture really crosses DST: the series' 13.00 is 12:00Z in winter and 11:00Z in summer."""
    starts = {o[1] for o in occurrences}
    assert "2027-03-26T12:00:00Z" in starts and "2027-04-23T11:00:00Z" in starts
    assert "2027-10-22T11:00:00Z" in starts and "2027-11-05T12:00:00Z" in starts


def test_ical_js_reads_every_occurrence_at_the_instant_the_minutes_give(example_feed) -> None:
    path, expected = example_feed
    _summer_and_winter(expected)
    assert ical_js(path, UNTIL) == expected


def test_vobject_reads_every_occurrence_at_the_instant_the_minutes_give(example_feed) -> None:
    path, expected = example_feed
    assert vobject_reader(path, UNTIL) == expected


def test_the_fixture_has_what_the_suite_claims(example_feed) -> None:
    _, expected = example_feed
    statuses = [o[3] for o in expected]
    assert statuses.count("CANCELLED") == 2  # a single meeting and one occurrence of the series
    assert ("2027-02-22", "2027-02-27") in {(o[1], o[2]) for o in expected}  # sportlov, exclusive end
    assert not any(o[1] == "2027-02-26T12:00:00Z" for o in expected)  # the EXDATE
    assert any(o[1] == "2027-04-08T08:00:00Z" for o in expected)  # the moved occurrence


def test_planners_own_occurrences_are_the_ones_the_minutes_give(example_feed) -> None:
    """What the review, the wheel and the reminders expand (planner.schedule.recurrence) is the hand-written list."""
    _, expected = example_feed
    assert planner_occurrences(db.session.scalars(db.select(Event)).all(), UNTIL) == expected
