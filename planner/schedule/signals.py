"""What other areas hear when an event changes: one blinker signal, sent by the schedule's one change path.

`event_changed` is sent by planner.schedule.audit.changed (every edit, acceptance, import, deletion,
merge and move goes through it) inside the caller's transaction, before the commit, with the event
as sender and `changes` (field -> [before, after], as the audit trail stores it). Reminders (their
deliveries move along) and the feed cache (answers forgotten after the commit) subscribe in
create_app; the schedule itself imports neither, so the areas downstream of it can change freely.
"""

from __future__ import annotations

from typing import Any

from blinker import Namespace

_signals = Namespace()

event_changed = _signals.signal("planner.event-changed", doc="An event changed: sender=event, changes=dict.")


def send_event_changed(event: Any, changes: dict[str, Any]) -> None:
    event_changed.send(event, changes=changes)
