"""One recurrence policy for every way in (the event form, .ics import) and for expanding stored rules.

A rule may give at most one occurrence a day: FREQ=SECONDLY, or FREQ=DAILY with
BYHOUR=0..23;BYMINUTE=0..59;BYSECOND=0..59, is 86,400 a day, and expanding one took minutes
and gigabytes. The BY* lists are counted before anything is expanded, and COUNT is capped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

FINER_THAN_DAILY = frozenset({"HOURLY", "MINUTELY", "SECONDLY"})
TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
DEFAULT_MAX_COUNT = 5000  # as ICS_IMPORT_MAX_OCCURRENCES


def rule_parts(rule: str) -> dict[str, list[str]]:
    """'FREQ=DAILY;BYHOUR=9,13' → {'FREQ': ['DAILY'], 'BYHOUR': ['9', '13']}; tolerant of junk."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, list[str]] = {}
    for item in text.split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            parts[key.strip().upper()] = [v.strip().upper() for v in value.split(",") if v.strip()]
    return parts


def per_day(parts: Mapping[str, Iterable[object]]) -> int:
    """How many occurrences the BYHOUR × BYMINUTE × BYSECOND lists make of each day."""
    return math.prod(max(len(list(parts.get(name) or [])), 1) for name in TIME_PARTS)


def rule_problem(parts: Mapping[str, Iterable[object]], max_count: int | None = DEFAULT_MAX_COUNT) -> str | None:
    """Why this rule is refused (Swedish, for the secretary), or None when it is within the limits."""
    freq = {str(f).upper() for f in parts.get("FREQ") or []}
    if freq & FINER_THAN_DAILY:
        return (f"FREQ={'/'.join(sorted(freq))} är tätare än en gång om dagen; "
                "högst en förekomst per dag tas emot (FREQ=DAILY, WEEKLY, MONTHLY eller YEARLY)")
    if (count := per_day(parts)) > 1:
        return (f"upprepningen ger {count} förekomster per dag (BYHOUR/BYMINUTE/BYSECOND); "
                "högst en förekomst per dag tas emot")
    if max_count is not None:
        for value in parts.get("COUNT") or []:
            try:
                n = int(str(value))
            except ValueError:
                continue
            if n > max_count:
                return f"upprepningen har COUNT={n}; högst {max_count} förekomster tas emot"
    return None


def too_fine(rule: str) -> bool:
    """For expansion: a stored rule past the limits is shown as its first occurrence only."""
    return rule_problem(rule_parts(rule), max_count=None) is not None
