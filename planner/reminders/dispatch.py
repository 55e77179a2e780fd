"""The dispatcher: claim due rows, send each over one SMTP connection per batch, record the outcome.

Each outcome is committed right after its message, so a crash loses nothing and repeats at most
the one message in flight (with the same Message-ID). Any failure of one message (its address,
its building, its sending) is recorded on its own row and the batch goes on. 4xx, connection
errors and unexpected exceptions retry with exponential backoff up to REMINDER_MAX_ATTEMPTS;
an undeliverable address fails at once; 5xx fails for good and shows in the admin list; a reminder whose event
has begun expires instead of arriving late.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parseaddr

from flask import current_app
from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from planner.db import db, utcnow
from planner.models import Event, ReminderDelivery
from planner.reminders import smtp
from planner.reminders.addresses import BadAddress, check_address
from planner.reminders.claim import claim, finish, renew, worker_name
from planner.reminders.digest import digest_items
from planner.reminders.message import digest_message, reminder_message
from planner.reminders.planning import begins_at

log = logging.getLogger("planner.reminders")
MAX_RECONNECTS = 3  # per batch, after a message broke the SMTP connection


@dataclass
class Stats:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    expired: int = 0
    cancelled: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Stats) -> None:
        for name in ("claimed", "sent", "retried", "failed", "expired", "cancelled"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def __str__(self) -> str:
        return (f"claimed {self.claimed}, sent {self.sent}, retry later {self.retried}, failed {self.failed}, "
                f"expired {self.expired}, cancelled {self.cancelled}")


@dataclass
class Dispatcher:
    """Settings read once from the app config; `run(now)` drains everything due."""

    worker: str = field(default_factory=worker_name)
    clock: Callable[[], dt.datetime] = utcnow
    conn: Connection | None = None

    def __post_init__(self) -> None:
        config = current_app.config
        self.smtp = smtp.parse_smtp_url(config["SMTP_URL"])
        self.sender = parseaddr(config["MAIL_FROM"])[1] or "planner@localhost"
        self.batch_size = int(config.get("REMINDER_BATCH_SIZE", 50))
        self.lease = dt.timedelta(seconds=float(config.get("REMINDER_LEASE_SECONDS", 300)))
        self.retry_base = float(config.get("REMINDER_RETRY_BASE_SECONDS", 60))
        self.retry_max = float(config.get("REMINDER_RETRY_MAX_SECONDS", 6 * 3600))
        self.max_attempts = int(config.get("REMINDER_MAX_ATTEMPTS", 10))

    def run(self, now: dt.datetime | None = None, max_batches: int | None = None) -> Stats:
        total = Stats()
        batches = 0
        while max_batches is None or batches < max_batches:
            at = now or self.clock()
            claimed = time.monotonic()
            ids = claim(at, self.worker, self.batch_size, self.lease)
            if not ids:
                break
            batches += 1
            stats = self.send_batch(ids, at, claimed)
            total.add(stats)
            if stats.sent == 0 and stats.retried and not (stats.failed or stats.expired or stats.cancelled):
                break  # the server is away: leave the rest for the next run
        return total

    def send_batch(self, ids: list[int], now: dt.datetime, claimed: float | None = None) -> Stats:
        """One database connection and one SMTP connection for the whole batch.

        `claimed` is when the lease began (time.monotonic()): renewal counts from the claim, not from
        the end of preparing and connecting, which may already have used much of the lease.
        """
        with db.engine.connect() as self.conn:
            return self._send_batch(ids, now, time.monotonic() if claimed is None else claimed)

    def _send_batch(self, ids: list[int], now: dt.datetime, claimed: float) -> Stats:
        stats = Stats(claimed=len(ids))
        outbox = self.prepare(ids, now, stats)
        db.session.commit()  # end the read; nothing ORM-side is touched while sending
        if not outbox:
            return stats
        try:
            conn: smtplib.SMTP | None = smtp.connect(self.smtp)
        except (OSError, smtplib.SMTPException) as exc:
            error = f"SMTP-servern svarar inte: {exc}"
            for row_id, attempts, _recipient, _msg in outbox:
                self.retry(row_id, attempts, now, error, stats)
            return stats
        started = renewed = claimed
        held = {item[0] for item in outbox}
        reconnects = 0
        try:
            for index, (row_id, attempts, recipient, msg) in enumerate(outbox):
                if time.monotonic() - renewed > self.lease.total_seconds() / 3:
                    # A slow batch keeps its lease, so no other dispatcher takes these rows meanwhile.
                    at = now + dt.timedelta(seconds=time.monotonic() - started)
                    held = renew([item[0] for item in outbox[index:]], self.worker, at + self.lease, self.conn)
                    renewed = time.monotonic()
                if row_id not in held:
                    log.warning("delivery %s: lease lost to another dispatcher; not sending", row_id)
                    continue
                if conn is None and reconnects < MAX_RECONNECTS:
                    reconnects += 1
                    conn = self._reconnect()
                if conn is None:
                    self.retry(row_id, attempts, now, "anslutningen till SMTP-servern bröts", stats)
                    continue
                outcome = smtp.send(conn, msg, self.sender, recipient)
                if outcome.status == "sent":
                    sent_at = now + dt.timedelta(seconds=time.monotonic() - started)
                    if self.settle(row_id, status="sent", sent_at=sent_at, lease_until=None, last_error=None):
                        stats.sent += 1
                    else:
                        log.warning("delivery %s was sent after its lease ran out", row_id)
                elif outcome.status == "failed":
                    self.settle(row_id, status="failed", lease_until=None, last_error=outcome.error)
                    stats.failed += 1
                    stats.errors.append(f"{recipient}: {outcome.error}")
                else:  # retry / error / disconnected: counted, and failed after max_attempts
                    self.retry(row_id, attempts, now, outcome.error or "", stats)
                    if outcome.status == "error":
                        stats.errors.append(f"{recipient}: {outcome.error}")
                    if outcome.status == "disconnected":
                        self._close(conn)
                        conn = None
        finally:
            if conn is not None:
                try:
                    conn.quit()
                except (OSError, smtplib.SMTPException):
                    conn.close()
        return stats

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

    def prepare(self, ids: list[int], now: dt.datetime,
                stats: Stats) -> list[tuple[int, int, str, Message]]:
        """Build every message of the batch first; rows that should not go are settled here."""
        rows = db.session.scalars(
            select(ReminderDelivery).where(ReminderDelivery.id.in_(ids)).order_by(ReminderDelivery.due_at)
            .options(selectinload(ReminderDelivery.subscriber),
                     selectinload(ReminderDelivery.event).selectinload(Event.organization),
                     selectinload(ReminderDelivery.event).selectinload(Event.body))).all()
        outbox = []
        for row in rows:
            try:
                item = self.prepare_one(row, now, stats)
            except SQLAlchemyError:
                raise  # the database is away: the scheduler tries the whole batch again
            except Exception as exc:  # a broken template or row must not block the rest
                log.exception("could not build delivery %s", row.id)
                error = f"kunde inte skapas: {type(exc).__name__}: {exc}"
                self.retry(row.id, row.attempts, now, error, stats)
                stats.errors.append(f"{row.recipient!r}: {error}")
                continue
            if item is not None:
                outbox.append(item)
        return outbox

    def prepare_one(self, row: ReminderDelivery, now: dt.datetime,
                    stats: Stats) -> tuple[int, int, str, Message] | None:
        """The message for one row, or None when the row was settled without one."""
        verdict = self.verdict(row, now)
        if verdict is not None:
            status, reason = verdict
            self.settle(row.id, status=status, lease_until=None, last_error=reason)
            setattr(stats, status, getattr(stats, status) + 1)
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
            msg = digest_message(row, items, now, to=recipient)
        else:
            msg = reminder_message(row, row.event, now, to=recipient)
        return row.id, row.attempts, recipient, msg

    @staticmethod
    def verdict(row: ReminderDelivery, now: dt.datetime) -> tuple[str, str] | None:
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
        return finish(row_id, self.worker, self.conn, **values)

    def retry(self, row_id: int, attempts: int, now: dt.datetime, error: str, stats: Stats) -> None:
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
