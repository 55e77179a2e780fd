"""Keep an event's delivery rows in step with the event, inside the caller's transaction.

The schedule's change path sends planner.schedule.signals.event_changed before the commit, and
`on_event_changed` (subscribed in create_app) syncs the event's rows then: the event and its
reminders change together or not at all, and the schedule never imports reminders.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select, update
from sqlalchemy.orm import selectinload

from planner.db import db, utcnow
from planner.models import ChairTerm, Event, ReminderDelivery, Subscriber
from planner.reminders.leads import STOCKHOLM, digest_due, leads_for
from planner.reminders.occurrences import occurrences, parse_key
from planner.reminders.planning import (
    DIGEST,
    REMINDER,
    Existing,
    Plan,
    Recipient,
    reconcile,
    wanted,
    wanted_derived,
)
from planner.reminders.settings import horizon, org_settings
from planner.schedule.derived import red_days
from planner.schedule.recurrence import claimed

REMINDED_KINDS = ("meeting", "deadline", "chair_handover")


def on_event_changed(event: Event, **_changes: object) -> None:
    """The receiver of event_changed: the event's deliveries follow the event."""
    sync_event_reminders(event)


def sync_event_reminders(event: Event, now: dt.datetime | None = None, only: Subscriber | None = None) -> Plan:
    """Plan, move or cancel the event's reminders (and its overrides'); does not commit.

    `only`: just this subscriber's rows (a delivery's key includes its recipient, so the others are
    untouched either way); what one subscribe needs, without reading every subscriber for every event.
    """
    now = now or utcnow()
    db.session.flush()
    if event.merged_into_id is not None:  # a duplicate: its people hear from the kept event, no INSTÄLLT
        table = ReminderDelivery.__table__
        db.session.execute(update(table).where(table.c.event_id == event.id, table.c.status == "pending")
                           .values(status="cancelled"))
        return Plan()
    series = event.series
    cancelled = event.status == "cancelled" or (series is not None and series.status == "cancelled")
    settings = org_settings(event.organization)
    occs = []
    if not cancelled and event.kind in REMINDED_KINDS:
        occs = occurrences(event, now, now + horizon())
    people = recipients_for(event, only)
    target = wanted(occs, people, settings.time_of_day)
    rules = (event.body.meeting_deadlines or []) if event.kind == "meeting" and event.body is not None else []
    if rules and occs:
        years = sorted({parse_key(o.key).year for o in occs})
        target += wanted_derived(occs, people, [int(r["days"]) for r in rules],
                                 red_days([years[0] - 1, *years]), settings.time_of_day)
    query = select(ReminderDelivery).where(ReminderDelivery.event_id == event.id)
    if only is not None:
        query = query.where(ReminderDelivery.recipient == only.email)
    rows = db.session.scalars(query).all()
    existing = [Existing(r.id, r.occurrence, r.recipient, r.lead, r.kind, r.status, r.due_at, r.subscriber_id)
                for r in rows]
    plan = reconcile(existing, target, now, single=not event.rrule, cancelled=cancelled,
                     dropped_occurrences=_dropped(event, {r.occurrence for r in rows}))
    _apply(plan, event.id)
    if event.rrule:
        for override in event.overrides:
            sync_event_reminders(override, now, only)
    return plan


def recipients_for(event: Event, only: Subscriber | None = None) -> list[Recipient]:
    settings = org_settings(event.organization)
    if event.kind == "chair_handover":
        leads = tuple(leads_for("chair_handover", None, settings.leads))
        return [Recipient(sub.email, sub.id, leads) for sub in chair_contacts(event)
                if only is None or sub.id == only.id]
    if only is not None:
        people_query: list[Subscriber] = [only] if only.active and only.organization_id in (
            None, event.organization_id) else []
    else:
        query = select(Subscriber).where(
            Subscriber.confirmed_at.is_not(None), Subscriber.unsubscribed_at.is_(None),
            or_(Subscriber.organization_id.is_(None), Subscriber.organization_id == event.organization_id))
        people_query = list(db.session.scalars(query.options(selectinload(Subscriber.bodies))
                                               .order_by(Subscriber.id)))
    people = []
    for sub in people_query:
        body_ids = {b.id for b in sub.bodies}
        if body_ids and event.body_id is not None and event.body_id not in body_ids:
            continue
        leads = tuple(leads_for(event.kind, sub.lead_times, settings.leads))
        if leads:
            people.append(Recipient(sub.email, sub.id, leads))
    return people


def chair_contacts(event: Event) -> list[Subscriber]:
    """The outgoing and incoming chairs' contacts, each with a subscriber row for its unsubscribe token."""
    if event.body_id is None:
        return []
    day = event.start_at.astimezone(STOCKHOLM).date() if event.start_at else event.start_date
    parties = {(p or "").strip().casefold() for p in (event.from_party, event.to_party)} - {""}
    terms = db.session.scalars(select(ChairTerm).where(ChairTerm.body_id == event.body_id)).all()
    emails: list[str] = []
    for term in terms:
        if not term.contact_email:
            continue
        if term.end_date == day or term.start_date == day or term.holder.strip().casefold() in parties:
            email = term.contact_email.strip().lower()
            if email not in emails:
                emails.append(email)
    contacts = []
    for email in emails:
        sub = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
        if sub is None:
            sub = Subscriber(email=email, organization_id=event.organization_id, name="Ordförandekontakt")
            db.session.add(sub)
            db.session.flush()
        if sub.unsubscribed_at is None:
            contacts.append(sub)
    return contacts


def _dropped(event: Event, keys: set[str]) -> set[str]:
    """Occurrences of a series that an EXDATE has since removed."""
    if not event.rrule or not event.exdates:
        return set()
    ordered = sorted(keys)
    return {ordered[i] for i in claimed(event.exdates, [parse_key(k) for k in ordered])}


def _apply(plan: Plan, event_id: int) -> None:
    table = ReminderDelivery.__table__
    for row_id in plan.cancels:
        db.session.execute(update(table).where(table.c.id == row_id, table.c.status == "pending")
                           .values(status="cancelled"))
    for change in plan.updates:
        db.session.execute(update(table).where(table.c.id == change.id, table.c.status.in_(("pending", "cancelled")))
                           .values(occurrence=change.occurrence, due_at=change.due_at, status=change.status,
                                   next_attempt_at=None, last_error=None))
    for p in plan.inserts:
        db.session.add(ReminderDelivery(event_id=event_id, subscriber_id=p.subscriber_id, recipient=p.recipient,
                                        occurrence=p.occurrence, lead=p.lead, kind=p.kind, due_at=p.due_at))
    db.session.flush()


def sync_subscriber(subscriber: Subscriber, now: dt.datetime | None = None) -> None:
    """After a subscriber confirms, changes preferences or leaves: resync every event that may concern them."""
    now = now or utcnow()
    if not subscriber.active:
        table = ReminderDelivery.__table__
        db.session.execute(update(table).where(table.c.subscriber_id == subscriber.id, table.c.status == "pending")
                           .values(status="cancelled"))
        return
    query = select(Event).where(Event.series_id.is_(None), Event.kind.in_(REMINDED_KINDS),
                                Event.deleted_at.is_(None))
    if subscriber.organization_id is not None:
        query = query.where(Event.organization_id == subscriber.organization_id)
    query = query.options(selectinload(Event.organization), selectinload(Event.overrides))
    for event in db.session.scalars(query).all():
        sync_event_reminders(event, now, only=subscriber)
    plan_digests(now, subscriber)


def sync_all(now: dt.datetime | None = None) -> int:
    """Re-plan every event (extends series beyond the horizon, heals events changed without a sync)."""
    now = now or utcnow()
    events = db.session.scalars(select(Event).where(Event.series_id.is_(None), Event.deleted_at.is_(None))).all()
    for event in events:
        sync_event_reminders(event, now)
    plan_digests(now)
    return len(events)


def plan_digests(now: dt.datetime, only: Subscriber | None = None) -> int:
    """One Monday 07:00 digest row per digest subscriber for this week (if still ahead) and the next."""
    table = ReminderDelivery.__table__
    query = select(Subscriber).where(Subscriber.confirmed_at.is_not(None), Subscriber.unsubscribed_at.is_(None))
    if only is not None:
        query = query.where(Subscriber.id == only.id)
    made = 0
    today = now.astimezone(STOCKHOLM).date()
    this_monday = today - dt.timedelta(days=today.weekday())
    for sub in db.session.scalars(query.order_by(Subscriber.id).with_for_update(of=Subscriber.__table__)).all():
        if not sub.weekly_digest:
            db.session.execute(update(table).where(table.c.subscriber_id == sub.id, table.c.kind == DIGEST,
                                                   table.c.status == "pending").values(status="cancelled"))
            continue
        for day in (this_monday, this_monday + dt.timedelta(days=7)):
            monday, due = digest_due(day)
            if due < now or due < (sub.confirmed_at or now):
                continue
            exists = db.session.scalar(select(table.c.id).where(
                table.c.event_id.is_(None), table.c.kind == DIGEST, table.c.recipient == sub.email,
                table.c.occurrence == monday.isoformat()))
            if exists is None:
                db.session.add(ReminderDelivery(subscriber_id=sub.id, recipient=sub.email, lead="digest",
                                                occurrence=monday.isoformat(), kind=DIGEST, due_at=due))
                made += 1
    db.session.flush()
    return made


__all__ = ["REMINDER", "on_event_changed", "sync_event_reminders", "sync_subscriber", "sync_all", "plan_digests",
           "recipients_for"]
