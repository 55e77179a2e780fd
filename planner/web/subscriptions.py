"""Reminder subscriptions: opt-in, preferences, one-click unsubscribe."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("subscriptions", __name__, url_prefix="/paminnelser")
