"""The feed byte for byte: what the renderer wrote for a fixed schedule before it was made fast.

tests/ics/golden_feed/*.ics were written by the ORM-based renderer (commit 45d1992) from
tests/feeds_variety.py; the fast path loads rows with Core queries and must give the same bytes,
so every client that read the old feed reads the new one the same way. A deliberate change to the
feed's content rewrites the files (`pytest --update-snapshots`, see tests/snapshots.py) and shows up in
review as a diff.
"""

from __future__ import annotations

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
