"""SECRET_KEY signs sessions and CSRF tokens: a known value lets anyone forge an admin's session.

There is no built-in default any more. Where the key comes from, in order:

1. `SECRET_KEY` from config.py, `PLANNER_SECRET_KEY` or the create_app argument (not a published
   example value);
2. the file `instance/secret_key`, which `planner serve` (so `make run`) writes with a random key
   the first time it serves plain http;
3. otherwise: tests (`TESTING`) and the `planner` commands that sign nothing (init, import,
   scheduler, …) get a random key for this process only; an app made for serving
   (gunicorn `planner:create_app()`) refuses to start, and so does `planner serve` when
   `BASE_URL` is https.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from flask import Flask

# Values published in this repository's history and examples: as good as no key.
PUBLIC_VALUES = frozenset({"", "dev-only-change-me", "change-me-to-a-long-random-string"})
KEY_FILE = "secret_key"
EPHEMERAL = "SECRET_KEY_IS_EPHEMERAL"

MISSING = (
    "PLANNER_SECRET_KEY is not set, so sessions could be forged; refusing to serve. Set it, e.g.\n"
    "    export PLANNER_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')\n"
    "or put SECRET_KEY in {instance}/config.py, or a random key in {instance}/secret_key "
    "(see README, Production)."
)


class MissingSecretKey(RuntimeError):
    """The app would serve requests without a secret key of its own."""


def key_file(app: Flask) -> Path:
    return Path(app.instance_path) / KEY_FILE


def resolve_secret_key(app: Flask, *, command_line: bool) -> None:
    """Set app.secret_key from config or the instance file; else a per-process key, or refuse."""
    app.config[EPHEMERAL] = False
    key = app.config.get("SECRET_KEY")
    if isinstance(key, str | bytes) and key and key not in PUBLIC_VALUES:
        return
    path = key_file(app)
    stored = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    if stored and stored not in PUBLIC_VALUES:
        app.config["SECRET_KEY"] = stored
        return
    if not (app.testing or command_line):
        raise MissingSecretKey(MISSING.format(instance=app.instance_path))
    app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config[EPHEMERAL] = True


def ensure_for_development_server(app: Flask) -> str | None:
    """For `planner serve`: keep an ephemeral key in instance/secret_key so logins survive restarts.

    Returns a line to print when a key was written; raises MissingSecretKey for an https BASE_URL,
    which means a real deployment that forgot its key.
    """
    if not app.config.get(EPHEMERAL):
        return None
    if str(app.config.get("BASE_URL", "")).lower().startswith("https:"):
        raise MissingSecretKey(MISSING.format(instance=app.instance_path))
    path = key_file(app)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(app.config["SECRET_KEY"] + "\n")
    app.config[EPHEMERAL] = False
    return f"development: wrote a new random secret key to {path}"
