"""The feed byte for byte: what the renderer wrote for a fixed schedule before it was made fast.

tests/ics/golden_feed/*.ics were written by the ORM-based renderer (commit 45d1992) from
tests/feeds_variety.py; the fast path loads rows with Core queries and must give the same bytes,
so every client that read the old feed reads the new one the same way. A deliberate change to the
feed's content rewrites the files (see the note in feeds_variety.py) and shows up in review as a diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.feeds.scope import body_scope, municipality_scope, organization_scope, render
from tests.feeds_variety import CONFIG, NOW, make_variety_schedule

GOLDEN = Path(__file__).resolve().parent / "ics" / "golden_feed"


@pytest.mark.parametrize("name", ["organization", "body", "municipality", "kinds"])
def test_feed_bytes_are_the_ones_the_old_renderer_wrote(app, name: str) -> None:
    app.config.update(CONFIG)
    s = make_variety_schedule()
    scope = {"organization": organization_scope(s["org"]), "body": body_scope(s["styr"]),
             "municipality": municipality_scope(s["muni"]),
             "kinds": organization_scope(s["org"], ("holiday", "meeting"))}[name]
    got = render(scope, app.config, NOW).body
    want = (GOLDEN / f"{name}.ics").read_bytes()
    if got != want:
        got_lines, want_lines = got.split(b"\r\n"), want.split(b"\r\n")
        first = next((i for i, (a, b) in enumerate(zip(got_lines, want_lines, strict=False)) if a != b),
                     min(len(got_lines), len(want_lines)))
        pytest.fail(f"line {first + 1} differs: got {got_lines[first:first + 3]!r}, "
                    f"want {want_lines[first:first + 3]!r} ({len(got)} vs {len(want)} bytes)")
