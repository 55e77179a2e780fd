"""Claiming due reminder deliveries with a lease (planner.leases), so several dispatchers never send one twice.

Due: pending and its time has come, or claimed by a dispatcher whose lease ran out (it died).
Rows a dispatcher gives back (on an error it survives, on SIGTERM) or whose claimer is a dead
process on this host are due at once.

Two clocks: `now` says what is due (a `send-due --now` in the future pretends), `real` is the wall
clock every lease is measured against, so a pretend run never holds a row longer than a real one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Exists, and_, exists, not_, or_, update

from planner.leases import claim_rows, finish_row, release_rows, renew_rows, worker_name
from planner.leases import dead_local_claimers as _dead_local_claimers
from planner.models import ReminderDelivery

TABLE = ReminderDelivery.__table__
SUPERSEDED = "ersatt av en senare påminnelse om samma tillfälle"
__all__ = ["SUPERSEDED", "Claimed", "claim", "dead_local_claimers", "due_condition", "finish", "record_sent",
           "release", "renew", "worker_name"]
# One statement for a whole group of sent rows (planner/reminders/journal.py), each with its own time.
RECORD_SENT_PG = (
    f"UPDATE {TABLE.name} AS d SET status = 'sent', sent_at = v.at, lease_until = NULL, last_error = NULL "
    "FROM unnest(%(ids)s::bigint[], %(ats)s::timestamptz[]) AS v(id, at) "
    "WHERE d.id = v.id AND d.status = 'claimed' AND d.claimed_by = %(worker)s "
    "AND (%(expired)s::timestamptz IS NULL OR d.lease_until < %(expired)s::timestamptz) RETURNING d.id")


def due_condition(now: dt.datetime, real: dt.datetime | None = None) -> ColumnElement[bool]:
    c = TABLE.c
    return or_(
        and_(c.status == "pending", c.due_at <= now, or_(c.next_attempt_at.is_(None), c.next_attempt_at <= now)),
        and_(c.status == "claimed", c.lease_until < (real or now)),
    )


def _newer_due(now: dt.datetime) -> Exists:
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

    After downtime the 7-day and the 1-day reminder can both be due: only the later one is sent.
    Rows superseded at the real time are expired (counted); rows only superseded at a pretend `now`
    are left alone, neither sent nor expired. `exclude`: rows this run already gave back.
    """
    real = real or now
    c = TABLE.c
    due = due_condition(now, real)
    if now > real:
        due = and_(due, not_(and_(c.status == "pending", c.kind == "reminder", _newer_due(now))))
    if exclude:
        due = and_(due, c.id.not_in(list(exclude)))
    superseded: set[int] = set()

    def expire_superseded(conn: Connection, ids: list[int]) -> list[int]:
        superseded.update(conn.execute(
            update(TABLE).where(c.id.in_(ids), c.status == "pending", c.kind == "reminder", _newer_due(real))
            .values(status="expired", last_error=SUPERSEDED).returning(c.id)).scalars())
        return [i for i in ids if i not in superseded]

    # durable=False like the outcomes (planner.reminders.dispatch): only a database crash could lose this claim
    ids = claim_rows(TABLE, due, [c.due_at, c.id], real, worker, limit, lease, take=expire_superseded,
                     durable=False)
    return Claimed(ids, len(superseded))


def finish(row_id: int, worker: str, conn: Connection | None = None, **values: object) -> bool:
    """Record the outcome of one claimed row, only if this worker still holds it; commits at once."""
    return finish_row(TABLE, row_id, worker, conn, **values)


def record_sent(conn: Connection, worker: str, entries: list[tuple[int, dt.datetime]],
                expired_before: dt.datetime | None = None) -> set[int]:
    """Mark a group of rows sent, each at its time, if `worker` still holds them; commits. Returns those ids.

    `expired_before`: only rows whose lease ran out by then (another live dispatcher's journal:
    its own rows are its to record while it holds them).
    """
    if not entries:
        return set()
    if conn.dialect.name == "postgresql":
        held = set(conn.exec_driver_sql(RECORD_SENT_PG, {
            "ids": [i for i, _ in entries], "ats": [at for _, at in entries], "worker": worker,
            "expired": expired_before}).scalars())
    else:  # SQLite: one statement per row, one transaction for the group
        held = set()
        for row_id, at in entries:
            query = update(TABLE).where(TABLE.c.id == row_id, TABLE.c.status == "claimed",
                                        TABLE.c.claimed_by == worker)
            if expired_before is not None:
                query = query.where(TABLE.c.lease_until < expired_before)
            result = conn.execute(query.values(status="sent", sent_at=at, lease_until=None, last_error=None))
            if result.rowcount == 1:
                held.add(row_id)
    conn.commit()
    return held


def renew(ids: list[int], worker: str, until: dt.datetime, conn: Connection) -> set[int]:
    """Extend the lease on rows this worker still holds; returns those ids (the others were lost)."""
    return renew_rows(TABLE, ids, worker, until, conn)


def release(conn: Connection, workers: list[str], ids: list[int] | None = None) -> int:
    """Give claimed rows back, pending and due at once: the claim's attempt did not happen. Commits."""
    return release_rows(TABLE, conn, workers, ids, status="pending")


def dead_local_claimers(conn: Connection, me: str) -> list[str]:
    """Dispatchers on this host whose process is gone (kill -9, OOM): their rows need not wait for the lease."""
    return _dead_local_claimers(TABLE, conn, me)
