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
