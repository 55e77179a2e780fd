"""Logging in: the right password gets in, a wrong one or a forged CSRF token changes nothing."""

from __future__ import annotations

from tests.conftest import csrf_token_from


def test_login_and_logout(client, make_user) -> None:
    make_user("kansli@example.se", role="secretary")
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    response = client.post("/auth/login", data={"email": "Kansli@example.se", "password": "rätt-lösenord-123",
                                                "csrf_token": token})
    assert response.status_code == 302
    assert "kansli@example.se" in client.get("/").get_data(as_text=True)
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    client.post("/auth/logout", data={"csrf_token": token})
    assert "kansli@example.se" not in client.get("/").get_data(as_text=True)


def test_wrong_password_is_refused(client, make_user) -> None:
    make_user("kansli@example.se")
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    response = client.post("/auth/login", data={"email": "kansli@example.se", "password": "fel",
                                                "csrf_token": token})
    assert response.status_code == 401
    assert "Fel e-postadress eller lösenord" in response.get_data(as_text=True)


def test_forged_csrf_token_is_refused(client, make_user) -> None:
    make_user("kansli@example.se")
    client.get("/auth/login")
    response = client.post("/auth/login", data={"email": "kansli@example.se", "password": "rätt-lösenord-123",
                                                "csrf_token": "forged"})
    assert response.status_code == 400
    assert "kansli@example.se" not in client.get("/").get_data(as_text=True)


def test_login_page_in_chromium(live_server, page) -> None:
    page.goto(live_server.url + "/auth/login")
    assert page.get_by_role("button", name="Logga in").is_visible()
