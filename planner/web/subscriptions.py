"""Reminder subscriptions: opt-in, preferences, one-click unsubscribe, and the admin's delivery list.

The secret subscriber token in each mail's links stands in for a login; the unsubscribe POST
(RFC 8058 one-click, sent by mail clients without a session) is exempt from CSRF.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from sqlalchemy import and_, func, or_, select, true

from planner.db import db
from planner.models import Body, Event, Organization, ReminderDelivery, Subscriber
from planner.models.reminder import subscriber_body
from planner.reminders.settings import org_settings
from planner.reminders.subscribe import (
    SubscribeError,
    confirm,
    normalize_email,
    send_confirmation,
    unsubscribe,
    update_preferences,
    upsert,
)
from planner.translations import N_
from planner.web.auth import csrf, roles_required, visible_organization_ids
from planner.web.params import row_ids, token_shaped
from planner.web.ratelimit import rate_limited

bp = Blueprint("subscriptions", __name__, url_prefix="/paminnelser")

LEAD_CHOICES = ("P14D", "P7D", "P3D", "P1D", "P0D")
KINDS = (("meeting", N_("Möten")), ("deadline", N_("Sista dagar")))


def _organizations() -> list[Organization]:
    return list(db.session.scalars(select(Organization).order_by(Organization.name)))


def _by_token(token: str) -> Subscriber:
    subscriber = db.session.scalar(select(Subscriber).where(Subscriber.token == token)) if token_shaped(token) else None
    if subscriber is None:
        abort(404)
    return subscriber


def _form_choices() -> tuple[list[Body], dict[str, list[str]], bool]:
    bodies = db.session.scalars(select(Body).where(Body.id.in_(
        row_ids(request.form.getlist("body"))))).all() if request.form.getlist("body") else []
    leads = {kind: [v for v in request.form.getlist(f"lead_{kind}") if v in LEAD_CHOICES] for kind, _ in KINDS}
    return list(bodies), leads, request.form.get("digest") == "1"


def _page(template: str, subscriber: Subscriber | None = None, status: int = 200, **extra: Any) -> tuple[str, int]:
    org = subscriber.organization if subscriber else None
    defaults = org_settings(org).leads
    chosen = (subscriber.lead_times if subscriber and subscriber.lead_times else None) or defaults
    return render_template(template, subscriber=subscriber, organizations=_organizations(), kinds=KINDS,
                           lead_choices=LEAD_CHOICES, chosen=chosen,
                           body_ids={b.id for b in subscriber.bodies} if subscriber else set(), **extra), status


@bp.route("/", methods=["GET", "POST"])
@rate_limited("subscribe")
def index() -> Any:
    if request.method == "GET":
        return _page("subscriptions/index.html")
    try:
        email = normalize_email(request.form.get("email", ""))
    except SubscribeError as exc:
        flash(str(exc), "error")
        return _page("subscriptions/index.html", status=400)
    bodies, leads, digest = _form_choices()
    existing = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
    if existing is not None and existing.confirmed_at is not None:
        subscriber = existing  # a stranger may not change a confirmed subscriber's choices
    elif existing is not None:
        subscriber = existing  # not confirmed yet: the latest form wins
        subscriber.unsubscribed_at = None
        update_preferences(subscriber, bodies, digest, leads)
    else:
        subscriber, _ = upsert(email, bodies, None, digest=digest, lead_times=leads)
    db.session.commit()
    try:
        send_confirmation(subscriber)
    except SubscribeError as exc:
        flash(str(exc), "error")
        return _page("subscriptions/index.html", status=400)
    except OSError:
        flash(gettext("Vi kunde inte skicka mejlet just nu. Dina val är sparade; försök igen om en stund."), "error")
        return _page("subscriptions/index.html", status=503)
    return render_template("subscriptions/check_mail.html", email=email)


@bp.route("/bekrafta/<token>", methods=["GET", "POST"])
@rate_limited("token")
def confirm_view(token: str) -> Any:
    subscriber = _by_token(token)
    if request.method == "POST":
        confirm(subscriber)
        db.session.commit()
        flash(gettext("Tack! Dina påminnelser är bekräftade."))
        return redirect(url_for("subscriptions.preferences", token=token))
    return render_template("subscriptions/confirm.html", subscriber=subscriber)


@bp.route("/installningar/<token>", methods=["GET", "POST"])
@rate_limited("token")
def preferences(token: str) -> Any:
    subscriber = _by_token(token)
    if request.method == "POST":
        bodies, leads, digest = _form_choices()
        update_preferences(subscriber, bodies, digest, leads)
        db.session.commit()
        flash(gettext("Dina val är sparade."))
        return redirect(url_for("subscriptions.preferences", token=token))
    return _page("subscriptions/preferences.html", subscriber)


@bp.get("/avregistrera/<token>")
@rate_limited("token")
def unsubscribe_page(token: str) -> Any:
    return render_template("subscriptions/unsubscribe.html", subscriber=_by_token(token), done=False)


@bp.post("/avregistrera/<token>")
@csrf.exempt
@rate_limited("token")
def unsubscribe_view(token: str) -> Any:
    """RFC 8058 one-click: mail clients POST List-Unsubscribe=One-Click here without a session."""
    subscriber = _by_token(token)
    unsubscribe(subscriber)
    db.session.commit()
    return render_template("subscriptions/unsubscribe.html", subscriber=subscriber, done=True)


def _own_subscribers(visible: set[int]) -> Any:
    """Subscribers of these organizations: theirs, or following one of their bodies."""
    follows = select(subscriber_body.c.subscriber_id).join(Body, Body.id == subscriber_body.c.body_id).where(
        Body.organization_id.in_(visible))
    return or_(Subscriber.organization_id.in_(visible), Subscriber.id.in_(follows))


def _own_deliveries(visible: set[int]) -> Any:
    """Deliveries about these organizations' events, and digests to their subscribers."""
    events = select(Event.id).where(Event.organization_id.in_(visible))
    digests = select(Subscriber.id).where(_own_subscribers(visible))
    return or_(ReminderDelivery.event_id.in_(events),
               and_(ReminderDelivery.event_id.is_(None), ReminderDelivery.subscriber_id.in_(digests)))


@bp.get("/admin")
@roles_required("admin", "secretary")
def admin() -> Any:
    """Deliveries and subscribers; a secretary sees only their own organization's addresses."""
    visible = visible_organization_ids()
    mine = _own_deliveries(visible) if visible is not None else true()
    counts = dict(db.session.execute(select(ReminderDelivery.status, func.count()).where(mine)
                                     .group_by(ReminderDelivery.status)).all())
    failed = db.session.scalars(select(ReminderDelivery).where(ReminderDelivery.status == "failed", mine)
                                .order_by(ReminderDelivery.due_at.desc()).limit(200)).all()
    upcoming = db.session.scalars(select(ReminderDelivery).where(ReminderDelivery.status.in_(("pending", "claimed")),
                                                                 mine)
                                  .order_by(ReminderDelivery.due_at).limit(50)).all()
    subscribers = db.session.scalars(select(Subscriber).where(
        _own_subscribers(visible) if visible is not None else true()).order_by(Subscriber.email)).all()
    return render_template("subscriptions/admin.html", counts=counts, failed=failed, upcoming=upcoming,
                           subscribers=subscribers)
