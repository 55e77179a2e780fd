"""The reviewed schedule: list and month views, editing, series."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("events", __name__, url_prefix="/events")
