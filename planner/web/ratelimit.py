"""Rate limits (Flask-Limiter) on what a stranger can try over and over.

- login: failed attempts per client address and per account (a right password after 300 wrong ones
  no longer gets in);
- anonymous subscribe (POST /paminnelser/): per client address and per address mailed to, so nobody
  can use the confirmation mail to flood others;
- secret-token misses (feeds, subscribe pages, subscriber links, the embedded årshjul): 403/404 answers
  per client address, one shared count, so guessing tokens is slow.

Counts live in `RATELIMIT_STORAGE_URL` (`PLANNER_RATELIMIT_STORAGE_URL`): `memory://` (the default) keeps them
in the process, right for `planner serve` and one worker; with several gunicorn workers or hosts use
`redis://host:6379` so they share one count. Behind a proxy set `PLANNER_PROXY_FIX=1`, or every client
has the proxy's address. When the storage is unreachable the limits are counted in memory meanwhile.

Views say which limits they take with `@rate_limited(...)`; each app gets its own Limiter (its own storage),
applied to the marked views once the blueprints are registered (`apply`), so two apps in one process (tests,
a second worker) never share a count by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

F = TypeVar("F", bound=Callable[..., Any])


def _login_account() -> str:
    return "account:" + (request.form.get("email") or "").strip().lower()


def _subscribe_address() -> str:
    return "address:" + (request.form.get("email") or "").strip().lower()


class Rule(NamedTuple):
    setting: str  # the config key holding the limit, e.g. "10 per minute; 100 per day"
    key: Callable[[], str] = get_remote_address
    counts: Callable[[Any], bool] = lambda response: True  # which answers use up the allowance
    methods: tuple[str, ...] | None = None
    shared: str | None = None  # one count across every view with this scope


RULES: dict[str, tuple[Rule, ...]] = {
    "login": (Rule("LOGIN_RATE_LIMIT", counts=lambda r: r.status_code == 401, methods=("POST",)),
              Rule("LOGIN_ACCOUNT_RATE_LIMIT", _login_account, lambda r: r.status_code == 401, ("POST",))),
    "subscribe": (Rule("SUBSCRIBE_RATE_LIMIT", methods=("POST",)),
                  Rule("SUBSCRIBE_ADDRESS_RATE_LIMIT", _subscribe_address, lambda r: r.status_code == 200,
                       ("POST",))),
    "token": (Rule("TOKEN_MISS_RATE_LIMIT", counts=lambda r: r.status_code in (403, 404), shared="token-miss"),),
}


def rate_limited(*names: str) -> Callable[[F], F]:
    """Mark a view for the named rules (put it under @bp.route)."""
    unknown = set(names) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rate-limit rules: {sorted(unknown)}")

    def mark(view: F) -> F:
        view.planner_rate_limits = names  # type: ignore[attr-defined]  # a mark on the function, read by init_app
        return view

    return mark


def _setting(name: str) -> Callable[[], str]:
    """The limit as configured when the request comes (a test or operator may change it on the app)."""
    return lambda: str(current_app.config[name])


def apply(app: Flask) -> Limiter:
    """This app's Limiter, wrapped around every marked view; call after the blueprints are registered."""
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URL"]
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "planner")
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)  # a Redis outage must not take the site down
    limiter = Limiter(key_func=get_remote_address, headers_enabled=True, strategy="fixed-window", app=app)
    app.extensions["planner_limiter"] = limiter
    wrapped: dict[int, Callable[..., Any]] = {}
    for endpoint, view in list(app.view_functions.items()):
        names = getattr(view, "planner_rate_limits", ())
        if not names:
            continue
        if id(view) not in wrapped:
            limited: Callable[..., Any] = view
            for rule in (rule for name in names for rule in RULES[name]):
                methods = list(rule.methods) if rule.methods is not None else None
                if rule.shared:
                    decorate = limiter.shared_limit(_setting(rule.setting), scope=rule.shared, key_func=rule.key,
                                                    deduct_when=rule.counts, methods=methods)
                else:
                    decorate = limiter.limit(_setting(rule.setting), key_func=rule.key, deduct_when=rule.counts,
                                             methods=methods)
                limited = decorate(limited)
            wrapped[id(view)] = limited
        app.view_functions[endpoint] = wrapped[id(view)]
    return limiter
