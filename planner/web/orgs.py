"""Organizations, member municipalities, bodies, chair rotation and chair terms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from planner.clock import today_local
from planner.db import db
from planner.models import Body, ChairTerm, Event, Municipality, Organization
from planner.reminders.addresses import BadAddress, check_address
from planner.reminders.sync import sync_event_reminders
from planner.schedule.chairs import Handover, chair_now, next_handovers, propose_handover_events
from planner.schedule.datefmt import MONTHS as DATEFMT_MONTHS
from planner.schedule.derived import RuleError, parse_rules
from planner.schedule.orgs import slugify
from planner.web.auth import (
    can_edit_organization,
    require_edit,
    roles_required,
    visible_or_404,
    visible_organization_ids,
)
from planner.web.params import row_id

bp = Blueprint("orgs", __name__, url_prefix="/org")
MONTHS = DATEFMT_MONTHS["sv"]


def _org_or_404(org_id: int) -> Organization:
    return visible_or_404(Organization, org_id)


@bp.get("/")
@login_required
def index() -> str:
    query = db.select(Organization).order_by(Organization.name)
    visible = visible_organization_ids()
    if visible is not None:
        query = query.where(Organization.id.in_(visible))
    return render_template("orgs/index.html", organizations=db.session.scalars(query).all())


@bp.post("/")
@roles_required("admin")
def create() -> Any:
    name = (request.form.get("name") or "").strip()
    if not name:
        flash(gettext("Ange ett namn."), "error")
        return redirect(url_for("orgs.index"))
    if db.session.scalar(db.select(Organization).where(
            db.or_(Organization.name == name, Organization.slug == slugify(name)))):
        flash(gettext("Det finns redan en organisation som heter %(name)s.", name=name), "error")
        return redirect(url_for("orgs.index"))
    org = Organization(name=name[:200], slug=slugify(name)[:100])
    db.session.add(org)
    db.session.commit()
    flash(gettext("Organisationen %(name)s är skapad.", name=org.name), "success")
    return redirect(url_for("orgs.show", org_id=org.id))


@bp.get("/<int:org_id>")
@login_required
def show(org_id: int) -> str:
    org = _org_or_404(org_id)
    today = today_local()
    plans = {}
    chairs = {}
    for body in org.bodies:
        now = chair_now(body, today)
        chairs[body.id] = now
        holder, since = (now.holder, now.since) if now.until is None else (now.successor, now.until)
        coming = next_handovers(body.chair_rotation or [], holder, since, body.chair_term_months or 12,
                                body.handover_month, today)
        if now.until is not None:  # the calendar's own handover first, then the rotation after it
            coming = [Handover(now.until, now.holder or "?", now.successor or "?"), *coming[:2]]
        plans[body.id] = (now.holder, coming)
    municipalities = db.session.scalars(db.select(Municipality).order_by(Municipality.name)).all()
    return render_template("orgs/show.html", org=org, plans=plans, chairs=chairs, months=MONTHS, today=today,
                           municipalities=municipalities, editable=can_edit_organization(org.id))


@bp.post("/<int:org_id>/edit")
@login_required
def rename(org_id: int) -> Any:
    org = _org_or_404(org_id)
    require_edit(org.id)
    name = (request.form.get("name") or "").strip()
    if name and name != org.name:
        if db.session.scalar(db.select(Organization).where(Organization.name == name, Organization.id != org.id)):
            flash(gettext("Det finns redan en organisation som heter %(name)s.", name=name), "error")
        else:
            org.name = name[:200]
            db.session.commit()
            flash(gettext("Namnet är ändrat."), "success")
    return redirect(url_for("orgs.show", org_id=org.id))


@bp.post("/<int:org_id>/municipalities")
@login_required
def add_municipality(org_id: int) -> Any:
    org = _org_or_404(org_id)
    require_edit(org.id)
    if request.form.get("remove", type=row_id):
        org.municipalities = [m for m in org.municipalities if m.id != request.form.get("remove", type=row_id)]
        db.session.commit()
        return redirect(url_for("orgs.show", org_id=org.id))
    name = (request.form.get("name") or "").strip()
    code = (request.form.get("code") or "").strip() or None
    if not name or (code and not (code.isdigit() and len(code) == 4)):
        flash(gettext("Ange kommunens namn (och ev. fyrsiffrig kommunkod)."), "error")
        return redirect(url_for("orgs.show", org_id=org.id))
    municipality = db.session.scalar(db.select(Municipality).filter_by(name=name))
    if municipality is None:
        municipality = Municipality(name=name[:100], code=code)
        db.session.add(municipality)
    if municipality not in org.municipalities:
        org.municipalities.append(municipality)
    db.session.commit()
    return redirect(url_for("orgs.show", org_id=org.id))


def _apply_body_form(body: Body) -> list[str]:
    errors = []
    name = (request.form.get("name") or "").strip()
    if not name:
        errors.append(gettext("Ange gruppens namn."))
    term = request.form.get("chair_term_months", type=int)
    if term is None or not 1 <= term <= 60:
        errors.append(gettext("Mandattiden anges i månader (1–60)."))
    month = request.form.get("handover_month", type=int)
    if month is not None and not 0 <= month <= 12:
        errors.append(gettext("Okänd månad för överlämning."))
    try:
        rules = parse_rules(request.form.get("meeting_deadlines") or "")
    except RuleError as exc:
        errors.append(str(exc))
    if errors or term is None:  # a missing term is one of the errors
        return errors
    body.meeting_deadlines = [{"label": r.label, "days": r.days} for r in rules]
    body.name = name[:200]
    body.chair_rotation = [n.strip() for n in (request.form.get("chair_rotation") or "").replace("\n", ",")
                           .split(",") if n.strip()]
    body.chair_term_months = term
    body.handover_month = month or None
    _apply_public_feed(body)
    return []


def _apply_public_feed(body: Body) -> None:
    """Only an admin makes a feed public (as at /feeds/admin/public): a secretary's form has no such box,
    and one that sends it anyway to change the setting is refused."""
    wanted = request.form.get("public_feed") == "on"
    if current_user.role == "admin":
        body.public_feed = wanted
    elif "public_feed" in request.form and wanted != bool(body.public_feed):
        db.session.rollback()
        abort(403)


@bp.post("/<int:org_id>/bodies")
@bp.post("/<int:org_id>/bodies/<int:body_id>")
@login_required
def save_body(org_id: int, body_id: int | None = None) -> Any:
    org = _org_or_404(org_id)
    require_edit(org.id)
    body = db.session.get(Body, body_id) if body_id else Body(organization_id=org.id, slug="")
    if body is None or body.organization_id not in (None, org.id):
        abort(404)
    errors = _apply_body_form(body)
    if not errors and body_id is None:
        body.slug = slugify(body.name)[:100]
        if db.session.scalar(db.select(Body.id).filter_by(organization_id=org.id, slug=body.slug)):
            errors.append(f"Gruppen {body.name} finns redan.")
    if errors:
        db.session.rollback()
        for error in errors:
            flash(error, "error")
    else:
        db.session.add(body)
        if body.id is not None:  # its meetings' derived deadlines may have changed: so have their reminders
            for event in db.session.scalars(db.select(Event).where(Event.body_id == body.id, Event.kind == "meeting",
                                                                   Event.series_id.is_(None),
                                                                   Event.deleted_at.is_(None))):
                sync_event_reminders(event)
        db.session.commit()
        flash(gettext("%(name)s är sparad.", name=body.name), "success")
    return redirect(url_for("orgs.show", org_id=org.id, _anchor=f"body{body.id or ''}"))


def _editable_body_or_404(org_id: int, body_id: int) -> tuple[Organization, Body]:
    """A body of an organization the user may edit; another organization's body is not found."""
    org = _org_or_404(org_id)
    require_edit(org.id)
    body = db.session.get(Body, body_id)
    if body is None or body.organization_id != org.id:
        abort(404)
    return org, body


@bp.post("/<int:org_id>/bodies/<int:body_id>/terms")
@login_required
def add_term(org_id: int, body_id: int) -> Any:
    org, body = _editable_body_or_404(org_id, body_id)
    holder = (request.form.get("holder") or "").strip()
    start: dt.date | None
    end: dt.date | None
    try:
        start = dt.date.fromisoformat(request.form.get("start_date") or "")
        end = dt.date.fromisoformat(request.form["end_date"]) if request.form.get("end_date") else None
    except ValueError:
        start = end = None
    if not holder or start is None or (end is not None and end <= start):
        flash(gettext("Ange vem som är ordförande och från vilket datum (ÅÅÅÅ-MM-DD); slutet efter starten."),
              "error")
        return redirect(url_for("orgs.show", org_id=org.id, _anchor=f"body{body.id}"))
    contact = request.form.get("contact_email") or ""
    try:
        contact_email = check_address(contact) if contact.strip() else None
    except BadAddress as exc:  # it goes into RCPT TO and the To header of handover reminders
        flash(gettext("Kontaktadressen sparades inte: %(reason)s", reason=exc), "error")
        return redirect(url_for("orgs.show", org_id=org.id, _anchor=f"body{body.id}"))
    body.chair_terms.append(ChairTerm(holder=holder[:200], start_date=start, end_date=end,
                                      contact_email=contact_email))
    db.session.commit()
    flash(gettext("Ordförandeskapet för %(holder)s är sparat.", holder=holder), "success")
    return redirect(url_for("orgs.show", org_id=org.id, _anchor=f"body{body.id}"))


@bp.post("/<int:org_id>/bodies/<int:body_id>/handovers")
@login_required
def propose_handovers(org_id: int, body_id: int) -> Any:
    org, body = _editable_body_or_404(org_id, body_id)
    made = propose_handover_events(body, today_local(), current_user)
    db.session.commit()
    flash(gettext("%(count)s preliminära överlämningar lades in i kalendern.", count=len(made)) if made else
          gettext("Inga nya överlämningar: de kommande finns redan, eller rotationen har färre än två namn."),
          "success")
    return redirect(url_for("orgs.show", org_id=org.id, _anchor=f"body{body.id}"))
