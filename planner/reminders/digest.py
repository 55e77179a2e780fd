"""What a subscriber's Monday digest lists: their items in the coming two weeks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from planner.db import db
from planner.models import Event, Subscriber
from planner.reminders.leads import local_at
from planner.reminders.occurrences import occurrences
from planner.reminders.texts import kind_label, swedish_when


def concerns(subscriber: Subscriber, event: Event) -> bool:
    if subscriber.organization_id is not None and event.organization_id != subscriber.organization_id:
        return False
    body_ids = {b.id for b in subscriber.bodies}
    return not (body_ids and event.body_id is not None and event.body_id not in body_ids)


def digest_items(subscriber: Subscriber, monday: dt.date) -> list[dict[str, Any]]:
    start = local_at(monday, dt.time(0, 0))
    end = local_at(monday + dt.timedelta(days=14), dt.time(0, 0))
    items: list[dict[str, Any]] = []
    for event in db.session.scalars(select(Event).where(Event.status != "cancelled", Event.deleted_at.is_(None))):
        if not concerns(subscriber, event):
            continue
        for occ in occurrences(event, start, end):
            items.append({"sort": occ.begins_at, "title": event.title, "when": swedish_when(occ.start, occ.end),
                          "kind": kind_label(event.kind), "location": event.location,
                          "tentative": event.status == "tentative"})
    items.sort(key=lambda item: item["sort"])
    return items
