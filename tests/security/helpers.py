"""Shared pieces of the security suite: a second app on the same database (another worker), logins."""

from __future__ import annotations

import secrets
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from planner import create_app
from tests.conftest import base_config, csrf_token_from

REDIS_URL = "redis://127.0.0.1:6379/0"


def worker(app: Flask, tmp_path: Path, **config: Any) -> Flask:
    """Another app on the same database and secret key, as a second gunicorn worker would be."""
    settings = base_config(tmp_path / f"worker-{secrets.token_hex(3)}", app.config["DATABASE_URL"])
    settings.update(SECRET_KEY=app.config["SECRET_KEY"], **config)
    return create_app(settings)


def ensure_redis() -> None:
    """Redis at 127.0.0.1:6379 (started by the machine), or started here; a failure if it cannot be had."""
    for attempt in range(2):
        try:
            with socket.create_connection(("127.0.0.1", 6379), timeout=2) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            pass
        if attempt == 0:
            subprocess.run(["redis-server", "--port", "6379", "--bind", "127.0.0.1", "--save", "",
                            "--daemonize", "yes"], capture_output=True, timeout=30, check=False)
            time.sleep(1)
    pytest.fail("Redis at 127.0.0.1:6379 is not reachable and could not be started", pytrace=False)


def login_form(client) -> str:
    return csrf_token_from(client.get("/auth/login").get_data(as_text=True))


def try_login(client, email: str, password: str, token: str, address: str = "203.0.113.7"):
    return client.post("/auth/login", data={"email": email, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})
