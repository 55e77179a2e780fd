"""Text to proposals: pure functions, no Flask, no database. Output per ../shared/gold/SCHEMA.md."""

from __future__ import annotations

import re
from typing import Any

ISO_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def extract(text: str, source: str = "") -> dict[str, Any]:
    """Everything the minutes say about the calendar.

    Placeholder until the extraction issue lands: it finds only the first ISO date as the meeting.
    """
    meeting = None
    for line in text.splitlines():
        m = ISO_DATE.search(line)
        if m:
            meeting = {"date": m.group(0), "start": None, "end": None, "location": None}
            break
    return {"source": source, "organization": None, "body": None, "meeting": meeting, "items": []}
