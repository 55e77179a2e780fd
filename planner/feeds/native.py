"""A feed from its database rows: single events written by the C writer, the rest by build.py.

planner/feeds/_cfeed.c writes a top-level event without a rule straight from its row (SQLite's text
or PostgreSQL's datetimes) and hands back every row it does not know how to write exactly (series,
bodies with derived deadlines, control characters or CR in a text, October's repeated hour, years
outside the zone table, other time zones); build.event_text() writes those as it always has, and
both are merged in build_calendar()'s order. The bytes are the same either way
(tests/test_feeds_native.py). The import is unconditional: an accelerator that failed to build is an
ImportError when the app starts, never a silently slower feed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from planner import labels
from planner.feeds import _cfeed  # type: ignore[attr-defined]  # built by setuptools (pyproject.toml)
from planner.feeds.build import _CATEGORIES, FOOTER, STATUS, FeedMeta, _Singles, event_text, feed_url, header, sort_key
from planner.feeds.lines import STOCKHOLM, escape_text
from planner.feeds.rows import BodyRow, event_rows

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_NAIVE_EPOCH = dt.datetime(1970, 1, 1)
_US = dt.timedelta(microseconds=1)
# Stockholm has followed the EU rule since 1996; the table stops at the first year tzdata disagrees.
ZONE_YEARS = range(1996, 2100)
# tzinfo objects whose offset is always zero: SQLAlchemy's and psycopg's UTC (a server in Etc/UTC).
UTC_ZONES = (dt.UTC, ZoneInfo("UTC"), ZoneInfo("Etc/UTC"))


def _last_sunday_1am_utc(year: int, month: int) -> int:
    last = dt.date(year, month, 31)
    day = last - dt.timedelta(days=(last.weekday() + 1) % 7)
    return int((dt.datetime.combine(day, dt.time(1), dt.UTC) - _EPOCH).total_seconds())


def _offset(seconds: int) -> int:
    value = dt.datetime.fromtimestamp(seconds, STOCKHOLM).utcoffset()
    assert value is not None
    return int(value.total_seconds())


def zone_table() -> list[tuple[int, int]]:
    """Per year from 1996, summer time's start and end in UTC seconds, each year checked against
    zoneinfo at both changes and mid-month: C converts only the years whose clock it knows."""
    table = []
    for year in ZONE_YEARS:
        on, off = _last_sunday_1am_utc(year, 3), _last_sunday_1am_utc(year, 10)
        months = [int((dt.datetime(year, m, 15, 12, tzinfo=dt.UTC) - _EPOCH).total_seconds()) for m in range(1, 13)]
        if not (_offset(on - 1) == _offset(off) == 3600 and _offset(on) == _offset(off - 1) == 7200
                and all(_offset(t) == (7200 if on <= t < off else 3600) for t in months)):
            break
        table.append((on, off))
    return table


_cfeed.set_zone(ZONE_YEARS.start, tuple(zone_table()), UTC_ZONES)


def _micros(value: dt.datetime) -> int:
    return (value - _EPOCH) // _US


def _context(meta: FeedMeta, url: str, bodies: dict[int, BodyRow]) -> tuple[Any, ...]:
    """What _cfeed.singles() needs of the rendering, each body's and kind's text escaped once."""
    start, end = meta.window_start, meta.window_end
    organs = {key: escape_text(f"Organ: {body.name}") for key, body in bodies.items() if "\r" not in body.name}
    deriving = {key for key, body in bodies.items() if body.meeting_deadlines}  # their meetings: Python's
    kinds: dict[str | bytes, tuple[str, bytes]] = {
        kind: (labels.kind_or_event(kind), line.encode()) for kind, line in _CATEGORIES.items()}
    kinds.update({kind.encode(): value for kind, value in kinds.items() if isinstance(kind, str)})  # SQLite's
    return (url, bool(meta.event_pages), _micros(start), _micros(end),
            _wall(start), _wall(end), organs, deriving, kinds, _STATUSES, _already_cancelled)


def _wall(bound: dt.datetime) -> int | None:
    """A window bound's wall clock in microseconds when it is in STOCKHOLM: Python compares an all-day
    event's Stockholm midnight with it by wall clock then, with any other bound as instants."""
    return (bound.replace(tzinfo=None) - _NAIVE_EPOCH) // _US if bound.tzinfo is STOCKHOLM else None


_STATUSES: dict[str | bytes, str] = {key: value for status, value in STATUS.items()
                                    for key in (status, status.encode())}


def _already_cancelled(title: str | bytes) -> bool:
    return (title.decode() if isinstance(title, bytes) else title).upper().startswith("INSTÄLLT")


def build_rows(top: Sequence[Sequence[Any]], children: Sequence[Sequence[Any]], bodies: dict[int, BodyRow],
               meta: FeedMeta) -> bytes:
    """build_calendar() of the events these rows are (rows.COLUMNS' order; children: overrides)."""
    url = feed_url(meta)
    head = header(meta).encode()
    calendar, spans, rest = _cfeed.singles(top, _context(meta, url, bodies), head, _FOOTER)
    if not rest:
        return calendar
    view = memoryview(calendar)
    entries: list[tuple[int, int, Any]] = [(key, id_, view[start:end]) for key, id_, start, end in spans]
    events = event_rows([top[i] for i in rest], children, bodies)  # a series is always Python's, so it is here
    single = _Singles(meta, url)
    for event in events:
        text = event_text(event, meta, single)
        if text:
            start, key = sort_key(event)
            entries.append((_micros(start), key, text.encode()))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    return b"".join([head, *[entry[2] for entry in entries], _FOOTER])


_FOOTER = FOOTER.encode()
