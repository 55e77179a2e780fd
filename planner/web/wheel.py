"""The årshjul in the browser: the wheel, the list beside it, downloads, embedding and next year's draft.

Logged-in users see their own organization's wheel (admins and users without an organization:
every one); another organization's is not found. People without an account see it
through `?embed=1&token=…` with a feed token that is not revoked; the token's scope (its
organization, body or municipality, and its kinds) limits what the wheel shows.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse  # what redirect() is typed to give

from planner.clock import today_local
from planner.db import db
from planner.models import Body, Feed, Organization
from planner.web.auth import can_edit_organization, roles_required, visible_organization_ids
from planner.web.params import token_shaped
from planner.web.ratelimit import rate_limited
from planner.wheel.collect import collect
from planner.wheel.export import FORMATS, ExportError, export, filename
from planner.wheel.listing import by_month, chair_rings, entries
from planner.wheel.nextyear import AlreadyCreated, create_next_year, existing, plan_next_year
from planner.wheel.svg import render
from planner.wheel.text import day_text

bp = Blueprint("wheel", __name__, url_prefix="/arshjul")


class Access:
    """Who is looking: a logged-in user, or the scope of a feed token."""

    def __init__(self, token: str | None = None, body: Body | None = None, kinds: list[str] | None = None) -> None:
        self.token, self.body, self.kinds = token, body, kinds

    @property
    def via_token(self) -> bool:
        return self.token is not None


def _organization(slug: str) -> Organization:
    org = db.session.scalar(db.select(Organization).filter_by(slug=slug))
    if org is None:
        abort(404)
    return org


def _body(org: Organization, slug: str | None) -> Body | None:
    if slug is None:
        return None
    body = db.session.scalar(db.select(Body).filter_by(organization_id=org.id, slug=slug))
    if body is None:
        abort(404)
    return body


def _access(org: Organization, body: Body | None) -> Access | WerkzeugResponse:
    """A logged-in user sees the organizations they belong to (an admin: all); anyone else needs a
    valid feed token for this organization."""
    token = request.args.get("token")
    if current_user.is_authenticated and not token:
        visible = visible_organization_ids()
        if visible is not None and org.id not in visible:
            abort(404)  # as /events/<id> of another organization: not found, not merely forbidden
        return Access()
    if not token:
        if request.args.get("embed"):
            abort(403, "Årshjulet kan bäddas in med en prenumerationslänks token (?embed=1&token=…).")
        return redirect(url_for("auth.login", next=request.full_path))
    feed = db.session.scalar(db.select(Feed).filter_by(token=token)) if token_shaped(token) else None
    if feed is None or feed.revoked_at is not None:
        abort(403, "Länken är ogiltig eller återkallad. Be kansliet om en ny.")
    if feed.body_id is not None:
        if feed.body.organization_id != org.id or (body is not None and body.id != feed.body_id):
            abort(403, "Länken gäller inte det här årshjulet.")
        return Access(token, feed.body, feed.kinds or None)
    if feed.organization_id is not None and feed.organization_id != org.id:
        abort(403, "Länken gäller inte det här årshjulet.")
    if feed.organization_id is None and feed.municipality_id is not None:
        if feed.municipality not in org.municipalities:
            abort(403, "Länken gäller inte det här årshjulet.")
    return Access(token, body, feed.kinds or None)


def _options() -> dict[str, Any]:
    grouping = "kind" if request.args.get("rings") == "kind" else "body"
    try:
        first_month = int(request.args.get("start", "1"))
    except ValueError:
        first_month = 1
    return {"grouping": grouping, "first_month": first_month if 1 <= first_month <= 12 else 1}


def _data(org: Organization, body: Body | None, year: int, access: Access, with_sources: bool):
    if not 1900 <= year <= 2200:
        abort(404)
    options = _options()

    def document_url(doc_id: int, line: int | None) -> str:
        anchor = f"#L{line}" if line else ""
        return f"/documents/{doc_id}{anchor}"

    return collect(org, year, body=access.body or body, first_month=options["first_month"],
                   grouping=options["grouping"], kinds=access.kinds, today=today_local(),
                   document_url=document_url if with_sources else None)


def _query(**changes: Any) -> dict[str, Any]:
    """The current view's parameters (embed, token, rings, start) with some changed."""
    keep = {k: request.args[k] for k in ("embed", "token", "rings", "start") if request.args.get(k)}
    keep.update({k: v for k, v in changes.items() if v is not None})
    return {k: v for k, v in keep.items() if v != ""}


_KEEP = object()


def _link(org: Organization, body_slug: str | None, year: int, fmt: str | None = None,
          body: Any = _KEEP, **changes: Any) -> str:
    """A link to this wheel (or its download) with the view's parameters, some changed."""
    slug = body_slug if body is _KEEP else body
    params = _query(**changes)
    if fmt is not None:
        params.pop("embed", None)
        return url_for("wheel.download", org_slug=org.slug, body_slug=slug, year=year, fmt=fmt, **params)
    return url_for("wheel.wheel", org_slug=org.slug, body_slug=slug, year=year, **params)


@bp.get("/")
@roles_required("admin", "secretary", "viewer")
def index() -> Any:
    visible = visible_organization_ids()
    query = db.select(Organization).order_by(Organization.name)
    if visible is not None:
        query = query.where(Organization.id.in_(visible))
    orgs = db.session.scalars(query).all()
    if len(orgs) == 1:
        return redirect(url_for("wheel.wheel", org_slug=orgs[0].slug, year=today_local().year))
    return render_template("wheel/index.html", organizations=orgs, year=today_local().year)


@bp.get("/<org_slug>/<int:year>")
@bp.get("/<org_slug>/<body_slug>/<int:year>")
@rate_limited("token")
def wheel(org_slug: str, year: int, body_slug: str | None = None) -> Any:
    org = _organization(org_slug)
    body = _body(org, body_slug)
    access = _access(org, body)
    if not isinstance(access, Access):  # the way to the login page
        return access
    with_sources = current_user.is_authenticated
    data = _data(org, body, year, access, with_sources)
    rows = entries(data, with_sources=with_sources)
    shown_body = access.body or body
    embed = bool(request.args.get("embed"))
    response = Response(render_template(
        "wheel/embed.html" if embed else "wheel/wheel.html",
        org=org, body=shown_body, year=year, data=data, svg=render(data), rows=rows, months=by_month(data, rows),
        bodies=[] if access.body else list(org.bodies), grouping=data.grouping, access=access,
        query=_query, formats=list(FORMATS), can_edit=can_edit_organization(org.id),
        body_slug=shown_body.slug if shown_body else None, chair_ring_list=chair_rings(data),
        link=lambda **kw: _link(org, shown_body.slug if shown_body else None, **kw),
    ))
    response.headers["Referrer-Policy"] = "no-referrer"  # a token in the address stays private
    if access.via_token:
        response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/<org_slug>/<int:year>.<fmt>")
@bp.get("/<org_slug>/<body_slug>/<int:year>.<fmt>")
@rate_limited("token")
def download(org_slug: str, year: int, fmt: str, body_slug: str | None = None) -> Any:
    org = _organization(org_slug)
    body = _body(org, body_slug)
    if fmt not in FORMATS:
        abort(404)
    access = _access(org, body)
    if not isinstance(access, Access):  # the way to the login page
        return access
    data = _data(org, body, year, access, with_sources=False)
    try:
        payload = export(data, fmt)
    except ExportError as exc:
        current_app.logger.error("wheel export failed: %s", exc)
        abort(503, str(exc))
    name = filename(data, fmt, org.slug)
    response = Response(payload, mimetype=FORMATS[fmt])
    disposition = "inline" if request.args.get("inline") else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/<org_slug>/<int:year>/nasta-ar")
@bp.get("/<org_slug>/<body_slug>/<int:year>/nasta-ar")
@roles_required("admin", "secretary")
def next_year_preview(org_slug: str, year: int, body_slug: str | None = None) -> Any:
    """What next year's wheel would propose, and why, before anything is saved."""
    org = _organization(org_slug)
    body = _body(org, body_slug)
    if not can_edit_organization(org.id):
        abort(403)
    first_month = _options()["first_month"]
    plan = plan_next_year(org, year, body=body, first_month=first_month)
    back = url_for("wheel.wheel", org_slug=org.slug, body_slug=body_slug, year=year, start=request.args.get("start"))
    return render_template("wheel/next_year.html", org=org, body=body, plan=plan, back=back,
                           done=existing(org, year, body, first_month), day=lambda d: day_text(d) if d else "")


@bp.post("/<org_slug>/<int:year>/nasta-ar")
@bp.post("/<org_slug>/<body_slug>/<int:year>/nasta-ar")
@roles_required("admin", "secretary")
def next_year(org_slug: str, year: int, body_slug: str | None = None) -> Any:
    org = _organization(org_slug)
    body = _body(org, body_slug)
    if not can_edit_organization(org.id):
        abort(403)
    target = url_for("wheel.wheel", org_slug=org.slug, body_slug=body_slug, year=year + 1,
                     start=request.args.get("start"))
    try:
        document = create_next_year(org, year, body=body, user=current_user, first_month=_options()["first_month"])
    except AlreadyCreated as exc:
        db.session.rollback()
        flash(gettext("Förslag till årshjulet %(year)s finns redan (dokument %(document)s). "
                      "Granska dem under protokollen.", year=year + 1, document=exc.document.id), "error")
        return redirect(target)
    db.session.commit()
    flash(gettext("%(count)s förslag till årshjulet %(year)s väntar på granskning (dokument %(document)s).",
                  count=len(document.proposals), year=year + 1, document=document.id))
    return redirect(target)
