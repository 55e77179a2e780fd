"""Recurrence rules and exceptions as written into a feed, in the terms Outlook can map.

The expansion itself is planner.schedule.recurrence's.
"""

from __future__ import annotations

import datetime as dt

from planner.feeds.lines import STOCKHOLM, utc_stamp

OUTLOOK_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
# Parts Outlook's recurrence patterns can express; anything else is served as single occurrences.
OUTLOOK_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"}


def parse_rule(rule: str) -> dict[str, str]:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, str] = {}
    for item in text.split(";"):
        if "=" in item:
            key, value = item.split("=", 1)
            parts[key.strip().upper()] = value.strip().upper()
    if "FREQ" not in parts:
        raise ValueError(f"recurrence rule without FREQ: {rule!r}")
    return parts


def outlook_maps(parts: dict[str, str]) -> bool:
    return parts["FREQ"] in OUTLOOK_FREQS and set(parts) <= OUTLOOK_PARTS and not (
        "COUNT" in parts and "UNTIL" in parts
    )


def _until(value: str, all_day: bool) -> str:
    """UNTIL must be a DATE for all-day series and a UTC DATE-TIME for zoned ones (RFC 5545 3.3.10)."""
    digits = value.rstrip("Z")
    if all_day:
        return digits[:8]
    if len(digits) == 8:  # a date: the series runs to the end of that day in Stockholm
        day = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        return utc_stamp(dt.datetime.combine(day, dt.time(23, 59, 59), STOCKHOLM))
    if value.endswith("Z"):
        return value
    naive = dt.datetime.strptime(digits, "%Y%m%dT%H%M%S")
    return utc_stamp(naive.replace(tzinfo=STOCKHOLM))


def normalized(parts: dict[str, str], all_day: bool) -> str:
    """The rule as written into the feed: FREQ first, a valid UNTIL, a stable order."""
    parts = dict(parts)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until(parts["UNTIL"], all_day)
    order = ["FREQ"] + sorted(k for k in parts if k != "FREQ")
    return ";".join(f"{k}={parts[k]}" for k in order)
