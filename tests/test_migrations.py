"""The migrations build the whole schema from nothing and take it down again, on both backends."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from planner import create_app
from planner.db import db
from tests.conftest import base_config, create_pg_database, drop_pg_database, ensure_postgres


def _roundtrip(tmp_path: Path, url: str) -> None:
    app = create_app(base_config(tmp_path, url))
    with app.app_context():
        directory = app.config["MIGRATIONS_DIR"]
        upgrade(directory=directory)
        tables = set(sa.inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables, set(db.metadata.tables) - tables
        upgrade(directory=directory)  # again: nothing to do, no error
        downgrade(directory=directory, revision="base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_roundtrip_sqlite(tmp_path: Path) -> None:
    _roundtrip(tmp_path, f"sqlite:///{tmp_path / 'fresh.db'}")


def test_migrations_roundtrip_postgresql(tmp_path: Path) -> None:
    ensure_postgres()
    url = create_pg_database()
    try:
        _roundtrip(tmp_path, url)
    finally:
        drop_pg_database(url)


def test_models_match_migrations(app) -> None:
    """A model change without a migration shows up here, not in production."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata)
    assert diff == []


def _imports_of(path: Path) -> set[str]:
    import ast

    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_migration_imports_planner() -> None:
    """A migration is frozen history: a later change to planner's code must not change what it does."""
    versions = sorted((Path(__file__).resolve().parents[1] / "migrations" / "versions").glob("*.py"))
    assert len(versions) >= 6
    offending = {p.name: sorted(n for n in _imports_of(p) if n.split(".")[0] == "planner") for p in versions}
    assert {name: found for name, found in offending.items() if found} == {}
    assert all("planner." not in p.read_text(encoding="utf-8") for p in versions)


def test_autogenerate_writes_a_migration_that_imports_nothing_of_planner(tmp_path: Path) -> None:
    """The next migration someone generates is frozen too: env.py renders UTCDateTime as sa.DateTime."""
    import shutil

    from flask_migrate import migrate

    source = Path(__file__).resolve().parents[1] / "migrations"
    directory = tmp_path / "migrations"
    shutil.copytree(source, directory, ignore=shutil.ignore_patterns("versions", "__pycache__"))
    (directory / "versions").mkdir()
    app = create_app(base_config(tmp_path, f"sqlite:///{tmp_path / 'empty.db'}"))
    with app.app_context():
        migrate(directory=str(directory), message="everything")
        db.engine.dispose()
    [written] = (directory / "versions").glob("*.py")
    text = written.read_text(encoding="utf-8")
    assert "sa.Column('start_at', sa.DateTime(timezone=True), nullable=True)" in text
    assert "planner" not in _imports_of(written) and "planner." not in text
