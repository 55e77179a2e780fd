"""Organizations, member municipalities, bodies and chair terms."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("orgs", __name__, url_prefix="/org")
