"""Rows taken with a lease, so several worker processes never work on the same row at once.

Any table with `status`, `claimed_by`, `lease_until` and `attempts` columns can be a queue:
reminder deliveries and import jobs both are. PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, then
mark the rows claimed in the same transaction. SQLite: the same inside BEGIN IMMEDIATE, which
makes every claimer wait its turn. A claimed row whose lease ran out (its worker died) is due again;
what counts as due is the caller's condition. A worker may give its rows back at once
(`release_rows`: on an error it survives, on SIGTERM), and rows whose claimer is a dead process on
this host need not wait for the lease (`dead_local_claimers`).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update

from planner.db import db


def worker_name() -> str:
    """host:pid:random, so a worker on the same host can tell a dead claimer by its pid."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def claim_rows(table: Table, due: Any, order_by: list[Any], now: dt.datetime, worker: str, limit: int,
               lease: dt.timedelta, before: Callable[[Connection], None] | None = None, *,
               take: Callable[[Connection, list[int]], list[int]] | None = None,
               durable: bool = True) -> list[int]:
    """Atomically take up to `limit` rows matching `due` for this worker; committed before any work.

    `before` runs first inside the same locked transaction (tidying rows that must not be taken);
    `take` then gets the rows found and returns those to claim (it has settled the others itself),
    so a check can look at the rows taken only, not the whole table on every claim. The lease runs
    from `now`, the wall clock. `durable=False` (PostgreSQL): the commit does not wait for the disk,
    so only a database crash could lose the claim.
    """
    engine = db.engine
    c = table.c
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif not durable:
            conn.exec_driver_sql("SET LOCAL synchronous_commit TO off")
        if before is not None:
            before(conn)
        query = select(c.id).where(due).order_by(*order_by).limit(limit).with_for_update(skip_locked=True)
        ids = list(conn.execute(query).scalars())
        if ids and take is not None:
            ids = take(conn, ids)
        if ids:
            conn.execute(update(table).where(c.id.in_(ids)).values(
                status="claimed", claimed_by=worker, lease_until=now + lease, attempts=c.attempts + 1))
        conn.commit()
    return ids


_FINISH: dict[tuple[Table, tuple[str, ...]], Any] = {}


def _finish_statement(table: Table, keys: tuple[str, ...]) -> Any:
    """One prepared UPDATE per table and set of columns: the hot path builds no statement per row."""
    statement = _FINISH.get((table, keys))
    if statement is None:
        c = table.c
        statement = _FINISH[(table, keys)] = (
            update(table).where(c.id == bindparam("w_id"), c.status == "claimed", c.claimed_by == bindparam("w_by"))
            .values({key: bindparam(f"v_{key}") for key in keys}))
    return statement


def finish_row(table: Table, row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once.

    `values` are plain values (bound parameters), not SQL expressions.
    """
    if conn is None:
        with db.engine.connect() as own:
            return finish_row(table, row_id, worker, own, **values)
    keys = tuple(sorted(values))
    params = {"w_id": row_id, "w_by": worker, **{f"v_{key}": values[key] for key in keys}}
    result = conn.execute(_finish_statement(table, keys), params)
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


def release_rows(table: Table, conn: Connection, workers: list[str], ids: list[int] | None = None, *,
                 status: str) -> int:
    """Give claimed rows back, due at once as `status`: the claim's attempt did not happen. Commits.

    `ids` None: every row these workers hold.
    """
    if not workers or ids == []:
        return 0
    c = table.c
    query = update(table).where(c.status == "claimed", c.claimed_by.in_(workers))
    if ids is not None:
        query = query.where(c.id.in_(ids))
    result = conn.execute(query.values(status=status, claimed_by=None, lease_until=None, attempts=c.attempts - 1))
    conn.commit()
    return result.rowcount or 0


def dead_local_claimers(table: Table, conn: Connection, me: str) -> list[str]:
    """Claimers on this host whose process is gone (kill -9, OOM): their rows need not wait for the lease."""
    host = socket.gethostname()
    c = table.c
    names = conn.execute(select(c.claimed_by).where(c.status == "claimed", c.claimed_by.like(f"{host}:%"))
                         .distinct()).scalars()
    dead = []
    for name in names:
        parts = name.split(":")
        if name == me or len(parts) != 3 or not parts[1].isdigit():
            continue
        if not _alive(int(parts[1])):
            dead.append(name)
    return dead


def local_worker_alive(name: str) -> bool:
    """Whether the worker `name` (host:pid:random, see worker_name) of this host still runs; other hosts: True."""
    parts = name.split(":")
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return True
    return _alive(int(parts[1]))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    try:  # killed but not yet reaped by its parent: dead all the same
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
