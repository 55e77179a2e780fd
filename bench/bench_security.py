"""Issue 15's figures: what a stranger gets from repeating things, login timing, hostile calendars.

    .venv/bin/python -m bench.bench_security

On a fresh SQLite database (migrated, in a temporary folder), through the app's test client:
- 300 wrong passwords, then the right one: how many got an answer before 429, and whether the right one logs in;
- 50 anonymous subscribe forms to 50 addresses: how many confirmation mails a local aiosmtpd sink received;
- login time for an existing account (wrong password) against an unknown address: medians and their ratio
  (before this work: 169 ms against 5.6 ms, a 30x gap that told who has an account);
- each hostile .ics in tests/ics/hostile through `planner import-ics` in a process of its own: seconds of the
  command (after start-up) and the process's peak memory (goal: < 5 s and < 300 MB each).
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "ics" / "hostile"


def _app(folder: Path, **config):  # type: ignore[no-untyped-def]
    from planner import create_app

    settings = {"TESTING": True, "INSTANCE_PATH": str(folder), "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
                "SECRET_KEY": "bench-" + os.urandom(8).hex(), **config}
    return create_app(settings)


def _token(client, path: str) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def measure(folder: Path) -> dict:
    from flask_migrate import upgrade

    from planner.db import db
    from planner.models import Organization, User
    from tests.smtp_server import SmtpServer

    app = _app(folder)
    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        user = User(email="lena@kust.se", role="secretary")
        user.set_password("rätt-lösenord-123")
        db.session.add_all([user, Organization(name="Kustkommunerna", slug="kustkommunerna")])
        db.session.commit()
    out: dict = {}

    client = app.test_client()
    token = _token(client, "/auth/login")
    answers = [client.post("/auth/login", data={"email": "lena@kust.se", "password": f"fel-{i}", "csrf_token": token}
                           ).status_code for i in range(300)]
    right = client.post("/auth/login", data={"email": "lena@kust.se", "password": "rätt-lösenord-123",
                                             "csrf_token": token}).status_code
    out["login"] = {"wrong_answered_401": answers.count(401), "then_429": answers.count(429), "right_password": right}

    sink = SmtpServer().start()
    try:
        app.config["SMTP_URL"] = sink.url
        client = app.test_client()
        token = _token(client, "/paminnelser/")
        codes = [client.post("/paminnelser/", data={"csrf_token": token, "email": f"offer{i}@example.se"}).status_code
                 for i in range(50)]
        time.sleep(0.5)
        out["subscribe"] = {"forms": 50, "answered_200": codes.count(200), "429": codes.count(429),
                            "mails": len(sink.received)}
    finally:
        sink.stop()

    timing = _app(folder, LOGIN_RATE_LIMIT="100000 per minute", LOGIN_ACCOUNT_RATE_LIMIT="100000 per minute")
    client = timing.test_client()
    token = _token(client, "/auth/login")
    known, unknown = [], []
    for _ in range(15):
        for email, into in (("lena@kust.se", known), ("ingen@kust.se", unknown)):
            start = time.perf_counter()
            client.post("/auth/login", data={"email": email, "password": "fel", "csrf_token": token})
            into.append((time.perf_counter() - start) * 1000)
    out["login_ms"] = {"known": round(statistics.median(known), 1), "unknown": round(statistics.median(unknown), 1),
                       "ratio": round(statistics.median(known) / statistics.median(unknown), 2)}

    probe = ROOT / "tests" / "security" / "test_done_when.py"
    code = re.search(r'PROBE = r"""(.*?)"""', probe.read_text(encoding="utf-8"), re.S).group(1)
    env = {**os.environ, "PLANNER_DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
           "PLANNER_INSTANCE_PATH": str(folder), "PLANNER_ICS_IMPORT_MAX_OCCURRENCES": "1000"}
    with app.app_context():
        from planner.models import Body

        org = db.session.scalar(db.select(Organization))
        db.session.add(Body(organization=org, name="Skolor", slug="skolor"))
        db.session.commit()
        db.engine.dispose()
    out["hostile_ics"] = {}
    for path in sorted(HOSTILE.glob("*.ics")):
        done = subprocess.run([sys.executable, "-c", code, "import-ics", str(path), "--org", "Kustkommunerna",
                               "--body", "Skolor"], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
        result = json.loads(done.stderr.strip().splitlines()[-1])
        out["hostile_ics"][path.name] = {"exit": result["code"], "seconds": round(result["seconds"], 2),
                                         "peak_mb": round(result["mb"], 1)}
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = measure(Path(tmp))
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
