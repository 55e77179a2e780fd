"""Blueprints, one module per part of the UI a user sees.

Each module has a Blueprint `bp` and may have `init_app(app)` for what it sets up once.
"""

from __future__ import annotations

import importlib
from typing import Any

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface

# Served to calendar apps, never to a logged-in browser: no session is read, so no "Vary: Cookie".
SESSIONLESS_ENDPOINTS = frozenset({"feeds.feed_ics", "feeds.public_ics"})
MODULES = ("headers", "filters", "home", "auth", "orgs", "documents", "events", "feeds", "wheel", "subscriptions")


class FeedAwareSessions(SecureCookieSessionInterface):
    """Flask-Login touches the session after every request; a feed still sets no cookie and varies on none."""

    def save_session(self, app: Flask, session: Any, response: Any) -> None:
        if request.endpoint in SESSIONLESS_ENDPOINTS:
            return
        super().save_session(app, session, response)

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure when configured (an https BASE_URL) or when this request came over https (ProxyFix)."""
        return bool(super().get_cookie_secure(app) or request.is_secure)


def init_app(app: Flask) -> None:
    from planner.web.params import DatabaseInt

    app.session_interface = FeedAwareSessions()
    app.url_map.converters["int"] = DatabaseInt  # before any route is added: every <int:…> is bounded
    for name in MODULES:
        module = importlib.import_module(f"planner.web.{name}")
        if hasattr(module, "init_app"):
            module.init_app(app)
        if hasattr(module, "bp"):
            app.register_blueprint(module.bp)
    from planner.web import ratelimit

    ratelimit.apply(app)  # after the blueprints: it wraps the views marked @rate_limited
    from planner.web import feeds_poll, headers

    feeds_poll.install(app)  # a poll that changed nothing is answered before Flask
    headers.trust_proxies(app)  # outermost: every layer inside sees the client's address and scheme
