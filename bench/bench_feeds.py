"""Feeds: planner's /feeds/<token>.ics (gunicorn) against Radicale serving the same 1,000 events.

Both on loopback, one after the other, driven by the same client: keep-alive http.client loops in
several processes. Measures requests/s and p99 latency for a full GET and for a conditional GET
(If-None-Match with the ETag of the previous answer), and prints planner/Radicale ratios.

    .venv/bin/python -m bench.bench_feeds [--seconds 5] [--connections 4]
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

        start = time.perf_counter()
        for _ in range(5):
            render(organization_scope(org), app.config, utcnow())
        print(f"planner cold render (query + build, no cache): {(time.perf_counter() - start) / 5 * 1000:.0f} ms "
              "per feed", flush=True)
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
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
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


def _worker(args: tuple[int, str, dict[str, str], float, int]) -> tuple[int, list[float], dict[int, int]]:
    port, path, headers, seconds, expect = args
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
    return len(latencies), latencies, statuses


def load(port: int, path: str, headers: dict[str, str], seconds: float, connections: int) -> dict[str, object]:
    with multiprocessing.get_context("fork").Pool(connections) as pool:
        pool.map(_worker, [(port, path, headers, 0.5, 0)] * connections)  # warm up
        results = pool.map(_worker, [(port, path, headers, seconds, 0)] * connections)
    latencies = sorted(x for _, lat, _ in results for x in lat)
    statuses: dict[int, int] = {}
    for _, _, s in results:
        for k, v in s.items():
            statuses[k] = statuses.get(k, 0) + v
    count = len(latencies)
    p99 = latencies[min(count - 1, int(count * 0.99))] if count else float("nan")
    return {"rps": count / seconds, "p99_ms": p99 * 1000, "statuses": statuses}


def etag_of(port: int, path: str, headers: dict[str, str]) -> tuple[str, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    size = len(response.read())
    conn.close()
    return response.getheader("ETag", ""), size


def main(argv: list[str] | None = None) -> dict[str, object]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1,
                        help="gunicorn worker processes (default: the usual 2 × cores + 1)")
    args = parser.parse_args(argv if argv is not None else [])
    tmp = Path(tempfile.mkdtemp(prefix="bench-feeds-"))
    procs: list[subprocess.Popen] = []
    try:
        instance = tmp / "instance"
        url = f"sqlite:///{tmp / 'planner.db'}"
        token, feed = make_schedule(instance, url)
        write_radicale_collection(tmp / "radicale", feed)

        p_port, n_port, r_port = free_port(), free_port(), free_port()
        env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_INSTANCE_PATH": str(instance),
               "PLANNER_SECRET_KEY": "bench"}
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        # planner as configured by default, and with the per-token answer cache off (every poll asks the database)
        for port, extra in ((p_port, {}), (n_port, {"PLANNER_FEED_CACHE_SECONDS": "0"})):
            procs.append(subprocess.Popen(
                [gunicorn, "-w", str(args.workers), "-k", "gthread", "--threads", "4", "--keep-alive", "30",
                 "-b", f"127.0.0.1:{port}", "--log-level", "warning", "planner:create_app()"],
                env={**env, **extra}, cwd=ROOT))
        config = tmp / "radicale.conf"
        config.write_text(
            f"[server]\nhosts = 127.0.0.1:{r_port}\n[auth]\ntype = none\n[rights]\ntype = owner_only\n"
            f"[storage]\nfilesystem_folder = {tmp / 'radicale'}\n[logging]\nlevel = warning\n"
            "[web]\ntype = none\n")
        procs.append(subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)], cwd=tmp))

        p_path, r_path = f"/feeds/{token}.ics", "/bench/cal/"
        r_headers = {"Authorization": RADICALE_AUTH}
        wait_for(p_port, p_path, {}, procs[0], "gunicorn")
        wait_for(n_port, p_path, {}, procs[1], "gunicorn (no answer cache)")
        wait_for(r_port, r_path, r_headers, procs[2], "radicale")
        p_etag, p_size = etag_of(p_port, p_path, {})
        r_etag, r_size = etag_of(r_port, r_path, r_headers)
        print(f"{EVENTS} events; planner feed {p_size} bytes, Radicale collection {r_size} bytes; "
              f"{args.connections} keep-alive connections, {args.seconds:g} s each; "
              f"gunicorn -w {args.workers} -k gthread --threads 4", flush=True)

        results = {
            "planner_full": load(p_port, p_path, {}, args.seconds, args.connections),
            "radicale_full": load(r_port, r_path, r_headers, args.seconds, args.connections),
            "planner_304": load(p_port, p_path, {"If-None-Match": p_etag}, args.seconds, args.connections),
            "planner_full_nocache": load(n_port, p_path, {}, args.seconds, args.connections),
            "planner_304_nocache": load(n_port, p_path, {"If-None-Match": p_etag}, args.seconds, args.connections),
            "radicale_conditional": load(r_port, r_path, {**r_headers, "If-None-Match": r_etag or '"x"'},
                                         args.seconds, args.connections),
        }
        for name, r in results.items():
            print(f"  {name:22s} {r['rps']:8.0f} req/s   p99 {r['p99_ms']:7.2f} ms   statuses {r['statuses']}")
        full = results["planner_full"]["rps"] / results["radicale_full"]["rps"]  # type: ignore[operator]
        cond = results["planner_304"]["rps"] / results["radicale_conditional"]["rps"]  # type: ignore[operator]
        print(f"  ratio full GET planner/Radicale: {full:.1f}x   conditional GET: {cond:.1f}x "
              "(Radicale has no 304 on GET; it answers the full collection)")
        results["ratio_full"], results["ratio_conditional"] = full, cond
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / "feeds.json").write_text(json.dumps(results, indent=2, default=str))
        return results
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
