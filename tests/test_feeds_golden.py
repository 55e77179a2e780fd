"""The feed byte for byte: what the renderer wrote for a fixed schedule before it was made fast.

tests/ics/golden_feed/*.ics were written by the ORM-based renderer (commit 45d1992) from
tests/feeds_variety.py; the fast path loads rows with Core queries and must give the same bytes,
so every client that read the old feed reads the new one the same way. A deliberate change to the
feed's content rewrites the files (`pytest --update-snapshots`, see tests/snapshots.py) and shows up in
review as a diff.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.feeds.scope import body_scope, municipality_scope, organization_scope, render
from tests.feeds_variety import CONFIG, NOW, make_variety_schedule
from tests.snapshots import check_snapshot

GOLDEN = Path(__file__).resolve().parent / "ics" / "golden_feed"


@pytest.mark.parametrize("name", ["organization", "body", "municipality", "kinds"])
def test_feed_bytes_are_the_ones_the_old_renderer_wrote(app, request: pytest.FixtureRequest, name: str) -> None:
    app.config.update(CONFIG)
    s = make_variety_schedule()
    scope = {"organization": organization_scope(s["org"]), "body": body_scope(s["styr"]),
             "municipality": municipality_scope(s["muni"]),
             "kinds": organization_scope(s["org"], ("holiday", "meeting"))}[name]
    check_snapshot(request, GOLDEN / f"{name}.ics", render(scope, app.config, NOW).body)


@pytest.mark.parametrize("pages", ["", "https://planner.example/feeds/t/handelse/"])
def test_the_c_writer_gives_the_python_writers_bytes_on_the_database(app, pages: str) -> None:
    """The driver's own rows (SQLite's text, psycopg's datetimes) through _cfeed against the same
    schedule through EventRow and build_calendar(); C writes a good part of it itself."""
    from planner.feeds import _cfeed, native  # type: ignore[attr-defined]
    from planner.feeds.build import FeedMeta, build_calendar, feed_url
    from planner.feeds.rows import load_rows, select_rows
    from planner.feeds.scope import window

    app.config.update(CONFIG)
    s = make_variety_schedule()
    start, end = window(app.config, NOW)
    for scope in (organization_scope(s["org"]), body_scope(s["styr"]), municipality_scope(s["muni"])):
        meta = FeedMeta(name=scope.name, base_url=CONFIG["BASE_URL"], window_start=start, window_end=end,
                        event_pages=pages)
        top, children, bodies = select_rows(scope.filters(), start, end)
        assert native.build_rows(top, children, bodies, meta) == build_calendar(load_rows(scope.filters(), start, end),
                                                                                meta)
        _, spans, rest = _cfeed.singles(top, native._context(meta, feed_url(meta), bodies), b"", b"")
        assert spans is None or len(spans) >= 10, (scope, len(spans or []), len(rest))  # the rest: CR, BEL, series


def test_named_cases_are_written_by_c_from_the_database(app) -> None:
    """tests/test_feeds_native.py's cases (å/ä/ö folding, commas, all-day spans, cancelled, handovers,
    descriptions with newlines) saved and read back: C writes every one, as Python would."""
    from planner.db import db
    from planner.feeds import _cfeed, native  # type: ignore[attr-defined]
    from planner.feeds.build import build_calendar, feed_url
    from planner.feeds.rows import load_rows, select_rows
    from planner.models import Body, Event, Organization
    from tests.test_feeds_native import META, PAGES, PLAIN

    org = Organization(name="Kustkommunerna", slug="kust")
    body = Body(organization=org, name="Nätverk, södra; \\ norra", slug="natverk")
    db.session.add_all([org, body])
    db.session.flush()
    for values in PLAIN.values():
        fields = {k: v for k, v in values.items() if k not in ("id", "body_id")}
        fields.setdefault("start_at", dt.datetime(2026, 10, 16, 7, 30, tzinfo=dt.UTC))
        if not fields.get("all_day") and "end_at" not in fields:
            fields["end_at"] = fields["start_at"] + dt.timedelta(hours=2)
        fields["title"] = fields.get("title", "Styrgruppens möte") or ""  # NOT NULL: no title is ""
        db.session.add(Event(organization_id=org.id, body_id=None if values.get("body_id", 1) is None else body.id,
                             kind=fields.pop("kind", "meeting"), **fields))
    db.session.commit()
    filters = [Event.organization_id == org.id]
    for meta in (META, PAGES):
        start = meta.window_start.date()
        top, children, bodies = select_rows(filters, meta.window_start, meta.window_end)
        # select_rows() leaves out an all-day item without an end date or ending the day before the window
        # (its SQL compares end_date); the builder would have taken the second.
        chosen = [n for n, v in PLAIN.items() if not v.get("all_day") or v["end_date"] and v["end_date"] >= start]
        assert len(top) == len(chosen) >= 15
        calendar, spans, rest = _cfeed.singles(top, native._context(meta, feed_url(meta), bodies), b"", b"")
        assert rest == [] and calendar.count(b"BEGIN:VEVENT") == len(chosen)
        assert native.build_rows(top, children, bodies, meta) == build_calendar(
            load_rows(filters, meta.window_start, meta.window_end), meta)
