"""Which delivery rows an event should have, and how to get there from the rows it has.

Pure: plain dataclasses in, a Plan out, so the hard rules (move, cancel, notice) are tested
without a database. planner.reminders.sync applies a Plan inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.reminders.leads import DEFAULT_TIME_OF_DAY, STOCKHOLM, due_at, local_at
from planner.reminders.occurrences import Occurrence, parse_key
from planner.schedule.derived import deadline_day

REMINDER = "reminder"
CANCEL_NOTICE = "cancel_notice"
DIGEST = "digest"
CANCEL_LEAD = "cancel"


@dataclass(frozen=True)
class Recipient:
    email: str
    subscriber_id: int | None
    leads: tuple[str, ...]


@dataclass(frozen=True)
class Planned:
    occurrence: str
    recipient: str
    subscriber_id: int | None
    lead: str
    kind: str
    due_at: dt.datetime

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.occurrence, self.recipient, self.lead, self.kind


@dataclass(frozen=True)
class Existing:
    id: int
    occurrence: str
    recipient: str
    lead: str
    kind: str
    status: str
    due_at: dt.datetime
    subscriber_id: int | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return self.occurrence, self.recipient, self.lead, self.kind


@dataclass(frozen=True)
class Update:
    id: int
    occurrence: str
    due_at: dt.datetime
    status: str = "pending"


@dataclass
class Plan:
    inserts: list[Planned] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    cancels: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.inserts or self.updates or self.cancels)


def wanted(occurrences: Iterable[Occurrence], recipients: Iterable[Recipient],
           time_of_day: dt.time = DEFAULT_TIME_OF_DAY) -> list[Planned]:
    """Every reminder the event should send: occurrence × recipient × lead."""
    rows = []
    recipients = list(recipients)
    for occ in occurrences:
        for person in recipients:
            for lead in person.leads:
                rows.append(Planned(occ.key, person.email, person.subscriber_id, lead, REMINDER,
                                    due_at(occ.start, lead, time_of_day)))
    return rows


DERIVED_LEAD = "deadline-"  # lead of a reminder of a deadline a body derives from a meeting, + the rule's place


def wanted_derived(occurrences: Iterable[Occurrence], recipients: Iterable[Recipient], rules: list[int],
                   closed: frozenset[dt.date] | set[dt.date], time_of_day: dt.time = DEFAULT_TIME_OF_DAY,
                   ) -> list[Planned]:
    """A reminder on the morning each derived deadline of a meeting is due ("Kallelse" 7 days before),
    to the meeting's own recipients; `rules` are the days before, in the body's order. Keyed to the
    meeting's occurrence, so moving or cancelling the meeting moves or cancels them."""
    rows = []
    recipients = list(recipients)
    for occ in occurrences:
        day = occ.start.astimezone(STOCKHOLM).date() if isinstance(occ.start, dt.datetime) else occ.start
        for index, days in enumerate(rules):
            due = local_at(deadline_day(day, days, closed), time_of_day)
            for person in recipients:
                rows.append(Planned(occ.key, person.email, person.subscriber_id, f"{DERIVED_LEAD}{index}", REMINDER,
                                    due))
    return rows


def reconcile(existing: Iterable[Existing], target: Iterable[Planned], now: dt.datetime, *,
              single: bool, cancelled: bool, dropped_occurrences: Iterable[str] = ()) -> Plan:
    """Turn the rows an event has into the rows it should have.

    - a wanted row that is new is inserted, unless it was already due before now (nobody wants a
      "7 days before" mail about tomorrow's meeting);
    - a pending row whose due time changed is moved; for a single (non-series) event a pending row of
      the old date follows the event to its new date;
    - a pending row nobody wants any more is cancelled (one whose occurrence has begun is left for the
      dispatcher to mark expired);
    - when the event is cancelled (or an occurrence of a series dropped), everyone already reminded
      of an occurrence that has not begun gets one "INSTÄLLT" notice, due at once.
    """
    plan = Plan()
    rows = list(existing)
    by_key = {row.key: row for row in rows}
    matched: set[int] = set()
    target = [] if cancelled else list(target)
    wanted_keys = {p.key for p in target}
    stale = [r for r in rows if r.kind == REMINDER and r.status == "pending" and r.key not in wanted_keys]
    for p in target:
        row = by_key.get(p.key)
        if row is not None:
            matched.add(row.id)
            if row.status == "pending" and row.due_at != p.due_at:
                plan.updates.append(Update(row.id, p.occurrence, p.due_at))
            elif row.status == "cancelled" and p.due_at >= now:
                plan.updates.append(Update(row.id, p.occurrence, p.due_at))
            continue
        moved = _take_stale(stale, p) if single else None
        if moved is not None:
            matched.add(moved.id)
            plan.updates.append(Update(moved.id, p.occurrence, p.due_at))
        elif p.due_at >= now:
            plan.inserts.append(p)
    for row in rows:
        if row.kind == REMINDER and row.status == "pending" and row.id not in matched:
            if cancelled or begins_at(row.occurrence) > now:  # a begun one is left to expire, recorded
                plan.cancels.append(row.id)
    plan.inserts.extend(_notices(rows, now, cancelled, set(dropped_occurrences)))
    return plan


def _take_stale(stale: list[Existing], p: Planned) -> Existing | None:
    for i, row in enumerate(stale):
        if (row.recipient, row.lead, row.kind) == (p.recipient, p.lead, p.kind):
            return stale.pop(i)
    return None


def _notices(rows: list[Existing], now: dt.datetime, cancelled: bool, dropped: set[str]) -> list[Planned]:
    have = {(r.occurrence, r.recipient) for r in rows if r.kind == CANCEL_NOTICE}
    notices: dict[tuple[str, str], Planned] = {}
    for row in rows:
        if row.kind != REMINDER or row.status != "sent":
            continue
        if not (cancelled or row.occurrence in dropped):
            continue
        if begins_at(row.occurrence) <= now or (row.occurrence, row.recipient) in have:
            continue
        notices.setdefault((row.occurrence, row.recipient),
                           Planned(row.occurrence, row.recipient, row.subscriber_id, CANCEL_LEAD, CANCEL_NOTICE, now))
    return list(notices.values())


def begins_at(occurrence: str) -> dt.datetime:
    start = parse_key(occurrence)
    return Occurrence(occurrence, start, None).begins_at
