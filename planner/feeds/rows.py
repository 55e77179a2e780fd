"""The events a feed serves as plain rows: three Core queries instead of ORM instances.

Loading 1,000 events as ORM objects (identity map, attribute instrumentation, selectinload of
bodies and overrides) cost more CPU than writing the feed. The builder only reads attributes, so
slotted rows with the same names serve it the same bytes (tests/test_feeds_golden.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Hashable, Sequence
from typing import Any

from sqlalchemy import String, Text, and_, bindparam, cast, or_, type_coerce

from planner.db import db
from planner.models import Body, Event

COLUMNS = ("id", "uid", "series_id", "body_id", "kind", "title", "description", "location", "all_day",
           "start_at", "end_at", "start_date", "end_date", "status", "rrule", "exdates", "recurrence_id",
           "from_party", "to_party", "sequence", "created_at", "updated_at", "transparent")


class BodyRow:
    """What a feed shows of a body: its name and the deadlines it derives from each meeting."""

    __slots__ = ("id", "name", "meeting_deadlines")

    def __init__(self, id: int, name: str, meeting_deadlines: list[dict] | None) -> None:  # noqa: A002
        self.id, self.name, self.meeting_deadlines = id, name, meeting_deadlines


class EventRow:
    """An Event's columns, its body and (for a series) its override rows, read-only by convention."""

    __slots__ = (*COLUMNS, "body", "overrides")

    def __init__(self, values: Sequence[Any], bodies: dict[int, BodyRow]) -> None:
        # One unpacking (COLUMNS' order), a tenth of the cost of a setattr() loop.
        (self.id, self.uid, self.series_id, self.body_id, self.kind, self.title, self.description, self.location,
         self.all_day, self.start_at, self.end_at, self.start_date, self.end_date, self.status, self.rrule,
         self.exdates, self.recurrence_id, self.from_party, self.to_party, self.sequence, self.created_at,
         self.updated_at, self.transparent) = values
        if type(self.updated_at) is str:  # SQLite's text, read as planner.db.UTCDateTime reads it
            self.created_at, self.updated_at = _utc(self.created_at), _utc(self.updated_at)
            self.start_at, self.end_at = _utc(self.start_at), _utc(self.end_at)
            self.start_date, self.end_date = _date(self.start_date), _date(self.end_date)
        exdates = self.exdates
        if type(exdates) is str:
            self.exdates = json.loads(exdates) if self.rrule else []
        self.body = bodies.get(self.body_id) if self.body_id is not None else None
        self.overrides: list[EventRow] | tuple[()] = [] if self.rrule else ()  # fewer objects for the GC


_fromisoformat = dt.datetime.fromisoformat


def _utc(text: str | None) -> dt.datetime | None:
    # Stored naive in UTC; "+00:00" makes fromisoformat give the UTC singleton, at half replace()'s cost.
    return None if text is None else _fromisoformat(text + "+00:00")


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text[:10])


_t = Event.__table__
# Dates and times come as the driver gives them: SQLAlchemy's per-value processors (a regex per
# SQLite timestamp, then UTCDateTime's) cost more than the rest of the query. SQLite gives text
# (decoded above, only what the feed reads); psycopg gives aware datetimes and dates. The JSON list
# comes as its text on both (psycopg would parse it for every row: 2 ms per 1,000; only a series
# reads it, in EventRow).
_RAW = {"start_at", "end_at", "start_date", "end_date", "created_at", "updated_at"}
_SELECT = db.select(*(type_coerce(_t.c[name], String).label(name) if name in _RAW else
                      cast(_t.c[name], Text).label(name) if name == "exdates" else _t.c[name] for name in COLUMNS))


def load_rows(filters: Sequence[Any], start: dt.datetime, end: dt.datetime,
              deleted_since: dt.datetime | None = None) -> list[EventRow]:
    """Top-level events that may touch the window (the builder decides exactly), with overrides."""
    top, children, bodies = select_rows(filters, start, end, deleted_since)
    return event_rows(top, children, bodies)


def event_rows(top: Sequence[Sequence[Any]], children: Sequence[Sequence[Any]],
               bodies: dict[int, BodyRow]) -> list[EventRow]:
    """EventRows of top-level rows, each series with the override rows among `children` that belong to it."""
    events = [EventRow(text_row(row), bodies) for row in top]
    by_id = {event.id: event for event in events}
    for row in children:
        child = EventRow(row, bodies)
        overrides = by_id[child.series_id].overrides
        assert isinstance(overrides, list)  # a child's parent is a series (rrule set), so it has a list
        overrides.append(child)
    return events


Rows = Sequence[Sequence[Any]]


def select_rows(filters: Sequence[Any], start: dt.datetime, end: dt.datetime, deleted_since: dt.datetime | None = None,
                key: Hashable | None = None) -> tuple[Rows, Rows, dict[int, BodyRow]]:
    """The rows of load_rows(): top-level events, the override rows of its series, the bodies named.

    The same selection as the ORM query it replaces: a deleted event is kept (it is cancelled) while
    deleted after `deleted_since`, a merged duplicate never; every override row of a series comes along.
    `key` names the filters (a Scope): the statement is built once per key, not on every request.
    """
    statement = _STATEMENTS.get((key, deleted_since is None)) if key is not None else None
    if statement is None:
        statement = _top_statement(filters, deleted_since is not None)
        if key is not None:
            if len(_STATEMENTS) >= 1024:
                _STATEMENTS.clear()
            _STATEMENTS[key, deleted_since is None] = statement
    # The Core connection, not Session.execute(): the ORM's result layer costs a millisecond per
    # thousand rows and gives nothing a Core select needs.
    session = db.session.connection()
    top = _driver_rows(session, statement, {"start": start, "end": end, "start_day": start.date(),
                                            "end_day": end.date(), "deleted_since": deleted_since}, octets=True)
    series_ids = [row[0] for row in top if row[14] is not None]
    children = _driver_rows(session, _CHILDREN, {"ids": series_ids}) if series_ids else []
    body_ids = {row[3] for row in top} | {row[3] for row in children}
    body_ids.discard(None)
    bodies: dict[int, BodyRow] = {}
    if body_ids:
        for row in session.execute(_BODIES, {"ids": list(body_ids)}):
            bodies[row[0]] = BodyRow(*row)
    return top, children, bodies


def _top_statement(filters: Sequence[Any], cutoff: bool) -> Any:
    c = _t.c
    may_touch = or_(c.rrule.is_not(None), and_(c.all_day.is_(False), c.end_at >= bindparam("start")),
                    and_(c.all_day.is_(True), c.end_date >= bindparam("start_day")))
    starts_before_end = or_(and_(c.all_day.is_(False), c.start_at <= bindparam("end")),
                            and_(c.all_day.is_(True), c.start_date <= bindparam("end_day")))
    alive = or_(c.deleted_at.is_(None), c.deleted_at >= bindparam("deleted_since")) if cutoff else \
        c.deleted_at.is_(None)
    return _SELECT.where(c.series_id.is_(None), *filters, may_touch, starts_before_end, c.merged_into_id.is_(None),
                         alive)


_STATEMENTS: dict[tuple[Hashable, bool], Any] = {}
_CHILDREN = _SELECT.where(_t.c.series_id.in_(bindparam("ids", expanding=True))).order_by(_t.c.id)
_b = Body.__table__.c
_BODIES = db.select(_b.id, _b.name, _b.meeting_deadlines).where(_b.id.in_(bindparam("ids", expanding=True)))


def _driver_rows(connection: Any, statement: Any, params: dict[str, Any], octets: bool = False
                 ) -> list[tuple[Any, ...]]:
    """The driver's own tuples, the statement still compiled, cached and bound by SQLAlchemy: its Row
    objects cost a sixth of the fetch. The booleans differ (SQLite's 0 and 1), which the builder only
    tests for truth; with `octets`, SQLite's text comes as its UTF-8 bytes, which the C writer reads as
    they are (decoding each into a str and encoding it back cost a tenth of a render): text_row() makes
    such a row what EventRow reads."""
    dbapi = connection.connection.dbapi_connection
    octets = octets and isinstance(dbapi, sqlite3.Connection)
    if octets:
        dbapi.text_factory = bytes
    try:
        result = connection.execute(statement, params)
        try:
            return result.cursor.fetchall()
        finally:
            result.close()
    finally:
        if octets:
            dbapi.text_factory = str


def text_row(row: Sequence[Any]) -> Sequence[Any]:
    """A row of select_rows() with its text as str (SQLite's comes as bytes)."""
    if not any(type(value) is bytes for value in row):
        return row
    return tuple(value.decode() if type(value) is bytes else value for value in row)
