"""Recurrence rules as Outlook maps them, and their expansion in Stockholm wall-clock time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dateutil.rrule import rrulestr

from planner.feeds.lines import STOCKHOLM, parse_iso_instant, utc_stamp

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


def occurrences(start: dt.date | dt.datetime, rule: str, all_day: bool,
                until: dt.datetime) -> Iterator[dt.date | dt.datetime]:
    """Occurrence starts up to `until`: wall-clock recurrence in Stockholm, then the real instant.

    A weekly 09:30 meeting stays at 09:30 across the DST change; that is what clients do too.
    """
    parts = parse_rule(rule)
    if all_day:
        assert isinstance(start, dt.date)
        dtstart = dt.datetime.combine(start, dt.time())
    else:
        assert isinstance(start, dt.datetime)
        dtstart = start.astimezone(STOCKHOLM).replace(tzinfo=None)
    rule_until = parts.pop("UNTIL", None)
    recurrence = rrulestr(normalized(parts, all_day), dtstart=dtstart)
    if rule_until:
        recurrence = recurrence.replace(until=_local_until(rule_until))
    limit = until.astimezone(STOCKHOLM).replace(tzinfo=None)
    for naive in recurrence:
        if naive > limit:
            return
        yield naive.date() if all_day else naive.replace(tzinfo=STOCKHOLM)


def _local_until(value: str) -> dt.datetime:
    """UNTIL as naive Stockholm wall-clock time, the terms dateutil compares DTSTART in."""
    digits = value.rstrip("Z")
    if len(digits) == 8:
        return dt.datetime.strptime(digits + "T235959", "%Y%m%dT%H%M%S")
    naive = dt.datetime.strptime(digits, "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        return naive.replace(tzinfo=dt.UTC).astimezone(STOCKHOLM).replace(tzinfo=None)
    return naive


def exdate_set(values: list[str] | None) -> set[dt.date | dt.datetime]:
    """Excluded occurrences, compared as Stockholm wall-clock values."""
    out: set[dt.date | dt.datetime] = set()
    for value in values or []:
        parsed = parse_iso_instant(value)
        if isinstance(parsed, dt.datetime):
            out.add(parsed.astimezone(STOCKHOLM).replace(tzinfo=None))
        else:
            out.add(parsed)
    return out


def instant_key(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(STOCKHOLM).replace(tzinfo=None)
    return value
