"""Swedish wording of dates and times for mails (no locale setting needed on the server).

The words come from planner.labels and planner.schedule.datefmt, so a mail says what the pages,
the feeds and the wheel say.
"""

from __future__ import annotations

import datetime as dt

from planner import labels
from planner.schedule.datefmt import STOCKHOLM, format_clock_span, format_date, format_time


def kind_label(kind: str | None) -> str:
    """'Möte', 'Deadline', 'Ordförandeskifte', 'Lov'; 'Händelse' for a kind without a word."""
    return labels.kind_or_event(kind)


def swedish_date(day: dt.date) -> str:
    return format_date(day, "sv")


def swedish_when(start: dt.datetime | dt.date, end: dt.datetime | dt.date | None = None) -> str:
    """'fredag 4 december 2026 kl. 09.30–12.00' or 'fredag 4 december 2026'."""
    if isinstance(start, dt.datetime):
        local = start.astimezone(STOCKHOLM)
        if isinstance(end, dt.datetime) and end.astimezone(STOCKHOLM).date() != local.date():
            local_end = end.astimezone(STOCKHOLM)
            return (f"{swedish_date(local.date())} kl. {format_time(local)} – "
                    f"{swedish_date(local_end.date())} kl. {format_time(local_end)}")
        clock = format_clock_span(start, end if isinstance(end, dt.datetime) else None)
        return f"{swedish_date(local.date())} kl. {clock}"
    text = swedish_date(start)
    if isinstance(end, dt.date) and not isinstance(end, dt.datetime) and end > start:
        text += f" – {swedish_date(end)}"
    return text


def lead_phrase(start: dt.datetime | dt.date, sent: dt.datetime) -> str:
    """'i morgon', 'i dag', 'om 7 dagar' counted in Stockholm calendar days."""
    day = start.astimezone(STOCKHOLM).date() if isinstance(start, dt.datetime) else start
    return labels.days_ahead_words((day - sent.astimezone(STOCKHOLM).date()).days)
