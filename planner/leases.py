"""Rows taken with a lease, so several worker processes never work on the same row at once.

Any table with `status`, `claimed_by`, `lease_until` and `attempts` columns can be a queue:
reminder deliveries and import jobs both are. PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, then
mark the rows claimed in the same transaction. SQLite: the same inside BEGIN IMMEDIATE, which
makes every claimer wait its turn. A claimed row whose lease ran out (its worker died) is due again;
what counts as due is the caller's condition.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, select, update

from planner.db import db


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def claim_rows(table: Table, due: Any, order_by: list[Any], now: dt.datetime, worker: str, limit: int,
               lease: dt.timedelta, before: Callable[[Connection], None] | None = None) -> list[int]:
    """Atomically take up to `limit` rows matching `due` for this worker; committed before any work.

    `before` runs first inside the same locked transaction (tidying rows that must not be taken).
    """
    engine = db.engine
    c = table.c
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        if before is not None:
            before(conn)
        query = select(c.id).where(due).order_by(*order_by).limit(limit).with_for_update(skip_locked=True)
        ids = list(conn.execute(query).scalars())
        if ids:
            conn.execute(update(table).where(c.id.in_(ids)).values(
                status="claimed", claimed_by=worker, lease_until=now + lease, attempts=c.attempts + 1))
        conn.commit()
    return ids


def finish_row(table: Table, row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once."""
    if conn is None:
        with db.engine.connect() as own:
            return finish_row(table, row_id, worker, own, **values)
    c = table.c
    result = conn.execute(update(table).where(c.id == row_id, c.status == "claimed", c.claimed_by == worker)
                          .values(**values))
    conn.commit()
    return result.rowcount == 1


def renew_rows(table: Table, ids: list[int], worker: str, until: dt.datetime, conn: Connection,
               **values: object) -> set[int]:
    """Extend the lease on rows this worker still holds (and set `values`); returns the ids still held."""
    if not ids:
        return set()
    c = table.c
    result = conn.execute(update(table).where(c.id.in_(ids), c.status == "claimed", c.claimed_by == worker)
                          .values(lease_until=until, **values).returning(c.id))
    held = set(result.scalars())
    conn.commit()
    return held
