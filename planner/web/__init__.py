"""Blueprints, one module per part of the UI a user sees.

Each module has a Blueprint `bp` and may have `init_app(app)` for what it sets up once.
"""

from __future__ import annotations

import importlib

from flask import Flask

MODULES = ("filters", "home", "auth", "orgs", "documents", "events", "feeds", "wheel", "subscriptions")


def init_app(app: Flask) -> None:
    for name in MODULES:
        module = importlib.import_module(f"planner.web.{name}")
        if hasattr(module, "init_app"):
            module.init_app(app)
        if hasattr(module, "bp"):
            app.register_blueprint(module.bp)
