"""iCal feeds at /feeds/<token>.ics, their subscribe pages, and the admin's feed management.

The token in the URL is the only secret: a wrong, rotated or revoked token gets the same 404 as
a path that never existed. Rendered feeds are cached per worker by a one-query fingerprint of the
schedule, and each token's answer for FEED_CACHE_SECONDS (default 5), so a burst of polls costs no
database round trip (see planner/feeds/cache.py for how changes reach the cache).
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, has_app_context, render_template, request, url_for
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, joinedload, object_session
from werkzeug.http import http_date

from planner.db import db, utcnow
from planner.feeds.cache import FeedCache
from planner.feeds.scope import (
    Rendered,
    Scope,
    body_scope,
    fingerprint,
    public_pages,
    render,
    scope_for_token,
    token_pages,
)
from planner.models import Body, Event, Feed, Municipality, Organization
from planner.schedule import datefmt
from planner.schedule.recurrence import describe_rule
from planner.web.params import token_shaped
from planner.web.ratelimit import rate_limited

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
# An event's changes arrive through planner.schedule.signals.event_changed (note_event_changed); the
# other rows a feed reads are watched on the session, and so is an event deleted outright (no change
# call is made for a row that is gone).
WATCHED = (Feed, Body, Organization, Municipality)


def init_app(app: Flask) -> None:
    # FEED_RENDER_CACHE: rendered feeds kept per worker (0: render on every request, as bench_feeds measures).
    app.extensions["planner_feed_cache"] = FeedCache(int(app.config.get("FEED_RENDER_CACHE", 256)))
    if not sa_event.contains(Session, "after_flush", _note_changes):
        sa_event.listen(Session, "after_flush", _note_changes)
        sa_event.listen(Session, "after_commit", _forget_after_commit)
    from planner.web import feeds_admin

    app.register_blueprint(feeds_admin.bp)


def _note_changes(session: Session, _context: Any) -> None:
    if any(isinstance(o, WATCHED) for o in chain(session.new, session.dirty, session.deleted)) or \
            any(isinstance(o, Event) for o in session.deleted):
        session.info["planner_feeds_changed"] = True


def note_event_changed(event: Event, **_changes: object) -> None:
    """The feed cache's receiver of event_changed: this transaction's commit forgets the token answers."""
    session = object_session(event) or db.session
    session.info["planner_feeds_changed"] = True


def _forget_after_commit(session: Session) -> None:
    """This process serves the change at once; other workers within FEED_CACHE_SECONDS."""
    if session.info.pop("planner_feeds_changed", False) and has_app_context():
        cache = current_app.extensions.get("planner_feed_cache")
        if cache is not None:
            cache.forget_answers()


def _cache() -> FeedCache:
    return current_app.extensions["planner_feed_cache"]


def rendered_feed(scope: Scope, event_pages: str) -> Rendered:
    now = utcnow()
    cache = _cache().rendered
    if not cache.size:  # FEED_RENDER_CACHE=0: no fingerprint to look up
        return render(scope, current_app.config, now, event_pages)
    fingerprinted, changed = fingerprint(scope, current_app.config, now)
    key = (fingerprinted, event_pages)
    rendered = cache.get(key)
    if rendered is None:
        rendered = render(scope, current_app.config, now, event_pages, changed=changed)
        cache.put(key, rendered)
    return rendered


def _not_modified(rendered: Rendered) -> bool:
    """If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2) and compares weakly (13.1.2).

    A proxy that gzips makes our tag W/"…"; a client that got the gzip body sends "…-gzip". Both
    name the same schedule, so either representation's tag, weak or strong, means unchanged.
    """
    if "If-None-Match" in request.headers:
        tags = request.if_none_match
        return tags.star_tag or any(tags.contains_weak(t.strip('"')) for t in (rendered.etag, rendered.gzip_etag))
    since = request.if_modified_since
    return since is not None and rendered.last_modified <= since


def _wants_gzip() -> bool:
    return request.accept_encodings["gzip"] > 0




def respond(rendered: Rendered, filename: str, private: bool) -> Response:
    """The feed gzipped when the client accepts it (subscribers poll us directly, with no proxy)."""
    gzipped = _wants_gzip()
    headers = {
        "ETag": rendered.gzip_etag if gzipped else rendered.etag,
        "Last-Modified": http_date(rendered.last_modified),
        "Cache-Control": "private, no-cache" if private else "public, no-cache",
        "Vary": "Accept-Encoding",
    }
    if private:
        headers["X-Robots-Tag"] = "noindex"
    if _not_modified(rendered):
        return Response(status=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    return Response(rendered.gzipped if gzipped else rendered.body, status=200, headers=headers,
                    content_type="text/calendar; charset=utf-8")


def live_scope(token: str) -> Scope:
    scope = scope_for_token(token) if token_shaped(token) else None
    if scope is None:
        abort(404)
    return scope


def public_body(org_slug: str, body_slug: str) -> Body:
    body = db.session.scalar(
        db.select(Body).join(Organization).where(Organization.slug == org_slug, Body.slug == body_slug,
                                                 Body.public_feed.is_(True))
        .options(joinedload(Body.organization))
    )
    if body is None:
        abort(404)
    return body


def feed_links(path: str) -> dict[str, str]:
    """The https link (Outlook on the web, Google) and the webcal link (one click elsewhere)."""
    https = current_app.config["BASE_URL"].rstrip("/") + path
    webcal = "webcal://" + https.split("://", 1)[1]
    return {"https": https, "webcal": webcal}


@bp.get("/<token>.ics")
@rate_limited("token")
def feed_ics(token: str) -> Response:
    config = current_app.config
    ttl = float(config.get("FEED_CACHE_SECONDS", 5))
    key = (token, config["BASE_URL"], config["FEED_DAYS_BACK"], config["FEED_MONTHS_AHEAD"])
    rendered = _cache().answer(key, ttl)
    if rendered is None:
        rendered = rendered_feed(live_scope(token), token_pages(config["BASE_URL"], token))
        _cache().remember(key, rendered, ttl)
    return respond(rendered, "kalender", private=True)


@bp.get("/<token>")
@rate_limited("token")
def subscribe(token: str) -> str:
    scope = live_scope(token)
    links = feed_links(url_for("feeds.feed_ics", token=token))
    return render_template("feeds/subscribe.html", name=scope.name, links=links)


@bp.get("/public/<org_slug>/<body_slug>.ics")
def public_ics(org_slug: str, body_slug: str) -> Response:
    pages = public_pages(current_app.config["BASE_URL"], org_slug, body_slug)
    return respond(rendered_feed(body_scope(public_body(org_slug, body_slug)), pages), body_slug, private=False)


@bp.get("/public/<org_slug>/<body_slug>")
def public_subscribe(org_slug: str, body_slug: str) -> str:
    body = public_body(org_slug, body_slug)
    links = feed_links(url_for("feeds.public_ics", org_slug=org_slug, body_slug=body_slug))
    return render_template("feeds/subscribe.html", name=body_scope(body).name, links=links)




STATUS_TEXT = {"confirmed": "Bekräftat", "tentative": "Preliminärt", "cancelled": "Inställt"}


def event_page(scope: Scope, uid: str, subscribe_url: str) -> Response:
    """A feed's event, read-only, for a subscriber without an account: title, time, place, status.

    Only an event the feed serves (its scope, not a merged duplicate) is shown; anything else,
    another organization's event included, is the same 404 as a wrong token.
    """
    event = db.session.scalar(db.select(Event).where(Event.uid == uid, Event.merged_into_id.is_(None),
                                                     *scope.filters()).options(joinedload(Event.body)))
    if event is None:
        abort(404)
    cancelled = event.status == "cancelled" or event.deleted_at is not None
    if event.all_day:
        when = datefmt.format_period(event.start_date, event.end_date)
    else:
        when = datefmt.format_when(event.start_at, event.end_at)
    response = current_app.make_response(render_template(
        "feeds/event.html", event=event, name=scope.name, when=when, cancelled=cancelled,
        status=STATUS_TEXT["cancelled"] if cancelled else STATUS_TEXT.get(event.status, "Bekräftat"),
        rule=describe_rule(event.rrule) if event.rrule else "", subscribe_url=subscribe_url))
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.get("/<token>/handelse/<path:uid>")
def token_event(token: str, uid: str) -> Any:
    return event_page(live_scope(token), uid, url_for("feeds.subscribe", token=token))


@bp.get("/public/<org_slug>/<body_slug>/handelse/<path:uid>")
def public_event(org_slug: str, body_slug: str, uid: str) -> Any:
    body = public_body(org_slug, body_slug)
    return event_page(body_scope(body), uid, url_for("feeds.public_subscribe", org_slug=org_slug, body_slug=body_slug))
