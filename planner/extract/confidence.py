"""The planner's own belief in a proposal, 0..1: high for a labelled header date, low for a guess."""

from __future__ import annotations

from planner.extract.resolve import Resolved

_BASE = {"explicit": 0.85, "context": 0.8, "weekday": 0.8, "window": 0.7}


def item_confidence(resolved: Resolved, kind: str, precision: str, cue: str | None = None) -> float:
    value = _BASE.get(resolved.year_source, 0.6)
    if precision == "month":
        value -= 0.25
    elif precision == "week":
        value -= 0.15
    if resolved.weekday_ok is True:
        value += 0.05
    elif resolved.weekday_ok is False:
        value -= 0.25
    if kind == "next_meeting":
        value += 0.1 if cue == "heading" else 0.05 if cue == "sentence" else -0.1
    if kind == "reference":
        value = min(value, 0.3)
    return round(max(0.05, min(0.99, value)), 2)


def meeting_confidence(labelled: bool, explicit_year: bool) -> float:
    return 0.95 if labelled and explicit_year else 0.9 if labelled else 0.8
