"""'Skapa nästa års årshjul': this year's recurring items and the chair rotation, proposed for next year.

Nothing becomes an event here: every item is a Proposal on a document of its own, so the
secretary reviews next year's wheel exactly as she reviews minutes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib

import holidays as holidays_lib

from planner.db import db
from planner.models import Body, Document, Organization, Proposal, User
from planner.wheel.collect import chair_spans, events_in
from planner.wheel.geometry import Span, year_span
from planner.wheel.occurrences import local, occurrences
from planner.wheel.text import day_text

SOURCE = "planner-wheel-next-year"


class AlreadyCreated(Exception):
    def __init__(self, document: Document) -> None:
        super().__init__(f"next year's wheel was already proposed (document {document.id})")
        self.document = document


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1..4) given weekday of a month, or the last one for n = 5 or -1."""
    if n in (5, -1):
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def next_year_date(day: dt.date, kind: str) -> dt.date:
    """Where an item of this year falls next year.

    A meeting keeps its place in the month's rhythm: the first Friday of March stays the first
    Friday of March, a meeting in the fifth (last) week stays on the last such weekday. A
    deadline keeps its day of the month, moved back to the Friday before if it lands on a weekend.
    """
    if kind == "deadline":
        last_day = calendar.monthrange(day.year + 1, day.month)[1]
        moved = dt.date(day.year + 1, day.month, min(day.day, last_day))
        while moved.weekday() >= 5:
            moved -= dt.timedelta(days=1)
        return moved
    n = (day.day - 1) // 7 + 1
    return nth_weekday(day.year + 1, day.month, day.weekday(), n)


def create_next_year(organization: Organization, year: int, body: Body | None = None,
                     user: User | None = None, first_month: int = 1) -> Document:
    """A document of proposals for the wheel after `year`; raises AlreadyCreated on a second run."""
    span, target = year_span(year, first_month), year_span(year + 1, first_month)
    scope = f"{SOURCE}:{organization.id}:{body.id if body else '-'}:{year}:{first_month}"
    digest = hashlib.sha256(scope.encode()).hexdigest()
    existing = db.session.scalar(db.select(Document).filter_by(sha256=digest))
    if existing is not None:
        raise AlreadyCreated(existing)
    red_days = holidays_lib.SE(years=[target.start.year, target.end.year], language="sv")
    lines: list[str] = [f"Årshjul {target.label()} för {organization.name}"
                        + (f", {body.name}" if body else "") + f": förslag från årshjulet {span.label()}.", ""]
    proposals: list[Proposal] = []
    events = events_in(organization, body, span)
    for event in events:
        if event.kind not in ("meeting", "deadline") or event.status == "cancelled":
            continue
        if event.rrule and any(True for _ in occurrences(event, target, set())):
            continue  # the series runs on into next year by itself
        for occ in occurrences(event, span, set()):
            new_start = next_year_date(occ.start, event.kind)
            new_end = new_start + (occ.end - occ.start)
            start_time = local(occ.start_at).time() if occ.start_at else None
            end_time = local(occ.end_at).time() if occ.end_at else None
            clash = red_days.get(new_start)
            line = (f"{event.title}: {day_text(occ.start)} → {day_text(new_start)}"
                    + (f" (OBS: {clash})" if clash else ""))
            lines.append(line)
            confidence = 0.7 if (event.body_id or event.rrule) else 0.4
            proposals.append(Proposal(
                kind=event.kind, title=event.title, date_text=new_start.isoformat(), start_date=new_start,
                end_date=new_end if new_end != new_start else None, start_time=start_time, end_time=end_time,
                location=event.location, body_id=event.body_id, confidence=confidence / 2 if clash else confidence,
                evidence_line=len(lines), evidence_text=line,
            ))
    for b in ([body] if body else list(organization.bodies)):
        for handover, previous, holder in rotation_handovers(b, span, target, events):
            line = f"Ordförandeskapet i {b.name} går från {previous} till {holder} {day_text(handover)}"
            lines.append(line)
            proposals.append(Proposal(
                kind="chair_handover", title=f"Ordförandeskapet går till {holder}", date_text=handover.isoformat(),
                start_date=handover, from_party=previous, to_party=holder, body_id=b.id, confidence=0.8,
                evidence_line=len(lines), evidence_text=line,
            ))
    text = "\n".join(lines) + "\n"
    document = Document(
        filename=f"Årshjul {target.label()} (förslag från {span.label()}).txt", sha256=digest,
        content_type="text/plain", size=len(text.encode()), text=text, organization=organization, body=body,
        extraction={"source": SOURCE, "year": year, "next_year": year + 1, "first_month": first_month},
        uploaded_by_id=user.id if user else None,
    )
    document.proposals.extend(proposals)
    db.session.add(document)
    db.session.flush()
    return document


def rotation_handovers(body: Body, span: Span, target: Span, events: list) -> list[tuple[dt.date, str, str]]:
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
