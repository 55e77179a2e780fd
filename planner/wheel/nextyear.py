"""'Skapa nästa års årshjul': next year's meetings and deadlines, shown first, proposed on confirmation.

For each body, the dates an adopted plan in the minutes gives for next year win (accepted events
or pending proposals of next year, from any minutes but this tool's own); the months they cover get
nothing more. Elsewhere the body's meetings keep their place in the month's rhythm, moved off
Swedish red days and the school holidays imported for the organization, each move with its reason.
Only a body's own recurring meetings and recurring deadlines are copied; workshops, conferences,
contract expiries and other one-off items are listed as not copied. Nothing becomes an event here:
every item is a Proposal on a document of its own, reviewed like minutes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

import holidays as holidays_lib

from planner.db import db
from planner.models import Body, Document, Organization, Proposal, User
from planner.wheel.collect import chair_spans, events_in
from planner.wheel.geometry import Span, year_span
from planner.wheel.nextdates import free_day, next_year_date, nth_weekday
from planner.wheel.occurrences import local, occurrences
from planner.wheel.text import day_text, short_day

SOURCE = "planner-wheel-next-year"
__all__ = ["AlreadyCreated", "NextYearPlan", "create_next_year", "existing", "next_year_date", "nth_weekday",
           "plan_next_year"]


class AlreadyCreated(Exception):
    def __init__(self, document: Document) -> None:
        super().__init__(f"next year's wheel was already proposed (document {document.id})")
        self.document = document


@dataclass
class Planned:
    """One date of next year: proposed (from the rule) or already decided (from the minutes)."""

    body: str
    body_id: int | None
    kind: str
    title: str
    day: dt.date
    end: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str | None = None
    was: dt.date | None = None  # this year's date it follows
    reason: str | None = None  # why it is not on the rule's day
    source: str | None = None  # the minutes an adopted date comes from

    @property
    def line(self) -> str:
        text = f"{self.title}: {day_text(self.was)} → {day_text(self.day)}" if self.was else \
            f"{self.title}: {day_text(self.day)}"
        return text + (f" ({self.reason})" if self.reason else "")


@dataclass
class Skipped:
    title: str
    day: dt.date
    body: str
    why: str


@dataclass
class NextYearPlan:
    span: Span
    target: Span
    proposed: list[Planned] = field(default_factory=list)
    adopted: list[Planned] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    handovers: list[tuple[dt.date, Body, str, str]] = field(default_factory=list)

    @property
    def moved(self) -> list[Planned]:
        return [p for p in self.proposed if p.reason]


def own_meeting(title: str, body_name: str | None) -> bool:
    """The body's ordinary meeting ("Möte: Styrgruppen", "Styrgruppens möte", "Sammanträde"), not a
    workshop, a conference or a meeting with someone else."""
    t = title.casefold().strip()
    if " med " in f" {t} " or any(w in t for w in ("workshop", "konferens", "seminari", "studiebesök", "utbildning")):
        return False
    if t.startswith(("möte", "sammanträde")):
        return True
    if body_name:
        name = body_name.casefold()
        stem = name[:-1] if name.endswith("n") and len(name) > 5 else name
        return t == name or (stem in t and ("möte" in t or "sammanträde" in t))
    return False


def _scope_digest(organization: Organization, body: Body | None, year: int, first_month: int) -> str:
    scope = f"{SOURCE}:{organization.id}:{body.id if body else '-'}:{year}:{first_month}"
    return hashlib.sha256(scope.encode()).hexdigest()


def existing(organization: Organization, year: int, body: Body | None = None, first_month: int = 1) -> Document | None:
    """The document an earlier run made for this wheel, if any."""
    digest = _scope_digest(organization, body, year, first_month)
    return db.session.scalar(db.select(Document).filter_by(sha256=digest))


def _blocked(organization: Organization, target: Span) -> dict[dt.date, str]:
    """Days no meeting should be on: red days and eves, and the organization's school holidays."""
    blocked: dict[dt.date, str] = {}
    for category in ("public", "de_facto"):
        for day, name in holidays_lib.SE(years=[target.start.year, target.end.year], language="sv",
                                         categories=(category,)).items():
            if target.contains(day):
                blocked[day] = name.lower() if category == "de_facto" else f"{name} (röd dag)"
    for event in events_in(organization, None, target):
        if event.kind != "holiday" or event.status == "cancelled" or event.start_date is None:
            continue
        last = event.end_date or event.start_date
        what = f"{event.title.lower()} ({short_day(event.start_date)}–{short_day(last)})"
        day = event.start_date
        while day <= last:
            blocked.setdefault(day, what)
            day += dt.timedelta(days=1)
    return blocked


def _own_documents(organization: Organization) -> set[int]:
    rows = db.session.execute(db.select(Document.id, Document.extraction).where(
        Document.organization_id == organization.id))
    return {doc_id for doc_id, extraction in rows if (extraction or {}).get("source") == SOURCE}


def _adopted(organization: Organization, body: Body, target: Span, own_docs: set[int]) -> list[Planned]:
    """Next year's meetings of the body that minutes already give: accepted events and pending proposals."""
    found: dict[dt.date, Planned] = {}
    events = [e for e in events_in(organization, body, target)
              if e.kind == "meeting" and e.status != "cancelled" and own_meeting(e.title, body.name)
              and e.source_document_id not in own_docs]
    sources = _sources([e.id for e in events])
    for event in events:
        for occ in occurrences(event, target, set()):
            found.setdefault(occ.start, Planned(
                body.name, body.id, "meeting", event.title, occ.start, occ.end,
                local(occ.start_at).time() if occ.start_at else None,
                local(occ.end_at).time() if occ.end_at else None, event.location,
                source=sources.get(event.id, "beslutad i kalendern")))
    rows = db.session.execute(
        db.select(Proposal, Document.filename).join(Document, Proposal.document_id == Document.id)
        .where(Document.organization_id == organization.id, Proposal.body_id == body.id,
               Proposal.status == "pending", Proposal.kind.in_(("meeting", "next_meeting")),
               Proposal.start_date >= target.start, Proposal.start_date < target.end)
    )
    for proposal, filename in rows:
        if proposal.document_id in own_docs or proposal.cancelled:
            continue
        if proposal.kind == "meeting" and not own_meeting(proposal.title, body.name):
            continue
        line = f", rad {proposal.evidence_line}" if proposal.evidence_line else ""
        found.setdefault(proposal.start_date, Planned(
            body.name, body.id, "meeting", proposal.title, proposal.start_date,
            proposal.end_date or proposal.start_date, proposal.start_time, proposal.end_time, proposal.location,
            source=f"föreslaget i {filename}{line} (ej granskat)"))
    return sorted(found.values(), key=lambda p: p.day)


def _sources(event_ids: list[int]) -> dict[int, str]:
    if not event_ids:
        return {}
    rows = db.session.execute(
        db.select(Proposal.event_id, Document.filename, Proposal.evidence_line)
        .join(Document, Proposal.document_id == Document.id)
        .where(Proposal.event_id.in_(event_ids), Proposal.status == "accepted"))
    return {event_id: f"{filename}" + (f", rad {line}" if line else "") for event_id, filename, line in rows}


def _month_range(days: list[dt.date]) -> tuple[dt.date, dt.date]:
    first, last = min(days), max(days)
    return dt.date(first.year, first.month, 1), dt.date(last.year, last.month,
                                                       calendar.monthrange(last.year, last.month)[1])


def plan_next_year(organization: Organization, year: int, body: Body | None = None,
                   first_month: int = 1) -> NextYearPlan:
    """What 'Skapa nästa års årshjul' would propose, without changing anything."""
    span, target = year_span(year, first_month), year_span(year + 1, first_month)
    plan = NextYearPlan(span, target)
    bodies = [body] if body else list(organization.bodies)
    names = {b.id: b.name for b in organization.bodies}
    blocked = _blocked(organization, target)
    own_docs = _own_documents(organization)
    covered: dict[int, tuple[dt.date, dt.date]] = {}
    for b in bodies:
        adopted = _adopted(organization, b, target, own_docs)
        plan.adopted += adopted
        if adopted:
            covered[b.id] = _month_range([p.day for p in adopted])
    events = events_in(organization, body, span)
    before = events_in(organization, body, year_span(year - 1, first_month))
    seen_before = {(e.body_id, e.title.casefold()) for e in before if e.kind == "deadline"}
    deadline_count: dict[tuple[int | None, str], int] = {}
    for event in events:
        if event.kind == "deadline":
            key = (event.body_id, event.title.casefold())
            deadline_count[key] = deadline_count.get(key, 0) + len(list(occurrences(event, span, set())))
    for event in events:
        body_name = names.get(event.body_id, f"{organization.name} gemensamt")
        if event.kind not in ("meeting", "deadline") or event.status == "cancelled":
            continue
        if event.rrule and any(True for _ in occurrences(event, target, set())):
            continue  # the series runs on into next year by itself
        key = (event.body_id, event.title.casefold())
        if event.kind == "meeting":
            recurring = event.rrule is not None or (event.body_id is not None and own_meeting(
                event.title, names.get(event.body_id)))
        else:
            recurring = event.rrule is not None or key in seen_before or deadline_count.get(key, 0) >= 2
        for occ in occurrences(event, span, set()):
            if not recurring:
                why = "engångshändelse" if event.kind == "meeting" else "deadline som inte återkommer"
                plan.skipped.append(Skipped(event.title, occ.start, body_name, why))
                continue
            rule_day = next_year_date(occ.start, event.kind)
            window = covered.get(event.body_id) if event.kind == "meeting" else None
            if window and window[0] <= rule_day <= window[1]:
                continue  # the adopted plan decides these months
            day, reason = free_day(rule_day, blocked, event.kind)
            plan.proposed.append(Planned(
                body_name, event.body_id, event.kind, event.title, day, day + (occ.end - occ.start),
                local(occ.start_at).time() if occ.start_at else None,
                local(occ.end_at).time() if occ.end_at else None, event.location, was=occ.start, reason=reason))
    _flag_clashes(plan)
    plan.proposed.sort(key=lambda p: (p.day, p.body))
    plan.skipped.sort(key=lambda s: s.day)
    for b in bodies:
        for handover, previous, holder in rotation_handovers(b, span, target, events):
            plan.handovers.append((handover, b, previous, holder))
    return plan


def _flag_clashes(plan: NextYearPlan) -> None:
    """A proposed meeting on a day another body of the organization meets says so (it is not moved:
    two groups may well meet the same day, but the secretary should see it)."""
    meetings: dict[dt.date, set[str]] = {}
    for p in plan.adopted + plan.proposed:
        if p.kind == "meeting":
            meetings.setdefault(p.day, set()).add(p.body)
    for p in plan.proposed:
        if p.kind != "meeting":
            continue
        others = sorted(meetings.get(p.day, set()) - {p.body})
        if others:
            note = "samma dag som " + " och ".join(others)
            p.reason = f"{p.reason}; {note}" if p.reason else note


def create_next_year(organization: Organization, year: int, body: Body | None = None,
                     user: User | None = None, first_month: int = 1) -> Document:
    """A document of proposals for the wheel after `year`; raises AlreadyCreated on a second run."""
    found = existing(organization, year, body, first_month)
    if found is not None:
        raise AlreadyCreated(found)
    plan = plan_next_year(organization, year, body, first_month)
    span, target = plan.span, plan.target
    lines: list[str] = [f"Årshjul {target.label()} för {organization.name}"
                        + (f", {body.name}" if body else "") + f": förslag från årshjulet {span.label()}.", ""]
    proposals: list[Proposal] = []
    for item in plan.proposed:
        lines.append(item.line)
        confidence = 0.7 if item.body_id else 0.4
        proposals.append(Proposal(
            kind=item.kind, title=item.title, date_text=item.day.isoformat(), start_date=item.day,
            end_date=item.end if item.end != item.day else None, start_time=item.start_time, end_time=item.end_time,
            location=item.location, body_id=item.body_id, confidence=confidence,
            evidence_line=len(lines), evidence_text=item.line,
        ))
    for handover, b, previous, holder in plan.handovers:
        line = f"Ordförandeskapet i {b.name} går från {previous} till {holder} {day_text(handover)}"
        lines.append(line)
        proposals.append(Proposal(
            kind="chair_handover", title=f"Ordförandeskapet går till {holder}", date_text=handover.isoformat(),
            start_date=handover, from_party=previous, to_party=holder, body_id=b.id, confidence=0.8,
            evidence_line=len(lines), evidence_text=line,
        ))
    if plan.adopted:
        lines += ["", "Redan beslutat i protokollen (föreslås inte igen):"]
        lines += [f"{p.body}: {day_text(p.day)} ({p.source})" for p in plan.adopted]
    if plan.skipped:
        lines += ["", "Kopieras inte:"]
        lines += [f"{s.title}, {day_text(s.day)} ({s.why})" for s in plan.skipped]
    text = "\n".join(lines) + "\n"
    document = Document(
        filename=f"Årshjul {target.label()} (förslag från {span.label()}).txt",
        sha256=_scope_digest(organization, body, year, first_month),
        content_type="text/plain", size=len(text.encode()), text=text, organization=organization, body=body,
        extraction={"source": SOURCE, "year": year, "next_year": year + 1, "first_month": first_month},
        uploaded_by_id=user.id if user else None,
    )
    document.proposals.extend(proposals)
    db.session.add(document)
    db.session.flush()
    return document


def rotation_handovers(body: Body, span: Span, target: Span, events: list[Any]) -> list[tuple[dt.date, str, str]]:
    """(day, from, to) for each handover in the target year, continuing Body.chair_rotation."""
    rotation = [name for name in (body.chair_rotation or []) if name]
    spans = chair_spans(body, span, [e for e in events if e.body_id == body.id])
    if len(rotation) < 2 or not spans:
        return []
    holder = spans[-1].holder
    index = _rotation_index(rotation, holder)
    if index is None:
        return []
    months = max(1, body.chair_term_months or 12)
    if spans[-1].handover:
        day = _add_months(spans[-1].start, months)
        while day < target.start:
            day = _add_months(day, months)
    else:
        day = dt.date(target.start.year, body.handover_month or target.start.month, 1)
        if day < target.start:
            day = _add_months(day, 12)
    found = []
    while day < target.end:
        index = (index + 1) % len(rotation)
        found.append((day, holder, rotation[index]))
        holder = rotation[index]
        day = _add_months(day, months)
    return found


def _rotation_index(rotation: list[str], holder: str) -> int | None:
    folded = holder.casefold()
    for i, name in enumerate(rotation):
        if name.casefold() == folded or name.casefold() in folded or folded in name.casefold():
            return i
    return None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
