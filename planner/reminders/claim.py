"""Claiming due reminder deliveries with a lease (planner.leases), so several dispatchers never send one twice.

Due: pending and its time has come, or claimed by a dispatcher whose lease ran out (it died).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, exists, or_, update

from planner.leases import claim_rows, finish_row, renew_rows, worker_name
from planner.models import ReminderDelivery

TABLE = ReminderDelivery.__table__
__all__ = ["SUPERSEDED", "claim", "due_condition", "finish", "renew", "supersede_stale", "worker_name"]


def due_condition(now: dt.datetime):  # type: ignore[no-untyped-def]
    c = TABLE.c
    return or_(
        and_(c.status == "pending", c.due_at <= now, or_(c.next_attempt_at.is_(None), c.next_attempt_at <= now)),
        and_(c.status == "claimed", c.lease_until < now),
    )


SUPERSEDED = "ersatt av en senare påminnelse om samma tillfälle"


def supersede_stale(conn: Connection, now: dt.datetime) -> None:
    """After downtime the 7-day and the 1-day reminder can both be due: send only the later one."""
    later = TABLE.alias("later")
    c, lc = TABLE.c, later.c
    newer_due = exists().where(
        lc.event_id == c.event_id, lc.occurrence == c.occurrence, lc.recipient == c.recipient,
        lc.kind == c.kind, lc.status.in_(("pending", "claimed", "sent")), lc.due_at <= now, lc.due_at > c.due_at)
    conn.execute(update(TABLE).where(c.status == "pending", c.kind == "reminder", c.due_at <= now, newer_due)
                 .values(status="expired", last_error=SUPERSEDED))


def claim(now: dt.datetime, worker: str, limit: int, lease: dt.timedelta) -> list[int]:
    """Atomically take up to `limit` due rows for this worker; committed before anything is sent."""
    return claim_rows(TABLE, due_condition(now), [TABLE.c.due_at, TABLE.c.id], now, worker, limit, lease,
                      before=lambda conn: supersede_stale(conn, now))


def finish(row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once."""
    return finish_row(TABLE, row_id, worker, conn, **values)


def renew(ids: list[int], worker: str, until: dt.datetime, conn: Connection) -> set[int]:
    """Extend the lease on rows this worker still holds; returns those ids (the others were lost)."""
    return renew_rows(TABLE, ids, worker, until, conn)
