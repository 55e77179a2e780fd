"""An event's change reaches its reminders through the event_changed signal that create_app subscribes."""

from __future__ import annotations

import datetime as dt

from planner.clock import today_local
from planner.db import db
from planner.schedule.audit import changed
from tests.reminders_helpers import STHLM, meeting, org_with_bodies, rows, subscriber


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), STHLM)


def _pending(event_id: int) -> list[dt.datetime]:
    return sorted(r.due_at.astimezone(STHLM) for r in rows(event_id=event_id, status="pending"))


def test_moving_a_meeting_through_the_change_path_moves_its_reminders(app) -> None:
    day = today_local() + dt.timedelta(days=40)  # within the reminder horizon, whatever today is
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    event = meeting(org, styr, _at(day, 9, 30))
    changed(event, "created", {}, None, created=True)
    db.session.commit()
    # a meeting's reminders: 7 days and 1 day before, at 08.00 Stockholm time
    assert _pending(event.id) == [_at(day - dt.timedelta(days=7), 8), _at(day - dt.timedelta(days=1), 8)]

    later = day + dt.timedelta(days=7)
    before = event.start_at
    event.start_at, event.end_at = _at(later, 9, 30), _at(later, 12)
    changed(event, "updated", {"start_at": [before.isoformat(), event.start_at.isoformat()]}, None)
    db.session.commit()
    assert _pending(event.id) == [_at(later - dt.timedelta(days=7), 8), _at(later - dt.timedelta(days=1), 8)]
