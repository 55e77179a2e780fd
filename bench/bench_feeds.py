"""Feeds: server CPU per request of planner's /feeds/<token>.ics against Radicale, same 1,000 events.

Each server runs alone under gunicorn with the same worker processes (-w, -k gthread; Radicale as its
own WSGI application), on loopback, one after the other. A sample is one request on a keep-alive
connection, sent after the last one was answered; its cost is what every process of the server spent
on the CPU meanwhile (the sum of /proc/PID/task/*/schedstat, in nanoseconds, master and workers).
planner is measured three ways: (a) nothing cached (PLANNER_FEED_RENDER_CACHE=0, FEED_CACHE_SECONDS=0:
every request queries and renders), (b) the rendered bytes cached (a fingerprint query per request),
(c) the per-token answer cache hit (the default). Radicale answers a GET of its collection by reading
and serialising its items. Then conditional GETs (If-None-Match, 304) from several client processes
for req/s. Prints p50/p99 per kind and the ratio planner (a) / Radicale.

    .venv/bin/python -m bench.bench_feeds [--samples 200] [--workers 5] [--seconds 5] [--connections 4]
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
STOCKHOLM = ZoneInfo("Europe/Stockholm")
EVENTS = 1000
RADICALE_AUTH = "Basic " + base64.b64encode(b"bench:bench").decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_schedule(instance: Path, url: str) -> tuple[str, bytes]:
    """1,000 events across the feed window: meetings, all-day periods, some cancelled. Returns token and bytes."""
    from planner import create_app
    from planner.db import db
    from planner.models import Body, Event, Feed, Organization

    app = create_app({"DATABASE_URL": url, "INSTANCE_PATH": str(instance)}, command_line=True)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(directory=app.config["MIGRATIONS_DIR"])
        org = Organization(name="Benchkommunerna", slug="benchkommunerna")
        bodies = [Body(organization=org, name=f"Nätverk {i}", slug=f"natverk-{i}") for i in range(10)]
        db.session.add_all([org, *bodies])
        db.session.flush()
        today = dt.date.today()
        for i in range(EVENTS):
            day = today + dt.timedelta(days=i % 480 - 60)
            common = dict(organization_id=org.id, body_id=bodies[i % 10].id,
                          title=f"Möte i {bodies[i % 10].name} om årsplanen, punkt {i}",
                          description="Dagordning: föregående protokoll, ekonomi, övriga frågor.",
                          location="Stadshuset, sammanträdesrum Öresund")
            if i % 5 == 4:
                event = Event(kind="holiday", all_day=True, start_date=day, end_date=day + dt.timedelta(days=4),
                              **common)
            else:
                start = dt.datetime.combine(day, dt.time(9 + i % 6, 30), STOCKHOLM)
                event = Event(kind="meeting", start_at=start, end_at=start + dt.timedelta(hours=2),
                              status="cancelled" if i % 17 == 0 else "confirmed", **common)
            db.session.add(event)
        feed = Feed(organization=org)
        db.session.add(feed)
        db.session.commit()
        token = feed.token
        body = app.test_client().get(f"/feeds/{token}.ics").data
        from planner.db import utcnow
        from planner.feeds.scope import organization_scope, render

        times = []
        for _ in range(20):
            start = time.process_time()
            render(organization_scope(org), app.config, utcnow())
            times.append(time.process_time() - start)
        print(f"planner render in-process (queries + build, no cache): {min(times) * 1000:.1f} ms CPU (best of 20), "
              f"{sorted(times)[10] * 1000:.1f} ms median", flush=True)
        db.engine.dispose()
    return token, body


def write_radicale_collection(root: Path, feed: bytes) -> None:
    """The same VEVENTs as one Radicale calendar collection, one item per event (as CalDAV stores them)."""
    text = feed.decode()
    tz = text[text.index("BEGIN:VTIMEZONE"):text.index("END:VTIMEZONE") + len("END:VTIMEZONE")]
    collection = root / "collection-root" / "bench" / "cal"
    collection.mkdir(parents=True)
    (collection / ".Radicale.props").write_text(json.dumps({"tag": "VCALENDAR", "D:displayname": "Bench"}))
    chunks = text.split("BEGIN:VEVENT")[1:]
    assert len(chunks) == EVENTS, len(chunks)
    for i, chunk in enumerate(chunks):
        vevent = "BEGIN:VEVENT" + chunk[:chunk.index("END:VEVENT") + len("END:VEVENT")]
        item = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n{tz}\r\n{vevent}\r\nEND:VCALENDAR\r\n"
        (collection / f"event-{i}.ics").write_text(item, newline="")


def wait_for(port: int, path: str, headers: dict[str, str], proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not answer on port {port}")


def postgres_database() -> tuple[str, Callable[[], list[int]], Callable[[], None]]:
    """A fresh database on the local PostgreSQL; the pids of the backends serving it (their CPU is the
    server's too: with PostgreSQL the SQL's work runs there); and how to drop it."""
    import psycopg

    name = f"bench_feeds_{os.getpid()}"
    admin = psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')

    def backends() -> list[int]:
        rows = admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                             (name,)).fetchall()
        return [row[0] for row in rows]

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", backends, drop


def server_pids(master: int) -> list[int]:
    """The gunicorn master and its workers (their children, read from /proc)."""
    pids, todo = [], [master]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return pids


def cpu_ns(pids: list[int]) -> int:
    """CPU time every thread of these processes has run, in nanoseconds (schedstat's first field)."""
    total = 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            except OSError:
                continue
    return total


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else float("nan")


def cpu_samples(port: int, path: str, headers: dict[str, str], pids: Callable[[], list[int]], samples: int,
                expect: int = 200, warmup: int = 20) -> dict[str, object]:
    """`samples` requests one after the other: server CPU and client latency of each, in ms."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    cpu, wall, size = [], [], 0
    for i in range(warmup + samples):
        processes = pids()
        before, start = cpu_ns(processes), time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        spent = cpu_ns(processes) - before
        if response.status != expect:
            raise SystemExit(f"GET {path} answered {response.status}, expected {expect}")
        if i >= warmup:
            cpu.append(spent / 1e6)
            wall.append(elapsed * 1000)
            size = len(body)
    conn.close()
    return {"samples": len(cpu), "cpu_p50_ms": pct(cpu, 0.5), "cpu_p99_ms": pct(cpu, 0.99),
            "cpu_mean_ms": sum(cpu) / len(cpu), "latency_p50_ms": pct(wall, 0.5), "latency_p99_ms": pct(wall, 0.99),
            "bytes": size}


def _worker(args: tuple[int, str, dict[str, str], float]) -> tuple[list[float], dict[int, int], float]:
    """One client process: requests one after the other for `seconds`; latencies, statuses, own CPU seconds."""
    port, path, headers, seconds = args
    cpu = time.process_time()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    end = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        if start >= end:
            break
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - start)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        if response.will_close:
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.close()
    return latencies, statuses, time.process_time() - cpu


def load(port: int, path: str, headers: dict[str, str], seconds: float, connections: int,
         pids: Callable[[], list[int]]) -> dict[str, object]:
    """req/s from `connections` client processes, and the server's CPU per request meanwhile."""
    with multiprocessing.get_context("fork").Pool(connections) as pool:
        pool.map(_worker, [(port, path, headers, 0.5)] * connections)  # warm up
        processes = pids()
        before = cpu_ns(processes)
        results = pool.map(_worker, [(port, path, headers, seconds)] * connections)
        spent = cpu_ns(processes) - before
    latencies = [x for lat, _, _ in results for x in lat]
    statuses: dict[int, int] = {}
    for _, s, _ in results:
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    count = len(latencies)
    client_cpu = sum(c for _, _, c in results)
    return {"rps": count / seconds, "p50_ms": pct(latencies, 0.5) * 1000, "p99_ms": pct(latencies, 0.99) * 1000,
            "cpu_per_request_ms": spent / 1e6 / max(count, 1),
            "client_cpu_per_request_ms": client_cpu * 1000 / max(count, 1), "connections": connections,
            "statuses": statuses}


def etag_of(port: int, path: str, headers: dict[str, str]) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.getheader("ETag", "")


def gunicorn(app: str, port: int, workers: int, env: dict[str, str], cwd: Path) -> subprocess.Popen:
    exe = str(Path(sys.executable).with_name("gunicorn"))
    return subprocess.Popen([exe, "-w", str(workers), "-k", "gthread", "--threads", "4", "--keep-alive", "30",
                             "-b", f"127.0.0.1:{port}", "--log-level", "warning", app], env=env, cwd=cwd)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="sequential requests per kind (≥ 200)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each 304 load")
    parser.add_argument("--connections", type=int, default=4, help="client processes for the 304 load")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="planner's database; PostgreSQL's backends serving the bench database count as server CPU")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn worker processes, for planner and Radicale alike (default 2 × cores + 1)")
    args = parser.parse_args(argv if argv is not None else [])
    tmp = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    cleanup: list[Callable[[], None]] = []
    results: dict[str, object] = {"loadavg_start": os.getloadavg(), "workers": args.workers,
                                  "samples": args.samples}
    try:
        instance = tmp / "instance"
        url = f"sqlite:///{tmp / 'planner.db'}"
        backends: Callable[[], list[int]] = list
        if args.database == "postgresql":
            url, backends, drop = postgres_database()
            cleanup.append(drop)
        results["database"] = args.database
        token, feed = make_schedule(instance, url)
        write_radicale_collection(tmp / "radicale", feed)
        config = tmp / "radicale.conf"
        config.write_text(
            "[auth]\ntype = none\n[rights]\ntype = owner_only\n"
            f"[storage]\nfilesystem_folder = {tmp / 'radicale'}\n[logging]\nlevel = warning\n[web]\ntype = none\n")
        env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_INSTANCE_PATH": str(instance),
               "PLANNER_SECRET_KEY": "bench"}
        p_path, r_path = f"/feeds/{token}.ics", "/bench/cal/"
        r_headers = {"Authorization": RADICALE_AUTH}
        print(f"{EVENTS} events, {len(feed)} bytes; gunicorn -w {args.workers} -k gthread --threads 4 for both; "
              f"{args.samples} sequential samples per kind; load average {os.getloadavg()[0]:.2f}", flush=True)
        kinds = [
            ("planner_uncached", "planner:create_app()",
             {"PLANNER_FEED_RENDER_CACHE": "0", "PLANNER_FEED_CACHE_SECONDS": "0"}, p_path, {}),
            ("planner_bytes_cached", "planner:create_app()", {"PLANNER_FEED_CACHE_SECONDS": "0"}, p_path, {}),
            ("planner_answer_cached", "planner:create_app()", {}, p_path, {}),
            ("radicale", "radicale:application", {"RADICALE_CONFIG": str(config)}, r_path, r_headers),
        ]
        for name, app, extra, path, headers in kinds:
            port = free_port()
            proc = gunicorn(app, port, args.workers, {**env, **extra}, tmp if name == "radicale" else ROOT)
            try:
                wait_for(port, path, headers, proc, name)
                master = proc.pid
                planner_side = backends if name != "radicale" else list

                def pids(master: int = master, extra: Callable[[], list[int]] = planner_side) -> list[int]:
                    return server_pids(master) + extra()
                results[name] = cpu_samples(port, path, headers, pids, args.samples)
                r = results[name]
                print(f"  {name:22s} server CPU p50 {r['cpu_p50_ms']:7.2f} ms  p99 {r['cpu_p99_ms']:7.2f} ms  "  # type: ignore[index]
                      f"latency p50 {r['latency_p50_ms']:7.2f} ms  p99 {r['latency_p99_ms']:7.2f} ms  "  # type: ignore[index]
                      f"({r['samples']} samples, {r['bytes']} bytes)", flush=True)  # type: ignore[index]
                if name.startswith("planner") and name != "planner_uncached":
                    etag = etag_of(port, path, headers)
                    key = name.replace("planner_", "planner_304_")
                    results[key] = r304 = load(port, path, {"If-None-Match": etag}, args.seconds, args.connections,
                                               pids)
                    print(f"  {key:22s} {r304['rps']:8.0f} req/s  p50 {r304['p50_ms']:.2f} ms  "
                          f"p99 {r304['p99_ms']:.2f} ms  server CPU {r304['cpu_per_request_ms']:.3f} ms/request  "
                          f"client CPU {r304['client_cpu_per_request_ms']:.3f} ms/request "
                          f"({args.connections} processes)  "
                          f"statuses {r304['statuses']}", flush=True)
            finally:
                stop(proc)
        ratio = results["planner_uncached"]["cpu_p50_ms"] / results["radicale"]["cpu_p50_ms"]  # type: ignore[index]
        results["ratio_uncached_to_radicale"] = ratio
        results["loadavg_end"] = os.getloadavg()
        print(f"  planner nothing cached / Radicale, server CPU p50: {ratio:.3f} (1/{1 / ratio:.1f}); "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        name = "feeds.json" if args.database == "sqlite" else "feeds-postgresql.json"
        (out / name).write_text(json.dumps(results, indent=2, default=str))
        return results
    finally:
        for step in cleanup:
            step()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
