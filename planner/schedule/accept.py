"""A person's decision on a proposal: accepting turns it into an event, rejecting records it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from planner.db import db, utcnow
from planner.models import Event, EventChange, Proposal, User

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Extraction kinds that become events, and the event kind they become.
EVENT_KIND = {
    "meeting": "meeting",
    "next_meeting": "meeting",
    "deadline": "deadline",
    "holiday": "holiday",
    "chair_handover": "chair_handover",
}


class NotAcceptable(Exception):
    """A proposal that cannot become an event as it stands (no date, or only a mention)."""


def accept(proposal: Proposal, user: User | None = None) -> Event:
    if proposal.kind not in EVENT_KIND:
        raise NotAcceptable(f"a {proposal.kind} is a mention, not a schedule item")
    if proposal.start_date is None:
        raise NotAcceptable("the proposal has no date")
    document = proposal.document
    event = proposal.event or Event(organization_id=document.organization_id)
    if event.id is None:
        db.session.add(event)
    apply_proposal(event, proposal)
    event.source_document_id = document.id
    action = "created" if event.id is None else "updated"
    db.session.flush()
    if action == "updated":
        event.touch()
    db.session.add(
        EventChange(event=event, user_id=user.id if user else None, actor=user.email if user else "system",
                    action=action, changes={"proposal": [None, proposal.id]})
    )
    proposal.status = "accepted"
    proposal.event = event
    proposal.reviewed_by_id = user.id if user else None
    proposal.reviewed_at = utcnow()
    return event


def reject(proposal: Proposal, user: User | None = None) -> None:
    proposal.status = "rejected"
    proposal.reviewed_by_id = user.id if user else None
    proposal.reviewed_at = utcnow()


def apply_proposal(event: Event, proposal: Proposal) -> None:
    """Copy what the proposal says onto the event; times are Stockholm wall-clock times."""
    event.kind = EVENT_KIND[proposal.kind]
    event.title = proposal.title or default_title(proposal)
    event.body_id = proposal.body_id
    event.location = proposal.location
    event.from_party = proposal.from_party
    event.to_party = proposal.to_party
    event.status = "cancelled" if proposal.cancelled else "confirmed"
    if proposal.start_time is not None and proposal.start_date is not None:
        start = dt.datetime.combine(proposal.start_date, proposal.start_time, STOCKHOLM)
        end_time = proposal.end_time or (start + dt.timedelta(hours=1)).timetz()
        end = dt.datetime.combine(proposal.end_date or proposal.start_date, end_time.replace(tzinfo=None),
                                  STOCKHOLM)
        if end <= start:
            end = start + dt.timedelta(hours=1)
        event.all_day, event.start_at, event.end_at = False, start, end
        event.start_date = event.end_date = None
    else:
        event.all_day = True
        event.start_at = event.end_at = None
        event.start_date = proposal.start_date
        event.end_date = proposal.end_date or proposal.start_date


def default_title(proposal: Proposal) -> str:
    body = proposal.body.name if proposal.body else ""
    titles = {
        "meeting": f"Möte {body}".strip(),
        "next_meeting": f"Möte {body}".strip(),
        "deadline": "Deadline",
        "holiday": "Lov",
        "chair_handover": f"Ordförandeskapet går till {proposal.to_party or '?'}",
    }
    return titles.get(proposal.kind, "Händelse")
