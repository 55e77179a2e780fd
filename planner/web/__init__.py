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
MODULES = ("filters", "home", "auth", "orgs", "documents", "events", "feeds", "wheel", "subscriptions")


class FeedAwareSessions(SecureCookieSessionInterface):
    """Flask-Login touches the session after every request; a feed still sets no cookie and varies on none."""

    def save_session(self, app: Flask, session: Any, response: Any) -> None:
        if request.endpoint in SESSIONLESS_ENDPOINTS:
            return
        super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    app.session_interface = FeedAwareSessions()
    for name in MODULES:
        module = importlib.import_module(f"planner.web.{name}")
        if hasattr(module, "init_app"):
            module.init_app(app)
        if hasattr(module, "bp"):
            app.register_blueprint(module.bp)
