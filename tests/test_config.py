"""Configuration reaches the app in the documented order: defaults, instance file, environment, argument."""

from __future__ import annotations

from pathlib import Path

from planner import create_app


def test_sqlite_in_instance_folder_by_default(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PLANNER_DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path), "TESTING": True})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'planner.db'}"


def test_instance_file_then_environment_then_argument(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "config.py").write_text("SMTP_URL = 'smtp://from-file:25'\nBASE_URL = 'https://file'\n"
                                        "MAX_UPLOAD_MB = 5\n")
    monkeypatch.setenv("PLANNER_BASE_URL", "https://env")
    monkeypatch.setenv("PLANNER_DATABASE_URL", "postgresql://u@db/planner")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "MAX_UPLOAD_MB": 7, "TESTING": True})
    assert app.config["SMTP_URL"] == "smtp://from-file:25"
    assert app.config["BASE_URL"] == "https://env"
    assert app.config["MAX_CONTENT_LENGTH"] == 7 * 1024 * 1024
    # Any PostgreSQL spelling is driven by psycopg 3.
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/planner"


def test_instance_path_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(tmp_path / "inst"))
    app = create_app({"TESTING": True})
    assert app.instance_path == str(tmp_path / "inst")
    assert (tmp_path / "inst").is_dir()
