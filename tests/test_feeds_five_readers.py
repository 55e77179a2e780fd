"""Five readers, one instant: the served feed of a DST-heavy schedule through ical.js (Thunderbird),
libical (Evolution), node-ical, vobject and icalendar + recurring-ical-events, each of which must give
exactly the occurrences planner itself shows (planner.schedule.recurrence) — no more, no fewer, same
UTC instants and STATUS.

The schedule: the example minutes' (both DST changes of 2027, a fortnightly series with an EXDATE,
a moved and a cancelled occurrence, all-day periods with exclusive ends, a cancelled meeting, a yearly
all-day series with a skipped year), then the series moved from 13.00 to 14.00 after its exceptions
were stored (issue 13.1), both 02.30s of 31 October 2027 (the repeated hour, 13.2), meetings at the
edges of the skipped hour of 28 March 2027 and one across it, and a deleted meeting (served cancelled).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.db import db
from planner.models import Event, Feed
from planner.schedule.removal import delete_event
from tests.feeds_scenario import WIDE_WINDOW, local, make_example_schedule, planner_occurrences
from tests.ical_readers import READERS

UNTIL = dt.date(2031, 1, 1)
UTC = dt.UTC


@pytest.fixture
def dst_feed(app, client, tmp_path: Path) -> tuple[Path, set[tuple[str, str, str, str]]]:
    app.config.update(WIDE_WINDOW)
    scenario = make_example_schedule()
    org, ledning = scenario["org"], scenario["ledning"]
    serie = scenario["events"]["serie"]
    serie.start_at, serie.end_at = local(2027, 1, 15, 14), local(2027, 1, 15, 16, 30)  # after its exceptions
    serie.touch()

    def meeting(title: str, start: dt.datetime, end: dt.datetime) -> Event:
        return Event(organization_id=org.id, body_id=ledning.id, title=title, all_day=False, start_at=start,
                     end_at=end)

    extra = [
        meeting("Driftmöte (första 02.30)", dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
                dt.datetime(2027, 10, 31, 1, 0, tzinfo=UTC)),
        meeting("Driftmöte (andra 02.30)", dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
                dt.datetime(2027, 10, 31, 2, 0, tzinfo=UTC)),
        meeting("Nattjour före omställningen", local(2027, 3, 28, 1, 0), local(2027, 3, 28, 2, 0)),
        meeting("Nattjour över omställningen", local(2027, 3, 28, 1, 30), local(2027, 3, 28, 3, 30)),
        meeting("Nattjour efter omställningen", local(2027, 3, 28, 3, 0), local(2027, 3, 28, 4, 0)),
    ]
    doomed = meeting("Struket möte", local(2027, 5, 12, 9), local(2027, 5, 12, 11))
    db.session.add_all([*extra, doomed])
    db.session.flush()
    delete_event(doomed)
    feed = Feed(organization=org)
    db.session.add(feed)
    db.session.commit()
    response = client.get(f"/feeds/{feed.token}.ics")
    assert response.status_code == 200
    path = tmp_path / "dst.ics"
    path.write_bytes(response.data)
    return path, planner_occurrences(db.session.scalars(db.select(Event)).all(), UNTIL)


def test_the_scenario_has_every_hard_case_it_claims(dst_feed) -> None:
    """So the agreement below cannot pass on a schedule that lost its hard parts."""
    _, planner = dst_feed
    starts = {o[1] for o in planner}
    assert {"2027-10-31T00:30:00Z", "2027-10-31T01:30:00Z"} <= starts  # both 02.30s
    assert {"2027-03-28T00:00:00Z", "2027-03-28T00:30:00Z", "2027-03-28T01:00:00Z"} <= starts  # around the gap
    assert ("2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z") in {(o[1], o[2]) for o in planner}  # one hour across it
    assert "2027-04-08T08:00:00Z" in starts and "2027-04-09T12:00:00Z" not in starts  # moved, series now 14.00
    assert "2027-03-26T13:00:00Z" in starts and "2027-04-23T12:00:00Z" in starts  # 14.00 in CET and in CEST
    assert not any(s.startswith("2027-02-26") for s in starts)  # the EXDATE stored at 13.00
    cancelled = {o[1] for o in planner if o[3] == "CANCELLED"}
    assert {"2027-10-22T11:00:00Z", "2027-05-12T07:00:00Z", "2026-11-20T12:00:00Z"} <= cancelled  # keeps its 13.00
    assert ("2027-02-22", "2027-02-27") in {(o[1], o[2]) for o in planner}  # all-day, exclusive end


# The feed writes no X-WR-TIMEZONE: recurring-ical-events (through x-wr-timezone 2.0.1) applies it to every UTC
# value and loses the fold of the repeated hour (01:30Z on 31 October 2027 came back as 00:30Z).
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_gives_every_occurrence_at_planners_instant(dst_feed, reader: str) -> None:
    path, planner = dst_feed
    theirs = READERS[reader](path, UNTIL)
    assert theirs == planner, (f"{reader}: missing {sorted(planner - theirs)[:5]}, "
                               f"extra {sorted(theirs - planner)[:5]}")
