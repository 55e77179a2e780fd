"""The days an event occupies within the wheel's year: single events, series and their overrides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from planner.wheel.geometry import Span

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MAX_OCCURRENCES = 400  # a daily series is still drawn, a hostile one does not hang the page


@dataclass(frozen=True)
class Occurrence:
    start: dt.date
    end: dt.date  # inclusive
    start_at: dt.datetime | None  # aware, for timed events
    end_at: dt.datetime | None
    recurrence: str | None  # None for a single event


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(STOCKHOLM)


def time_label(start_at: dt.datetime | None, end_at: dt.datetime | None) -> str | None:
    """Swedish style: 09.30–12.00."""
    if start_at is None:
        return None
    begin = local(start_at)
    text = f"{begin.hour:02d}.{begin.minute:02d}"
    if end_at is not None and end_at > start_at:
        end = local(end_at)
        text += f"–{end.hour:02d}.{end.minute:02d}"
    return text


def recurrence_keys(values: list[str] | None) -> set[str]:
    """Exdates and recurrence ids normalised: a date as YYYY-MM-DD, a datetime as UTC ISO."""
    keys = set()
    for value in values or []:
        keys.add(_key(value))
    return keys


def _key(value: str) -> str:
    value = (value or "").strip()
    if len(value) <= 10:
        return value
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=STOCKHOLM)
    return parsed.astimezone(dt.UTC).isoformat()


def occurrences(event: object, span: Span, replaced: set[str]) -> Iterator[Occurrence]:
    """Occurrences of one event that touch the span; `replaced` holds overridden recurrence ids."""
    all_day = bool(getattr(event, "all_day", False))
    rule = getattr(event, "rrule", None)
    if all_day:
        first = event.start_date  # type: ignore[attr-defined]
        if first is None:
            return
        last = event.end_date or first  # type: ignore[attr-defined]
        length = max((last - first).days, 0)
        if not rule:
            if first < span.end and last >= span.start:
                yield Occurrence(first, last, None, None, None)
            return
        skip = replaced | recurrence_keys(event.exdates)  # type: ignore[attr-defined]
        start = dt.datetime.combine(first, dt.time())
        window = (dt.datetime.combine(span.start - dt.timedelta(days=length), dt.time()),
                  dt.datetime.combine(span.end, dt.time()))
        for when in _expand(rule, start, window):
            day = when.date()
            if day.isoformat() in skip:
                continue
            yield Occurrence(day, day + dt.timedelta(days=length), None, None, day.isoformat())
        return
    start_at, end_at = event.start_at, event.end_at  # type: ignore[attr-defined]
    if start_at is None:
        return
    end_at = end_at if end_at is not None and end_at > start_at else start_at
    duration = end_at - start_at
    if not rule:
        first, last = local(start_at).date(), local(end_at - dt.timedelta(microseconds=1)).date()
        last = max(first, last)
        if first < span.end and last >= span.start:
            yield Occurrence(first, last, start_at, end_at, None)
        return
    skip = replaced | recurrence_keys(event.exdates)  # type: ignore[attr-defined]
    window = (dt.datetime.combine(span.start - dt.timedelta(days=duration.days + 1), dt.time(), STOCKHOLM),
              dt.datetime.combine(span.end, dt.time(), STOCKHOLM))
    for when in _expand(rule, local(start_at), window):
        when_utc = when.astimezone(dt.UTC)
        if when_utc.isoformat() in skip or when.date().isoformat() in skip:
            continue
        day = when.date()
        if not span.start <= day < span.end:
            continue
        yield Occurrence(day, local(when + duration - dt.timedelta(microseconds=1)).date() if duration else day,
                         when_utc, when_utc + duration, when_utc.isoformat())


def _expand(rule: str, start: dt.datetime, window: tuple[dt.datetime, dt.datetime]) -> list[dt.datetime]:
    """Occurrences of an RRULE in a window; a rule that cannot be read yields the first date only."""
    text = rule if rule.upper().startswith("RRULE:") else f"RRULE:{rule}"
    try:
        parsed = rrulestr(text, dtstart=start)
    except (ValueError, TypeError):
        try:  # an UNTIL written without a zone next to a zoned start: read the start as wall-clock time
            parsed = rrulestr(text, dtstart=start.replace(tzinfo=None))
            start_zone = start.tzinfo
            lo, hi = (w.replace(tzinfo=None) for w in window)
            found = []
            for when in parsed.xafter(lo, count=MAX_OCCURRENCES, inc=True):
                if when >= hi:
                    break
                found.append(when.replace(tzinfo=start_zone))
            return found
        except (ValueError, TypeError):
            return [start] if window[0] <= start < window[1] else []
    found = []
    for when in parsed.xafter(window[0], count=MAX_OCCURRENCES, inc=True):
        if when >= window[1]:
            break
        found.append(when)
    return found
