"""Claiming due rows with a lease, so several dispatchers never send the same row twice.

PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, then mark the rows claimed in the same transaction.
SQLite: the same inside BEGIN IMMEDIATE, which makes every claimer wait its turn.
A claimed row whose lease ran out (its dispatcher died) is due again.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket

from sqlalchemy import Connection, and_, exists, or_, select, update

from planner.db import db
from planner.models import ReminderDelivery

TABLE = ReminderDelivery.__table__


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


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
    engine = db.engine
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        supersede_stale(conn, now)
        query = (select(TABLE.c.id).where(due_condition(now)).order_by(TABLE.c.due_at, TABLE.c.id).limit(limit)
                 .with_for_update(skip_locked=True))
        ids = list(conn.execute(query).scalars())
        if ids:
            conn.execute(update(TABLE).where(TABLE.c.id.in_(ids)).values(
                status="claimed", claimed_by=worker, lease_until=now + lease, attempts=TABLE.c.attempts + 1))
        conn.commit()
    return ids


def finish(row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once."""
    if conn is None:
        with db.engine.connect() as own:
            return finish(row_id, worker, own, **values)
    result = conn.execute(update(TABLE).where(TABLE.c.id == row_id, TABLE.c.status == "claimed",
                                              TABLE.c.claimed_by == worker).values(**values))
    conn.commit()
    return result.rowcount == 1


def renew(ids: list[int], worker: str, until: dt.datetime, conn: Connection) -> set[int]:
    """Extend the lease on rows this worker still holds; returns those ids (the others were lost)."""
    if not ids:
        return set()
    result = conn.execute(update(TABLE).where(TABLE.c.id.in_(ids), TABLE.c.status == "claimed",
                                              TABLE.c.claimed_by == worker)
                          .values(lease_until=until).returning(TABLE.c.id))
    held = set(result.scalars())
    conn.commit()
    return held
