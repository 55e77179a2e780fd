"""Running import jobs: claim one with a lease, read it page by page, store its proposals once.

Each page renews the lease and records progress; the proposals and the job's `done` are
committed in one transaction, and only by the worker that still holds the lease, so a job taken
over after its scheduler died is finished exactly once. A job whose scheduler died
IMPORT_JOB_MAX_ATTEMPTS times (a file that kills the reader) fails instead of looping.

Stopping (SIGTERM, planner/scheduler.py sets `stop`): the job in flight is given back at the next
page, queued again as if never taken, and the next scheduler reads it from the start. A job whose
scheduler died on this host (kill -9, OOM) is due again at the next claim, not after its lease;
that attempt counts, so a file that kills the reader still fails after IMPORT_JOB_MAX_ATTEMPTS.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from flask import Flask, current_app
from sqlalchemy import Connection, CursorResult, and_, or_, update

from planner.db import db, utcnow
from planner.ingest import IngestError, Limits, read_text
from planner.leases import claim_rows, dead_local_claimers, finish_row, renew_rows, worker_name
from planner.models import Document, ImportJob

log = logging.getLogger("planner.imports")
TABLE = ImportJob.__table__
PROGRESS_EVERY_SECONDS = 0.5


class LeaseLost(Exception):
    """Another scheduler took this job over (this one was too slow or presumed dead)."""


class Stopped(Exception):
    """The scheduler is stopping: the job in flight goes back to the queue."""


def gave_up(attempts: int) -> str:
    return (f"Inläsningen avbröts {attempts} gånger utan att bli klar (schemaläggaren stoppades mitt i). "
            "Försök igen, eller dela upp filen om det händer igen.")


@dataclass
class ImportRunner:
    """Settings read once from the app config; `run()` works through every queued job."""

    worker: str = field(default_factory=worker_name)
    clock: Callable[[], dt.datetime] = utcnow
    stop: threading.Event = field(default_factory=threading.Event)
    current: int | None = None  # the job being read

    def __post_init__(self) -> None:
        config = current_app.config
        self.lease = dt.timedelta(seconds=float(config.get("IMPORT_JOB_LEASE_SECONDS", 120)))
        self.max_attempts = int(config.get("IMPORT_JOB_MAX_ATTEMPTS", 3))
        self.max_proposals = int(config.get("MAX_PROPOSALS_PER_DOCUMENT", 300))

    def claim(self) -> int | None:
        now = self.clock()
        c = TABLE.c
        expired = and_(c.status == "claimed", c.lease_until < now)
        due = or_(c.status == "queued", and_(expired, c.attempts < self.max_attempts))

        def give_up_on_crashers(conn: Connection) -> None:
            dead = dead_local_claimers(TABLE, conn, self.worker)
            if dead:  # their leases end now: taken below like any expired one, the attempt counted
                conn.execute(update(TABLE).where(c.status == "claimed", c.claimed_by.in_(dead))
                             .values(lease_until=now - dt.timedelta(microseconds=1)))
                log.warning("import jobs of %s taken back (process gone)", ", ".join(dead))
            for job_id, attempts in conn.execute(db.select(c.id, c.attempts).where(
                    expired, c.attempts >= self.max_attempts)).all():
                conn.execute(update(TABLE).where(c.id == job_id).values(
                    status="failed", error=gave_up(attempts), lease_until=None, finished_at=now))

        ids = claim_rows(TABLE, due, [c.created_at, c.id], now, self.worker, 1, self.lease,
                         before=give_up_on_crashers)
        return ids[0] if ids else None

    def run(self, max_jobs: int | None = None) -> int:
        """Run queued jobs one after another until none is left; returns how many were run."""
        done = 0
        while (max_jobs is None or done < max_jobs) and not self.stop.is_set():
            job_id = self.claim()
            if job_id is None:
                break
            self.run_job(job_id)
            done += 1
        return done

    def run_job(self, job_id: int) -> None:
        self.current = job_id
        with db.engine.connect() as conn:
            try:
                self._run(job_id, conn)
            except Stopped:
                db.session.rollback()
                self.release(conn)
            except LeaseLost:
                db.session.rollback()
                log.warning("import job %s: taken over by another scheduler; leaving it", job_id)
            except IngestError as exc:
                db.session.rollback()
                self._fail(job_id, conn, f"Filen kunde inte läsas: {exc.swedish}.")
            except Exception as exc:  # one broken file never stops the scheduler
                db.session.rollback()
                log.exception("import job %s failed", job_id)
                self._fail(job_id, conn, f"Ett oväntat fel inträffade vid inläsningen ({exc.__class__.__name__}). "
                                         "Försök igen; händer det igen, kontakta den som driver Planner.")
            finally:
                self.current = None

    def release(self, conn: Connection | None = None) -> bool:
        """Give the job in flight back: queued, not counted as an attempt, read again from the start.

        Also called from the stopping thread when a page takes too long (planner/scheduler.py); the
        reading thread then finds its lease gone and leaves the job alone.
        """
        job_id = self.current
        if job_id is None:
            return False
        if conn is None:
            with db.engine.connect() as own:
                return self.release(own)
        c = TABLE.c
        result = conn.execute(update(TABLE).where(c.id == job_id, c.status == "claimed",
                                                  c.claimed_by == self.worker).values(
            status="queued", claimed_by=None, lease_until=None, attempts=c.attempts - 1, pages_done=0))
        conn.commit()
        if result.rowcount == 1:
            log.warning("import job %s given back: the scheduler is stopping", job_id)
        return result.rowcount == 1

    def _run(self, job_id: int, conn: Connection) -> None:
        from planner.extract import extract
        from planner.schedule.orgs import get_or_create_body
        from planner.schedule.proposals import fill_document

        job = db.session.get(ImportJob, job_id)
        if job is None:  # deleted with its document since the claim: nothing of it is ours any more
            raise LeaseLost(job_id)
        document: Document = job.document
        if not document.stored_path or not Path(document.stored_path).is_file():
            raise IngestError(f"{document.filename}: the stored file is missing",
                              "den uppladdade filen finns inte längre på servern; ladda upp den igen")
        name = document.filename
        db.session.commit()  # end the read: the session is idle while reading the file
        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            if self.stop.is_set():
                raise Stopped(job_id)
            if done < total and time.monotonic() - last < PROGRESS_EVERY_SECONDS:
                return
            last = time.monotonic()
            held = renew_rows(TABLE, [job_id], self.worker, self.clock() + self.lease, conn,
                              pages_done=done, pages_total=total)
            if not held:
                raise LeaseLost(job_id)

        text = read_text(Path(document.stored_path), Limits.from_config(current_app.config), progress)
        if self.stop.is_set():
            raise Stopped(job_id)
        result = extract(text, source=name)
        fresh = db.session.get(Document, document.id)
        if fresh is None:  # deleted while it was being read
            raise LeaseLost(job_id)
        document = fresh
        if document.body is None and result.get("body") and document.organization is not None:
            document.body = get_or_create_body(document.organization, result["body"])
        fill_document(document, text, result, self.max_proposals)
        c = TABLE.c
        # An UPDATE's result is a CursorResult (it has rowcount); Session.execute is typed for any statement.
        finished = cast(CursorResult[Any], db.session.execute(update(TABLE).where(
            c.id == job_id, c.status == "claimed", c.claimed_by == self.worker).values(
            status="done", lease_until=None, error=None, finished_at=self.clock())))
        if finished.rowcount != 1:
            raise LeaseLost(job_id)
        db.session.commit()

    def _fail(self, job_id: int, conn: Connection, message: str) -> None:
        if not finish_row(TABLE, job_id, self.worker, conn, status="failed", error=message, lease_until=None,
                          finished_at=self.clock()):
            log.warning("import job %s: failed after losing its lease: %s", job_id, message)


class ImportTick:
    """The scheduler's import job: every few seconds, run whatever uploads are waiting.

    `idle` is set while no tick runs, so a stopping scheduler can wait for the one in flight.
    """

    def __init__(self, app: Flask, echo: Callable[[str], object] = print) -> None:
        self.app = app
        self.echo = echo
        self.idle = threading.Event()
        self.idle.set()
        with app.app_context():
            self.runner = ImportRunner()

    def __call__(self) -> None:
        from sqlalchemy.exc import OperationalError

        if self.runner.stop.is_set():
            return
        self.idle.clear()
        with self.app.app_context():
            try:
                count = self.runner.run()
                if count:
                    self.echo(f"{utcnow():%Y-%m-%d %H:%M:%S}Z {self.runner.worker}: {count} import(s) read")
            except OperationalError as exc:  # database away: try again next tick
                log.warning("imports: database error: %s", exc)
            finally:
                db.session.remove()
                self.idle.set()
