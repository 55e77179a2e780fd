"""`planner scheduler` as real processes: kill -9 at the worst moments, and three of them side by side.

Nothing is lost, at most the one message in flight at the kill is repeated (with the same
Message-ID), and three schedulers on PostgreSQL send 1,000 reminders exactly once each.
"""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
from collections import Counter

import pytest

from planner import create_app
from planner.db import db, utcnow
from planner.models import Subscriber
from planner.reminders import sync_event_reminders
from tests.checkout import planner_command
from tests.conftest import base_config, create_pg_database, drop_pg_database, ensure_postgres, migrate_to_head
from tests.reminders_helpers import (
    meeting,
    org_with_bodies,
    rows,
    scheduler_env,
    start_scheduler,
    statuses,
    wait_until,
)
from tests.smtp_server import SmtpServer, smtp_server_fixture  # noqa: F401


def due_reminders(count: int) -> None:
    """`count` reminders due a few days ago, for a meeting three days ahead (so none expires)."""
    org, styr, _ = org_with_bodies()
    now = utcnow()
    db.session.add_all([Subscriber(email=f"person{i:05d}@example.se", organization=org, confirmed_at=now,
                                   lead_times={"meeting": ["P7D"]}) for i in range(count)])
    ev = meeting(org, styr, (now + dt.timedelta(days=3)).replace(microsecond=0))
    sync_event_reminders(ev, now - dt.timedelta(days=30))  # planned a month ago: now they are overdue
    db.session.commit()
    assert len(rows(status="pending")) == count


def _kill(process) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)


def _stop(process) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except Exception:
            _kill(process)


@pytest.mark.parametrize("moment", ["after_claim", "after_send"])
def test_kill_9_then_restart_loses_nothing_and_repeats_at_most_the_one_in_flight(app, smtp_server, tmp_path,
                                                                                  moment) -> None:
    due_reminders(3)
    handler = smtp_server.handler
    hold = handler.hold_rcpt if moment == "after_claim" else handler.hold_after_data
    hold.set()  # the first message stops at RCPT (claimed, not sent) or after DATA (sent, not recorded)
    first = start_scheduler(app, smtp_server.url, tmp_path / "first.log")
    try:
        wait_until(handler.arrived.is_set, 30, "the first message to reach the SMTP server")
        assert statuses() == {"claimed": 3}, (tmp_path / "first.log").read_text()
        _kill(first)
    finally:
        _stop(first)
        hold.clear()
    in_flight = [r.message_id for r in smtp_server.received]

    second = start_scheduler(app, smtp_server.url, tmp_path / "second.log")
    try:
        wait_until(lambda: statuses() == {"sent": 3}, 30, "every reminder to be sent after the restart")
    finally:
        _stop(second)
    ids = [r.message_id for r in smtp_server.received]
    expected = sorted(r.message_id for r in rows())
    assert sorted(set(ids)) == expected  # nothing lost
    repeated = [mid for mid, n in Counter(ids).items() if n > 1]
    if moment == "after_claim":
        assert in_flight == [] and repeated == [] and len(ids) == 3
    else:
        assert len(in_flight) == 1 and repeated == in_flight and len(ids) == 4  # the one in flight, same id


@pytest.fixture
def pg_app(tmp_path):
    """PostgreSQL whatever PLANNER_TEST_BACKENDS says: several schedulers side by side is a PostgreSQL setup."""
    ensure_postgres()
    url = create_pg_database()
    try:
        migrate_to_head(tmp_path / "migrate", url)
        app = create_app(base_config(tmp_path / "instance", url))
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()
    finally:
        drop_pg_database(url)


@pytest.mark.postgres_only
def test_three_schedulers_on_postgresql_send_1000_reminders_exactly_once(pg_app, tmp_path) -> None:
    due_reminders(1000)
    server = SmtpServer().start()
    processes = [start_scheduler(pg_app, server.url, tmp_path / f"s{i}.log", REMINDER_BATCH_SIZE=20,
                                 REMINDER_LEASE_SECONDS=30)
                 for i in range(3)]
    try:
        server.wait_for(1000, timeout=120)
        wait_until(lambda: statuses() == {"sent": 1000}, 30, "all rows marked sent")
    finally:
        for process in processes:
            _stop(process)
        server.stop()
    ids = [r.message_id for r in server.received]
    assert len(ids) == 1000 and len(set(ids)) == 1000
    assert set(ids) == {r.message_id for r in rows()}
    assert len({r.recipient for r in rows()}) == 1000


def test_on_start_missed_reminders_go_out_unless_their_event_has_begun(app, smtp_server, tmp_path) -> None:
    org, styr, _ = org_with_bodies()
    now = utcnow()
    db.session.add(Subscriber(email="anna@varberg.se", organization=org, confirmed_at=now,
                              lead_times={"meeting": ["P1D"]}))
    upcoming = meeting(org, styr, (now + dt.timedelta(hours=5)).replace(microsecond=0), title="Kommer")
    begun = meeting(org, styr, (now - dt.timedelta(minutes=30)).replace(microsecond=0), title="Har börjat")
    for ev in (upcoming, begun):
        sync_event_reminders(ev, now - dt.timedelta(days=3))  # planned while all was well, then everything was down
    db.session.commit()

    process = start_scheduler(app, smtp_server.url, tmp_path / "scheduler.log")
    try:
        wait_until(lambda: statuses() == {"sent": 1, "expired": 1}, 30, "one sent, one expired")
    finally:
        _stop(process)
    assert [r.message["Subject"].split(",")[0] for r in smtp_server.received] == ["Påminnelse: Kommer"]
    assert "redan börjat" in rows(status="expired")[0].last_error


def test_planner_mailsink_prints_and_keeps_every_mail(app, runner, tmp_path) -> None:
    from tests.smtp_server import free_port

    port = free_port()
    folder = tmp_path / "mail"
    env = scheduler_env(app, f"smtp://127.0.0.1:{port}")
    sink = subprocess.Popen(planner_command("mailsink", "--port", str(port), "--folder", str(folder)), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert "mail sink on" in sink.stdout.readline()
        app.config["SMTP_URL"] = f"smtp://127.0.0.1:{port}"
        org, styr, _ = org_with_bodies()
        db.session.add(Subscriber(email="anna@varberg.se", organization=org, confirmed_at=utcnow(),
                                  lead_times={"meeting": ["P1D"]}))
        sync_event_reminders(meeting(org, styr, dt.datetime(2027, 3, 29, 7, 30, tzinfo=dt.UTC)),
                             dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
        db.session.commit()
        result = runner.invoke(args=["reminders", "send-due", "--now", "2027-03-28T08:00"])
        assert "sent 1" in result.output, result.output
        line = sink.stdout.readline()
        assert "anna@varberg.se" in line and "Påminnelse: Styrgruppsmöte" in line
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    (saved,) = folder.glob("*.eml")
    assert rows()[0].message_id.encode() in saved.read_bytes()
