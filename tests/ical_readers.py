"""Five independent iCalendar readers, each giving every occurrence's UTC instant: ical.js (Thunderbird),
libical (Evolution; a small C program compiled here with gcc), node-ical, vobject, and icalendar with
recurring-ical-events.

None is planner's code; if one is missing the test fails saying how to get it, never skips.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

JS_DIR = Path(__file__).resolve().parent / "js"
LIBICAL_SOURCE = Path(__file__).resolve().parent / "libical" / "occurrences.c"
Occurrence = tuple[str, str, str, str]  # uid, start, end, STATUS


def _json_lines(command: list[str]) -> set[Occurrence]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return {(r["uid"], r["start"], r["end"], r["status"]) for r in rows}


def _node_script(package: str, script: str, path: Path, until: dt.date) -> set[Occurrence]:
    node = shutil.which("node")
    if node is None or not (JS_DIR / "node_modules" / package).is_dir():
        pytest.fail(f"{package} is not installed: run `make test` (it runs npm ci in tests/js)", pytrace=False)
    return _json_lines([node, str(JS_DIR / script), str(path), until.isoformat()])


def ical_js(path: Path, until: dt.date) -> set[Occurrence]:
    return _node_script("ical.js", "occurrences.mjs", path, until)


def node_ical(path: Path, until: dt.date) -> set[Occurrence]:
    """node-ical, through its own expandRecurringEvent (EXDATE, RECURRENCE-ID, DST)."""
    return _node_script("node-ical", "node_ical_occurrences.mjs", path, until)


def libical_program() -> Path:
    """tests/libical/occurrences.c built against Debian's libical-dev, once per version of the source."""
    gcc, pkg_config = shutil.which("gcc"), shutil.which("pkg-config")
    flags = subprocess.run([pkg_config or "pkg-config", "--cflags", "--libs", "libical"], capture_output=True,
                           text=True) if pkg_config else None
    if gcc is None or flags is None or flags.returncode != 0:
        pytest.fail("libical is not installed (gcc, pkg-config and libical-dev): run `make test` as root, or "
                    "`sudo apt-get install gcc pkg-config libical-dev`", pytrace=False)
    source = LIBICAL_SOURCE.read_bytes()
    program = Path(tempfile.gettempdir()) / f"planner-libical-{hashlib.sha256(source).hexdigest()[:16]}"
    if not program.exists():
        partial = program.with_suffix(".partial")
        built = subprocess.run([gcc, "-O1", "-Wall", "-o", str(partial), str(LIBICAL_SOURCE),
                                *flags.stdout.split()], capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
        partial.replace(program)
    return program


def libical_reader(path: Path, until: dt.date) -> set[Occurrence]:
    """libical as Evolution uses it: icalcomponent_foreach_recurrence, detached RECURRENCE-ID instances."""
    return _json_lines([str(libical_program()), str(path), until.isoformat()])


def recurring_ical_events_reader(path: Path, until: dt.date) -> set[Occurrence]:
    """icalendar's parser with recurring-ical-events' expansion (what Home Assistant and others use)."""
    import icalendar
    import recurring_ical_events

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    out: set[Occurrence] = set()
    for event in recurring_ical_events.of(calendar).between(dt.date(1970, 1, 1), until):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if _start_date(start) >= until:
            continue
        out.add((str(event["UID"]), _fmt(start), _fmt(end), str(event.get("STATUS", ""))))
    return out


def _start_date(value: dt.date | dt.datetime) -> dt.date:
    return value.astimezone(dt.UTC).date() if isinstance(value, dt.datetime) else value


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


# Every reader the agreement tests hold planner's feed against (tests/test_feeds_five_readers.py).
READERS = {"ical.js": ical_js, "libical": libical_reader, "node-ical": node_ical, "vobject": vobject_reader,
           "recurring-ical-events": recurring_ical_events_reader}
