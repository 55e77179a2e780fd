"""Which extracted kinds become events, and as what: shared by accepting, matching and bulk acceptance.

A module of its own so those three need not import one another for a table (no import circles).
"""

from __future__ import annotations

# Extraction kinds that become events, and the event kind they become.
EVENT_KIND = {
    "meeting": "meeting",
    "next_meeting": "meeting",
    "deadline": "deadline",
    "holiday": "holiday",
    "chair_handover": "chair_handover",
}
