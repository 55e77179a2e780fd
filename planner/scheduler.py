"""The `planner scheduler` process: APScheduler 3 running the reminders dispatcher and the import jobs.

Only this command starts a scheduler; the web app never does, so gunicorn workers and the
Flask reloader cannot start a second one. Each job has its own thread, so a long OCR never
delays a reminder; both take their rows with a lease, so several processes may run side by side.

SIGTERM/SIGINT stop the reminders within one message: the dispatcher finishes the message in
flight, gives the rest of its batch back (due at once for the next process) and the process exits.
"""

from __future__ import annotations

import datetime as dt
import signal
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.blocking import BlockingScheduler
from flask import Flask

from planner.imports.runner import ImportTick
from planner.reminders.scheduler import DispatchJob, where


def build_scheduler(app: Flask, echo: Any = print, job: DispatchJob | None = None) -> BlockingScheduler:
    interval = float(app.config.get("SCHEDULER_INTERVAL_SECONDS", 30))
    imports = float(app.config.get("IMPORT_POLL_SECONDS", 2))
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
    scheduler.add_job(ImportTick(app, echo), "interval", seconds=imports, id="imports",
                      next_run_time=now, replace_existing=True)
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
         f"via {where(app.config['SMTP_URL'])}, reading uploads every {app.config.get('IMPORT_POLL_SECONDS', 2)} s")
    scheduler.start()
