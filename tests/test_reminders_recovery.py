"""Recovery in seconds, not after a 300 s lease; and a `send-due --now` fast-forward that leaves real rows alone.

Real `planner` processes, a real aiosmtpd server, PostgreSQL for the multi-process cases. Every test
sets a 300 s lease, so anything that finishes within seconds did not wait for a lease to run out.
"""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import time
from collections import Counter

import pytest

from planner.db import db, utcnow
from planner.reminders import sync_event_reminders
from planner.reminders.dispatch import Dispatcher
from planner.schedule.datefmt import STOCKHOLM
from tests.checkout import planner_command
from tests.reminders_helpers import (
    meeting,
    org_with_bodies,
    rows,
    scheduler_env,
    start_scheduler,
    statuses,
    subscriber,
    wait_until,
)
from tests.smtp_server import SmtpServer, smtp_server_fixture  # noqa: F401
from tests.test_reminders_processes import _kill, _stop, due_reminders
from tests.test_reminders_processes import pg_app as pg_app  # noqa: F401  (the fixture)

LONG_LEASE = {"REMINDER_LEASE_SECONDS": 300}


def _ids(server: SmtpServer) -> list[str]:
    return [r.message_id for r in server.received]


def _stockholm(at: dt.datetime) -> str:
    return at.astimezone(STOCKHOLM).strftime("%Y-%m-%dT%H:%M")


def test_fast_forward_sends_what_is_due_then_but_leases_and_expires_by_the_real_clock(app, runner,
                                                                                       smtp_server) -> None:
    """Issue 16.4: `send-due --now <future>` leased rows until the pretend time + 5 min and expired
    rows that were due now for real."""
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    now = utcnow()
    soon = meeting(org, styr, (now + dt.timedelta(hours=3)).replace(microsecond=0), title="Snart")
    later = meeting(org, styr, (now + dt.timedelta(days=3)).replace(microsecond=0), title="Senare")
    for ev in (soon, later):
        sync_event_reminders(ev, now - dt.timedelta(days=5))
    db.session.commit()

    result = runner.invoke(args=["reminders", "send-due", "--now", _stockholm(now + dt.timedelta(days=2, hours=23))])
    assert result.exit_code == 0, result.output
    assert "sent 1" in result.output and "late 0" in result.output and "given back 1" in result.output
    assert [r.message["Subject"].split(",")[0] for r in smtp_server.received] == ["Påminnelse: Senare"]
    (waiting,) = rows(event_id=soon.id)
    assert (waiting.status, waiting.claimed_by, waiting.lease_until, waiting.attempts) == ("pending", None, None, 0)

    claimed_at = utcnow()
    stats = Dispatcher().run()  # the real scheduler's next tick: due for real, and still ahead
    assert stats.sent == 1 and smtp_server.received[-1].message["Subject"].startswith("Påminnelse: Snart")
    assert all(r.status == "sent" and r.sent_at >= claimed_at - dt.timedelta(seconds=1)
               for r in rows(event_id=soon.id))


def test_fast_forward_never_expires_a_reminder_that_is_due_for_real_as_superseded(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)  # 7 and 1 day before
    now = utcnow()
    ev = meeting(org, styr, (now + dt.timedelta(days=5)).replace(microsecond=0))
    sync_event_reminders(ev, now - dt.timedelta(days=5))  # the 7-day one is due now for real
    db.session.commit()
    result = runner.invoke(args=["reminders", "send-due", "--now", _stockholm(now + dt.timedelta(days=4, hours=20))])
    assert "superseded 0" in result.output, result.output
    assert {r.lead: r.status for r in rows(event_id=ev.id)}["P7D"] in ("pending", "sent")
    Dispatcher().run()
    assert {r.lead: r.status for r in rows(event_id=ev.id)}["P7D"] == "sent"


def test_a_killed_fast_forward_strands_nothing(app, smtp_server, tmp_path) -> None:
    due_reminders(3)
    smtp_server.handler.hold_rcpt.set()
    env = scheduler_env(app, smtp_server.url, **LONG_LEASE)
    run = subprocess.Popen(planner_command("reminders", "send-due", "--now",
                                           _stockholm(utcnow() + dt.timedelta(hours=12))), env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until(smtp_server.handler.arrived.is_set, 30, "the fast-forward to reach the SMTP server")
        assert statuses() == {"claimed": 3}
        assert all(r.lease_until < utcnow() + dt.timedelta(seconds=301) for r in rows())  # real time + lease
        _kill(run)
    finally:
        _stop(run)
        smtp_server.handler.hold_rcpt.clear()
    started = time.monotonic()
    stats = Dispatcher().run()  # same host: the claimer's pid is gone, so its rows are due at once
    assert stats.sent == 3 and time.monotonic() - started < 10
    assert statuses() == {"sent": 3}


@pytest.mark.postgres_only
def test_kill_9_another_scheduler_takes_the_rows_at_once_not_after_the_lease(pg_app, tmp_path) -> None:
    due_reminders(20)
    server = SmtpServer().start()
    try:
        server.handler.hold_after_data.set()  # the first message arrives, its outcome is never recorded
        first = start_scheduler(pg_app, server.url, tmp_path / "first.log", **LONG_LEASE)
        try:
            wait_until(server.handler.arrived.is_set, 30, "the first message")
            _kill(first)
        finally:
            _stop(first)
            server.handler.hold_after_data.clear()
        started = time.monotonic()
        second = start_scheduler(pg_app, server.url, tmp_path / "second.log", **LONG_LEASE)
        try:
            wait_until(lambda: statuses() == {"sent": 20}, 20, "the restarted scheduler to send everything")
        finally:
            _stop(second)
        assert time.monotonic() - started < 20  # the lease was 300 s
        ids = _ids(server)
    finally:
        server.stop()
    assert set(ids) == {r.message_id for r in rows()}  # nothing lost
    assert sum(n - 1 for n in Counter(ids).values()) <= 1  # at most the one in flight, same Message-ID


def test_kill_9_with_sent_rows_only_in_the_journal_repeats_just_the_one_in_flight(app, smtp_server, tmp_path) -> None:
    """Sent rows are recorded in the database per group: until then the journal must keep them from going again."""
    due_reminders(20)
    server = smtp_server
    server.handler.after_data = lambda count: server.handler.hold_after_data.set() if count == 11 else None
    first = start_scheduler(app, server.url, tmp_path / "first.log", REMINDER_RECORD_EVERY=1000,
                            REMINDER_RECORD_SECONDS=1000, **LONG_LEASE)
    try:
        wait_until(server.handler.arrived.is_set, 30, "the 11th message (kept, its 250 held back)")
        assert statuses() == {"claimed": 20}  # ten were accepted, none is recorded in the database yet
        _kill(first)
    finally:
        _stop(first)
        server.handler.after_data = None
        server.handler.hold_after_data.clear()
    before = _ids(server)
    assert len(before) == 11
    second = start_scheduler(app, server.url, tmp_path / "second.log", **LONG_LEASE)
    try:
        wait_until(lambda: statuses() == {"sent": 20}, 30, "the restarted scheduler to send the rest")
    finally:
        _stop(second)
    ids = _ids(server)
    assert set(ids) == {r.message_id for r in rows()}  # nothing lost
    assert [mid for mid, n in Counter(ids).items() if n > 1] == [before[10]]  # only the one in flight again
    assert len(ids) == 21
    assert "from the journal of" in (tmp_path / "second.log").read_text()


def test_a_live_dispatchers_journal_counts_only_for_rows_whose_lease_ran_out(app) -> None:
    """Its rows are its own to record while it holds them (else its counts and logs would be wrong)."""
    import os
    import socket

    from planner.reminders.journal import Journal

    due_reminders(2)
    live = f"{socket.gethostname()}:{os.getpid()}:abc123"  # this very process: alive
    held, lapsed = rows()
    now = utcnow()
    for row, until in ((held, now + dt.timedelta(minutes=5)), (lapsed, now - dt.timedelta(seconds=10))):
        row.status, row.claimed_by, row.lease_until = "claimed", live, until
    db.session.commit()
    journal = Journal.for_worker(app.instance_path, live)
    assert journal is not None
    journal.add(held.id, now)
    journal.add(lapsed.id, now)
    journal.close()
    Dispatcher().reclaim_dead()
    assert {r.id: r.status for r in rows()} == {held.id: "claimed", lapsed.id: "sent"}
    assert journal.path.exists()  # still its owner's


@pytest.mark.postgres_only
def test_sigterm_in_a_long_drain_stops_after_the_message_in_flight_and_gives_the_rest_back(pg_app,
                                                                                            tmp_path) -> None:
    due_reminders(400)
    server = SmtpServer().start()
    server.handler.after_data = lambda count: time.sleep(0.02)  # a slow server: the drain takes 8 s or more
    try:
        first = start_scheduler(pg_app, server.url, tmp_path / "first.log", REMINDER_BATCH_SIZE=200, **LONG_LEASE)
        try:
            server.wait_for(30, timeout=60)
            stopped = time.monotonic()
            first.send_signal(signal.SIGTERM)
            first.wait(timeout=30)
            took = time.monotonic() - stopped
        finally:
            _stop(first)
        assert took < 10, took  # systemd's stop timeout is 90 s
        left = statuses()
        assert set(left) <= {"sent", "pending"} and left.get("pending", 0) > 0, left  # nothing left claimed
        assert left["sent"] == len(server.received)  # the one in flight was finished and recorded
        server.handler.after_data = None
        second = start_scheduler(pg_app, server.url, tmp_path / "second.log", **LONG_LEASE)
        try:
            wait_until(lambda: statuses() == {"sent": 400}, 60, "the next scheduler to send the rest")
        finally:
            _stop(second)
        ids = _ids(server)
    finally:
        server.stop()
    assert len(ids) == 400 and set(ids) == {r.message_id for r in rows()}  # 0 duplicates, 0 lost


@pytest.mark.postgres_only
def test_a_database_error_mid_batch_gives_the_rows_back_at_once(pg_app, tmp_path) -> None:
    due_reminders(20)
    server = SmtpServer().start()
    try:
        server.handler.hold_after_data.set()
        process = start_scheduler(pg_app, server.url, tmp_path / "scheduler.log", **LONG_LEASE)
        try:
            wait_until(server.handler.arrived.is_set, 30, "the first message")
            db.session.remove()
            with db.engine.connect() as conn:  # cut the scheduler's database connections
                cut = conn.exec_driver_sql(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()").scalar()
            assert cut >= 1
            db.session.remove()
            db.engine.dispose()  # this test's own pooled connections were cut too
            started = time.monotonic()
            server.handler.hold_after_data.clear()
            wait_until(lambda: statuses() == {"sent": 20}, 30, "everything sent after the error")
            assert time.monotonic() - started < 30  # not after the 300 s lease
            assert process.poll() is None  # survived
        finally:
            _stop(process)
        ids = _ids(server)
    finally:
        server.stop()
    assert set(ids) == {r.message_id for r in rows()}
    assert sum(n - 1 for n in Counter(ids).values()) <= 1
