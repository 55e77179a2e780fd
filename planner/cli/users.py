"""Accounts from the command line: `planner create-user`."""

from __future__ import annotations

import click
from flask.cli import with_appcontext


def register(cli: click.Group) -> None:
    cli.add_command(create_user_cmd)


@click.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice(["admin", "secretary", "viewer"]), default="secretary", show_default=True)
@click.option("--org", "org_name", help="Organization a secretary or viewer belongs to.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@with_appcontext
def create_user_cmd(email: str, role: str, org_name: str | None, password: str) -> None:
    """Create a login for the review UI (or reset its password and role)."""
    from planner.db import db
    from planner.models import Organization, User

    if role == "secretary" and not org_name:
        raise click.ClickException("a secretary reviews one organization's minutes: give --org NAME")
    if len(password) < 8:
        raise click.ClickException("the password must be at least 8 characters")
    org = None
    if org_name:
        org = db.session.scalar(db.select(Organization).filter_by(name=org_name))
        if org is None:
            raise click.ClickException(f"no organization named {org_name!r}")
    user = db.session.scalar(db.select(User).filter_by(email=email.lower()))
    if user is None:
        user = User(email=email.lower())
        db.session.add(user)
    user.role = role
    user.organization = org
    user.set_password(password)
    db.session.commit()
    click.echo(f"user {user.email} ({role}) ready")
