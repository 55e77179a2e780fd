"""The `planner scheduler` process: APScheduler 3 running one dispatcher job.

Only this command starts a scheduler; the web app never does, so gunicorn workers and the
Flask reloader cannot start a second one. Several of these processes may run side by side
against PostgreSQL: the claim with a lease keeps them from sending anything twice.

SIGTERM/SIGINT stop it within one message: the dispatcher finishes the message in flight, gives
the rest of its batch back (due at once for the next process) and the process exits.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
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
        self.resync_every = dt.timedelta(hours=float(app.config.get("REMINDER_RESYNC_HOURS", 6)))
        self.last_resync: dt.datetime | None = None
        with app.app_context():
            self.dispatcher = Dispatcher()

    def __call__(self) -> None:
        if self.dispatcher.stop.is_set():
            return
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


def build_scheduler(app: Flask, echo: Any = print, job: DispatchJob | None = None) -> BlockingScheduler:
    interval = float(app.config.get("SCHEDULER_INTERVAL_SECONDS", 30))
    scheduler = BlockingScheduler(
        timezone=dt.UTC,
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    # First run at once: reminders missed while everything was down go out on start.
    scheduler.add_job(job or DispatchJob(app, echo), "interval", seconds=interval, id="dispatch",
                      next_run_time=dt.datetime.now(dt.UTC), replace_existing=True)
    return scheduler


def run_scheduler(app: Flask, echo: Any = print) -> None:
    job = DispatchJob(app, echo)
    scheduler = build_scheduler(app, echo, job)

    def stop(signum: int, frame: Any) -> None:
        job.dispatcher.stop.set()  # the running batch stops after its message in flight
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    echo(f"planner scheduler: dispatching every {app.config.get('SCHEDULER_INTERVAL_SECONDS', 30)} s "
         f"via {_where(app.config['SMTP_URL'])}")
    scheduler.start()


def _where(url: str) -> str:
    """The SMTP server without its password, for the start-up line."""
    from planner.reminders.smtp import parse_smtp_url

    settings = parse_smtp_url(url)
    return f"{'smtps' if settings.tls else 'smtp'}://{settings.host}:{settings.port}"
