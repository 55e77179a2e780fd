"""The application factory: no module-level app or engine anywhere."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import Migrate

from planner.config import PACKAGE_DIR, Defaults, instance_path_from_env, normalize_database_url
from planner.db import db, install_sqlite_pragmas
from planner.secret_key import resolve_secret_key

migrate = Migrate(render_as_batch=True, compare_type=True)


def create_app(config: Mapping[str, Any] | None = None, *, command_line: bool = False) -> Flask:
    """The app; `command_line` is the `planner` command's (may run without a secret key, see secret_key)."""
    instance_path = (config or {}).get("INSTANCE_PATH") or instance_path_from_env()
    app = Flask(
        "planner",
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        instance_relative_config=True,
        template_folder=str(PACKAGE_DIR / "templates"),
        static_folder=str(PACKAGE_DIR / "static"),
    )
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("PLANNER")
    if config:
        app.config.update(config)
    _derive_settings(app)
    resolve_secret_key(app, command_line=command_line)

    install_sqlite_pragmas()
    db.init_app(app)
    migrate.init_app(app, db, directory=app.config["MIGRATIONS_DIR"])

    from planner import models  # noqa: F401  (register tables with the metadata)
    from planner.cli import init_app as init_cli
    from planner.web import init_app as init_web

    init_web(app)
    init_cli(app)
    _subscribe()
    return app


def _subscribe() -> None:
    """Who follows an event's changes (planner.schedule.signals): its reminders and the feed cache.

    blinker keeps one connection per receiver, so creating a second app connects nothing twice.
    """
    from planner.reminders.sync import on_event_changed
    from planner.schedule.signals import event_changed
    from planner.web.feeds import note_event_changed

    event_changed.connect(on_event_changed)
    event_changed.connect(note_event_changed)


def _derive_settings(app: Flask) -> None:
    """Turn planner's own settings into the names the Flask extensions read."""
    os.makedirs(app.instance_path, exist_ok=True)
    url = app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'planner.db'}"
    app.config["DATABASE_URL"] = url = normalize_database_url(url)
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", url)
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config["MAX_CONTENT_LENGTH"] = int(float(app.config["MAX_UPLOAD_MB"]) * 1024 * 1024)
    app.config.setdefault("UPLOAD_FOLDER", str(Path(app.instance_path) / "uploads"))
    if url.startswith("sqlite"):
        # SQLite: wait for a writer instead of failing at once.
        opts = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        opts.setdefault("connect_args", {"timeout": 30})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = opts
