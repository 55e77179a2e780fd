"""`planner wheel`: the årshjul as an SVG, PNG or PDF file; `planner wheel-next-year`: next year's draft."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext


def register(cli: click.Group) -> None:
    cli.add_command(wheel_cmd)
    cli.add_command(next_year_cmd)


def _scope(org_name: str | None, body_name: str | None):
    """The organization (by name or slug; the only one when there is one) and the body within it."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        return _find(org_name, body_name)
    except (OperationalError, ProgrammingError) as exc:
        raise click.ClickException(f"the database is not ready (run `planner init`): {exc.orig}") from exc


def _find(org_name: str | None, body_name: str | None):
    from planner.db import db
    from planner.models import Body, Organization
    from planner.schedule.orgs import slugify

    if org_name:
        org = db.session.scalar(db.select(Organization).where(
            (Organization.name == org_name) | (Organization.slug == slugify(org_name))))
        if org is None:
            raise click.UsageError(f"no organization named {org_name!r}")
    else:
        orgs = db.session.scalars(db.select(Organization).order_by(Organization.name)).all()
        if len(orgs) != 1:
            names = ", ".join(o.name for o in orgs) or "none yet"
            raise click.UsageError(f"give --org (organizations: {names})")
        org = orgs[0]
    body = None
    if body_name:
        body = db.session.scalar(db.select(Body).where(
            Body.organization_id == org.id, (Body.name == body_name) | (Body.slug == slugify(body_name))))
        if body is None:
            names = ", ".join(b.name for b in org.bodies) or "none"
            raise click.UsageError(f"{org.name} has no body named {body_name!r} (bodies: {names})")
    return org, body


@click.command("wheel")
@click.option("--year", type=click.IntRange(1900, 2200), required=True, help="The year the wheel shows.")
@click.option("--org", "org_name", help="Organization name (needed when there are several).")
@click.option("--body", "body_name", help="Only this body's wheel.")
@click.option("--format", "fmt", type=click.Choice(["svg", "png", "pdf"]), default="svg", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default arshjul-<org>-<year>.<format>; '-' for standard output).")
@click.option("--first-month", type=click.IntRange(1, 12), default=1, show_default=True,
              help="Month at twelve o'clock, e.g. 8 for an academic year.")
@click.option("--rings", type=click.Choice(["body", "kind"]), default="body", show_default=True,
              help="One ring per body, or per kind of item.")
@with_appcontext
def wheel_cmd(year: int, org_name: str | None, body_name: str | None, fmt: str, output: Path | None,
              first_month: int, rings: str) -> None:
    """Draw the årshjul of an organization (or one body) for a year."""

    from planner.clock import today_local
    from planner.wheel.collect import collect
    from planner.wheel.export import ExportError, export, filename

    org, body = _scope(org_name, body_name)
    data = collect(org, year, body=body, first_month=first_month, grouping=rings,
                   today=today_local())
    try:
        payload = export(data, fmt)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from exc
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    target = output or Path(filename(data, fmt, org.slug))
    try:
        target.write_bytes(payload)
    except OSError as exc:
        raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from exc
    shown = sum(1 for i in data.items)
    click.echo(f"wrote {target} ({len(payload):,} bytes, {shown} items, {len(data.holidays)} public holidays)")


@click.command("wheel-next-year")
@click.option("--year", type=click.IntRange(1900, 2200), required=True,
              help="This year: its items are proposed for the next.")
@click.option("--org", "org_name", help="Organization name (needed when there are several).")
@click.option("--body", "body_name", help="Only this body.")
@click.option("--first-month", type=click.IntRange(1, 12), default=1, show_default=True)
@click.option("--yes", is_flag=True, help="Create the proposals without asking.")
@with_appcontext
def next_year_cmd(year: int, org_name: str | None, body_name: str | None, first_month: int, yes: bool) -> None:
    """Skapa nästa års årshjul: show what would be proposed and why, then propose it for review."""
    from planner.db import db
    from planner.wheel.nextyear import AlreadyCreated, create_next_year, plan_next_year
    from planner.wheel.text import day_text

    org, body = _scope(org_name, body_name)
    plan = plan_next_year(org, year, body=body, first_month=first_month)
    for item in plan.proposed:
        click.echo(f"  föreslås   {item.body}: {item.line}")
    for when, b, previous, holder in plan.handovers:
        click.echo(f"  föreslås   {b.name}: ordförandeskapet från {previous} till {holder} {day_text(when)}")
    for item in plan.adopted:
        click.echo(f"  beslutat   {item.body}: {day_text(item.day)} ({item.source})")
    for skipped in plan.skipped:
        click.echo(f"  kopieras inte  {skipped.title}, {day_text(skipped.day)} ({skipped.why})")
    if not yes and not click.confirm(f"Skapa {len(plan.proposed) + len(plan.handovers)} förslag för {year + 1}?"):
        raise click.ClickException("nothing was created")
    try:
        document = create_next_year(org, year, body=body, first_month=first_month)
    except AlreadyCreated as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"{len(document.proposals)} proposals for {year + 1} await review (document {document.id})")
