"""The reminders' part of the `planner scheduler` process (planner/scheduler.py): the dispatcher job.

Several scheduler processes may run side by side against PostgreSQL: the claim with a lease
keeps them from sending anything twice. On SIGTERM/SIGINT (planner/scheduler.py sets
`dispatcher.stop`) the dispatcher finishes the message in flight and gives the rest of its batch
back, due at once for the next process.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any

from flask import Flask
from sqlalchemy.exc import IntegrityError, OperationalError

from planner.db import db, utcnow
from planner.reminders.dispatch import Dispatcher
from planner.reminders.sync import sync_all

log = logging.getLogger("planner.reminders")


class DispatchJob:
    """One tick: now and then re-plan every event, then drain what is due."""

    def __init__(self, app: Flask, echo: Any = print) -> None:
        self.app = app
        self.echo = echo
        self.idle = threading.Event()  # set while no tick runs (a stopping scheduler waits for it)
        self.idle.set()
        self.resync_every = dt.timedelta(hours=float(app.config.get("REMINDER_RESYNC_HOURS", 6)))
        self.last_resync: dt.datetime | None = None
        with app.app_context():
            self.dispatcher = Dispatcher()

    def __call__(self) -> None:
        if self.dispatcher.stop.is_set():
            return
        self.idle.clear()
        with self.app.app_context():
            try:
                self.resync_if_due()
                stats = self.dispatcher.run()
                if stats.claimed:
                    self.echo(f"{utcnow():%Y-%m-%d %H:%M:%S}Z {self.dispatcher.worker}: {stats}")
            except OperationalError as exc:  # database away: try again next tick (the dispatcher gave its rows back)
                log.warning("dispatcher: database error: %s", exc)
            except Exception:  # anything else this tick: logged, rows given back, the next tick runs
                log.exception("dispatcher: unexpected error")
            finally:
                db.session.remove()
                self.idle.set()

    def resync_if_due(self) -> None:
        now = utcnow()
        if self.resync_every <= dt.timedelta(0):
            return
        if self.last_resync is not None and now - self.last_resync < self.resync_every:
            return
        try:
            sync_all(now)
            db.session.commit()
        except IntegrityError:  # another scheduler planned the same rows first
            db.session.rollback()
        self.last_resync = now


def where(url: str) -> str:
    """The SMTP server without its password, for the start-up line."""
    from planner.reminders.smtp import parse_smtp_url

    settings = parse_smtp_url(url)
    return f"{'smtps' if settings.tls else 'smtp'}://{settings.host}:{settings.port}"
