"""Two independent iCalendar readers that print every occurrence's UTC instant: ical.js and vobject.

Neither is planner's code; if either is missing the test fails saying how to get it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

JS_DIR = Path(__file__).resolve().parent / "js"
Occurrence = tuple[str, str, str, str]  # uid, start, end, STATUS


def ical_js(path: Path, until: dt.date) -> set[Occurrence]:
    node = shutil.which("node")
    if node is None or not (JS_DIR / "node_modules" / "ical.js").is_dir():
        pytest.fail("ical.js is not installed: run `make test` (it runs npm ci in tests/js)", pytrace=False)
    done = subprocess.run([node, str(JS_DIR / "occurrences.mjs"), str(path), until.isoformat()],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {(r["uid"], r["start"], r["end"], r["status"]) for r in rows}


def _fmt(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, f"vobject returned a floating time {value}"
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def vobject_reader(path: Path, until: dt.date) -> set[Occurrence]:
    """vobject builds tzinfos from the VTIMEZONE itself; overrides replace their occurrence by RECURRENCE-ID."""
    import vobject

    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    events = list(getattr(calendar, "vevent_list", []))
    overrides = {(str(e.uid.value), e.recurrence_id.value): e for e in events if hasattr(e, "recurrence_id")}
    out: set[Occurrence] = set()
    for event in events:
        if hasattr(event, "recurrence_id"):
            continue
        uid = str(event.uid.value)
        start, end = event.dtstart.value, event.dtend.value
        status = str(event.status.value) if hasattr(event, "status") else ""
        if not hasattr(event, "rrule"):
            out.add((uid, _fmt(start), _fmt(end), status))
            continue
        length = end - start
        all_day = not isinstance(start, dt.datetime)
        for occurrence in event.getrruleset(addRDate=True):
            if occurrence.date() >= until:
                break
            key = occurrence.date() if all_day else occurrence
            override = overrides.get((uid, key))
            if override is not None:
                o_status = str(override.status.value) if hasattr(override, "status") else ""
                out.add((uid, _fmt(override.dtstart.value), _fmt(override.dtend.value), o_status))
            else:
                out.add((uid, _fmt(key), _fmt(key + length), status))
    return out
