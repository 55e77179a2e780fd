"""Configuration: package defaults, then instance/config.py, then PLANNER_* environment, then the caller.

Names in the environment drop the prefix: PLANNER_DATABASE_URL sets DATABASE_URL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from planner.clock import utcnow

PACKAGE_DIR = Path(__file__).resolve().parent
# planner/templates and planner/migrations link to the top-level folders, so a wheel carries them.
PROJECT_ROOT = PACKAGE_DIR.parent


class Defaults:
    SECRET_KEY: str | None = None  # required for serving; see planner/secret_key.py
    DATABASE_URL: str | None = None  # None: SQLite file in the instance folder
    SMTP_URL = "smtp://127.0.0.1:8025"
    MAIL_FROM = "Planner <planner@localhost>"
    BASE_URL = "http://127.0.0.1:5000"
    TIMEZONE = "Europe/Stockholm"
    CLOCK = utcnow  # the app's now (planner/clock.py); tests give a fixed instant
    MAX_UPLOAD_MB = 20
    FEED_DAYS_BACK = 90
    FEED_MONTHS_AHEAD = 18
    DELETED_FEED_DAYS = 30  # a deleted event stays in feeds as STATUS:CANCELLED this long
    ICS_IMPORT_MAX_OCCURRENCES = 5000
    ICS_IMPORT_MAX_BYTES = 5 * 1024 * 1024
    ICS_IMPORT_TIMEOUT = 10
    ICS_IMPORT_ALLOW_PRIVATE = False
    SESSION_HOURS = 8
    BABEL_DEFAULT_LOCALE = "sv"
    BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"
    SCHEDULER_INTERVAL_SECONDS = 30
    STOP_SECONDS = 5  # `planner scheduler` exits this long after SIGTERM at the latest (planner/scheduler.py)
    # Reading uploads (planner/ingest/limits.py): beyond these a file is refused with a reason.
    INGEST_MAX_PAGES = 300
    INGEST_MAX_CHARS = 2_000_000
    INGEST_MAX_UNPACKED_MB = 100
    INGEST_MAX_PARAGRAPHS = 50_000
    INGEST_MAX_SECONDS = 900
    MAX_PROPOSALS_PER_DOCUMENT = 300
    # Background imports run by `planner scheduler` (planner/imports/runner.py).
    IMPORT_POLL_SECONDS = 2
    IMPORT_JOB_LEASE_SECONDS = 120
    IMPORT_JOB_MAX_ATTEMPTS = 3
    # Rate limits (planner/web/ratelimit.py, Flask-Limiter syntax). memory:// counts per process;
    # several workers share a count in redis://host:6379.
    RATELIMIT_STORAGE_URL = "memory://"
    LOGIN_RATE_LIMIT = "10 per minute; 100 per day"  # failed logins per client address
    LOGIN_ACCOUNT_RATE_LIMIT = "20 per hour"  # failed logins per account, from anywhere
    SUBSCRIBE_RATE_LIMIT = "5 per minute; 30 per hour"  # subscribe forms sent per client address
    SUBSCRIBE_ADDRESS_RATE_LIMIT = "3 per hour"  # confirmation mails to one address
    TOKEN_MISS_RATE_LIMIT = "30 per minute; 300 per hour"  # wrong secret tokens (feeds, links) per address
    # Security headers (planner/web/headers.py): proxies to trust for X-Forwarded-*, and who may frame the embed.
    PROXY_FIX = 0
    EMBED_FRAME_ANCESTORS = "*"
    MIGRATIONS_DIR = str(PACKAGE_DIR / "migrations")
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True}


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever spelling the operator used."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def instance_path_from_env() -> str | None:
    """Installed (non-editable) deployments point PLANNER_INSTANCE_PATH at their config folder."""
    return os.environ.get("PLANNER_INSTANCE_PATH")
