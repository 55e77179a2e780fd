"""Finding things: the event list's search and pages (issue 11) on a large organization, SQLite.

The search matches in Python on casefolded text (SQLite folds only ASCII), so its cost grows with the
events and minutes an organization has; this measures how fast it stays. Requests go through the Flask
test client as a logged-in admin; each figure is the median of --repeat runs.

    .venv/bin/python -m bench.bench_search [--events 10000] [--documents 300] [--repeat 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import tempfile
import time
from pathlib import Path

WORDS = ("budget", "kollektivtrafik", "vattenförsörjning", "kompetensförsörjning", "upphandling", "Öresund",
         "digitalisering", "bredband", "avfall", "räddningstjänst")


def build(instance: Path, events: int, documents: int):
    from planner import create_app
    from planner.db import db
    from planner.models import Body, Document, Event, Organization, User

    app = create_app({"DATABASE_URL": f"sqlite:///{instance / 'bench.db'}", "INSTANCE_PATH": str(instance),
                      "SECRET_KEY": "bench-" + os.urandom(8).hex(), "WTF_CSRF_ENABLED": False})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade(directory=app.config["MIGRATIONS_DIR"])
        org = Organization(name="Benchkommunerna", slug="benchkommunerna")
        bodies = [Body(organization=org, name=f"Nätverk {i}", slug=f"natverk-{i}") for i in range(20)]
        db.session.add_all([org, *bodies])
        db.session.flush()
        today = dt.date.today()
        db.session.add_all(Event(
            organization_id=org.id, body_id=bodies[i % 20].id, kind="meeting", status="confirmed", exdates=[],
            title=f"Möte om {WORDS[i % len(WORDS)]}, punkt {i}", location=f"Stadshuset, sal {i % 7}",
            all_day=True, start_date=today + dt.timedelta(days=i % 700 - 300),
            end_date=today + dt.timedelta(days=i % 700 - 300)) for i in range(events))
        line = "Styrgruppen diskuterade frågan och beslutade att återkomma med ett förslag till nästa möte. "
        for d in range(documents):
            text = "\n".join(f"{n}. {line}{WORDS[(d + n) % len(WORDS)] if n % 50 == 0 else ''}" for n in range(400))
            db.session.add(Document(organization_id=org.id, body_id=bodies[d % 20].id, filename=f"protokoll-{d}.txt",
                                    sha256=f"{d:064x}", text=text))
        user = User(email="admin@bench.example", role="admin")
        user.set_password("bench-lösenord")
        db.session.add(user)
        db.session.commit()
    return app


def timed(client, path: str, repeat: int) -> tuple[float, str]:
    times, body = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
        body = response.get_data(as_text=True)
    return statistics.median(times), body


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv if argv is not None else [])
    with tempfile.TemporaryDirectory() as tmp:
        app = build(Path(tmp), args.events, args.documents)
        client = app.test_client()
        client.post("/auth/login", data={"email": "admin@bench.example", "password": "bench-lösenord"})
        print(f"{args.events} events, {args.documents} minutes of 400 lines; load average "
              f"{os.getloadavg()[0]:.2f}")
        for label, path in (("list, page 1 (coming 430 days)", "/events/"),
                            ("list, page 5", "/events/?page=5"),
                            ("search one word (±3 years, events + minutes)", "/events/?q=kollektivtrafik"),
                            ("search two words, non-ASCII", "/events/?q=Öresund+sal"),
                            ("search, no hit", "/events/?q=finnsinte")):
            seconds, body = timed(client, path, args.repeat)
            shown = len(re.findall(r'class="what"', body))
            total = re.search(r"av (\d+)", body)
            print(f"  {label:48s} {seconds * 1000:7.1f} ms  ({shown} shown{', of ' + total.group(1) if total else ''})")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
