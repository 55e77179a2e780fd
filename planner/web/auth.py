"""Logging in and out; roles admin, secretary, viewer."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")
