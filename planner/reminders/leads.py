"""Lead times to due instants: wall-clock in Europe/Stockholm, stored as UTC.

A lead `PnD` means "n days before, at the reminder time of day" (08:00 by default), so a
reminder lands at 08:00 local time whether or not a DST change falls in between.
A lead `PTnH` / `PTnM` / `PnDTnH` with a time part is an exact span before the start.
Pure functions: no Flask, no database.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from planner import labels
from planner.schedule.datefmt import STOCKHOLM

DEFAULT_LEADS: dict[str, list[str]] = {
    "meeting": ["P7D", "P1D"],
    "deadline": ["P3D", "P0D"],
    "chair_handover": ["P14D", "P1D"],
}
DEFAULT_TIME_OF_DAY = dt.time(8, 0)
DIGEST_WEEKDAY = 0  # Monday
DIGEST_TIME_OF_DAY = dt.time(7, 0)

_LEAD = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$")
def lead_label(text: str, lang: str | None = "sv") -> str:
    """'P1D' -> '1 dag före', 'P7D' -> '7 dagar före', 'PT2H' -> '2 timmar före', 'digest' -> 'veckobrev'."""
    if text == "digest":
        return labels.translate(labels.LEAD_WORDS["digest"], lang)
    try:
        lead = parse_lead(text)
    except BadLead:
        return text
    minutes = None if lead.exact is None else int(lead.exact.total_seconds() // 60)
    return labels.lead_words(lead.days, minutes, lang)


class BadLead(ValueError):
    """A lead time that is not an ISO 8601 duration planner understands."""


@dataclass(frozen=True)
class Lead:
    text: str
    days: int
    exact: dt.timedelta | None  # set when the lead has a time part

    @property
    def label(self) -> str:
        return lead_label(self.text)


def parse_lead(text: str) -> Lead:
    m = _LEAD.match(text.strip().upper()) if text else None
    if not m or text.strip().upper() in ("P", "PT"):
        raise BadLead(f"not a lead time: {text!r} (use e.g. P7D, P1D, P0D or PT2H)")
    weeks, days, hours, minutes = (int(g) if g else 0 for g in m.groups())
    days += 7 * weeks
    if m.group(3) is None and m.group(4) is None:
        return Lead(text.strip().upper(), days, None)
    return Lead(text.strip().upper(), days, dt.timedelta(days=days, hours=hours, minutes=minutes))


def local_at(day: dt.date, time_of_day: dt.time, tz: ZoneInfo = STOCKHOLM) -> dt.datetime:
    """The UTC instant of a local wall-clock time; a time in a spring-forward gap moves forward."""
    local = dt.datetime.combine(day, time_of_day, tz)
    roundtrip = local.astimezone(dt.UTC).astimezone(tz)
    if roundtrip.replace(tzinfo=None) != local.replace(tzinfo=None):
        local = local.replace(fold=1)  # nonexistent: take the later offset (moves the time forward)
    return local.astimezone(dt.UTC)


def due_at(start: dt.datetime | dt.date, lead: Lead | str, time_of_day: dt.time = DEFAULT_TIME_OF_DAY,
           tz: ZoneInfo = STOCKHOLM) -> dt.datetime:
    """When a reminder `lead` before an occurrence starting at `start` is due, in UTC.

    `start` is an aware datetime (timed item) or a date (all-day item, starting at local midnight).
    """
    if isinstance(lead, str):
        lead = parse_lead(lead)
    if isinstance(start, dt.datetime):
        if start.tzinfo is None:
            raise ValueError("naive start datetime")
        local_day = start.astimezone(tz).date()
        start_utc = start.astimezone(dt.UTC)
    else:
        local_day = start
        start_utc = local_at(start, dt.time(0, 0), tz)
    if lead.exact is not None:
        return start_utc - lead.exact
    return local_at(local_day - dt.timedelta(days=lead.days), time_of_day, tz)


def digest_due(on_or_after: dt.date, tz: ZoneInfo = STOCKHOLM) -> tuple[dt.date, dt.datetime]:
    """The Monday on or after a date, and its 07:00 local instant in UTC."""
    monday = on_or_after + dt.timedelta(days=(DIGEST_WEEKDAY - on_or_after.weekday()) % 7)
    return monday, local_at(monday, DIGEST_TIME_OF_DAY, tz)


def leads_for(kind: str, subscriber_leads: dict | None, org_leads: dict | None) -> list[str]:
    """A subscriber's own choice wins, then the organization's, then planner's defaults."""
    for source in (subscriber_leads, org_leads, DEFAULT_LEADS):
        if source and kind in source and source[kind] is not None:
            return [parse_lead(text).text for text in source[kind]]
    return []
