"""Chair rotation: from a rotation order and a term length, the coming handovers.

The chair passes along the body's rotation order (municipalities or people) every
`term_months`; a body with a handover month hands over on the 1st of that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.db import db
from planner.models import Body, Event, User
from planner.schedule.audit import changed


@dataclass(frozen=True)
class Handover:
    date: dt.date
    from_party: str
    to_party: str


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def next_handovers(rotation: list[str], current_holder: str | None, term_start: dt.date | None,
                   term_months: int, handover_month: int | None, today: dt.date,
                   count: int = 3) -> list[Handover]:
    """The next `count` handovers after `today`.

    The first one ends the current term (term_start + term_months) or, with no known term, falls
    on the next 1st of the handover month. A holder not in the rotation starts it from the top.
    """
    names = [n.strip() for n in rotation if n and n.strip()]
    if len(names) < 2 or term_months < 1:
        return []
    if term_start is not None:
        due = add_months(term_start.replace(day=1), term_months)
        while due <= today:
            due = add_months(due, term_months)
    elif handover_month:
        due = dt.date(today.year, handover_month, 1)
        if due <= today:
            due = dt.date(today.year + 1, handover_month, 1)
    else:
        due = add_months(today.replace(day=1), 1)
    folded = [n.casefold() for n in names]
    holder = current_holder or names[-1]
    index = folded.index(holder.casefold()) if holder.casefold() in folded else -1
    result = []
    for _ in range(count):
        nxt = names[(index + 1) % len(names)]
        result.append(Handover(due, holder, nxt))
        holder, index = nxt, (index + 1) % len(names)
        due = add_months(due, term_months)
    return result


def current_term(body: Body, today: dt.date) -> tuple[str | None, dt.date | None]:
    """Who holds the chair now and since when, from the body's recorded chair terms."""
    running = [t for t in body.chair_terms if t.start_date <= today and (t.end_date is None or t.end_date > today)]
    if running:
        term = running[-1]
        return term.holder, term.start_date
    past = [t for t in body.chair_terms if t.start_date <= today]
    if past:
        return past[-1].holder, past[-1].start_date
    return None, None


@dataclass(frozen=True)
class ChairNow:
    holder: str | None
    since: dt.date | None
    until: dt.date | None = None  # the next accepted handover, if the calendar has one
    successor: str | None = None


def chair_now(body: Body, today: dt.date) -> ChairNow:
    """Who chairs the body today: the latest of its recorded terms and its handovers in the calendar.

    A handover event (confirmed, not cancelled) that has happened names the holder (its "to"); when the
    only known handover is ahead, its "from" holds the chair until then ("Varberg, till 1 januari 2027").
    """
    from planner.schedule.matching import _event_day

    holder, since = current_term(body, today)
    events = db.session.scalars(db.select(Event).where(
        Event.body_id == body.id, Event.kind == "chair_handover", Event.status == "confirmed",
        Event.series_id.is_(None))).all()
    dated = sorted(((day, e) for e in events if (day := _event_day(e)) is not None), key=lambda p: (p[0], p[1].id))
    past = [(d, e) for d, e in dated if d <= today and e.to_party]
    ahead = [(d, e) for d, e in dated if d > today]
    if past and (since is None or past[-1][0] >= since):
        holder, since = past[-1][1].to_party, past[-1][0]
    elif holder is None and ahead and ahead[0][1].from_party:
        holder = ahead[0][1].from_party
    if ahead:
        return ChairNow(holder, since, ahead[0][0], ahead[0][1].to_party)
    return ChairNow(holder, since)


def propose_handover_events(body: Body, today: dt.date, user: User | None = None, count: int = 3) -> list[Event]:
    """Tentative chair_handover events for the coming handovers; ones already there are left alone."""
    holder, since = current_term(body, today)
    made = []
    for h in next_handovers(body.chair_rotation or [], holder, since, body.chair_term_months or 12,
                            body.handover_month, today, count):
        exists = db.session.scalar(db.select(Event.id).filter_by(
            body_id=body.id, kind="chair_handover", start_date=h.date))
        if exists:
            continue
        event = Event(organization_id=body.organization_id, body_id=body.id, kind="chair_handover",
                      title=f"Ordförandeskapet i {body.name}: {h.from_party} → {h.to_party}",
                      all_day=True, start_date=h.date, end_date=h.date, status="tentative",
                      from_party=h.from_party, to_party=h.to_party)
        db.session.add(event)
        made.append(event)
    db.session.flush()
    for event in made:  # after the flush: reminders need the event's id
        changed(event, "created", {"rotation": [None, f"{event.from_party} → {event.to_party}"]}, user,
                created=True)
    return made
