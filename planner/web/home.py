"""The start page: the schedule at a glance."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, render_template

from planner.db import db
from planner.models import Document, Event

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    events = db.session.scalars(
        db.select(Event).where(Event.series_id.is_(None)).order_by(Event.start_date, Event.start_at)
    ).all()
    events.sort(key=_sort_key)
    documents = db.session.scalars(db.select(Document).order_by(Document.uploaded_at.desc()).limit(20)).all()
    return render_template("home/index.html", events=events, documents=documents)


def _sort_key(event: Event) -> dt.date:
    if event.start_at is not None:
        return event.start_at.date()
    return event.start_date or dt.date.min


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}
