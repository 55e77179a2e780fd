"""Commands of the reminders area: subscribe, send what is due, the scheduler, a local mail sink."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from planner.schedule.datefmt import STOCKHOLM


def register(cli: click.Group) -> None:
    cli.add_command(subscribe_cmd)
    cli.add_command(reminders_group)
    cli.add_command(scheduler_cmd)
    cli.add_command(mailsink_cmd)


def parse_now(text: str | None) -> dt.datetime | None:
    """ISO date-time; without an offset it is Stockholm time."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"not an ISO date-time: {text!r} (e.g. 2026-12-03T08:00 or 2026-12-03T07:00Z)",
                                 param_hint="--now") from None
    return value if value.tzinfo else value.replace(tzinfo=STOCKHOLM)


def _echo_now(line: str) -> None:
    """A line of a long-running process, flushed at once: `make run` shows them as they happen."""
    click.echo(line)
    sys.stdout.flush()


@click.command("subscribe")
@click.argument("email")
@click.option("--body", "bodies", multiple=True, help="Body to follow (name or slug); repeatable. Default: all.")
@click.option("--org", "org_name", help="Only this organization's items (default: the body's, or all).")
@click.option("--confirmed", is_flag=True, help="Skip the confirmation mail (for people you know).")
@click.option("--digest/--no-digest", default=None, help="Monday 07:00 digest of the coming two weeks.")
@with_appcontext
def subscribe_cmd(email: str, bodies: tuple[str, ...], org_name: str | None, confirmed: bool,
                  digest: bool | None) -> None:
    """Subscribe EMAIL to reminders (double opt-in unless --confirmed)."""
    from planner.db import db
    from planner.reminders.subscribe import SubscribeError, find_bodies, find_organization, send_confirmation, upsert

    try:
        org = find_organization(org_name) if org_name else None
        found = find_bodies(bodies, org)
        subscriber, created = upsert(email, found, org, confirm=confirmed, digest=digest)
    except SubscribeError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    scope = ", ".join(b.name for b in subscriber.bodies) or (subscriber.organization.name if subscriber.organization
                                                               else "alla organisationer")
    click.echo(f"{'subscribed' if created else 'updated'} {subscriber.email}: {scope}"
               f"{' (confirmed)' if subscriber.active else ''}")
    if not subscriber.confirmed_at:
        try:
            send_confirmation(subscriber)
        except SubscribeError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            raise click.ClickException(f"saved, but the confirmation mail could not be sent ({exc}); "
                                       "run the command again when the mail server is up") from None
        click.echo(f"confirmation mail sent to {subscriber.email}")


@click.group("reminders")
def reminders_group() -> None:
    """Email reminders: send what is due, list deliveries, re-plan."""


@reminders_group.command("send-due")
@click.option("--now", "now_text", help="Pretend it is this time (ISO; Stockholm time if no offset).")
@with_appcontext
def send_due_cmd(now_text: str | None) -> None:
    """Send every reminder due now (or at --now) and report what happened."""
    from planner.reminders.dispatch import send_due
    from planner.reminders.smtp import BadSmtpUrl

    now = parse_now(now_text)
    try:
        stats = send_due(now)
    except BadSmtpUrl as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(str(stats))
    for error in stats.errors:
        click.echo(f"failed: {error}", err=True)


@reminders_group.command("list")
@click.option("--status", type=click.Choice(["pending", "claimed", "sent", "failed", "expired", "cancelled"]))
@click.option("--limit", default=50, show_default=True)
@with_appcontext
def list_cmd(status: str | None, limit: int) -> None:
    """Deliveries, soonest due first (failed ones show their SMTP reply)."""
    from planner.db import db
    from planner.models import ReminderDelivery
    from planner.web.filters import localtime

    query = db.select(ReminderDelivery).order_by(ReminderDelivery.due_at).limit(limit)
    if status:
        query = query.filter_by(status=status)
    for row in db.session.scalars(query):
        title = row.event.title if row.event else "veckobrev"
        click.echo(f"{localtime(row.due_at)}  {row.status:9} {row.kind:13} {row.lead:6} {row.recipient:30} {title}"
                   + (f"  [{row.last_error}]" if row.last_error else ""))


@reminders_group.command("sync")
@with_appcontext
def sync_cmd() -> None:
    """Re-plan the reminders of every event (after bulk changes)."""
    from planner.db import db
    from planner.reminders.sync import sync_all

    count = sync_all()
    db.session.commit()
    click.echo(f"re-planned reminders for {count} events")


@click.command("scheduler")
@with_appcontext
def scheduler_cmd() -> None:
    """The one process that sends reminders and reads uploads (run one or more; never inside the web server)."""
    from planner.reminders.smtp import BadSmtpUrl, parse_smtp_url
    from planner.scheduler import run_scheduler

    try:
        parse_smtp_url(current_app.config["SMTP_URL"])
    except BadSmtpUrl as exc:
        raise click.ClickException(str(exc)) from None
    # The app itself for the scheduler's threads (current_app is a proxy, typed as the Flask it stands for).
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    run_scheduler(app, echo=_echo_now)


@click.command("mailsink")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8025, show_default=True, type=int)
@click.option("--folder", type=click.Path(path_type=Path), help="Default: instance/mail/")
@with_appcontext
def mailsink_cmd(host: str, port: int, folder: Path | None) -> None:
    """A local SMTP server that stores every mail in instance/mail/ and prints a line per mail."""
    from planner.reminders.mailsink import start_sink

    folder = folder or Path(current_app.instance_path) / "mail"
    try:
        controller = start_sink(folder, host, port, echo=_echo_now)
    except (OSError, RuntimeError) as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from None
    click.echo(f"mail sink on smtp://{host}:{port}, saving to {folder} (Ctrl-C stops)")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
