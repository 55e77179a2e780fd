"""Security headers on every answer, and cookies that only travel where they should.

The policy is one pure function (`security_headers`) so it can be read and tested on its own;
`init_app` applies it after each request. Scripts come only from /static (no inline script or
event attributes anywhere in the templates), and no page may be framed except the embed view
of the årshjul, which municipalities put in an iframe on their own sites.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

# Pages framed on other sites; everything else answers frame-ancestors 'none'.
EMBEDDABLE_ENDPOINTS = frozenset({"wheel.wheel"})
HSTS = "max-age=31536000"


def content_security_policy(frame_ancestors: str) -> str:
    """No inline script, no plugins, forms post only here; inline styles stay (the wheel's colours)."""
    return "; ".join((
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        f"frame-ancestors {frame_ancestors}",
    ))


def security_headers(*, https: bool, embeddable: bool, embed_ancestors: str) -> dict[str, str]:
    """The headers one answer gets: `https` when the site is served over TLS, `embeddable` for the embed view."""
    headers = {
        "Content-Security-Policy": content_security_policy(embed_ancestors if embeddable else "'none'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }
    if not embeddable:
        headers["X-Frame-Options"] = "DENY"  # for browsers that predate frame-ancestors
    if https:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def site_is_https(app: Flask) -> bool:
    return str(app.config.get("BASE_URL") or "").lower().startswith("https://")


def init_app(app: Flask) -> None:
    https = site_is_https(app)
    # Flask's own default is None, so a setdefault would never apply: set it unless the operator chose.
    if not app.config.get("SESSION_COOKIE_SAMESITE"):
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    if https:
        app.config["SESSION_COOKIE_SECURE"] = True
    hops = int(app.config.get("PROXY_FIX") or 0)
    if hops > 0:  # behind nginx/Apache: trust this many proxies for the client address, scheme and host
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]  # Flask's documented way
    ancestors = str(app.config.get("EMBED_FRAME_ANCESTORS") or "*")

    @app.after_request
    def _headers(response: Any) -> Any:
        embeddable = request.endpoint in EMBEDDABLE_ENDPOINTS and bool(request.args.get("embed"))
        for name, value in security_headers(https=https or request.is_secure, embeddable=embeddable,
                                            embed_ancestors=ancestors).items():
            if name == "Referrer-Policy" and name in response.headers:
                continue  # a view that chose a stricter one (no-referrer beside a token) keeps it
            response.headers[name] = value
        return response
