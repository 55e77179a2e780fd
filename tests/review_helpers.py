"""Building reviewed-schedule fixtures directly (no extractor): an organization, a body, minutes."""

from __future__ import annotations

from typing import Any

from planner.db import db
from planner.models import Document
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from planner.schedule.proposals import store_document

MINUTES = """Kustkommunerna
MINNESANTECKNINGAR Styrgruppen
Datum: fredag 16 oktober 2026
Plats: Stadshuset, Varberg

8. Nästa möte
Fredagen den 4 december kl 9.30-12.00, Rådhuset, Falkenberg.
Synpunkter på planen senast den 13 november 2026.
"""


# The same minutes years ahead, for what "Godkänn alla" may take (it never takes a past date).
FUTURE = MINUTES.replace("16 oktober 2026", "18 oktober 2030").replace("4 december", "6 december").replace(
    "13 november 2026", "15 november 2030")


def item(kind: str, date: str, line: int, text: str = MINUTES, **extra: Any) -> dict[str, Any]:
    text = text.splitlines()[line - 1] if line <= len(text.splitlines()) else ""
    return {"kind": kind, "date": date, "end_date": None, "start": None, "end": None, "title": "",
            "location": None, "from": None, "to": None, "confidence": 0.9,
            "evidence": {"line": line, "text": text}, **extra}


def make_document(org_name: str = "Kustkommunerna", body_name: str = "Styrgrupp", *, items: list | None = None,
                  meeting: dict | None = None, text: str = MINUTES, filename: str = "styrgrupp.txt") -> Document:
    org = get_or_create_organization(org_name)
    body = get_or_create_body(org, body_name)
    extraction = {"source": filename, "organization": org_name, "body": body_name,
                  "meeting": meeting if meeting is not None else {"date": "2026-10-16", "start": "09:30",
                                                                   "end": "12:00", "location": "Stadshuset"},
                  "items": items if items is not None else [
                      item("next_meeting", "2026-12-04", 7, start="09:30", end="12:00", title="Nästa möte",
                           location="Rådhuset, Falkenberg", confidence=0.95),
                      item("deadline", "2026-11-13", 8, title="Synpunkter på planen", confidence=0.6),
                  ]}
    document = store_document(filename, (text + filename).encode(), text, extraction, org, body)
    db.session.commit()
    return document


def run_imports() -> int:
    """Read every queued upload here and now, as `planner scheduler` would; returns how many."""
    from planner.imports.runner import ImportRunner

    count = ImportRunner().run()
    db.session.expire_all()
    return count
