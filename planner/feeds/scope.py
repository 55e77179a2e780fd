"""Which events a feed serves (organization, body or municipality, optionally some kinds) and when.

Reads the schedule through the models only. `render()` is what both `/feeds/<token>.ics` and
`planner feed` call, so they serve the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_
from sqlalchemy.orm import selectinload

from planner.db import db
from planner.feeds.build import KIND_LABELS, FeedMeta, build_calendar
from planner.feeds.lines import STOCKHOLM
from planner.models import Body, Event, Feed, Municipality, Organization


@dataclass(frozen=True)
class Scope:
    name: str
    organization_ids: tuple[int, ...] = ()
    body_id: int | None = None
    kinds: tuple[str, ...] = ()

    def filters(self) -> list[Any]:
        clauses: list[Any] = []
        if self.body_id is not None:
            clauses.append(Event.body_id == self.body_id)
        else:
            clauses.append(Event.organization_id.in_(self.organization_ids or (-1,)))
        if self.kinds:
            clauses.append(Event.kind.in_(self.kinds))
        return clauses


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str  # strong: a hash of the bytes
    last_modified: dt.datetime


def _with_kinds(name: str, kinds: tuple[str, ...]) -> str:
    if not kinds:
        return name
    return f"{name} ({', '.join(KIND_LABELS.get(k, k) for k in kinds)})"


def organization_scope(org: Organization, kinds: tuple[str, ...] = ()) -> Scope:
    return Scope(_with_kinds(org.name, kinds), organization_ids=(org.id,), kinds=kinds)


def body_scope(body: Body, kinds: tuple[str, ...] = ()) -> Scope:
    return Scope(_with_kinds(f"{body.organization.name} – {body.name}", kinds), body_id=body.id, kinds=kinds)


def municipality_scope(municipality: Municipality, kinds: tuple[str, ...] = ()) -> Scope:
    ids = tuple(sorted(o.id for o in municipality.organizations))
    return Scope(_with_kinds(f"{municipality.name} – samverkan", kinds), organization_ids=ids, kinds=kinds)


def feed_scope(feed: Feed) -> Scope:
    kinds = tuple(sorted(feed.kinds or ()))
    if feed.body is not None:
        return body_scope(feed.body, kinds)
    if feed.municipality is not None:
        return municipality_scope(feed.municipality, kinds)
    if feed.organization is not None:
        return organization_scope(feed.organization, kinds)
    raise LookupError(f"feed {feed.id} has no scope")


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def window(config: Any, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Whole Stockholm days, so the bytes stay the same all day long."""
    today = now.astimezone(STOCKHOLM).date()
    first = today - dt.timedelta(days=int(config["FEED_DAYS_BACK"]))
    last = add_months(today, int(config["FEED_MONTHS_AHEAD"]))
    return (dt.datetime.combine(first, dt.time(), STOCKHOLM), dt.datetime.combine(last, dt.time(), STOCKHOLM))


def version(scope: Scope, config: Any, now: dt.datetime) -> tuple[Any, ...]:
    """A cheap fingerprint of everything the bytes depend on: one aggregate query.

    Any edit raises updated_at and sequence; a deletion changes the count and the id sum.
    """
    row = db.session.execute(
        db.select(func.count(Event.id), func.max(Event.updated_at), func.sum(Event.id), func.sum(Event.sequence))
        .where(*scope.filters())
    ).one()
    newest = row[1]
    if isinstance(newest, dt.datetime):
        newest = newest.isoformat()
    return (scope, window(config, now)[0].date().isoformat(), config["BASE_URL"], config["FEED_MONTHS_AHEAD"],
            row[0], str(newest), row[2], row[3])


def load_events(scope: Scope, start: dt.datetime, end: dt.datetime) -> list[Event]:
    """Top-level events that may touch the window (the builder decides exactly), with overrides."""
    may_touch = or_(
        Event.rrule.is_not(None),
        and_(Event.all_day.is_(False), Event.end_at >= start),
        and_(Event.all_day.is_(True), Event.end_date >= start.date()),
    )
    starts_before_end = or_(
        and_(Event.all_day.is_(False), Event.start_at <= end),
        and_(Event.all_day.is_(True), Event.start_date <= end.date()),
    )
    query = (
        db.select(Event)
        .where(Event.series_id.is_(None), *scope.filters(), may_touch, starts_before_end)
        .options(selectinload(Event.body), selectinload(Event.overrides).selectinload(Event.body))
    )
    return list(db.session.scalars(query))


def render(scope: Scope, config: Any, now: dt.datetime) -> Rendered:
    start, end = window(config, now)
    events = load_events(scope, start, end)
    meta = FeedMeta(name=scope.name, base_url=config["BASE_URL"], window_start=start, window_end=end)
    body = build_calendar(events, meta)
    stamps = [e.updated_at for e in events] + [o.updated_at for e in events for o in e.overrides]
    # The window moves at midnight and can drop an event, so the day's start counts as a change too.
    today = dt.datetime.combine(now.astimezone(STOCKHOLM).date(), dt.time(), STOCKHOLM).astimezone(dt.UTC)
    last_modified = max([*stamps, today])
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Rendered(body=body, etag=etag, last_modified=last_modified.replace(microsecond=0))
