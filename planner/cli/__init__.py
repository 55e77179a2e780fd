"""The `planner` command. Each area keeps its commands in a module of its own here.

Commands are registered on the app's own `app.cli` (so `app.test_cli_runner()` sees them);
`planner` is a FlaskGroup over create_app, built in planner/__main__.py (so this package never
imports the app factory that imports it).
"""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext


def init_app(app: Flask) -> None:
    from planner.cli import extract, feeds, reminders, schedule, users, wheel

    app.cli.add_command(init_cmd)
    app.cli.add_command(serve_cmd)
    for module in (extract, schedule, feeds, wheel, reminders, users):
        module.register(app.cli)


@click.command("init")
@with_appcontext
def init_cmd() -> None:
    """Create the database or upgrade it to the newest schema (safe to run again)."""
    from flask_migrate import upgrade

    upgrade(directory=current_app.config["MIGRATIONS_DIR"])
    click.echo(f"database ready: {_safe_url(current_app.config['SQLALCHEMY_DATABASE_URI'])}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--debug", is_flag=True, help="Reloader and debugger (development only).")
@with_appcontext
def serve_cmd(host: str, port: int, debug: bool) -> None:
    """Development server. In production: gunicorn 'planner:create_app()' (see README)."""
    import os

    from planner.secret_key import MissingSecretKey, ensure_for_development_server

    try:
        note = ensure_for_development_server(current_app)
    except MissingSecretKey as exc:
        raise click.ClickException(str(exc)) from None
    if note:
        click.echo(note)
    os.environ.pop("FLASK_RUN_FROM_CLI", None)  # else Flask ignores app.run() under the `planner` group
    current_app.run(host=host, port=port, debug=debug, use_reloader=debug)


def _safe_url(url: str) -> str:
    """A database URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
