"""The årshjul in the browser."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("wheel", __name__, url_prefix="/arshjul")
