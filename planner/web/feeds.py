"""iCal feeds at /feeds/<token>.ics, their subscribe pages, and the admin's feed management.

The token in the URL is the only secret: a wrong, rotated or revoked token gets the same 404 as
a path that never existed. Rendered feeds are cached per worker by a one-query fingerprint of the
schedule, so the conditional GET Outlook sends every few hours costs two small queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, render_template, request, url_for
from sqlalchemy.orm import joinedload
from werkzeug.http import http_date

from planner.db import db, utcnow
from planner.feeds.scope import Rendered, Scope, body_scope, feed_scope, render, version
from planner.models import Body, Feed, Organization

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
CACHE_SIZE = 256


class FeedCache:
    """Rendered feeds by fingerprint; small LRU, one per worker process."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._items: OrderedDict[tuple[Any, ...], Rendered] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: tuple[Any, ...]) -> Rendered | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: tuple[Any, ...], value: Rendered) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def init_app(app: Flask) -> None:
    app.extensions["planner_feed_cache"] = FeedCache()
    from planner.web import feeds_admin

    app.register_blueprint(feeds_admin.bp)


def rendered_feed(scope: Scope) -> Rendered:
    now = utcnow()
    key = version(scope, current_app.config, now)
    cache: FeedCache = current_app.extensions["planner_feed_cache"]
    rendered = cache.get(key)
    if rendered is None:
        rendered = render(scope, current_app.config, now)
        cache.put(key, rendered)
    return rendered


def _not_modified(rendered: Rendered) -> bool:
    """If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)."""
    if "If-None-Match" in request.headers:
        return request.if_none_match.contains(rendered.etag.strip('"')) or request.if_none_match.star_tag
    since = request.if_modified_since
    return since is not None and rendered.last_modified <= since


def serve(scope: Scope, filename: str, private: bool) -> Response:
    rendered = rendered_feed(scope)
    headers = {
        "ETag": rendered.etag,
        "Last-Modified": http_date(rendered.last_modified),
        "Cache-Control": "private, no-cache" if private else "public, no-cache",
    }
    if private:
        headers["X-Robots-Tag"] = "noindex"
    if _not_modified(rendered):
        return Response(status=304, headers=headers)
    headers["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return Response(rendered.body, status=200, headers=headers, content_type="text/calendar; charset=utf-8")


def live_feed(token: str) -> Feed:
    feed = None
    if 20 <= len(token) <= 100:
        feed = db.session.scalar(
            db.select(Feed).where(Feed.token == token, Feed.revoked_at.is_(None)).options(
                joinedload(Feed.organization), joinedload(Feed.body).joinedload(Body.organization),
                joinedload(Feed.municipality),
            )
        )
    if feed is None:
        abort(404)
    return feed


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
def feed_ics(token: str) -> Response:
    return serve(feed_scope(live_feed(token)), "kalender", private=True)


@bp.get("/<token>")
def subscribe(token: str) -> str:
    feed = live_feed(token)
    links = feed_links(url_for("feeds.feed_ics", token=token))
    return render_template("feeds/subscribe.html", name=feed_scope(feed).name, links=links)


@bp.get("/public/<org_slug>/<body_slug>.ics")
def public_ics(org_slug: str, body_slug: str) -> Response:
    return serve(body_scope(public_body(org_slug, body_slug)), body_slug, private=False)


@bp.get("/public/<org_slug>/<body_slug>")
def public_subscribe(org_slug: str, body_slug: str) -> str:
    body = public_body(org_slug, body_slug)
    links = feed_links(url_for("feeds.public_ics", org_slug=org_slug, body_slug=body_slug))
    return render_template("feeds/subscribe.html", name=body_scope(body).name, links=links)


