"""A person's decision on a proposal: accepting turns it into an event, rejecting records it.

A proposal linked to an existing event (see matching.py: new minutes moving or cancelling a
known meeting) updates that event instead of adding a duplicate; the event's SEQUENCE rises
and the audit trail records each changed field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.db import utcnow
from planner.models import Event, Proposal, User
from planner.schedule.audit import changed, diff, snapshot
from planner.schedule.datefmt import STOCKHOLM
from planner.schedule.kinds import EVENT_KIND
from planner.translations import N_

MEETING_KINDS = {"meeting", "next_meeting"}
MAX_MEETING = dt.timedelta(days=1)


class NotAcceptable(Exception):
    """A proposal that cannot become an event as it stands; the message is Swedish, for the page."""


def check_acceptable(proposal: Proposal) -> None:
    from planner.schedule.datefmt import vague_date_text

    if proposal.kind not in EVENT_KIND:
        raise NotAcceptable(N_("Ett omnämnande hör inte hemma i kalendern; välj en annan typ för att godkänna det."))
    if proposal.start_date is None:
        raise NotAcceptable(N_("Förslaget behöver ett datum för att kunna godkännas."))
    if proposal.kind != "holiday" and vague_date_text(proposal.date_text):
        raise NotAcceptable(N_("Protokollet anger bara månad eller vecka: ange vilken dag innan du godkänner."))
    problem = span_problem(proposal.kind, proposal.start_date, proposal.end_date, proposal.start_time,
                           proposal.end_time)
    if problem:
        raise NotAcceptable(problem)


def span_problem(kind: str, start_date: dt.date | None, end_date: dt.date | None, start_time: dt.time | None,
                 end_time: dt.time | None) -> str | None:
    """A Swedish sentence when the end comes before the start or a meeting lasts more than a day."""
    if start_date is None:
        return None
    last = end_date or start_date
    if last < start_date:
        return N_("Slutdatum ligger före startdatum.")
    if start_time is not None and end_time is not None:
        start = dt.datetime.combine(start_date, start_time.replace(tzinfo=None))
        end = dt.datetime.combine(last, end_time.replace(tzinfo=None))
        if end <= start:
            return N_("Sluttiden ligger före starttiden.")
        if kind in MEETING_KINDS and end - start > MAX_MEETING:
            return N_("Ett möte kan inte vara längre än ett dygn; rätta slutdatumet eller sluttiden.")
    elif kind in MEETING_KINDS and last > start_date:
        return N_("Ett möte kan inte vara längre än en dag; ta bort slutdatumet eller välj en annan typ.")
    return None


def accept(proposal: Proposal, user: User | None = None) -> Event:
    from planner.db import db

    check_acceptable(proposal)
    document = proposal.document
    event = proposal.event
    if event is not None and event.deleted_at is not None:  # removed since it was linked
        kept = event.merged_into
        event = kept if kept is not None and kept.deleted_at is None else None
    if event is None:
        event = Event(organization_id=document.organization_id, source_document_id=document.id)
        with db.session.no_autoflush:
            apply_proposal(event, proposal)
        db.session.add(event)
        db.session.flush()
        changed(event, "created", {"proposal": [None, proposal.id], **diff({}, snapshot(event))}, user,
                created=True)
    else:
        before = snapshot(event)
        with db.session.no_autoflush:
            apply_proposal(event, proposal, existing=True)
        changes = diff(before, snapshot(event))
        if changes:
            event.source_document_id = document.id
            action = "cancelled" if changes.get("status", [None, None])[1] == "cancelled" else "updated"
            changed(event, action, {"proposal": [None, proposal.id], **changes}, user)
    proposal.status = "accepted"
    proposal.event = event
    proposal.reviewed_by_id = user.id if user else None
    proposal.reviewed_at = utcnow()
    return event


@dataclass
class BulkResult:
    accepted: int = 0
    held: dict[str, int] = field(default_factory=dict)  # reason key (autoaccept.HOLD_REASONS) -> count

    @property
    def vague(self) -> int:
        return self.held.get("vague", 0)

    def held_text(self) -> str:
        """'2 datumet har redan passerat, 1 har bara månad eller vecka: ange dag'."""
        from planner.schedule.autoaccept import HOLD_REASONS

        return ", ".join(f"{n} {HOLD_REASONS[key]}" for key, n in sorted(self.held.items()))


def accept_all(proposals: list[Proposal], user: User | None = None, min_confidence: float = 0.0,
               today: dt.date | None = None, only: set[int] | None = None) -> BulkResult:
    """Accept the pending proposals the bulk rule lets through (see autoaccept.py); the rest wait.

    `only`: the ids the person saw on the confirmation page; anything else is left alone.
    """
    from planner.clock import today_local
    from planner.schedule.autoaccept import split_for_bulk

    result = BulkResult()
    take, held = split_for_bulk(proposals, today or today_local(), min_confidence)
    for _proposal, reason in held:
        result.held[reason] = result.held.get(reason, 0) + 1
    for proposal in take:
        if only is not None and proposal.id not in only:
            continue
        try:
            accept(proposal, user)
            result.accepted += 1
        except NotAcceptable:
            result.held["no_date"] = result.held.get("no_date", 0) + 1
    return result


def preview(proposal: Proposal) -> dict[str, list[Any]]:
    """What accepting would change on the linked event (field -> [old, new]); {} if nothing."""
    from planner.schedule.datefmt import vague_date_text

    if proposal.event is None or proposal.start_date is None or proposal.kind not in EVENT_KIND:
        return {}
    scratch = Event()
    for name, value in vars(proposal.event).items():
        if not name.startswith("_") and name in Event.__table__.columns:
            setattr(scratch, name, value)
    apply_proposal(scratch, proposal, existing=True)
    changes = diff(snapshot(proposal.event), snapshot(scratch))
    if proposal.kind != "holiday" and vague_date_text(proposal.date_text):  # a month moves nothing
        for name in ("all_day", "start_at", "end_at", "start_date", "end_date"):
            changes.pop(name, None)
    return changes


def reject(proposal: Proposal, user: User | None = None) -> None:
    proposal.status = "rejected"
    proposal.reviewed_by_id = user.id if user else None
    proposal.reviewed_at = utcnow()


def apply_proposal(event: Event, proposal: Proposal, existing: bool = False) -> None:
    """Copy what the proposal says onto the event; times are Stockholm wall-clock times.

    On an existing event, what the proposal leaves out stays as it was: a cancellation keeps the
    date, a move without a time keeps the meeting's hours, a missing place keeps the old place.
    """
    from planner.schedule.matching import generic_title, specific_words

    if existing and proposal.cancelled:
        event.status = "cancelled"
        return
    event.kind = EVENT_KIND[proposal.kind]
    if not existing or specific_words(proposal.title or "", proposal.body.name if proposal.body else ""):
        # "Nästa möte" says nothing in a subscriber's Outlook; name the body instead.
        event.title = proposal.title if not generic_title(proposal.title) else default_title(proposal)
    event.body_id = proposal.body_id if not existing else (proposal.body_id or event.body_id)
    if proposal.location or not existing:
        event.location = proposal.location
    if proposal.from_party or not existing:
        event.from_party = proposal.from_party
    if proposal.to_party or not existing:
        event.to_party = proposal.to_party
    event.status = "cancelled" if proposal.cancelled else "confirmed"
    start_time, end_time = proposal.start_time, proposal.end_time
    if existing and start_time is None and not event.all_day and event.start_at is not None:
        start_time = event.start_at.astimezone(STOCKHOLM).time()
        end_time = event.end_at.astimezone(STOCKHOLM).time() if event.end_at else None
    if start_time is not None and proposal.start_date is not None:
        start = dt.datetime.combine(proposal.start_date, start_time.replace(tzinfo=None), STOCKHOLM)
        end_time = end_time or (start + dt.timedelta(hours=1)).time()
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
    meeting = f"Möte: {body}" if body else "Möte"
    titles = {
        "meeting": meeting,
        "next_meeting": meeting,
        "deadline": "Deadline",
        "holiday": "Lov",
        "chair_handover": f"Ordförandeskapet går till {proposal.to_party or '?'}",
    }
    return titles.get(proposal.kind, "Händelse")
