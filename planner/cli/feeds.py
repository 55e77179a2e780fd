"""`planner feed` (the bytes the web serves), `planner feed-token` and `planner import-ics`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from flask import current_app
from flask.cli import with_appcontext

from planner.models import EVENT_KINDS

KIND = click.Choice(EVENT_KINDS)


def register(cli: click.Group) -> None:
    cli.add_command(feed_cmd)
    cli.add_command(feed_token_cmd)
    cli.add_command(import_ics_cmd)


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _find_body(org_name: str | None, body_name: str, create: bool = False):
    from planner.db import db
    from planner.models import Body, Organization
    from planner.schedule.orgs import get_or_create_body, slugify

    query = db.select(Body).join(Organization).where(
        (Body.name == body_name) | (Body.slug == slugify(body_name)))
    if org_name:
        query = query.where((Organization.name == org_name) | (Organization.slug == slugify(org_name)))
    found = db.session.scalars(query).all()
    if len(found) > 1:
        _fail(f"several bodies are called {body_name!r}; name the organization with --org")
    if found:
        return found[0]
    if create and org_name:
        return get_or_create_body(_find_org(org_name), body_name)
    _fail(f"no body called {body_name!r}" + ("" if org_name else " (give --org to create it)"))


def _find_org(name: str):
    from planner.db import db
    from planner.models import Organization
    from planner.schedule.orgs import slugify

    org = db.session.scalar(db.select(Organization).where(
        (Organization.name == name) | (Organization.slug == slugify(name))))
    if org is None:
        _fail(f"no organization called {name!r}")
    return org


def _find_municipality(name: str):
    from planner.db import db
    from planner.models import Municipality

    muni = db.session.scalar(db.select(Municipality).where(Municipality.name == name))
    if muni is None:
        _fail(f"no municipality called {name!r}")
    return muni


def _scope_target(org_name: str | None, body_name: str | None, muni_name: str | None) -> tuple[str, object]:
    if sum(x is not None for x in (body_name, muni_name)) > 1 or not (org_name or body_name or muni_name):
        _fail("give --org, --body (with or without --org) or --municipality")
    if body_name:
        return "body", _find_body(org_name, body_name)
    if muni_name:
        return "municipality", _find_municipality(muni_name)
    return "organization", _find_org(org_name or "")


@click.command("feed")
@click.option("--org", "org_name", help="Organization (with --body: the body's organization).")
@click.option("--body", "body_name", help="One body of the organization.")
@click.option("--municipality", "muni_name", help="Every organization the municipality is a member of.")
@click.option("--kind", "kinds", multiple=True, type=KIND, help="Only these kinds (repeatable).")
@click.option("--token", help="A secret feed: print exactly what /feeds/<token>.ics serves today.")
@with_appcontext
def feed_cmd(org_name: str | None, body_name: str | None, muni_name: str | None, kinds: tuple[str, ...],
             token: str | None) -> None:
    """Print the iCal feed for a scope (event links to the staff pages), or for one secret feed."""
    from planner.db import utcnow
    from planner.feeds.scope import (
        Scope,
        body_scope,
        municipality_scope,
        organization_scope,
        render,
        scope_for_token,
        token_pages,
    )

    if token is not None:
        scope = scope_for_token(token)
        if scope is None:
            _fail("no live feed with that token")
        rendered = render(scope, current_app.config, utcnow(), token_pages(current_app.config["BASE_URL"], token))
        sys.stdout.buffer.write(rendered.body)
        sys.stdout.buffer.flush()
        return
    kind, target = _scope_target(org_name, body_name, muni_name)
    # _scope_target gives the row that goes with `kind`: a Body for body_scope, and so on.
    makers: dict[str, Callable[[Any, tuple[str, ...]], Scope]] = {
        "body": body_scope, "municipality": municipality_scope, "organization": organization_scope}
    rendered = render(makers[kind](target, tuple(sorted(set(kinds)))), current_app.config, utcnow())
    sys.stdout.buffer.write(rendered.body)
    sys.stdout.buffer.flush()


@click.command("feed-token")
@click.option("--org", "org_name")
@click.option("--body", "body_name")
@click.option("--municipality", "muni_name")
@click.option("--kind", "kinds", multiple=True, type=KIND)
@click.option("--name", default="", help="A label for the admin's list.")
@click.option("--reuse", is_flag=True, help="Print the active feed with this name and scope if there is one.")
@with_appcontext
def feed_token_cmd(org_name: str | None, body_name: str | None, muni_name: str | None, kinds: tuple[str, ...],
                   name: str, reuse: bool) -> None:
    """Create a secret feed and print its subscribe page and .ics address."""
    from planner.db import db
    from planner.models import Feed

    kind, target = _scope_target(org_name, body_name, muni_name)
    wanted_kinds = sorted(set(kinds)) or None
    feed = None
    if reuse:
        candidates = db.session.scalars(db.select(Feed).filter_by(name=name, revoked_at=None, **{kind: target}))
        feed = next((f for f in candidates if (f.kinds or None) == wanted_kinds), None)
    if feed is None:
        feed = Feed(name=name, kinds=wanted_kinds, **{kind: target})
        db.session.add(feed)
        db.session.commit()
    base = current_app.config["BASE_URL"].rstrip("/")
    click.echo(f"subscribe page: {base}/feeds/{feed.token}")
    click.echo(f"feed:           {base}/feeds/{feed.token}.ics")


@click.command("import-ics")
@click.argument("source")
@click.option("--body", "body_name", required=True, help="The body whose schedule receives the events.")
@click.option("--org", "org_name",
              help="The body's organization, which must exist (it is never created); a body it does not have "
                   "yet is created in it. Needed when --body is new or its name is not unique.")
@click.option("--kind", type=KIND, help="Kind of every imported item (default: all-day = holiday, timed = meeting).")
@with_appcontext
def import_ics_cmd(source: str, body_name: str, org_name: str | None, kind: str | None) -> None:
    """Import an .ics file or http(s) URL; importing it again updates instead of duplicating."""
    from planner.db import db, utcnow
    from planner.feeds.fetch import fetch
    from planner.feeds.importer import ImportRefused
    from planner.feeds.store import import_calendar

    config = current_app.config
    body = _find_body(org_name, body_name, create=True)
    try:
        if source.startswith(("http://", "https://")) or "://" in source:
            data = fetch(source, max_bytes=int(config["ICS_IMPORT_MAX_BYTES"]),
                         timeout=float(config["ICS_IMPORT_TIMEOUT"]),
                         allow_private=bool(config["ICS_IMPORT_ALLOW_PRIVATE"]))
        else:
            path = Path(source)
            if not path.is_file():
                _fail(f"{source}: no such file")
            if path.stat().st_size > int(config["ICS_IMPORT_MAX_BYTES"]):
                raise ImportRefused(f"{path.name} är större än {int(config['ICS_IMPORT_MAX_BYTES']) // 1024} kB")
            data = path.read_bytes()
            source = path.name
        result = import_calendar(data, body, source, config, utcnow(), kind=kind)
    except ImportRefused as exc:
        db.session.rollback()
        _fail(f"{source}: {exc}")
    db.session.commit()
    click.echo(f"imported {source} into {body.name}: {result.summary()}")
