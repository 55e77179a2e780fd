"""Recording "sent" on PostgreSQL without waiting for the reply: the next message goes meanwhile.

A sent message is recorded by one UPDATE handed to the server (libpq's send, no wait); the
dispatcher sends the next message's envelope and content while the server runs it, and reads the
reply before that content's final dot (planner/reminders/smtp.py, Pipeline `before_end`) and
before any other database call. So at most one outcome is in flight, and never two messages are
accepted but unrecorded: a kill -9 or a lost database connection repeats at most one message
(same Message-ID), as when every outcome was waited for.
"""

from __future__ import annotations

import datetime as dt
import select
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from planner.models import ReminderDelivery

SENT = (f"UPDATE {ReminderDelivery.__tablename__} SET status = 'sent', sent_at = $1::timestamptz, "
        "lease_until = NULL, last_error = NULL WHERE id = $2::bigint AND status = 'claimed' AND claimed_by = $3")


class Ahead:
    """One "sent" UPDATE in flight on the batch's (autocommit) connection; `drain` before any other use."""

    def __init__(self, conn: Connection, worker: str) -> None:
        driver = conn.connection.driver_connection  # psycopg's connection; None only once it is closed
        if driver is None:
            raise ValueError("the batch's connection is closed")
        self.pg: Any = driver.pgconn
        self.worker = worker.encode()
        self.pending: tuple[int, Callable[[bool], None]] | None = None

    @staticmethod
    def usable(conn: Connection) -> bool:
        return conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"

    def sent(self, row_id: int, sent_at: dt.datetime, done: Callable[[bool], None]) -> None:
        """Hand over the UPDATE for `row_id`; `done(held)` is called once its reply is read."""
        self.drain()
        try:
            self.pg.send_query_params(SENT.encode(), [sent_at.astimezone(dt.UTC).isoformat().encode(),
                                                      str(row_id).encode(), self.worker])
            while self.pg.flush():
                select.select([], [self.pg.socket], [])
        except Exception as exc:  # the connection is gone: like any database error in the batch
            raise OperationalError(SENT, (row_id,), exc) from exc
        self.pending = (row_id, done)

    def drain(self) -> None:
        """Wait for the reply to the UPDATE in flight, if any."""
        if self.pending is None:
            return
        row_id, done = self.pending
        self.pending = None
        results = []
        try:
            while True:
                self.pg.consume_input()
                if not self.pg.is_busy():
                    break
                select.select([self.pg.socket], [], [])
            while (result := self.pg.get_result()) is not None:
                results.append(result)
        except Exception as exc:
            raise OperationalError(SENT, (row_id,), exc) from exc
        bad = [r for r in results if r.error_message]
        if bad or not results:
            message = bad[0].error_message.decode("utf-8", "replace") if bad else "no reply"
            raise OperationalError(SENT, (row_id,), Exception(message))
        done(results[-1].command_tuples == 1)
