"""No published secret key: serving without one of its own is refused; `planner serve` makes one for development."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from planner import create_app
from planner.secret_key import MissingSecretKey
from tests.checkout import checkout_env, planner_command
from tests.smtp_server import free_port


@pytest.fixture
def bare_env(monkeypatch, tmp_path: Path) -> Path:
    """No PLANNER_* settings from the caller's shell; an empty instance folder."""
    for name in list(os.environ):
        if name.startswith("PLANNER_"):
            monkeypatch.delenv(name)
    return tmp_path / "instance"


def _env(instance: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update({"PLANNER_INSTANCE_PATH": str(instance), "PLANNER_DATABASE_URL": f"sqlite:///{instance}/p.db"})
    env.update({f"PLANNER_{k}": v for k, v in extra.items()})
    return checkout_env(env)


@pytest.mark.parametrize("key", [None, "dev-only-change-me", "change-me-to-a-long-random-string"])
def test_the_wsgi_app_refuses_to_start_without_a_key_of_its_own(bare_env: Path, key: str | None) -> None:
    config = {"INSTANCE_PATH": str(bare_env)} | ({"SECRET_KEY": key} if key else {})
    with pytest.raises(MissingSecretKey, match="PLANNER_SECRET_KEY is not set"):
        create_app(config)


def test_the_wsgi_app_starts_with_a_key_from_the_environment_or_the_instance_file(bare_env: Path,
                                                                                   monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_SECRET_KEY", "a" * 64)
    assert create_app({"INSTANCE_PATH": str(bare_env)}).secret_key == "a" * 64
    monkeypatch.delenv("PLANNER_SECRET_KEY")
    (bare_env / "secret_key").write_text("b" * 64 + "\n")
    assert create_app({"INSTANCE_PATH": str(bare_env)}).secret_key == "b" * 64


def test_gunicorn_refuses_to_boot_without_a_key(tmp_path: Path) -> None:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    result = subprocess.run([gunicorn, "--check-config", "planner:create_app()"], env=_env(tmp_path),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "PLANNER_SECRET_KEY is not set" in result.stdout + result.stderr


def test_planner_serve_refuses_an_https_deployment_without_a_key(tmp_path: Path) -> None:
    result = subprocess.run(planner_command("serve", "--port", str(free_port())),
                            env=_env(tmp_path, BASE_URL="https://planner.example.se"),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "PLANNER_SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def _serve_once(instance: Path) -> str:
    port = free_port()
    proc = subprocess.Popen(planner_command("serve", "--port", str(port)), env=_env(instance),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
            assert response.status == 200
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=30)
    return output


def test_planner_serve_writes_a_random_development_key_once_and_keeps_it(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    assert subprocess.run(planner_command("init"), env=_env(instance), capture_output=True,
                          timeout=120).returncode == 0  # commands that sign nothing run without a key
    first = _serve_once(instance)
    key_file = instance / "secret_key"
    key = key_file.read_text().strip()
    assert "wrote a new random secret key" in first and len(key) == 64
    assert key_file.stat().st_mode & 0o077 == 0  # readable by its owner only
    second = _serve_once(instance)
    assert "wrote a new" not in second and key_file.read_text().strip() == key
