"""Storing a document and turning its extraction result into proposals for review."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from planner.db import db
from planner.models import Body, Document, Organization, Proposal
from planner.schedule.datefmt import vague_date_text
from planner.textlines import split_lines


class DuplicateDocument(Exception):
    def __init__(self, document: Document) -> None:
        super().__init__(f"{document.filename} is already imported (document {document.id})")
        self.document = document


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_duplicate(data: bytes, organization: Organization | None) -> Document | None:
    """The same bytes already uploaded to this organization; another organization's copy is none of its business."""
    if organization is not None and organization.id is None:
        db.session.flush()  # a new organization: give it its id first
    org_id = organization.id if organization is not None else None
    where = Document.organization_id.is_(None) if org_id is None else Document.organization_id == org_id
    return db.session.scalar(db.select(Document).where(Document.sha256 == sha256_of(data), where).limit(1))


def store_document(
    filename: str,
    data: bytes,
    text: str,
    extraction: dict[str, Any],
    organization: Organization | None,
    body: Body | None,
    upload_folder: str | None = None,
    max_proposals: int | None = None,
) -> Document:
    """The document row and one pending proposal per extracted item (the meeting itself included)."""
    document = create_document(filename, data, organization, body, upload_folder)
    fill_document(document, text, extraction, max_proposals)
    return document


def create_document(filename: str, data: bytes, organization: Organization | None, body: Body | None,
                    upload_folder: str | None = None) -> Document:
    """The document row and its stored file, not yet read: a background import fills it later."""
    existing = find_duplicate(data, organization)
    if existing is not None:
        raise DuplicateDocument(existing)
    digest = sha256_of(data)
    stored_path = None
    if upload_folder:
        folder = Path(upload_folder)
        folder.mkdir(parents=True, exist_ok=True)
        owner = organization.id if organization is not None else 0
        target = folder / f"{owner}-{digest}{Path(filename).suffix.lower()[:10]}"
        target.write_bytes(data)
        stored_path = str(target)
    document = Document(filename=filename, sha256=digest, size=len(data), stored_path=stored_path,
                        organization=organization, body=body)
    db.session.add(document)
    db.session.flush()
    return document


def fill_document(document: Document, text: str, extraction: dict[str, Any],
                  max_proposals: int | None = None) -> Document:
    """The read text, the extraction and its proposals; past `max_proposals` the least certain are left out
    (counted in extraction["proposals_left_out"]), so a huge text cannot bury the review page."""
    body = document.body
    meeting = extraction.get("meeting") or {}
    items = list(extraction.get("items", []))
    left_out = 0
    if max_proposals is not None:
        room = max(0, max_proposals - (1 if meeting.get("date") else 0))
        if len(items) > room:
            left_out = len(items) - room
            keep = sorted(range(len(items)), key=lambda i: -float(items[i].get("confidence", 0.5)))[:room]
            items = [items[i] for i in sorted(keep)]
            extraction = {**extraction, "proposals_left_out": left_out, "max_proposals": max_proposals}
    document.text = text
    document.extraction = extraction
    document.meeting_date = _date(meeting.get("date"))
    if meeting.get("date"):
        evidence = meeting.get("evidence") or meeting_evidence(text, meeting["date"])
        document.proposals.append(
            _proposal(
                {**meeting, "kind": "meeting", "title": _meeting_title(body), "confidence": 0.95,
                 "evidence": evidence},
                body,
            )
        )
    for item in items:
        document.proposals.append(_proposal(item, body))
    db.session.flush()
    from planner.schedule.matching import link_matches

    link_matches(document.proposals, document.organization_id, document.meeting_date)
    db.session.flush()
    return document


def meeting_evidence(text: str, date_text: str) -> dict[str, Any] | None:
    """The line that dates the minutes' own meeting (the extractor gives no evidence for it)."""
    from planner.schedule.datefmt import month_name

    day = _date(date_text)
    lines = split_lines(text)
    needles = [date_text]
    if day is not None:
        needles += [f"{day.day} {month_name(day.month)}", f"{day.day}/{day.month}", f"{day.day}.{day.month}."]
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle.lower() in line.lower():
                return {"line": number, "text": line.strip()}
    for number, line in enumerate(lines, start=1):
        if line.strip().lower().startswith("datum"):
            return {"line": number, "text": line.strip()}
    return None


def _meeting_title(body: Body | None) -> str:
    return f"Möte: {body.name}" if body else "Möte"


def _proposal(item: dict[str, Any], body: Body | None) -> Proposal:
    evidence = item.get("evidence") or {}
    start_date, end_date = date_range(item.get("date"), item.get("end_date"))
    if item.get("kind") != "holiday" and vague_date_text(item.get("date")):
        end_date = None  # "i december" ends nowhere until a person gives the day
    return Proposal(
        kind=item.get("kind", "meeting"),
        title=(item.get("title") or "")[:300],
        date_text=item.get("date"),
        start_date=start_date,
        end_date=end_date,
        start_time=_time(item.get("start")),
        end_time=_time(item.get("end")),
        location=item.get("location"),
        from_party=item.get("from"),
        to_party=item.get("to"),
        cancelled=item.get("status") == "cancelled",
        confidence=float(item.get("confidence", 0.5)),
        evidence_line=evidence.get("line"),
        evidence_text=evidence.get("text"),
        body=body,
    )


def date_range(date_text: str | None, end_text: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of what the extractor wrote: a day, a month (YYYY-MM) or a week (YYYY-Www)."""
    if not date_text:
        return None, None
    try:
        if "-W" in date_text:
            year, week = date_text.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            return first, first + dt.timedelta(days=6)
        if len(date_text) == 7:
            year_number, month = map(int, date_text.split("-"))
            first = dt.date(year_number, month, 1)
            nxt = dt.date(year_number + month // 12, month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        first = dt.date.fromisoformat(date_text)
    except ValueError:
        return None, None
    return first, _date(end_text)


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def _time(text: str | None) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text) if text else None
    except ValueError:
        return None
