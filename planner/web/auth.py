"""Logging in and out; roles admin, secretary (of one organization), viewer.

Every form is CSRF-protected (Flask-WTF); endpoints that must take a POST without a
session (one-click unsubscribe) are exempted where they are defined with `csrf.exempt`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeVar, cast

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFError, CSRFProtect

from planner.db import db
from planner.models import Organization, User
from planner.models.user import check_password
from planner.web import SESSIONLESS_ENDPOINTS
from planner.web.params import row_id
from planner.web.ratelimit import rate_limited
from planner.web.safe_next import safe_next

bp = Blueprint("auth", __name__, url_prefix="/auth")
login_manager = LoginManager()
csrf = CSRFProtect()
F = TypeVar("F", bound=Callable[..., Any])


class _OrganizationRow(Protocol):
    """A row that belongs to one organization (an event, a document)."""

    @property
    def organization_id(self) -> int | None: ...


M = TypeVar("M", bound=Organization | _OrganizationRow)

__all__ = ["bp", "csrf", "init_app", "login_required", "roles_required", "can_edit_organization",
           "visible_organization_ids", "require_edit"]


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Logga in för att fortsätta."
    csrf.init_app(app)
    # Flask ships a 31-day default, so setdefault would never apply planner's own setting.
    app.config["PERMANENT_SESSION_LIFETIME"] = dt.timedelta(hours=float(app.config["SESSION_HOURS"]))
    app.before_request(_expire_old_sessions)
    app.register_error_handler(CSRFError, _csrf_error)


def _expire_old_sessions() -> None:
    """A login lasts SESSION_HOURS from when it was made, however busy the session has been.

    The cookie's own lifetime only bounds idle time; this bounds the whole login, so a copied
    cookie stops working too.
    """
    if request.endpoint in SESSIONLESS_ENDPOINTS or not current_user.is_authenticated:
        return
    started = session.get("login_at")
    limit = float(current_app.config["SESSION_HOURS"]) * 3600
    if not isinstance(started, int | float) or dt.datetime.now(dt.UTC).timestamp() - started > limit:
        logout_user()
        session.pop("login_at", None)
        flash(gettext("Sessionen har gått ut. Logga in igen."), "error")


def _csrf_error(error: CSRFError) -> Any:
    return render_template("home/error.html", code=400, title="Formuläret kunde inte skickas",
                           message="Formuläret var för gammalt eller ogiltigt (CSRF-skydd). Ladda om sidan "
                                   "och försök igen; inget har ändrats."), 400


def visible_organization_ids() -> set[int] | None:
    """Organizations whose schedule the current user may see; None means all (admins)."""
    if not current_user.is_authenticated:
        return set()
    if current_user.role == "admin" or current_user.organization_id is None:
        return None
    return {current_user.organization_id}


def visible_or_404(model: type[M], ident: int) -> M:
    """A row of an organization the user may see; another organization's id is simply not found."""
    row = db.session.get(model, ident)
    org_id = None if row is None else (row.id if isinstance(row, Organization) else row.organization_id)
    visible = visible_organization_ids()
    if row is None or (visible is not None and org_id not in visible):
        abort(404)
    return row


def require_edit(organization_id: int | None) -> None:
    if not can_edit_organization(organization_id):
        abort(403)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The session's user, unless they logged out (or were logged out) since this cookie was made."""
    user = db.session.get(User, row_id(user_id) or 0)
    if user is None or not user.active or session.get("session_version") != user.session_version:
        return None
    return user


def roles_required(*roles: str) -> Callable[[F], F]:
    """Refuse (403) a logged-in user whose role is not one of these."""

    def decorator(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return cast(F, wrapped)  # functools.wraps keeps the view's signature; mypy cannot see that

    return decorator


def can_edit_organization(organization_id: int | None) -> bool:
    """Admins edit everything; a secretary only their own organization's schedule."""
    if not current_user.is_authenticated:
        return False
    if current_user.role == "admin":
        return True
    return current_user.role == "secretary" and current_user.organization_id == organization_id


@bp.route("/login", methods=["GET", "POST"])
@rate_limited("login")
def login() -> Any:
    if request.method == "POST":
        email = (request.form.get("email") or "").strip().lower()
        user = db.session.scalar(db.select(User).filter_by(email=email))
        # An unknown address costs one password hash too, so timing does not tell who has an account.
        password_ok = check_password(user, request.form.get("password") or "")
        if user is None or not user.active or not password_ok:
            flash(gettext("Fel e-postadress eller lösenord."), "error")
            return render_template("auth/login.html", email=email), 401
        for key in [k for k in session if k != "csrf_token"]:  # nothing of a previous login carries over
            session.pop(key)
        session.permanent = True
        login_user(user)
        session["session_version"] = user.session_version
        session["login_at"] = dt.datetime.now(dt.UTC).timestamp()
        return redirect(safe_next(request.args.get("next"), url_for("home.index")))
    return render_template("auth/login.html", email="")


@bp.post("/logout")
@login_required
def logout() -> Any:
    """Ends this login and every copy of its cookie: the user's session version moves on."""
    current_user.session_version = (current_user.session_version or 0) + 1
    db.session.commit()
    logout_user()
    session.pop("session_version", None)
    flash(gettext("Du är utloggad."))
    return redirect(url_for("auth.login"))
