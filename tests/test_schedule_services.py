"""Moving, skipping and editing events as schedule services: what the event pages do, without a page."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.db import db
from planner.models import Event, EventChange
from planner.schedule import event_edit, series
from planner.schedule.recurrence import occurrences
from tests.reminders_helpers import STHLM, local, org_with_bodies

MAX = 5000


def _series() -> Event:
    org, styr, _ = org_with_bodies()
    event = Event(organization=org, body=styr, title="Styrgruppens möte", kind="meeting",
                  start_at=local(2027, 2, 5, 9, 30), end_at=local(2027, 2, 5, 12, 0),
                  rrule="FREQ=WEEKLY;INTERVAL=2;COUNT=4", exdates=[])
    db.session.add(event)
    db.session.flush()
    return event


def _starts(event: Event) -> list[dt.datetime]:
    db.session.expire_all()
    return [o.start.astimezone(STHLM) for o in occurrences(event, dt.date(2027, 1, 1), dt.date(2027, 12, 31))]


def _key(event: Event, day: dt.date) -> str:
    return next(o.key for o in occurrences(event, day, day))


def test_moving_one_occurrence_keeps_its_length_and_leaves_the_others(app) -> None:
    event = _series()
    series.move_occurrence(event, _key(event, dt.date(2027, 2, 19)), dt.date(2027, 2, 24), None, None, None)
    db.session.commit()
    assert _starts(event) == [local(2027, 2, 5, 9, 30), local(2027, 2, 24, 9, 30), local(2027, 3, 5, 9, 30),
                              local(2027, 3, 19, 9, 30)]
    (moved,) = event.overrides
    assert moved.end_at.astimezone(STHLM) == local(2027, 2, 24, 12, 0)
    actions = {c.action for c in db.session.scalars(db.select(EventChange).filter_by(event_id=event.id))}
    assert "updated" in actions


def test_a_move_into_the_spring_forward_hour_or_ending_first_is_refused_and_changes_nothing(app) -> None:
    event = _series()
    key = _key(event, dt.date(2027, 3, 19))
    with pytest.raises(series.SeriesProblem, match="finns inte"):
        series.move_occurrence(event, key, dt.date(2027, 3, 28), dt.time(2, 30), None, None)
    with pytest.raises(series.SeriesProblem, match="Sluttiden ligger före starttiden"):
        series.move_occurrence(event, key, dt.date(2027, 3, 20), dt.time(13), dt.time(9), None)
    with pytest.raises(series.NotAnOccurrence):
        series.move_occurrence(event, "2027-03-20T08:30:00Z", dt.date(2027, 3, 21), None, None, None)
    assert not event.overrides


def test_skipping_an_occurrence_leaves_it_out_of_the_series(app) -> None:
    event = _series()
    series.skip_occurrence(event, _key(event, dt.date(2027, 3, 5)), None)
    db.session.commit()
    assert local(2027, 3, 5, 9, 30) not in _starts(event) and len(_starts(event)) == 3
    with pytest.raises(series.NotAnOccurrence):
        series.skip_occurrence(event, "2027-03-06", None)


def test_creating_an_event_by_hand_checks_what_was_typed(app) -> None:
    org, styr, _ = org_with_bodies()
    none, problems = event_edit.create_event(org.id, event_edit.EventInput(title=" ", day=None), None, MAX)
    assert none is None and [str(p) for p in problems] == ["Ange en rubrik."]
    backwards = event_edit.EventInput(title="Workshop", day=dt.date(2027, 1, 20), start=dt.time(13),
                                      end=dt.time(9, 30))
    assert [str(p) for p in event_edit.create_event(org.id, backwards, None, MAX)[1]] == [
        "Sluttiden ligger före starttiden."]
    typed = event_edit.EventInput(title="Workshop om kollektivtrafik", day=dt.date(2027, 1, 20), start=dt.time(13, 30),
                                  end=dt.time(16), body_id=styr.id, location=" Stadshuset ",
                                  recurrence="FREQ=WEEKLY;COUNT=2", exdates=(dt.date(2027, 1, 27),))
    event, problems = event_edit.create_event(org.id, typed, None, MAX)
    db.session.commit()
    assert event is not None and not problems
    assert (event.start_at.astimezone(STHLM), event.end_at.astimezone(STHLM)) == (local(2027, 1, 20, 13, 30),
                                                                                  local(2027, 1, 20, 16, 0))
    assert event.location == "Stadshuset" and _starts(event) == [local(2027, 1, 20, 13, 30)]


def test_editing_records_exactly_what_changed(app) -> None:
    event = _series()
    same = event_edit.EventInput(title=event.title, day=dt.date(2027, 2, 5), start=dt.time(9, 30),
                                 end=dt.time(12), body_id=event.body_id, recurrence=event.rrule or "")
    assert event_edit.update_event(event, same, None, MAX) == ({}, [])
    cancelled = event_edit.EventInput(**{**same.__dict__, "status": "cancelled"})
    changes, problems = event_edit.update_event(event, cancelled, None, MAX)
    assert not problems and changes == {"status": ["confirmed", "cancelled"]}
    last = db.session.scalars(db.select(EventChange).filter_by(event_id=event.id).order_by(EventChange.id.desc()))
    assert next(iter(last)).action == "cancelled"
