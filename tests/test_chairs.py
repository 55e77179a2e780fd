"""Chair rotation: the coming handovers follow the order and the term length."""

from __future__ import annotations

import datetime as dt

from planner.schedule.chairs import next_handovers

ROTATION = ["Varberg", "Falkenberg", "Halmstad", "Kungsbacka"]


def test_yearly_rotation_from_the_current_term() -> None:
    plan = next_handovers(ROTATION, "Varberg", dt.date(2026, 1, 1), 12, None, dt.date(2026, 11, 22))
    assert [(h.date, h.from_party, h.to_party) for h in plan] == [
        (dt.date(2027, 1, 1), "Varberg", "Falkenberg"),
        (dt.date(2028, 1, 1), "Falkenberg", "Halmstad"),
        (dt.date(2029, 1, 1), "Halmstad", "Kungsbacka"),
    ]


def test_handover_month_without_known_term_and_wraparound() -> None:
    plan = next_handovers(ROTATION, "kungsbacka", None, 12, 12, dt.date(2026, 12, 5), count=2)
    assert plan[0].date == dt.date(2027, 12, 1) and plan[0].to_party == "Varberg"
    assert plan[1].to_party == "Falkenberg"


def test_half_year_terms_and_too_short_rotation() -> None:
    plan = next_handovers(["A", "B"], "A", dt.date(2026, 7, 1), 6, None, dt.date(2026, 8, 1), count=2)
    assert [h.date for h in plan] == [dt.date(2027, 1, 1), dt.date(2027, 7, 1)]
    assert next_handovers(["A"], "A", None, 12, 12, dt.date(2026, 1, 1)) == []


def test_current_chair_comes_from_accepted_handovers(app) -> None:
    """Issue 11: 'Ordförande nu: okänt' although the calendar said Varberg → Falkenberg."""
    from planner.db import db
    from planner.models import Event
    from planner.schedule.chairs import chair_now
    from planner.schedule.orgs import get_or_create_body, get_or_create_organization

    org = get_or_create_organization("Kustkommunerna")
    body = get_or_create_body(org, "Styrgrupp")
    db.session.flush()

    def handover(day: dt.date, old: str, new: str, status: str = "confirmed") -> None:
        db.session.add(Event(organization_id=org.id, body_id=body.id, kind="chair_handover", title="Skifte",
                             all_day=True, start_date=day, end_date=day, from_party=old, to_party=new,
                             status=status))
        db.session.flush()

    assert chair_now(body, dt.date(2026, 12, 1)).holder is None
    handover(dt.date(2027, 1, 1), "Varberg", "Falkenberg")
    now = chair_now(body, dt.date(2026, 12, 1))
    assert (now.holder, now.until, now.successor) == ("Varberg", dt.date(2027, 1, 1), "Falkenberg")
    handover(dt.date(2028, 1, 1), "Falkenberg", "Halmstad", status="cancelled")
    later = chair_now(body, dt.date(2028, 3, 1))
    assert (later.holder, later.since, later.until) == ("Falkenberg", dt.date(2027, 1, 1), None)
