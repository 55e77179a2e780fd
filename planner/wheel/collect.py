"""Reviewed events of an organization (or one body) for one year, as the plain data a wheel draws."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

import holidays as holidays_lib
from sqlalchemy import or_

from planner.db import db
from planner.models import Body, Event, Organization, Proposal
from planner.schedule.derived import Rule, deadline_day
from planner.wheel.geometry import Span, year_span
from planner.wheel.model import ChairSpan, Holiday, Item, Ring, WheelData
from planner.wheel.occurrences import STOCKHOLM, Occurrence, occurrences, time_label
from planner.wheel.palette import ring_colour

KIND_RINGS = (("meeting", "Möten"), ("deadline", "Deadlines"), ("period", "Perioder"))
CHAIR_PREFIX = "chair-"
DERIVED_RING = "derived"


@lru_cache(maxsize=64)
def public_holidays(span: Span) -> list[Holiday]:
    """Swedish public holidays (röda dagar) and the de-facto eves (julafton, midsommarafton)."""
    years = list(range(span.start.year, span.end.year + 1))
    found = []
    for category, eve in (("public", False), ("de_facto", True)):
        for day, name in holidays_lib.SE(years=years, language="sv", categories=(category,)).items():
            if span.contains(day):
                found.append(Holiday(day, name, eve))
    return sorted(found, key=lambda h: h.day)


def collect(
    organization: Organization,
    year: int,
    body: Body | None = None,
    first_month: int = 1,
    grouping: str = "body",
    kinds: Iterable[str] | None = None,
    today: dt.date | None = None,
    document_url: Callable[[int, int | None], str] | None = None,
) -> WheelData:
    """Everything on one organization's wheel; `kinds` limits it (a feed token may allow only some)."""
    span = year_span(year, first_month)
    allowed = set(kinds) if kinds else None
    bodies = list(organization.bodies)
    colour_of = {b.id: ring_colour(i) for i, b in enumerate(bodies)}
    events = events_in(organization, body, span)
    replaced: dict[int, set[str]] = defaultdict(set)
    for event in events:
        if event.series_id is not None and event.recurrence_id:
            replaced[event.series_id].add(event.recurrence_id)
    evidence = _evidence([e.id for e in events])
    body_names = {b.id: b.name for b in bodies}

    data = WheelData(organization=organization.name, year=year, first_month=first_month,
                     body=body.name if body else None, today=today, grouping=grouping)
    ring_keys: dict[str, Ring] = {}
    for event in events:
        if allowed is not None and event.kind not in allowed:
            continue
        for occ in occurrences(event, span, replaced.get(event.id, set())):
            item = _item(event, occ, grouping, evidence.get(event.id), document_url, body_names)
            data.items.append(item)
            if item.ring not in ring_keys and item.kind not in ("holiday", "chair_handover"):
                ring_keys[item.ring] = _ring(item.ring, event, organization, colour_of, body_names)
    if allowed is None or "deadline" in allowed:
        derived = derived_items(events, bodies, span, replaced)
        if derived:
            data.items.extend(derived)
            ink, tint = ring_colour(6)
            ring_keys[DERIVED_RING] = Ring(DERIVED_RING, "Kallelser och handlingar", ink, tint)
    data.items.sort(key=lambda i: (i.start, i.time or "", i.title))
    order = _ring_order(ring_keys, grouping, bodies)
    data.rings = [ring_keys[k] for k in order]
    if allowed is None or "chair_handover" in allowed:
        handovers = [e for e in events if e.kind == "chair_handover"]
        for b in ([body] if body else bodies):
            data.chairs.extend(chair_spans(b, span, [e for e in handovers if e.body_id == b.id]))
    data.holidays = list(public_holidays(span))
    return data


EVENT_COLUMNS = (
    Event.id, Event.body_id, Event.title, Event.kind, Event.location, Event.all_day, Event.start_at, Event.end_at,
    Event.start_date, Event.end_date, Event.status, Event.rrule, Event.exdates, Event.series_id,
    Event.recurrence_id, Event.from_party, Event.to_party, Event.source_document_id,
)


def events_in(organization: Organization, body: Body | None, span: Span) -> list[Any]:
    """The events touching the span, as light rows with the Event attributes the wheel reads.

    Rows rather than ORM objects: a wheel of a thousand items is read several times faster.
    """
    lo = dt.datetime.combine(span.start - dt.timedelta(days=2), dt.time(), dt.UTC)
    hi = dt.datetime.combine(span.end + dt.timedelta(days=2), dt.time(), dt.UTC)
    query = db.select(*EVENT_COLUMNS).where(
        Event.organization_id == organization.id, Event.deleted_at.is_(None),
        or_(
            Event.rrule.is_not(None),
            (Event.start_date < span.end) & (Event.end_date >= span.start),
            (Event.start_date < span.end) & Event.end_date.is_(None),
            (Event.start_at < hi) & (Event.end_at >= lo),
            (Event.start_at < hi) & Event.end_at.is_(None),
        ),
    )
    if body is not None:
        query = query.where(Event.body_id == body.id)
    return list(db.session.execute(query.order_by(Event.id)))


def _evidence(event_ids: list[int]) -> dict[int, tuple[int, int | None]]:
    """Event id → (document id, evidence line) of the minutes the event was accepted from."""
    if not event_ids:
        return {}
    rows = db.session.execute(
        db.select(Proposal.event_id, Proposal.document_id, Proposal.evidence_line)
        .where(Proposal.event_id.in_(event_ids), Proposal.status == "accepted")
        .order_by(Proposal.id)
    )
    return {event_id: (doc, line) for event_id, doc, line in rows}


def _item(event: Any, occ: Occurrence, grouping: str, evidence: tuple[int, int | None] | None,
          document_url: Callable[[int, int | None], str] | None, body_names: dict[int, str]) -> Item:
    kind = event.kind
    if kind not in ("holiday", "chair_handover", "deadline") and occ.end > occ.start:
        kind = "period"
    if kind == "holiday":
        ring = "holidays"
    elif kind == "chair_handover":
        ring = f"{CHAIR_PREFIX}{event.body_id or 0}"
    elif grouping == "kind":
        ring = kind if kind in dict(KIND_RINGS) else "meeting"
    else:
        ring = f"body-{event.body_id}" if event.body_id else "org"
    doc_id, line = evidence if evidence else (event.source_document_id, None)
    source_url = document_url(doc_id, line) if (document_url and doc_id) else None
    title = event.title
    if kind == "chair_handover" and event.to_party and event.to_party not in title:
        title = f"{title} ({event.to_party})"
    return Item(
        key=f"e{event.id}" if occ.recurrence is None else f"e{event.id}-{occ.start:%Y%m%d}",
        title=title, kind=kind, start=occ.start, end=occ.end, ring=ring,
        time=time_label(occ.start_at, occ.end_at) if not event.all_day else None,
        status=event.status, location=event.location, body=body_names.get(event.body_id) if event.body_id else None,
        source_url=source_url, source_label=f"rad {line}" if line else ("protokollet" if source_url else None),
        event_id=event.id,
    )


def _ring(key: str, event: Any, organization: Organization, colour_of: dict[int, tuple[str, str]],
          body_names: dict[int, str]) -> Ring:
    if key.startswith("body-") and event.body_id is not None:
        ink, tint = colour_of.get(event.body_id, ring_colour(0))
        return Ring(key, body_names.get(event.body_id, "?"), ink, tint)
    if key == "org":
        ink, tint = ring_colour(7)
        return Ring(key, f"{organization.name} gemensamt", ink, tint)
    index = [k for k, _ in KIND_RINGS].index(key)
    ink, tint = ring_colour(index)
    return Ring(key, dict(KIND_RINGS)[key], ink, tint)


def _ring_order(rings: dict[str, Ring], grouping: str, bodies: list[Body]) -> list[str]:
    if grouping == "kind":
        return [k for k, _ in KIND_RINGS if k in rings] + ([DERIVED_RING] if DERIVED_RING in rings else [])
    order = ["org"] + [f"body-{b.id}" for b in bodies] + [DERIVED_RING]
    return [k for k in order if k in rings]


def derived_items(events: list[Any], bodies: list[Body], span: Span, replaced: dict[int, set[str]]) -> list[Item]:
    """The deadlines bodies derive from their meetings ("Kallelse 7 dagar före"), computed from each
    meeting's current date: they move with it and a cancelled meeting has none."""
    rules = {b.id: [Rule(r["label"], int(r["days"])) for r in (b.meeting_deadlines or [])] for b in bodies}
    if not any(rules.values()):
        return []
    closed = {h.day for h in public_holidays(span) if not h.eve}
    wide = Span(span.start, span.end + dt.timedelta(days=max(r.days for rs in rules.values() for r in rs) + 7))
    names = {b.id: b.name for b in bodies}
    items = []
    for event in events:
        if event.kind != "meeting" or event.status == "cancelled" or not rules.get(event.body_id):
            continue
        for occ in occurrences(event, wide, replaced.get(event.id, set())):
            for index, rule in enumerate(rules[event.body_id]):
                day = deadline_day(occ.start, rule.days, closed)
                if not span.contains(day):
                    continue
                items.append(Item(
                    key=f"d{event.id}-{occ.start:%Y%m%d}-{index}",
                    title=f"{rule.label}: {names[event.body_id]} {occ.start.day}/{occ.start.month}",
                    kind="deadline", start=day, end=day, ring=DERIVED_RING, body=names[event.body_id],
                    event_id=event.id))
    return items


def chair_spans(body: Body, span: Span, events: list[Any]) -> list[ChairSpan]:
    """Who holds the chair when, from chair terms and handover events (a handover wins on its day)."""
    changes: list[tuple[dt.date, str, str | None]] = []  # (day, holder, previous holder if known)
    for term in body.chair_terms:
        changes.append((term.start_date, term.holder, None))
        if term.end_date is not None:
            changes.append((term.end_date, "", None))  # the term ends; a later change may fill it
    for event in events:
        if event.kind != "chair_handover" or event.status == "cancelled" or not event.to_party:
            continue
        day = event.start_date or (event.start_at.astimezone(STOCKHOLM).date() if event.start_at else None)
        if day is not None:
            changes.append((day, event.to_party, event.from_party))
    if not changes:
        return []
    changes.sort(key=lambda c: (c[0], c[1] == ""))
    merged: list[tuple[dt.date, str]] = []
    for day, holder, previous in changes:
        if previous and not merged:
            merged.append((dt.date.min, previous))
        if merged and merged[-1][0] == day:
            if holder or not merged[-1][1]:
                merged[-1] = (day, holder or merged[-1][1])
            continue
        merged.append((day, holder))
    spans = []
    for i, (day, holder) in enumerate(merged):
        until = merged[i + 1][0] if i + 1 < len(merged) else span.end
        first, end = max(day, span.start), min(until, span.end)
        if holder and first < end:
            spans.append(ChairSpan(f"{CHAIR_PREFIX}{body.id}", body.name, holder, first, end - dt.timedelta(days=1),
                                   handover=span.contains(day) and i > 0))
    return spans
