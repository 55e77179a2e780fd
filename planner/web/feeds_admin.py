"""The admin's side of feeds: create per organization, body or municipality, revoke, rotate,
switch a body's public feed on or off, and import an .ics into a body's schedule."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from planner.db import db, utcnow
from planner.feeds.fetch import fetch
from planner.feeds.importer import ImportRefused
from planner.feeds.scope import feed_scope
from planner.feeds.store import import_calendar
from planner.models import EVENT_KINDS, Body, Feed, Municipality, Organization
from planner.models.feed import new_token
from planner.web.auth import can_edit_organization, roles_required
from planner.web.params import row_id

bp = Blueprint("feeds_admin", __name__, url_prefix="/feeds/admin")
SCOPES = {"org": Organization, "body": Body, "muni": Municipality}


@bp.get("/")
@roles_required("admin")
def index() -> str:
    feeds = db.session.scalars(db.select(Feed).order_by(Feed.revoked_at.is_not(None), Feed.id)).all()
    rows = [(feed, feed_scope(feed).name) for feed in feeds]
    return render_template(
        "feeds/admin.html", rows=rows, kinds=EVENT_KINDS,
        organizations=db.session.scalars(db.select(Organization).order_by(Organization.name)).all(),
        municipalities=db.session.scalars(db.select(Municipality).order_by(Municipality.name)).all(),
    )


@bp.post("/create")
@roles_required("admin")
def create() -> Any:
    kind, _, raw_id = (request.form.get("scope") or "").partition(":")
    model = SCOPES.get(kind)
    target = db.session.get(model, row_id(raw_id) or 0) if model else None
    if target is None:
        flash(gettext("Välj vad flödet ska visa: en organisation, ett organ eller en kommun."), "error")
        return redirect(url_for(".index"))
    kinds = sorted(k for k in request.form.getlist("kinds") if k in EVENT_KINDS) or None
    attribute = {"org": "organization", "body": "body", "muni": "municipality"}[kind]
    feed = Feed(name=(request.form.get("name") or "").strip()[:200], kinds=kinds, **{attribute: target})
    db.session.add(feed)
    db.session.commit()
    flash(gettext("Flödet är skapat. Skicka prenumerationssidans länk till dem som ska prenumerera."))
    return redirect(url_for(".index"))


def _feed(feed_id: int) -> Feed:
    feed = db.session.get(Feed, feed_id)
    if feed is None:
        abort(404)
    return feed


@bp.post("/<int:feed_id>/revoke")
@roles_required("admin")
def revoke(feed_id: int) -> Any:
    feed = _feed(feed_id)
    feed.revoked_at = feed.revoked_at or utcnow()
    db.session.commit()
    flash(gettext("Flödet är återkallat: adressen fungerar inte längre."))
    return redirect(url_for(".index"))


@bp.post("/<int:feed_id>/rotate")
@roles_required("admin")
def rotate(feed_id: int) -> Any:
    feed = _feed(feed_id)
    feed.token = new_token()
    feed.revoked_at = None
    db.session.commit()
    flash(gettext("Flödet har fått en ny adress; den gamla fungerar inte längre. Prenumeranterna behöver den nya."))
    return redirect(url_for(".index"))


@bp.post("/public/<int:body_id>")
@roles_required("admin")
def toggle_public(body_id: int) -> Any:
    body = db.session.get(Body, body_id)
    if body is None:
        abort(404)
    body.public_feed = request.form.get("public") == "1"
    db.session.commit()
    flash(gettext("Öppet flöde för %(body)s är på.", body=body.name) if body.public_feed else
          gettext("Öppet flöde för %(body)s är av.", body=body.name))
    return redirect(url_for(".index"))


@bp.route("/import", methods=["GET", "POST"])
@roles_required("admin", "secretary")
def import_ics() -> Any:
    bodies = [b for b in db.session.scalars(db.select(Body).order_by(Body.name)) if can_edit_organization(
        b.organization_id)]
    if request.method == "GET":
        return render_template("feeds/import.html", bodies=bodies, kinds=EVENT_KINDS)
    body_id = request.form.get("body_id", "")
    body = next((b for b in bodies if str(b.id) == body_id), None)
    kind = request.form.get("kind") or None
    if body is None or (kind is not None and kind not in EVENT_KINDS):
        flash(gettext("Välj ett organ att importera till."), "error")
        return render_template("feeds/import.html", bodies=bodies, kinds=EVENT_KINDS), 400
    config = current_app.config
    upload = request.files.get("file")
    url = (request.form.get("url") or "").strip()
    try:
        if upload is not None and upload.filename:
            data = upload.stream.read(int(config["ICS_IMPORT_MAX_BYTES"]) + 1)
            source = upload.filename
        elif url:
            data = fetch(url, max_bytes=int(config["ICS_IMPORT_MAX_BYTES"]),
                         timeout=float(config["ICS_IMPORT_TIMEOUT"]),
                         allow_private=bool(config["ICS_IMPORT_ALLOW_PRIVATE"]))
            source = url
        else:
            raise ImportRefused("välj en .ics-fil eller ange en adress")
        result = import_calendar(data, body, source, config, utcnow(), kind=kind, actor=current_user.email)
    except ImportRefused as exc:
        db.session.rollback()
        flash(gettext("Importen stoppades: %(reason)s", reason=exc), "error")
        return render_template("feeds/import.html", bodies=bodies, kinds=EVENT_KINDS), 400
    db.session.commit()
    flash(gettext("Importerat till %(body)s: %(summary)s.", body=body.name, summary=result.summary()))
    return redirect(url_for(".import_ics"))
