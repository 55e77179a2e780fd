"""Profile one in-process drain of due reminders (PostgreSQL, aiosmtpd sink in its own process).

    .venv/bin/python -m bench.profile_reminders            # BENCH_REMINDERS=2000, top 30 by own time

Prints messages/s of the drain and the cProfile table (tottime), so a change to the hot path can
be judged by where the time goes, not only by the total, and the CPU time per message of the
dispatcher, of the sink and of the PostgreSQL server processes that served the dispatcher
(the backends of the bench's database, read from /proc). BENCH_PROFILE=0 drains without
cProfile; BENCH_PROFILE_CPU=1 profiles CPU time instead of wall time; BENCH_REMINDERS_PIPELINING=0:
the sink does not offer PIPELINING.
"""

from __future__ import annotations

import cProfile
import multiprocessing
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_reminders import _database, _drop, _free_port, _reset, _seed, _sent, _sink


def _cpu(pid: int | None) -> float:
    """CPU seconds (user + system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _backends(url: str) -> list[int]:
    """The PostgreSQL server processes serving the bench's database (the dispatcher's pooled connections)."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        return [pid for (pid,) in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")]


def _cpu_of(pids: list[int]) -> dict[int, float]:
    out = {}
    for pid in pids:
        try:
            out[pid] = _cpu(pid)
        except OSError:  # a connection closed meanwhile
            pass
    return out


def main() -> None:
    count = int(os.environ.get("BENCH_REMINDERS", "2000"))
    profile = os.environ.get("BENCH_PROFILE", "1") != "0"
    from planner import create_app
    from planner.reminders.dispatch import Dispatcher

    instance = Path(tempfile.mkdtemp(prefix="profile-reminders-"))
    url = _database()
    port = _free_port()
    log_path = instance / "sink.log"
    log_path.write_text("")
    ready = multiprocessing.Event()
    sink = multiprocessing.Process(target=_sink, args=(port, str(log_path), ready), daemon=True)
    sink.start()
    ready.wait(30)
    try:
        app = create_app({"INSTANCE_PATH": str(instance), "DATABASE_URL": url,
                          "SMTP_URL": f"smtp://127.0.0.1:{port}"}, command_line=True)
        _seed(app, count)
        _reset(app.config["DATABASE_URL"])
        with app.app_context():
            dispatcher = Dispatcher()
            timer = time.process_time if os.environ.get("BENCH_PROFILE_CPU") else time.perf_counter  # CPU or wall
            profiler = cProfile.Profile(timer) if profile else None
            db_url = app.config["DATABASE_URL"]
            db_before = _cpu_of(_backends(db_url))
            started, cpu, sink_cpu = time.perf_counter(), time.process_time(), _cpu(sink.pid)
            if profiler:
                profiler.enable()
            stats = dispatcher.run()
            if profiler:
                profiler.disable()
            took = time.perf_counter() - started
            cpu, sink_cpu = time.process_time() - cpu, _cpu(sink.pid) - sink_cpu
            db_after = _cpu_of(_backends(db_url))  # still pooled; a backend opened meanwhile counts from 0
            db_cpu = sum(t - db_before.get(pid, 0.0) for pid, t in db_after.items())
        print(f"drained {count} in {took:.2f}s: {count / took:.0f} msg/s ({stats}); "
              f"sent in db {_sent(app.config['DATABASE_URL'])}; "
              f"CPU per message: dispatcher {cpu / count * 1000:.2f} ms, "
              f"sink {sink_cpu / count * 1000:.2f} ms, PostgreSQL {db_cpu / count * 1000:.2f} ms; "
              f"load {os.getloadavg()}")
        if profiler:
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(30)
    finally:
        sink.terminate()
        _drop(url)
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
