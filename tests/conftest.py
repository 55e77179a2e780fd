"""A fresh app and database per test, on SQLite and on PostgreSQL.

Each run migrates one template database per backend to head (the real migrations, not
create_all); every test then gets a copy (SQLite) or an emptied one (PostgreSQL).
PostgreSQL is started if it is down; if it cannot be had, the tests that need it fail
and say why, so a missing server never passes as green.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from planner import create_app
from planner.db import db

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT.parent / "shared" / "gold"
EXAMPLES = ROOT / "examples" / "minutes"
PG_ADMIN_URL = os.environ.get("PLANNER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = [b for b in os.environ.get("PLANNER_TEST_BACKENDS", "sqlite,postgresql").split(",") if b]

# `make test` runs the suite in parallel (pytest-xdist, --dist loadgroup). These modules run real
# schedulers, SMTP sinks and OCR against deadlines of a few seconds (leases, "answers at once", SIGTERM
# within 10 s): they go to one worker, one after another, as in a serial run; the rest spread over the others.
TIMED_PROCESSES = {"test_import_jobs_processes", "test_import_jobs", "test_reminders_processes",
                   "test_reminders_recovery", "test_reminders_send", "test_browser_review"}

# tesseract's OpenMP threads spin while waiting: with several test workers on two cores they would
# only take turns with each other. One thread per OCR process (the text is the same).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.stem in TIMED_PROCESSES:
            item.add_marker(pytest.mark.xdist_group("timed-processes"))


def pytest_addoption(parser: pytest.Parser) -> None:
    from tests.snapshots import add_option

    add_option(parser)


def base_config(instance: Path, url: str) -> dict:
    return {
        "TESTING": True,
        "INSTANCE_PATH": str(instance),
        "DATABASE_URL": url,
        "SECRET_KEY": "test-" + secrets.token_hex(8),
        "WTF_CSRF_ENABLED": True,
    }


def _pg_connect():
    import psycopg

    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)


def ensure_postgres() -> None:
    """Connect, or start the local cluster and connect; fail loudly otherwise."""
    import psycopg

    try:
        _pg_connect().close()
        return
    except psycopg.OperationalError as first:
        error = first
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if versions:
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
                       capture_output=True, timeout=60)
        try:
            _pg_connect().close()
            return
        except psycopg.OperationalError as second:
            error = second
    pytest.fail(f"PostgreSQL at {PG_ADMIN_URL} is not reachable and could not be started: {error}", pytrace=False)


def create_pg_database() -> str:
    name = f"planner_test_{os.getpid()}_{secrets.token_hex(4)}"
    with _pg_connect() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with _pg_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def migrate_to_head(instance: Path, url: str) -> None:
    from flask_migrate import upgrade

    app = create_app(base_config(instance, url))
    with app.app_context():
        upgrade(directory=app.config["MIGRATIONS_DIR"])
        db.engine.dispose()


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """One migrated database per backend for the whole run, created lazily."""
    made: dict[str, str] = {}

    def get(backend: str) -> str:
        if backend not in made:
            instance = tmp_path_factory.mktemp(f"template-{backend}")
            if backend == "sqlite":
                url = f"sqlite:///{instance / 'template.db'}"
            else:
                ensure_postgres()
                url = create_pg_database()
            made[backend] = url
            migrate_to_head(instance, url)
        return made[backend]

    yield get  # type: ignore[misc]
    for backend, url in made.items():
        if backend == "postgresql":
            drop_pg_database(url)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def app(backend: str, templates, tmp_path: Path) -> Iterator[Flask]:
    template_url = templates(backend)
    if backend == "sqlite":
        path = tmp_path / "planner.db"
        shutil.copy(template_url.removeprefix("sqlite:///"), path)
        url = f"sqlite:///{path}"
    else:
        url = template_url
    app = create_app(base_config(tmp_path / "instance", url))
    with app.app_context():
        yield app
        db.session.remove()
        if backend == "postgresql":
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            with db.engine.begin() as conn:
                conn.execute(db.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def client(app: Flask):
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def seeds() -> Path:
    """The real minutes in ../shared/seeds; their absence is an error, not a skip."""
    if not SEEDS.is_dir():
        pytest.fail(f"the shared seeds are missing at {SEEDS}", pytrace=False)
    return SEEDS


@pytest.fixture
def make_user(app: Flask):
    """Create a user with a known password: make_user("a@x.se", role="admin", org=None)."""
    from planner.models import User

    def make(email: str, role: str = "admin", org=None, password: str = "rätt-lösenord-123") -> User:
        user = User(email=email, role=role, organization=org)
        user.set_password(password)
        db.session.add(user)
        db.session.commit()
        return user

    return make


def csrf_token_from(html: str) -> str:
    import re

    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "page has no CSRF token"
    return m.group(1)


@pytest.fixture
def login(client, make_user):
    """Log the test client in as a new user of the given role; returns the user."""

    def do(role: str = "admin", org=None, email: str | None = None):
        user = make_user(email or f"{role}@example.se", role=role, org=org)
        token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
        response = client.post("/auth/login", data={"email": user.email, "password": "rätt-lösenord-123",
                                                    "csrf_token": token})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return do


pytest_plugins = ["tests.browser"]
