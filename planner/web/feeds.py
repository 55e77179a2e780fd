"""iCal feeds and their subscribe pages."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("feeds", __name__, url_prefix="/feeds")
