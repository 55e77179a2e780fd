"""The dispatcher: claim due rows, send each over one SMTP connection per batch, record the outcome.

Every "sent" is written to the dispatcher's journal (a local file, planner/reminders/journal.py)
right after the server's 250, and recorded in the database for a group of up to
REMINDER_RECORD_EVERY (50) rows in one statement, at least every REMINDER_RECORD_SECONDS (1 s), before
a lease is renewed and at the end of the batch. So a crash loses nothing and repeats at most the one
message in flight (with the same Message-ID): whoever takes the rows over on this host reads the
journal first. Other outcomes (retry, failed, expired) are rare and committed one by one. On
PostgreSQL nothing waits for the disk (synchronous_commit off on the batch's connection): only a
crash of the database server or the machine could forget the last fraction of a second of outcomes
(those messages would go again, same Message-ID). REMINDER_RECORD_EVERY=1 (or an instance folder
that cannot be written): one autocommitted UPDATE per sent message instead, handed to the server
while the next message goes (planner/reminders/ahead.py).

Speed comes from not waiting: with a server that offers PIPELINING a message costs one SMTP
round trip, not four (planner/reminders/smtp.py, Pipeline), and a sent message costs the database
nothing until its group is recorded.

Any failure of one message (its address, its building, its sending) is recorded on its own row and
the batch goes on. 4xx, connection errors and unexpected exceptions retry with exponential backoff
up to REMINDER_MAX_ATTEMPTS; an undeliverable address fails at once; 5xx fails for good and shows in
the admin list; a reminder whose event has begun expires instead of arriving late.

Recovery: rows are given back (due at once) when the dispatcher survives an error mid-batch and when
it is asked to stop (SIGTERM: the message in flight finishes, the rest go back); rows claimed by a
dead process on this host are taken back when a dispatcher starts a run; otherwise a lease
(REMINDER_LEASE_SECONDS, 60) renewed during long batches bounds the wait.

`run(now)` with `now` ahead of the clock is the README's fast-forward: rows due by then are sent,
but leases, backoff and expiry keep to the real clock, so real rows are never held or expired early.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parseaddr

from flask import current_app
from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from planner.db import db, utcnow
from planner.leases import local_worker_alive
from planner.models import Event, ReminderDelivery
from planner.reminders import journal as journals
from planner.reminders import smtp
from planner.reminders.addresses import BadAddress, check_address
from planner.reminders.ahead import Ahead
from planner.reminders.claim import claim, dead_local_claimers, finish, record_sent, release, renew, worker_name
from planner.reminders.digest import digest_items
from planner.reminders.journal import Journal
from planner.reminders.message import derived_key, digest_message, reminder_bytes, reminder_parts
from planner.reminders.planning import begins_at
from planner.reminders.wire import Parts

log = logging.getLogger("planner.reminders")
MAX_RECONNECTS = 3  # per batch, after a message broke the SMTP connection
COUNTS = ("claimed", "sent", "retried", "failed", "expired", "superseded", "cancelled", "released")


@dataclass
class Stats:
    """claimed = sent + retried + failed + expired + superseded + cancelled + released."""

    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    expired: int = 0  # late: the event had begun
    superseded: int = 0  # a later reminder of the same occurrence went instead
    cancelled: int = 0
    released: int = 0  # given back unsent (stop, or not due at the real time yet)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Stats) -> None:
        for name in COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def __str__(self) -> str:
        text = (f"claimed {self.claimed}, sent {self.sent}, retry later {self.retried}, failed {self.failed}, "
                f"expired {self.expired + self.superseded} (late {self.expired}, superseded {self.superseded}), "
                f"cancelled {self.cancelled}")
        return text + (f", given back {self.released}" if self.released else "")


@dataclass
class Outgoing:
    row_id: int
    attempts: int
    recipient: str
    data: bytes


@dataclass
class Dispatcher:
    """Settings read once from the app config; `run(now)` drains everything due.

    `clock` is the real time (leases, backoff, expiry); tests may give a fixed one.
    """

    worker: str = field(default_factory=worker_name)
    clock: Callable[[], dt.datetime] = utcnow
    conn: Connection | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    given_back: set[int] = field(default_factory=set)  # rows a fast-forward left for the real clock
    ahead: Ahead | None = None  # without a journal, PostgreSQL: the "sent" UPDATE in flight while the next goes
    journal: Journal | None = None  # sent rows not yet recorded in the database

    @property
    def batch_conn(self) -> Connection:
        """The connection send_batch opened: what the steps of one batch give back and renew rows on."""
        if self.conn is None:
            raise RuntimeError("no batch is being sent: only send_batch's steps use its connection")
        return self.conn

    def __post_init__(self) -> None:
        config = current_app.config
        self.smtp = smtp.parse_smtp_url(config["SMTP_URL"])
        self.sender = parseaddr(config["MAIL_FROM"])[1] or "planner@localhost"
        self.batch_size = int(config.get("REMINDER_BATCH_SIZE", 100))
        self.lease = dt.timedelta(seconds=float(config.get("REMINDER_LEASE_SECONDS", 60)))
        self.retry_base = float(config.get("REMINDER_RETRY_BASE_SECONDS", 60))
        self.retry_max = float(config.get("REMINDER_RETRY_MAX_SECONDS", 6 * 3600))
        self.max_attempts = int(config.get("REMINDER_MAX_ATTEMPTS", 10))
        self.record_every = int(config.get("REMINDER_RECORD_EVERY", 50))
        self.record_seconds = float(config.get("REMINDER_RECORD_SECONDS", 1.0))
        self.recorded_at = time.monotonic()
        self.instance_path = current_app.instance_path
        if self.record_every > 1:
            self.journal = Journal.for_worker(self.instance_path, self.worker)

    def run(self, now: dt.datetime | None = None, max_batches: int | None = None) -> Stats:
        total = Stats()
        if self.journal is not None and self.journal.pending and not self.record_own():
            return total  # the database is still away: nothing new until this run's sent rows are recorded
        self.reclaim_dead()
        self.given_back = set()
        batches = 0
        while not self.stop.is_set() and (max_batches is None or batches < max_batches):
            real = self.clock()
            at = now or real
            claimed = time.monotonic()
            got = claim(at, self.worker, self.batch_size, self.lease, real, exclude=self.given_back)
            total.superseded += got.superseded
            total.claimed += got.superseded  # taken by the claim, settled there: the counts add up
            if not got.ids:
                break
            batches += 1
            try:
                stats = self.send_batch(got.ids, at, claimed, real)
            except BaseException:
                self.release_own()
                raise
            total.add(stats)
            if self.stop.is_set() or (stats.sent == 0 and stats.retried and not (
                    stats.failed or stats.expired or stats.cancelled)):
                break  # asked to stop, or the server is away: leave the rest
        return total

    def reclaim_dead(self) -> int:
        """Rows claimed by a process on this host that no longer exists are due again at once.

        What its journal says was sent is recorded first, so it is not sent again; the journal of
        a live dispatcher counts only for rows whose lease ran out (the database was away longer).
        """
        try:
            with db.engine.connect() as conn:
                self.recover_journals(conn)
                dead = dead_local_claimers(conn, self.worker)
                count = release(conn, dead)
        except SQLAlchemyError as exc:
            log.warning("could not take back rows of dead dispatchers: %s", exc)
            return 0
        if count:
            log.warning("took back %d rows claimed by %s (process gone)", count, ", ".join(dead))
        return count

    def recover_journals(self, conn: Connection) -> None:
        for worker, path in journals.others(self.instance_path, self.worker).items():
            alive = local_worker_alive(worker)
            entries = journals.read(path)
            held = record_sent(conn, worker, entries, expired_before=self.clock() if alive else None)
            if held:
                log.warning("recorded %d rows as sent from the journal of %s", len(held), worker)
            if not alive:
                path.unlink(missing_ok=True)

    def record_own(self) -> bool:
        """This dispatcher's sent rows not yet in the database, on a connection of their own."""
        if self.journal is None or not self.journal.pending:
            return True
        try:
            with db.engine.connect() as conn:
                record_sent(conn, self.worker, self.journal.pending)
        except SQLAlchemyError as exc:
            log.warning("could not record sent rows (they stay in the journal): %s", exc)
            return False
        self.journal.recorded()
        return True

    def release_own(self) -> int:
        """After an error this dispatcher survives: its claimed rows go back at once, not after the lease.

        Its sent rows are recorded first; if that fails nothing is given back (the lease, then the
        journal, sees to them), since a row given back unrecorded would be sent again.
        """
        if not self.record_own():
            return 0
        try:
            with db.engine.connect() as conn:
                return release(conn, [self.worker])
        except SQLAlchemyError as exc:  # the database is away: the lease will free them
            log.warning("could not give back claimed rows: %s", exc)
            return 0

    def send_batch(self, ids: list[int], now: dt.datetime, claimed: float | None = None,
                   real: dt.datetime | None = None) -> Stats:
        """One database connection and one SMTP connection for the whole batch.

        `claimed` is when the lease began (time.monotonic()): renewal counts from the claim, not from
        the end of preparing and connecting, which may already have used much of the lease.
        """
        with db.engine.connect() as self.conn:
            quick = self.conn.dialect.name == "postgresql"
            if quick:  # one round trip per outcome, not waiting for the disk (see the module docstring)
                self.conn.execution_options(isolation_level="AUTOCOMMIT")
                self.conn.exec_driver_sql("SET synchronous_commit TO off")
            self.ahead = (Ahead(self.conn, self.worker)
                          if self.journal is None and quick and Ahead.usable(self.conn) else None)
            try:
                return self._send_batch(ids, now, time.monotonic() if claimed is None else claimed,
                                        real or self.clock())
            finally:
                self.ahead = None
                if quick and not self.conn.closed and not self.conn.invalidated:
                    try:
                        self.conn.exec_driver_sql("RESET synchronous_commit")
                    except SQLAlchemyError:
                        self.conn.invalidate()

    def _send_batch(self, ids: list[int], now: dt.datetime, claimed: float, real: dt.datetime) -> Stats:
        stats = Stats(claimed=len(ids))
        outbox = self.prepare(ids, now, real, stats)
        db.session.commit()  # end the read; nothing ORM-side is touched while sending
        if not outbox:
            return stats
        if self.stop.is_set():
            stats.released += release(self.batch_conn, [self.worker], [item.row_id for item in outbox])
            return stats
        try:
            conn: smtplib.SMTP | None = smtp.connect(self.smtp)
        except (OSError, smtplib.SMTPException) as exc:
            error = f"SMTP-servern svarar inte: {exc}"
            for item in outbox:
                self.retry(item.row_id, item.attempts, real, error, stats)
            return stats
        started = renewed = claimed
        held = {item.row_id for item in outbox}
        reconnects = 0
        pipe = self._pipeline(conn)
        try:
            for index, item in enumerate(outbox):
                if self.stop.is_set():  # SIGTERM: the one in flight is done; the rest go back now
                    self.drain()
                    stats.released += release(self.batch_conn, [self.worker], [i.row_id for i in outbox[index:]])
                    break
                if time.monotonic() - renewed > self.lease.total_seconds() / 3:
                    # A slow batch keeps its lease, so no other dispatcher takes these rows meanwhile.
                    self.drain()
                    self.record(stats)  # sent rows are recorded before any lease could run out
                    at = real + dt.timedelta(seconds=time.monotonic() - started)
                    held = renew([i.row_id for i in outbox[index:]], self.worker, at + self.lease, self.batch_conn)
                    renewed = time.monotonic()
                if item.row_id not in held:
                    log.warning("delivery %s: lease lost to another dispatcher; not sending", item.row_id)
                    if pipe is not None and pipe.staged is not None:  # its envelope went ahead: start afresh
                        pipe.close()
                        conn = pipe = None
                    continue
                if conn is None and reconnects < MAX_RECONNECTS:
                    reconnects += 1
                    conn = self._reconnect()
                    pipe = self._pipeline(conn)
                if conn is None:
                    self.retry(item.row_id, item.attempts, real, "anslutningen till SMTP-servern bröts", stats)
                    continue
                if pipe is not None and smtp.can_pipeline(conn, self.sender, item.recipient):
                    outcome = pipe.send(item.data, item.recipient, self._following(conn, outbox, index),
                                        before_end=self.drain)
                else:
                    self.drain()
                    outcome = smtp.send(conn, item.data, self.sender, item.recipient)
                if outcome.status == "sent":
                    sent_at = now + dt.timedelta(seconds=time.monotonic() - started)
                    if self.journal is not None:
                        self.journal.add(item.row_id, sent_at)
                        if (len(self.journal.pending) >= self.record_every
                                or time.monotonic() - self.recorded_at > self.record_seconds):
                            self.record(stats)
                    elif self.ahead is not None:
                        self.ahead.sent(item.row_id, sent_at, self._counter(item.row_id, stats))
                    else:
                        self._counter(item.row_id, stats)(self.settle(
                            item.row_id, status="sent", sent_at=sent_at, lease_until=None, last_error=None))
                elif outcome.status == "failed":
                    self.settle(item.row_id, status="failed", lease_until=None, last_error=outcome.error)
                    stats.failed += 1
                    stats.errors.append(f"{item.recipient}: {outcome.error}")
                else:  # retry / error / disconnected: counted, and failed after max_attempts
                    self.retry(item.row_id, item.attempts, real, outcome.error or "", stats)
                    if outcome.status == "error":
                        stats.errors.append(f"{item.recipient}: {outcome.error}")
                    if outcome.status == "disconnected":
                        self._close(conn)
                        conn = pipe = None
            self.record(stats)
        finally:
            if pipe is not None:
                pipe.close()
            elif conn is not None:
                try:
                    conn.quit()
                except (OSError, smtplib.SMTPException):
                    conn.close()
            self.drain()
        return stats

    def record(self, stats: Stats) -> None:
        """The journal's sent rows into the database, one statement for the group."""
        self.recorded_at = time.monotonic()
        if self.journal is None or not self.journal.pending:
            return
        self.drain()
        entries = self.journal.pending
        held = record_sent(self.batch_conn, self.worker, entries)
        stats.sent += len(held)
        for row_id, _ in entries:
            if row_id not in held:
                log.warning("delivery %s was sent after its lease ran out", row_id)
        self.journal.recorded()

    def drain(self) -> None:
        """The "sent" UPDATE in flight is answered before the connection does anything else."""
        if self.ahead is not None:
            self.ahead.drain()

    @staticmethod
    def _counter(row_id: int, stats: Stats) -> Callable[[bool], None]:
        def done(held: bool) -> None:
            if held:
                stats.sent += 1
            else:
                log.warning("delivery %s was sent after its lease ran out", row_id)
        return done

    def _pipeline(self, conn: smtplib.SMTP | None) -> smtp.Pipeline | None:
        return smtp.Pipeline(conn, self.sender) if conn is not None and conn.has_extn("pipelining") else None

    def _following(self, conn: smtplib.SMTP, outbox: list[Outgoing], index: int) -> str | None:
        """The next recipient, whose envelope may go ahead with this message's content (not when stopping)."""
        if index + 1 >= len(outbox) or self.stop.is_set():
            return None
        recipient = outbox[index + 1].recipient
        return recipient if smtp.can_pipeline(conn, self.sender, recipient) else None

    def _reconnect(self) -> smtplib.SMTP | None:
        """After one message broke the connection, the rest of the batch gets a fresh one."""
        try:
            return smtp.connect(self.smtp)
        except (OSError, smtplib.SMTPException) as exc:
            log.warning("SMTP reconnect failed: %s", exc)
            return None

    @staticmethod
    def _close(conn: smtplib.SMTP) -> None:
        try:
            conn.close()
        except OSError:
            pass

    def prepare(self, ids: list[int], now: dt.datetime, real: dt.datetime, stats: Stats) -> list[Outgoing]:
        """Build every message of the batch first; rows that should not go are settled here.

        The text, HTML and .ics of one occurrence are built once for all its recipients.
        """
        rows = db.session.scalars(
            select(ReminderDelivery).where(ReminderDelivery.id.in_(ids)).order_by(ReminderDelivery.due_at)
            .options(selectinload(ReminderDelivery.subscriber),
                     selectinload(ReminderDelivery.event).selectinload(Event.organization),
                     selectinload(ReminderDelivery.event).selectinload(Event.body))).all()
        shared: dict[tuple[object, ...], Parts] = {}
        outbox = []
        for row in rows:
            try:
                item = self.prepare_one(row, now, real, stats, shared)
            except SQLAlchemyError:
                raise  # the database is away: the scheduler tries the whole batch again
            except Exception as exc:  # a broken template or row must not block the rest
                log.exception("could not build delivery %s", row.id)
                error = f"kunde inte skapas: {type(exc).__name__}: {exc}"
                self.retry(row.id, row.attempts, real, error, stats)
                stats.errors.append(f"{row.recipient!r}: {error}")
                continue
            if item is not None:
                outbox.append(item)
        return outbox

    def prepare_one(self, row: ReminderDelivery, now: dt.datetime, real: dt.datetime, stats: Stats,
                    shared: dict[tuple[object, ...], Parts]) -> Outgoing | None:
        """The message for one row, or None when the row was settled (or given back) without one."""
        verdict = self.verdict(row, real)
        if verdict is not None:
            status, reason = verdict
            self.settle(row.id, status=status, lease_until=None, last_error=reason)
            setattr(stats, status, getattr(stats, status) + 1)
            return None
        if now > real and row.kind != "digest" and begins_at(row.occurrence) <= now:
            # Fast-forward past its start: not sent, and not expired either, since for real it is still ahead.
            stats.released += release(self.batch_conn, [self.worker], [row.id])
            self.given_back.add(row.id)
            return None
        try:
            recipient = check_address(row.recipient)
        except BadAddress as exc:  # stored before addresses were checked at entry: never deliverable
            self.settle(row.id, status="failed", lease_until=None, last_error=f"ogiltig adress: {exc}")
            stats.failed += 1
            stats.errors.append(f"{row.recipient!r}: {exc}")
            return None
        if row.kind == "digest":
            items = digest_items(row.subscriber, dt.date.fromisoformat(row.occurrence))
            if not items:
                self.settle(row.id, status="cancelled", lease_until=None,
                            last_error="inga händelser de kommande två veckorna")
                stats.cancelled += 1
                return None
            data = digest_message(row, items, now, to=recipient).as_bytes(policy=smtp.WIRE)
        else:
            key = (row.event_id, row.occurrence, row.kind, row.subscriber is not None, derived_key(row.lead))
            parts = shared.get(key)
            if parts is None:
                parts = shared[key] = reminder_parts(row.event, row.occurrence, row.kind, now, key[3], row.lead)
            data = reminder_bytes(row, parts, to=recipient)
        return Outgoing(row.id, row.attempts, recipient, data)

    @staticmethod
    def verdict(row: ReminderDelivery, now: dt.datetime) -> tuple[str, str] | None:
        """Rows that should not go, judged at the real time `now`."""
        if row.kind == "digest":
            if row.subscriber is None or not row.subscriber.active or not row.subscriber.weekly_digest:
                return "cancelled", "prenumerationen är avslutad"
            if now - row.due_at > dt.timedelta(days=1):
                return "expired", "veckobrevet blev för gammalt"
            return None
        if row.event is None:
            return "cancelled", "händelsen finns inte längre"
        if begins_at(row.occurrence) <= now:
            return "expired", "händelsen hade redan börjat"
        if row.kind == "reminder" and (row.event.status == "cancelled"
                                       or (row.subscriber is not None and row.subscriber.unsubscribed_at)):
            return "cancelled", "inställd eller avregistrerad"
        return None

    def settle(self, row_id: int, **values: object) -> bool:
        self.drain()
        return finish(row_id, self.worker, self.conn, **values)

    def retry(self, row_id: int, attempts: int, now: dt.datetime, error: str, stats: Stats) -> None:
        """Backoff from the real time `now`."""
        if attempts >= self.max_attempts:
            self.settle(row_id, status="failed", lease_until=None,
                        last_error=f"gav upp efter {attempts} försök: {error}")
            stats.failed += 1
            return
        delay = min(self.retry_base * 2 ** max(attempts - 1, 0), self.retry_max)
        self.settle(row_id, status="pending", lease_until=None, claimed_by=None, last_error=error,
                    next_attempt_at=now + dt.timedelta(seconds=delay))
        stats.retried += 1


def send_due(now: dt.datetime | None = None) -> Stats:
    """Send everything due at `now` (default: the real time). Needs an app context."""
    return Dispatcher().run(now)
