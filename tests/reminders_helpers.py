"""Shared set-up for the reminder tests: an organization, its bodies, subscribers and meetings."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.db import db, utcnow
from planner.models import Body, Event, Organization, ReminderDelivery, Subscriber
from tests.checkout import checkout_env, planner_command

STHLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STHLM)


def org_with_bodies() -> tuple[Organization, Body, Body]:
    org = Organization(name="Kustkommunerna", slug="kustkommunerna")
    styr = Body(organization=org, name="Styrgruppen", slug="styrgruppen")
    ledn = Body(organization=org, name="Ledningsgruppen", slug="ledningsgruppen")
    db.session.add_all([org, styr, ledn])
    db.session.flush()
    return org, styr, ledn


def subscriber(email: str, org: Organization, *bodies: Body, leads: dict | None = None,
               digest: bool = False) -> Subscriber:
    sub = Subscriber(email=email, organization=org, confirmed_at=utcnow() - dt.timedelta(days=400),
                     lead_times=leads, weekly_digest=digest)
    sub.bodies = list(bodies)
    db.session.add(sub)
    db.session.flush()
    return sub


def meeting(org: Organization, body: Body | None, start: dt.datetime, title: str = "Styrgruppsmöte",
            hours: float = 2.5, **kw: object) -> Event:
    ev = Event(organization=org, body=body, title=title, kind="meeting", start_at=start,
               end_at=start + dt.timedelta(hours=hours), location="Stadshuset, Varberg", **kw)
    db.session.add(ev)
    db.session.flush()
    return ev


def dispatch_at(when: str):  # type: ignore[no-untyped-def]
    """Run the dispatcher as if the clock said `when` (Stockholm time unless it has an offset).

    Not `send-due --now`, which is a fast-forward that keeps leases, backoff and expiry on the real clock.
    """
    from planner.cli.reminders import parse_now
    from planner.reminders.dispatch import Dispatcher

    at = parse_now(when)
    return Dispatcher(clock=lambda: at).run()


def rows(**filters: object) -> list[ReminderDelivery]:
    db.session.expire_all()
    return db.session.scalars(db.select(ReminderDelivery).filter_by(**filters).order_by(ReminderDelivery.id)).all()


def scheduler_env(app, smtp_url: str, **extra: object) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PLANNER_DATABASE_URL": app.config["DATABASE_URL"],
        "PLANNER_INSTANCE_PATH": app.instance_path,
        "PLANNER_SMTP_URL": smtp_url,
        "PLANNER_BASE_URL": "https://planner.example.se",
        "PLANNER_SCHEDULER_INTERVAL_SECONDS": "1",
        "PLANNER_REMINDER_LEASE_SECONDS": "2",
        "PLANNER_REMINDER_RETRY_BASE_SECONDS": "1",
        "PYTHONUNBUFFERED": "1",
    })
    env.update({f"PLANNER_{k}": str(v) for k, v in extra.items()})
    return checkout_env(env)


def start_scheduler(app, smtp_url: str, log: Path, **extra: object) -> subprocess.Popen:
    handle = open(log, "ab")  # noqa: SIM115  (closed with the process)
    return subprocess.Popen(planner_command("scheduler"), env=scheduler_env(app, smtp_url, **extra),
                            stdout=handle, stderr=subprocess.STDOUT)


def wait_until(predicate, timeout: float = 30, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def statuses() -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows():
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts
