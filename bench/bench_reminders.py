"""Reminders: 10,000 due reminders to a local SMTP server, 1 vs 3 `planner scheduler` processes on PostgreSQL.

Measures messages/s (first to last delivery), duplicates (must be 0) and the time from the rows
falling due (once every scheduler has started) until the last message arrived; prints the
3-process / 1-process ratio. The SMTP server (aiosmtpd, reading each message's content in one piece)
runs in processes of its own, one per scheduler on a port of its own, so it never competes
with the bench for the GIL and never sets the pace (one Python sink tops out near 500 msg/s on the
shared 2-core machine, which made 3 schedulers look no faster than 1).

    .venv/bin/python -m bench.bench_reminders            # BENCH_REMINDERS=2000 for a quick run

BENCH_REMINDERS_BASELINE=DIR also runs 1 process of the planner source tree in DIR (e.g. an earlier
commit: `git archive 3a81626 | tar -x -C DIR`) on the same database and sink, for the speed-up
measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_ADMIN_URL = os.environ.get("PLANNER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BASELINE_LAUNCHER = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)];"
    "sys.path.insert(0, sys.argv[1]); sys.argv = ['planner', 'scheduler'];"
    "from planner.cli import main; sys.exit(main())")
PIPELINING = os.environ.get("BENCH_REMINDERS_PIPELINING", "1") != "0"  # 0: the sink does not offer it
# 1: the sink reads a message's content with one readuntil, not aiosmtpd's loop of one await per line
WHOLE_DATA = os.environ.get("BENCH_REMINDERS_WHOLE_DATA", "1") != "0"
UNSTUFF = re.compile(rb"(?m)^\.")
SHARED_PORT = os.environ.get("BENCH_REMINDERS_SHARED_PORT") == "1"  # 1: all sinks on one port (SO_REUSEPORT)
MESSAGE_ID = re.compile(rb"^Message-ID: *(<[^>\r\n]+>)", re.MULTILINE | re.IGNORECASE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sink(port: int, log_path: str, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP

    log = open(log_path, "a", buffering=1)  # noqa: SIM115  (lives as long as the process)

    class Handler:
        async def handle_EHLO(self, server, session, envelope, hostname, responses):  # type: ignore[no-untyped-def]
            session.host_name = hostname
            if PIPELINING:  # as Postfix and Exim offer it; aiosmtpd handles pipelined commands in order
                responses.insert(-1, "250-PIPELINING")
            return responses

        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            match = MESSAGE_ID.search(envelope.original_content or envelope.content)
            log.write(f"{time.time():.6f}\t{match.group(1).decode() if match else '-'}\n")
            return "250 OK"

    class WholeData(SMTP):
        """aiosmtpd with DATA read in one piece: its own loop awaits every line (≈ 110 for a reminder),
        which made the sink cost more CPU per message than the dispatcher it measures. Commands,
        PIPELINING and replies are aiosmtpd's. Not for empty content (a reminder never is)."""

        async def smtp_DATA(self, arg: str) -> None:  # type: ignore[override]
            if not WHOLE_DATA:
                return await super().smtp_DATA(arg)
            if await self.check_helo_needed():
                return None
            if self.envelope is None or not self.envelope.rcpt_tos or arg:
                return await self.push("503 Error: need RCPT command" if not arg else "501 Syntax: DATA")
            await self.push("354 End data with <CR><LF>.<CR><LF>")
            self._reader._limit = max(self._reader._limit, 1 << 24)  # a message, not a line
            raw = await self._reader.readuntil(b"\r\n.\r\n")
            content = UNSTUFF.sub(b"", raw[:-3])  # keeps the last line's CRLF, as aiosmtpd does
            self.envelope.content = self.envelope.original_content = content
            status = await self._call_handler_hook("DATA")
            self._set_post_data_state()
            return await self.push(status if isinstance(status, str) else "250 OK")

    class SharedPort(Controller):  # several sink processes on one port (SO_REUSEPORT): never the bottleneck
        def factory(self):  # type: ignore[no-untyped-def]
            return WholeData(self.handler, **self.SMTP_kwargs)

        def _create_server(self):  # type: ignore[no-untyped-def]
            return self.loop.create_server(self._factory_invoker, host=self.hostname, port=self.port,
                                           reuse_port=True)

        def _trigger_server(self):  # type: ignore[no-untyped-def]
            self._factory_invoked.set()  # its test connection could land on a sibling process

    controller = SharedPort(Handler(), hostname="127.0.0.1", port=port)
    try:
        controller.start()
    except RuntimeError:  # no test connection was made (see _trigger_server): it listens all the same
        pass
    ready.set()
    while True:
        time.sleep(3600)


def _database() -> str:
    import psycopg

    name = f"planner_bench_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def _drop(url: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def _seed(app, count: int) -> None:  # type: ignore[no-untyped-def]
    from flask_migrate import upgrade

    from planner.db import db, utcnow
    from planner.models import Body, Event, Organization, Subscriber
    from planner.reminders import sync_event_reminders

    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        now = utcnow()
        org = Organization(name="Benchkommunerna", slug="benchkommunerna")
        body = Body(organization=org, name="Styrgruppen", slug="styrgruppen")
        db.session.add_all([org, body])
        db.session.add_all([Subscriber(email=f"person{i:05d}@example.se", organization=org, confirmed_at=now,
                                       lead_times={"meeting": ["P7D"]}) for i in range(count)])
        start = (now + dt.timedelta(days=3)).replace(microsecond=0)
        event = Event(organization=org, body=body, title="Styrgruppsmöte", kind="meeting", start_at=start,
                      end_at=start + dt.timedelta(hours=2), location="Stadshuset")
        db.session.add(event)
        db.session.flush()
        sync_event_reminders(event, now - dt.timedelta(days=30))
        db.session.commit()
        db.engine.dispose()


def _reset(url: str, held: bool = False) -> None:
    """Every row pending again with a fresh Message-ID; `held`: not due until `_release` (a day's backoff)."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("UPDATE reminder_delivery SET status='pending', attempts=0, claimed_by=NULL, lease_until=NULL,"
                     " sent_at=NULL, next_attempt_at=" + ("now() + interval '1 day'" if held else "NULL") +
                     ", last_error=NULL, message_id='<' || md5(random()::text || id::text) || '@planner>'")


def _release(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("UPDATE reminder_delivery SET next_attempt_at=NULL")


def _sent(url: str) -> int:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        return conn.execute("SELECT count(*) FROM reminder_delivery WHERE status='sent'").fetchone()[0]


def _run(url: str, instance: Path, count: int, processes: int, source: str | None = None) -> dict:
    """One part; the rows fall due once every scheduler has started (else 3 processes starting one
    after another on a loaded machine, seconds apart, would be counted as 3 processes sending)."""
    _reset(url, held=True)
    port = _free_port()
    log_path = instance / f"sink-{processes}.log"
    log_path.write_text("")
    sinks = []
    # One sink process per scheduler, so the sink never sets the pace: each on its own port (SO_REUSEPORT
    # spreads connections by a hash, so two schedulers often shared one sink while another idled).
    ports = [port if SHARED_PORT else _free_port() for _ in range(processes)]
    for sink_port in ports:
        ready = multiprocessing.Event()
        sink = multiprocessing.Process(target=_sink, args=(sink_port, str(log_path), ready), daemon=True)
        sink.start()
        ready.wait(30)
        sinks.append(sink)
    env = dict(os.environ, PLANNER_DATABASE_URL=url, PLANNER_INSTANCE_PATH=str(instance),
               PLANNER_SCHEDULER_INTERVAL_SECONDS="1", PLANNER_REMINDER_RESYNC_HOURS="0", PYTHONUNBUFFERED="1")
    exe = shutil.which("planner", path=str(Path(sys.executable).parent)) or "planner"
    command = [exe, "scheduler"]
    if source:  # an earlier planner tree instead of this (editable-installed) one
        command = [sys.executable, "-c", BASELINE_LAUNCHER, source]
    launched = time.time()
    outs = [instance / f"scheduler-{processes}-{i}.out" for i in range(processes)]
    workers = [subprocess.Popen(command, env=dict(env, PLANNER_SMTP_URL=f"smtp://127.0.0.1:{sink_port}"),
                                stdout=out.open("wb"), stderr=subprocess.STDOUT)
               for out, sink_port in zip(outs, ports, strict=True)]
    try:
        while time.time() < launched + 120 and not all("planner scheduler:" in o.read_text() for o in outs):
            time.sleep(0.1)
        time.sleep(1.0)  # the start-up line comes just before the first tick
        started = time.time()
        _release(url)
        deadline = started + 600
        while time.time() < deadline:
            lines = log_path.read_text().splitlines()
            if len(lines) >= count and _sent(url) >= count:
                break
            time.sleep(0.2)
        time.sleep(1.0)  # let any duplicate show up
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:  # the baseline finishes its whole batch first (issue 16)
                worker.kill()
                worker.wait(timeout=30)
        for sink in sinks:
            sink.terminate()
    rows = [line.split("\t") for line in log_path.read_text().splitlines()]
    times = sorted(float(t) for t, _ in rows)
    ids = [mid for _, mid in rows]
    span = (times[-1] - times[0]) if len(times) > 1 else float("nan")
    return {"processes": processes, "code": "baseline" if source else "this", "delivered": len(ids),
            "distinct": len(set(ids)),
            "duplicates": len(ids) - len(set(ids)), "messages_per_s": round(len(set(ids)) / span, 1),
            "seconds_to_last": round(times[-1] - started, 2), "start_up_s": round(started - launched, 1),
            "all_sent_in_db": _sent(url) == count,
            "load_average_1min": round(os.getloadavg()[0], 1)}


def main() -> None:
    count = int(os.environ.get("BENCH_REMINDERS", "10000"))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from planner import create_app

    instance = Path(tempfile.mkdtemp(prefix="bench-reminders-"))
    url = _database()
    try:
        app = create_app({"INSTANCE_PATH": str(instance), "DATABASE_URL": url}, command_line=True)
        t = time.time()
        _seed(app, count)
        print(f"reminders bench: {count} due reminders planned in {time.time() - t:.1f}s (PostgreSQL)")
        results = []
        runs = [(1, None), (3, None)]
        baseline = os.environ.get("BENCH_REMINDERS_BASELINE")
        if baseline:
            runs.append((1, baseline))
        for processes, source in runs:
            results.append(_run(app.config["DATABASE_URL"], instance, count, processes, source=source))
            print(json.dumps(results[-1]), flush=True)  # each run as it ends, in case a later one fails
    finally:
        _drop(url)
        shutil.rmtree(instance, ignore_errors=True)
    print(f"{'code':>8} {'processes':>9} {'delivered':>9} {'duplicates':>10} {'msg/s':>8} {'s to last':>9} "
          f"{'load':>5}")
    for r in results:
        print(f"{r['code']:>8} {r['processes']:>9} {r['delivered']:>9} {r['duplicates']:>10} {r['messages_per_s']:>8} "
              f"{r['seconds_to_last']:>9} {r['load_average_1min']:>5}")
    ratio = results[1]["messages_per_s"] / results[0]["messages_per_s"]
    print(f"ratio 3 processes / 1 process: {ratio:.2f}x messages/s; "
          f"{results[0]['seconds_to_last'] / results[1]['seconds_to_last']:.2f}x faster to the last delivery")
    if len(results) > 2:
        speedup = results[0]["messages_per_s"] / results[2]["messages_per_s"]
        print(f"ratio 1 process / baseline 1 process: {speedup:.2f}x")
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "reminders.json").write_text(json.dumps({"count": count, "runs": results, "ratio": ratio}, indent=2))
    assert all(r["duplicates"] == 0 and r["distinct"] == count for r in results), "duplicates or losses"


if __name__ == "__main__":
    main()
