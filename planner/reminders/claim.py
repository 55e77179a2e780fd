"""Claiming due rows with a lease, so several dispatchers never send the same row twice.

PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED, then mark the rows claimed in the same transaction.
SQLite: the same inside BEGIN IMMEDIATE, which makes every claimer wait its turn.
A claimed row whose lease ran out (its dispatcher died) is due again; rows a dispatcher gives back
(on an error it survives, on SIGTERM) or whose claimer is a dead process on this host are due at once.

Two clocks: `now` says what is due (a `send-due --now` in the future pretends), `real` is the wall
clock every lease is measured against, so a pretend run never holds a row longer than a real one.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, exists, not_, or_, select, update

from planner.db import db
from planner.models import ReminderDelivery

TABLE = ReminderDelivery.__table__
SUPERSEDED = "ersatt av en senare påminnelse om samma tillfälle"


def worker_name() -> str:
    """host:pid:random, so a dispatcher on the same host can tell a dead claimer by its pid."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def due_condition(now: dt.datetime, real: dt.datetime | None = None):  # type: ignore[no-untyped-def]
    c = TABLE.c
    return or_(
        and_(c.status == "pending", c.due_at <= now, or_(c.next_attempt_at.is_(None), c.next_attempt_at <= now)),
        and_(c.status == "claimed", c.lease_until < (real or now)),
    )


def _newer_due(now: dt.datetime):  # type: ignore[no-untyped-def]
    """A later reminder of the same occurrence to the same person is due too."""
    later = TABLE.alias("later")
    c, lc = TABLE.c, later.c
    return exists().where(
        lc.event_id == c.event_id, lc.occurrence == c.occurrence, lc.recipient == c.recipient,
        lc.kind == c.kind, lc.status.in_(("pending", "claimed", "sent")), lc.due_at <= now, lc.due_at > c.due_at)


@dataclass
class Claimed:
    ids: list[int]
    superseded: int = 0


def claim(now: dt.datetime, worker: str, limit: int, lease: dt.timedelta, real: dt.datetime | None = None,
          exclude: Collection[int] = ()) -> Claimed:
    """Atomically take up to `limit` due rows for this worker; committed before anything is sent.

    Rows superseded at the real time are expired (counted); rows only superseded at a pretend `now`
    are left alone, neither sent nor expired. `exclude`: rows this run already gave back.
    """
    real = real or now
    engine = db.engine
    c = TABLE.c
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:  # like the outcomes (planner.reminders.dispatch): only a database crash could lose this claim
            conn.exec_driver_sql("SET LOCAL synchronous_commit TO off")
        query = select(c.id).where(due_condition(now, real))
        if now > real:
            query = query.where(not_(and_(c.status == "pending", c.kind == "reminder", _newer_due(now))))
        if exclude:
            query = query.where(c.id.not_in(list(exclude)))
        query = query.order_by(c.due_at, c.id).limit(limit).with_for_update(skip_locked=True)
        ids = list(conn.execute(query).scalars())
        superseded: set[int] = set()
        if ids:  # only the rows taken are checked, not the whole table on every claim
            superseded = set(conn.execute(
                update(TABLE).where(c.id.in_(ids), c.status == "pending", c.kind == "reminder", _newer_due(real))
                .values(status="expired", last_error=SUPERSEDED).returning(c.id)).scalars())
            ids = [i for i in ids if i not in superseded]
        if ids:
            conn.execute(update(TABLE).where(c.id.in_(ids)).values(
                status="claimed", claimed_by=worker, lease_until=real + lease, attempts=c.attempts + 1))
        conn.commit()
    return Claimed(ids, len(superseded))


_FINISH: dict[tuple[str, ...], Any] = {}


def _finish_statement(keys: tuple[str, ...]) -> Any:
    """One prepared UPDATE per set of columns: the hot path builds no statement per message."""
    statement = _FINISH.get(keys)
    if statement is None:
        c = TABLE.c
        statement = _FINISH[keys] = (
            update(TABLE).where(c.id == bindparam("w_id"), c.status == "claimed", c.claimed_by == bindparam("w_by"))
            .values({key: bindparam(f"v_{key}") for key in keys}))
    return statement


def finish(row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once."""
    if conn is None:
        with db.engine.connect() as own:
            return finish(row_id, worker, own, **values)
    keys = tuple(sorted(values))
    params = {"w_id": row_id, "w_by": worker, **{f"v_{key}": values[key] for key in keys}}
    result = conn.execute(_finish_statement(keys), params)
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


def release(conn: Connection, workers: list[str], ids: list[int] | None = None) -> int:
    """Give claimed rows back, due at once: the claim's attempt did not happen. Commits."""
    if not workers or ids == []:
        return 0
    c = TABLE.c
    query = update(TABLE).where(c.status == "claimed", c.claimed_by.in_(workers))
    if ids is not None:
        query = query.where(c.id.in_(ids))
    result = conn.execute(query.values(status="pending", claimed_by=None, lease_until=None,
                                       attempts=c.attempts - 1))
    conn.commit()
    return result.rowcount or 0


def dead_local_claimers(conn: Connection, me: str) -> list[str]:
    """Claimers on this host whose process is gone (kill -9, OOM): their rows need not wait for the lease."""
    host = socket.gethostname()
    c = TABLE.c
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
