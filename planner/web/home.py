"""The start page: the schedule at a glance, and what is waiting for review."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, Flask, redirect, render_template, request, session, url_for
from flask_login import login_required

from planner.clock import today_local
from planner.db import db
from planner.models import Document, Event, Proposal
from planner.web.auth import visible_organization_ids
from planner.web.safe_next import safe_next

bp = Blueprint("home", __name__)


ERRORS = {
    400: ("Felaktig begäran", "Begäran kunde inte tolkas. Inget har ändrats."),
    403: ("Inte tillåtet", "Ditt konto får inte göra det här. Inget har ändrats."),
    404: ("Hittades inte", "Sidan finns inte, eller så hör den till en annan organisation."),
    429: ("För många försök", "Du har försökt för många gånger på kort tid. Vänta en stund och försök igen."),
    500: ("Något gick fel", "Ett oväntat fel inträffade. Inget har ändrats; försök igen om en stund."),
}


def init_app(app: Flask) -> None:
    from planner.web import i18n

    i18n.init_app(app)
    for code in ERRORS:
        app.register_error_handler(code, _error_page)


def _error_page(error: Any) -> Any:
    """Swedish error pages; calendar clients (feeds) get the same status with a short text."""
    code = getattr(error, "code", 500) or 500
    title, message = ERRORS.get(code, ("Fel", "Något gick fel."))
    if request.blueprint == "feeds" or request.path.endswith(".ics"):
        return f"{code} {title}\n", code, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("home/error.html", code=code, title=title, message=message), code


@bp.get("/")
@login_required
def index() -> str:
    query = db.select(Event).where(Event.series_id.is_(None), Event.deleted_at.is_(None))
    visible = visible_organization_ids()
    if visible is not None:
        query = query.where(Event.organization_id.in_(visible))
    events = sorted(db.session.scalars(query).all(), key=_sort_key)
    today = today_local()
    upcoming = [e for e in events if _sort_key(e) >= today or e.rrule]
    past = [e for e in events if e not in upcoming][-20:]
    doc_query = db.select(Document).order_by(Document.uploaded_at.desc()).limit(10)
    if visible is not None:
        doc_query = doc_query.where(Document.organization_id.in_(visible))
    documents = db.session.scalars(doc_query).all()
    pending = {d.id: sum(1 for p in d.proposals if p.status == "pending") for d in documents}
    wq = db.select(db.func.count(Proposal.id)).join(Document).where(Proposal.status == "pending")
    if visible is not None:
        wq = wq.where(Document.organization_id.in_(visible))
    waiting = db.session.scalar(wq) or 0
    return render_template("home/index.html", upcoming=upcoming, past=past, documents=documents,
                           pending=pending, waiting=waiting)


def _sort_key(event: Event) -> dt.date:
    from planner.schedule.datefmt import STOCKHOLM

    if event.start_at is not None:
        return event.start_at.astimezone(STOCKHOLM).date()
    return event.start_date or dt.date.min


@bp.get("/sprak/<code>")
def set_language(code: str) -> Any:
    from planner.web.i18n import LANGUAGES

    if code in LANGUAGES:
        session["lang"] = code
    return redirect(safe_next(request.args.get("next"), url_for("home.index")))


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}
