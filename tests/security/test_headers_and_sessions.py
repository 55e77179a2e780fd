"""Issue 15.10: security headers, cookies that stay on this site and on https, and a logout that ends the login.

Before: no CSP, X-Frame-Options, nosniff or HSTS (the login page rendered in a cross-origin iframe); the
session cookie had no SameSite and no Secure behind `X-Forwarded-Proto: https`; a copied cookie still
worked after logout.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.db import db
from planner.models import Feed, User
from tests.conftest import ROOT, csrf_token_from
from tests.security.helpers import login_form, try_login, worker
from tests.wheel_data import YEAR, kustkommunerna

RIGHT = "rätt-lösenord-123"


def _csp(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split(" ", 1)[1] if " " in part else "" for part in policy.split("; ")}


def test_every_page_forbids_inline_script_framing_and_sniffing(client, login) -> None:
    kustkommunerna()
    db.session.commit()
    for path in ("/auth/login", "/paminnelser/"):
        response = client.get(path)
        csp = _csp(response)
        assert csp["script-src"] == "'self'" and "unsafe-inline" not in csp["script-src"], path
        assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'", path
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in response.headers  # http://127.0.0.1: no HSTS
    login("admin")
    for path in ("/", "/events/", "/events/month", "/documents/", f"/arshjul/kustkommunerna/{YEAR}",
                 f"/arshjul/kustkommunerna/{YEAR}.svg", "/feeds/admin/", "/org/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _csp(response)["frame-ancestors"] == "'none'", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path


def test_only_the_embedded_wheel_may_be_framed(client) -> None:
    org = kustkommunerna()
    feed = Feed(name="Alla", organization=org)
    db.session.add(feed)
    db.session.commit()
    embed = client.get(f"/arshjul/kustkommunerna/{YEAR}?embed=1&token={feed.token}")
    assert embed.status_code == 200
    assert _csp(embed)["frame-ancestors"] == "*" and "X-Frame-Options" not in embed.headers
    assert _csp(embed)["script-src"] == "'self'"
    assert embed.headers["Referrer-Policy"] == "no-referrer"  # the view's own stricter choice is kept
    page = client.get(f"/arshjul/kustkommunerna/{YEAR}?token={feed.token}")  # the same wheel, not embedded
    assert _csp(page)["frame-ancestors"] == "'none'" and page.headers["X-Frame-Options"] == "DENY"


def test_https_site_sends_hsts_and_secure_lax_cookies(app, tmp_path) -> None:
    secure = worker(app, tmp_path, BASE_URL="https://planner.example.se").test_client()
    response = secure.get("/auth/login", base_url="https://planner.example.se")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "SameSite=Lax" in cookie and "HttpOnly" in cookie


def test_plain_http_cookie_is_lax_and_not_secure(client) -> None:
    cookie = client.get("/auth/login").headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie and "Secure" not in cookie


def test_behind_a_tls_proxy_the_cookie_is_secure_only_when_proxy_fix_is_configured(app, tmp_path) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.4"}
    trusting = worker(app, tmp_path, PROXY_FIX=1).test_client()
    response = trusting.get("/auth/login", headers=forwarded)
    assert "Secure" in response.headers["Set-Cookie"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    # Without PLANNER_PROXY_FIX a client cannot claim https (or another address) with a header.
    plain = worker(app, tmp_path).test_client().get("/auth/login", headers=forwarded)
    assert "Secure" not in plain.headers["Set-Cookie"] and "Strict-Transport-Security" not in plain.headers


def test_proxy_fix_gives_rate_limits_the_clients_address(app, tmp_path, make_user) -> None:
    make_user("lena@kust.se", role="secretary")
    client = worker(app, tmp_path, PROXY_FIX=1).test_client()
    token = login_form(client)

    def attempt(address: str) -> int:
        return client.post("/auth/login", data={"email": "lena@kust.se", "password": "fel", "csrf_token": token},
                           headers={"X-Forwarded-For": address}).status_code

    assert [attempt("198.51.100.4") for _ in range(11)][-1] == 429
    assert attempt("198.51.100.5") == 401  # another client behind the same proxy is not locked out


def test_a_copied_cookie_stops_working_at_logout(app, tmp_path, make_user) -> None:
    make_user("lena@kust.se", role="secretary")
    served = worker(app, tmp_path)  # each request in its own app context, as when served
    client, thief = served.test_client(), served.test_client()
    assert try_login(client, "lena@kust.se", RIGHT, login_form(client)).status_code == 302
    thief.set_cookie("session", client.get_cookie("session").value)  # a copy of the cookie, elsewhere
    assert thief.get("/").status_code == 200  # the copy works while the login lasts
    client.post("/auth/logout", data={"csrf_token": csrf_token_from(client.get("/").get_data(as_text=True))})
    response = thief.get("/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_a_new_password_ends_the_old_logins(app, tmp_path, make_user, runner) -> None:
    make_user("lena@kust.se", role="admin")
    client = worker(app, tmp_path).test_client()  # each request in its own app context, as when served
    assert try_login(client, "lena@kust.se", RIGHT, login_form(client)).status_code == 302
    assert client.get("/").status_code == 200
    same = runner.invoke(args=["create-user", "lena@kust.se", "--role", "admin", "--password", RIGHT])
    assert same.exit_code == 0 and client.get("/").status_code == 200  # the same password again: nothing ends
    result = runner.invoke(args=["create-user", "lena@kust.se", "--role", "admin", "--password", "nytt-losenord-9"])
    assert result.exit_code == 0, result.output
    assert client.get("/").status_code == 302
    assert db.session.scalar(db.select(User.session_version).filter_by(email="lena@kust.se")) == 1


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
EVENT_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_no_template_has_inline_script_or_event_attributes(template: Path) -> None:
    """The CSP forbids them, so each would be a broken button: behaviour lives in planner/static/*.js."""
    text = template.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text) and not EVENT_ATTRIBUTE.search(text) and "javascript:" not in text
