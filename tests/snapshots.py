"""Snapshots of what people read (mails, the feed): compared byte for byte, rewritten on request.

`pytest --update-snapshots` writes what the code renders now over the stored file; the change then
shows up in review as a diff of tests/emails/*.txt or tests/ics/golden_feed/*.ics. Without the
option a difference fails with the first differing line, and a missing file fails too (never a
silent pass that writes its own expectation).
"""

from __future__ import annotations

from pathlib import Path

import pytest

OPTION = "--update-snapshots"


def add_option(parser: pytest.Parser) -> None:
    parser.addoption(OPTION, action="store_true", default=False,
                     help="rewrite tests/emails/*.txt and the golden feeds from what the code renders now")


def check_snapshot(request: pytest.FixtureRequest, path: Path, got: bytes) -> None:
    if request.config.getoption(OPTION):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(got)
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.name}: run pytest {OPTION} once and review the new file")
    want = path.read_bytes()
    if got == want:
        return
    got_lines, want_lines = got.split(b"\n"), want.split(b"\n")
    first = next((i for i, (a, b) in enumerate(zip(got_lines, want_lines, strict=False)) if a != b),
                 min(len(got_lines), len(want_lines)))
    def shown(lines: list[bytes]) -> list[str]:
        return [line.decode("utf-8", "backslashreplace") for line in lines[first:first + 2]]

    pytest.fail(f"{path.name} line {first + 1} differs: got {shown(got_lines)!r}, want {shown(want_lines)!r} "
                f"({len(got)} vs {len(want)} bytes; {OPTION} rewrites it)")
