"""Swedish wording of dates and times for mails (no locale setting needed on the server)."""

from __future__ import annotations

import datetime as dt

from planner.schedule.datefmt import STOCKHOLM, format_date

KIND_LABELS = {"meeting": "Möte", "deadline": "Sista dag", "chair_handover": "Ordförandeskifte",
               "holiday": "Lov"}


def swedish_date(day: dt.date) -> str:
    return format_date(day, "sv")


def swedish_when(start: dt.datetime | dt.date, end: dt.datetime | dt.date | None = None) -> str:
    """'fredag 4 december 2026 kl. 09.30–12.00' or 'fredag 4 december 2026'."""
    if isinstance(start, dt.datetime):
        local = start.astimezone(STOCKHOLM)
        text = f"{swedish_date(local.date())} kl. {local:%H.%M}"
        if isinstance(end, dt.datetime):
            local_end = end.astimezone(STOCKHOLM)
            text += f"–{local_end:%H.%M}" if local_end.date() == local.date() else \
                f" – {swedish_date(local_end.date())} kl. {local_end:%H.%M}"
        return text
    text = swedish_date(start)
    if isinstance(end, dt.date) and not isinstance(end, dt.datetime) and end > start:
        text += f" – {swedish_date(end)}"
    return text


def lead_phrase(start: dt.datetime | dt.date, sent: dt.datetime) -> str:
    """'i morgon', 'i dag', 'om 7 dagar' counted in Stockholm calendar days."""
    day = start.astimezone(STOCKHOLM).date() if isinstance(start, dt.datetime) else start
    days = (day - sent.astimezone(STOCKHOLM).date()).days
    if days <= 0:
        return "i dag"
    if days == 1:
        return "i morgon"
    return f"om {days} dagar"
