"""The `planner scheduler` process: APScheduler 3 running the reminders dispatcher and the import jobs.

Only this command starts a scheduler; the web app never does, so gunicorn workers and the
Flask reloader cannot start a second one. Each job has its own thread, so a long OCR never
delays a reminder; both take their rows with a lease, so several processes may run side by side.

SIGTERM/SIGINT stop the process within STOP_SECONDS (well inside systemd's 90 s): the dispatcher
finishes the message in flight and gives the rest of its batch back; an import gives its job back
at the next page (queued again, for the next scheduler). Whatever is still running after
STOP_SECONDS (a page that takes long to OCR, an SMTP server that does not answer) has its rows
given back from the stopping thread, and the process exits without waiting for it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import sys
import time
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from planner.imports.runner import ImportTick
from planner.reminders.scheduler import DispatchJob, where

log = logging.getLogger("planner.scheduler")
STOP_SECONDS = 5.0


def build_scheduler(app: Flask, echo: Any = print, job: DispatchJob | None = None,
                    imports: ImportTick | None = None) -> BlockingScheduler:
    interval = float(app.config.get("SCHEDULER_INTERVAL_SECONDS", 30))
    poll = float(app.config.get("IMPORT_POLL_SECONDS", 2))
    scheduler = BlockingScheduler(
        timezone=dt.UTC,
        jobstores={"default": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(2)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
    )
    now = dt.datetime.now(dt.UTC)
    # First run at once: reminders missed while everything was down go out on start, and an
    # import its predecessor left half done is taken up again.
    scheduler.add_job(job or DispatchJob(app, echo), "interval", seconds=interval, id="dispatch",
                      next_run_time=now, replace_existing=True)
    scheduler.add_job(imports or ImportTick(app, echo), "interval", seconds=poll, id="imports",
                      next_run_time=now, replace_existing=True)
    return scheduler


def run_scheduler(app: Flask, echo: Any = print) -> None:
    job = DispatchJob(app, echo)
    imports = ImportTick(app, echo)
    scheduler = build_scheduler(app, echo, job, imports)
    stopping: list[float] = []

    def stop(signum: int, frame: Any) -> None:
        if not stopping:
            stopping.append(time.monotonic())
        job.dispatcher.stop.set()  # the running batch stops after its message in flight
        imports.runner.stop.set()  # the running import stops at its next page
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    echo(f"planner scheduler: dispatching every {app.config.get('SCHEDULER_INTERVAL_SECONDS', 30)} s "
         f"via {where(app.config['SMTP_URL'])}, reading uploads every {app.config.get('IMPORT_POLL_SECONDS', 2)} s")
    scheduler.start()  # returns once stop() has shut it down
    if stopping:
        finish(app, job, imports, stopping[0] + float(app.config.get("STOP_SECONDS", STOP_SECONDS)))


def finish(app: Flask, job: DispatchJob, imports: ImportTick, deadline: float) -> None:
    """Wait for the jobs in flight until `deadline`; then give back what they still hold, and exit.

    The exit skips the interpreter's teardown, which waits for the job threads (not daemons) and
    on a loaded machine takes seconds of its own: nothing is left to clean up by then.
    """
    for tick in (job, imports):
        tick.idle.wait(max(deadline - time.monotonic(), 0))
    if not (job.idle.is_set() and imports.idle.is_set()):
        with app.app_context():
            if not imports.idle.is_set() and imports.runner.release():
                log.warning("stopping: the import in flight was given back")
            if not job.idle.is_set():
                job.dispatcher.release_own()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
