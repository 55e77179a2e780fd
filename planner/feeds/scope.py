"""Which events a feed serves (organization, body or municipality, optionally some kinds) and when.

Reads the schedule through the models only. `render()` is what both `/feeds/<token>.ics` and
`planner feed` call, so they serve the same bytes.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import EllipsisType
from typing import Any

from sqlalchemy import bindparam, func

from planner import labels
from planner.db import db
from planner.feeds.build import FeedMeta
from planner.feeds.gcpause import collector_paused
from planner.feeds.lines import STOCKHOLM
from planner.feeds.native import build_rows
from planner.feeds.rows import select_rows
from planner.models import Body, Event, EventRemoval, Feed, Municipality, Organization, organization_municipality
from planner.schedule.removal import feed_cutoff


@dataclass(frozen=True)
class Scope:
    name: str
    organization_ids: tuple[int, ...] = ()
    body_id: int | None = None
    municipality_id: int | None = None  # every organization the municipality is a member of
    kinds: tuple[str, ...] = ()

    def filters(self, model: Any = Event) -> list[Any]:
        """WHERE clauses on Event, or on EventRemoval (which has the same scope columns)."""
        clauses: list[Any] = []
        if self.body_id is not None:
            clauses.append(model.body_id == self.body_id)
        elif self.municipality_id is not None:
            members = db.select(organization_municipality.c.organization_id).where(
                organization_municipality.c.municipality_id == self.municipality_id)
            clauses.append(model.organization_id.in_(members))
        else:
            clauses.append(model.organization_id.in_(self.organization_ids or (-1,)))
        if self.kinds:
            clauses.append(model.kind.in_(self.kinds))
        return clauses


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str  # strong: a hash of the bytes
    last_modified: dt.datetime

    @cached_property
    def gzipped(self) -> bytes:
        """Compressed once per rendering (mtime 0, so the same schedule gives the same bytes)."""
        return gzip.compress(self.body, compresslevel=6, mtime=0)

    @property
    def gzip_etag(self) -> str:
        """The gzip representation's own strong tag (RFC 9110 8.8.3: one tag per representation)."""
        return self.etag[:-1] + '-gzip"'


def _with_kinds(name: str, kinds: tuple[str, ...]) -> str:
    if not kinds:
        return name
    return f"{name} ({', '.join(labels.kind_label(k) for k in kinds)})"


def organization_scope(org: Organization, kinds: tuple[str, ...] = ()) -> Scope:
    return Scope(_with_kinds(org.name, kinds), organization_ids=(org.id,), kinds=kinds)


def body_scope(body: Body, kinds: tuple[str, ...] = ()) -> Scope:
    return Scope(body_name(body.organization.name, body.name, kinds), body_id=body.id, kinds=kinds)


def municipality_scope(municipality: Municipality, kinds: tuple[str, ...] = ()) -> Scope:
    return Scope(municipality_name(municipality.name, kinds), municipality_id=municipality.id, kinds=kinds)


def municipality_name(name: str, kinds: tuple[str, ...]) -> str:
    return _with_kinds(f"{name} – samverkan", kinds)


def body_name(org_name: str, name: str, kinds: tuple[str, ...]) -> str:
    return _with_kinds(f"{org_name} – {name}", kinds)


def feed_scope(feed: Feed) -> Scope:
    kinds = tuple(sorted(feed.kinds or ()))
    if feed.body is not None:
        return body_scope(feed.body, kinds)
    if feed.municipality is not None:
        return municipality_scope(feed.municipality, kinds)
    if feed.organization is not None:
        return organization_scope(feed.organization, kinds)
    raise LookupError(f"feed {feed.id} has no scope")


_org, _body, _body_org, _muni, _feed = (Organization.__table__.alias("o"), Body.__table__.alias("b"),
                                       Organization.__table__.alias("bo"), Municipality.__table__.alias("m"),
                                       Feed.__table__)
TOKEN_QUERY = (
    db.select(_feed.c.id, _feed.c.organization_id, _feed.c.body_id, _feed.c.municipality_id, _feed.c.kinds,
              _org.c.name, _body.c.name, _body_org.c.name, _muni.c.name)
    .select_from(_feed.outerjoin(_org, _org.c.id == _feed.c.organization_id)
                 .outerjoin(_body, _body.c.id == _feed.c.body_id)
                 .outerjoin(_body_org, _body_org.c.id == _body.c.organization_id)
                 .outerjoin(_muni, _muni.c.id == _feed.c.municipality_id))
    .where(_feed.c.revoked_at.is_(None))
)


_BY_TOKEN = TOKEN_QUERY.where(_feed.c.token == bindparam("token"))  # built once: no statement work per poll


def scope_for_token(token: str) -> Scope | None:
    """The live feed's scope in one small Core query (the hot path of every poll), or None."""
    row = db.session.connection().execute(_BY_TOKEN, {"token": token}).first()  # Core: no ORM result layer
    if row is None:
        return None
    _, org_id, body_id, muni_id, kinds, org_name, body_name_, body_org_name, muni_name = row
    kinds = tuple(sorted(kinds or ()))
    if body_id is not None:
        return Scope(body_name(body_org_name, body_name_, kinds), body_id=body_id, kinds=kinds)
    if muni_id is not None:
        return Scope(municipality_name(muni_name, kinds), municipality_id=muni_id, kinds=kinds)
    if org_id is not None:
        return Scope(_with_kinds(org_name, kinds), organization_ids=(org_id,), kinds=kinds)
    return None


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


def fingerprint(scope: Scope, config: Any, now: dt.datetime) -> tuple[tuple[Any, ...], dt.datetime | None]:
    """A cheap fingerprint of everything the bytes depend on, and last_change() from the same row (a
    render after it needs no query of its own): one aggregate query.

    Any edit raises updated_at and sequence; a deletion changes the count and the id sum, and its
    removal row (planner.models.EventRemoval) the newest removal.
    """
    row = db.session.connection().execute(_version_query(scope)).one()
    return ((scope, window(config, now)[0].date().isoformat(), config["BASE_URL"], config["FEED_MONTHS_AHEAD"],
             row[0], _iso(row[1]), row[2], row[3], _iso(row[4])),
            max((stamp for stamp in (row[1], row[4]) if stamp is not None), default=None))


@lru_cache(maxsize=1024)
def _version_query(scope: Scope) -> Any:
    """One statement per scope, built once per process (building and keying it cost more than running it)."""
    return (db.select(func.count(Event.id), func.max(Event.updated_at), func.sum(Event.id), func.sum(Event.sequence),
                      _newest_removal(scope))
            .where(*scope.filters()))


@lru_cache(maxsize=1024)
def _filters(scope: Scope) -> list[Any]:
    """scope.filters(), built once per scope (the clauses are immutable)."""
    return scope.filters()


@lru_cache(maxsize=1024)
def _last_change_query(scope: Scope) -> Any:
    return db.select(func.max(Event.updated_at), _newest_removal(scope)).where(*scope.filters())


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def _newest_removal(scope: Scope) -> Any:
    return db.select(func.max(EventRemoval.removed_at)).where(*scope.filters(EventRemoval)).scalar_subquery()


def last_change(scope: Scope) -> dt.datetime | None:
    """The newest edit, addition or removal of anything the scope covers, inside the window or not
    (an event moved out of the window, or deleted, is a change a polling client must see)."""
    row = db.session.connection().execute(_last_change_query(scope)).one()
    return max((stamp for stamp in row if stamp is not None), default=None)


def token_pages(base_url: str, token: str) -> str:
    """Where a secret feed's "Mer information" links lead: its own read-only event pages."""
    return f"{base_url.rstrip('/')}/feeds/{token}/handelse/"


def public_pages(base_url: str, org_slug: str, body_slug: str) -> str:
    return f"{base_url.rstrip('/')}/feeds/public/{org_slug}/{body_slug}/handelse/"


def render(scope: Scope, config: Any, now: dt.datetime, event_pages: str = "",
           changed: dt.datetime | None | EllipsisType = ...) -> Rendered:
    """The feed; `event_pages` is where its "Mer information" links lead (see FeedMeta); `changed`:
    last_change() when the caller has it already (fingerprint())."""
    start, end = window(config, now)
    # The window moves at midnight and can drop an event, so the day's start counts as a change too;
    # deleted events leave at midnight too.
    today = dt.datetime.combine(now.astimezone(STOCKHOLM).date(), dt.time(), STOCKHOLM).astimezone(dt.UTC)
    meta = FeedMeta(name=scope.name, base_url=config["BASE_URL"], window_start=start, window_end=end,
                    event_pages=event_pages)
    with collector_paused():
        body = build_rows(*select_rows(_filters(scope), start, end, deleted_since=feed_cutoff(config, today),
                                       key=scope), meta)
    if changed is ...:
        changed = last_change(scope)
    last_modified = max(today, changed) if changed is not None else today
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Rendered(body=body, etag=etag, last_modified=last_modified.replace(microsecond=0))
