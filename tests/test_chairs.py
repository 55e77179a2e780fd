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
