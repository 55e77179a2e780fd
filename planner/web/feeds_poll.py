"""The poll that changed nothing, answered before Flask: 304 for a feed this process just served.

Calendar apps poll a feed every few minutes to hours and almost always get 304. Through Flask
that answer costs a request context, routing, the rate limiter's storage, the session interface
and two hooks: four fifths of its CPU. Here a GET or HEAD of /feeds/<token>.ics whose
If-None-Match names (weakly, RFC 9110 13.1.2) the tag of what this process answered for that token
less than FEED_CACHE_SECONDS ago gets the same 304, headers included, straight from the WSGI
environ. Anything else goes to Flask untouched: a miss, an unknown or revoked token (its 404 and the
rate limit on misses stay there), `If-None-Match: *` (it would tell a guesser that a token is live;
naming a real tag takes the feed itself), a changed schedule. A commit in this process clears the
answers (planner.web.feeds); other workers see a change within FEED_CACHE_SECONDS, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from werkzeug.http import parse_accept_header, parse_etags

from planner.feeds.cache import FeedCache
from planner.web.headers import security_headers, site_is_https
from planner.web.params import token_shaped

PREFIX, SUFFIX = "/feeds/", ".ics"
StartResponse = Callable[..., Any]


def wants_gzip(accept_encoding: str | None) -> bool:
    """request.accept_encodings["gzip"] > 0, from the raw header (werkzeug's own parser)."""
    return bool(accept_encoding) and parse_accept_header(accept_encoding)["gzip"] > 0


def poll_token(environ: dict[str, Any]) -> str | None:
    """The token of a conditional GET/HEAD of a secret feed that may be answered here, else None."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_IF_NONE_MATCH" not in environ:
        return None
    path = environ.get("PATH_INFO", "")
    if not (path.startswith(PREFIX) and path.endswith(SUFFIX)) or environ.get("QUERY_STRING"):
        return None
    token = path[len(PREFIX):-len(SUFFIX)]
    return token if token_shaped(token) else None


class ConditionalFeeds:
    """WSGI middleware in front of the Flask app (inside ProxyFix, so the scheme is the client's)."""

    def __init__(self, app: Flask, wrapped: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app, self.wrapped = app, wrapped
        self.https = site_is_https(app)
        self.ancestors = str(app.config.get("EMBED_FRAME_ANCESTORS") or "*")

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        token = poll_token(environ)
        if token is not None:
            headers = self.not_modified(token, environ)
            if headers is not None:
                start_response("304 NOT MODIFIED", headers)
                return []
        return self.wrapped(environ, start_response)

    def not_modified(self, token: str, environ: dict[str, Any]) -> list[tuple[str, str]] | None:
        """The 304's headers when this process's answer for the token is fresh and the client has it."""
        config = self.app.config
        cache: FeedCache = self.app.extensions["planner_feed_cache"]
        key = (token, config["BASE_URL"], config["FEED_DAYS_BACK"], config["FEED_MONTHS_AHEAD"])
        rendered = cache.answer(key, float(config.get("FEED_CACHE_SECONDS", 5)))
        if rendered is None:
            return None
        tags = parse_etags(environ["HTTP_IF_NONE_MATCH"])
        if tags.star_tag or not any(tags.contains_weak(t.strip('"')) for t in (rendered.etag, rendered.gzip_etag)):
            return None
        gzipped = wants_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
        # What planner.web.feeds.respond() and the after-request hooks give the same 304 (tested header by header).
        # (werkzeug drops Last-Modified from a 304, an entity header; the limiter's counters are not here.)
        headers = [("ETag", rendered.gzip_etag if gzipped else rendered.etag), ("Cache-Control", "private, no-cache"),
                   ("Vary", "Accept-Encoding"), ("X-Robots-Tag", "noindex")]
        https = self.https or environ.get("wsgi.url_scheme") == "https"
        headers.extend(security_headers(https=https, embeddable=False, embed_ancestors=self.ancestors).items())
        return headers


def install(app: Flask) -> None:
    """Put the poll answer in front of the app (before ProxyFix wraps it: planner.web.init_app's order)."""
    app.wsgi_app = ConditionalFeeds(app, app.wsgi_app)  # type: ignore[method-assign]
