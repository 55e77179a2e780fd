"""An installed (non-editable) planner carries its templates, static files and migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_templates_static_and_migrations(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = tmp_path.glob("planner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*.html")}
    assert {f"planner/{t}" for t in templates} <= names
    assert "planner/static/planner.css" in names
    versions = {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}
    assert {f"planner/migrations/versions/{v}" for v in versions} <= names
    assert {"planner/migrations/env.py", "planner/migrations/alembic.ini", "planner/data/municipalities.txt"} <= names
