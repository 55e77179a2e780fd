"""The `planner` command (entry point) and `python -m planner`: the same commands, from this checkout.

The FlaskGroup over create_app lives here rather than in planner.cli, which create_app imports to
register its commands: so app and cli do not import each other.
"""

from __future__ import annotations

from flask import Flask
from flask.cli import FlaskGroup


def _create_app() -> Flask:
    from planner.app import create_app

    return create_app(command_line=True)


def main() -> None:
    import sys

    if len(sys.argv) > 1 and sys.argv[1] == "extract":
        # `planner extract` needs no app and no database: skip loading Flask's app factory.
        from planner.cli.extract import extract_cmd

        extract_cmd.main(sys.argv[2:], prog_name="planner extract")
        return
    group = FlaskGroup(
        name="planner",
        help="planner: minutes in, reviewed schedule out (feeds, årshjul, reminders).",
        create_app=_create_app,
        add_version_option=False,
        load_dotenv=False,
    )
    group(prog_name="planner")


if __name__ == "__main__":
    main()
