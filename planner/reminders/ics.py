"""A one-event iCalendar (METHOD:PUBLISH) to attach to a reminder.

Deliberately tiny and independent of planner.feeds: one VEVENT, UTC times or VALUE=DATE,
RFC 5545 escaping and 75-octet folding, and no X-WR-CALNAME (so clients import the event
instead of offering to subscribe to a calendar).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    summary: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    sequence: int = 0
    location: str | None = None
    description: str | None = None
    status: str = "CONFIRMED"  # CONFIRMED / TENTATIVE / CANCELLED
    recurrence_id: dt.datetime | dt.date | None = None
    url: str | None = None


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets without cutting a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _when(name: str, value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{value.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"
    return f"{name};VALUE=DATE:{value.strftime('%Y%m%d')}"


def build_ics(event: IcsEvent, stamp: dt.datetime) -> bytes:
    end = event.end
    if isinstance(event.start, dt.datetime):
        end = end if isinstance(end, dt.datetime) and end > event.start else event.start + dt.timedelta(hours=1)
    else:
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else event.start
        end = max(last, event.start) + dt.timedelta(days=1)  # DTEND of an all-day item is exclusive
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//planner//reminders//SV", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT",
        f"UID:{escape(event.uid)}",
        _when("DTSTAMP", stamp),
        _when("DTSTART", event.start),
        _when("DTEND", end),
    ]
    if event.recurrence_id is not None:
        lines.append(_when("RECURRENCE-ID", event.recurrence_id))
    lines += [f"SEQUENCE:{event.sequence}", f"SUMMARY:{escape(event.summary)}", f"STATUS:{event.status}"]
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
