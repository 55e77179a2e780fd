"""`?next=` on the language switch and after login sends people only to paths on this site."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import csrf_token_from

HOSTILE = ["//evil.example/", "/%09/evil.example", "/%0A/evil.example", "/%0D%0A/evil.example", "/\\evil.example",
           "/%5Cevil.example", "%2F%2Fevil.example", "https://evil.example/", "javascript:alert(1)",
           "/%00/evil.example", "%09//evil.example", "///evil.example", "evil.example"]


def _stays_here(response) -> str:
    assert response.status_code == 302, response.status_code
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.netloc in ("", "localhost") and not parts.path.startswith("//") and "evil" not in location, location
    return parts.path


@pytest.mark.parametrize("target", HOSTILE)
def test_language_switch_refuses_a_next_that_leaves_the_site(client, target: str) -> None:
    assert _stays_here(client.get(f"/sprak/en?next={target}")) == "/"


@pytest.mark.parametrize("target", HOSTILE)
def test_login_refuses_a_next_that_leaves_the_site(client, make_user, target: str) -> None:
    user = make_user("lena@kust.se", role="secretary")
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    response = client.post(f"/auth/login?next={target}",
                           data={"email": user.email, "password": "rätt-lösenord-123", "csrf_token": token})
    assert _stays_here(response) == "/"


def test_a_path_on_this_site_is_kept(client, make_user) -> None:
    response = client.get("/sprak/en?next=/events/%3Fyear%3D2027%26month%3D3")
    assert response.headers["Location"] == "/events/?year=2027&month=3"
    user = make_user("lena@kust.se", role="secretary")
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    response = client.post("/auth/login?next=/arshjul/kustkommunerna/2027",
                           data={"email": user.email, "password": "rätt-lösenord-123", "csrf_token": token})
    assert response.headers["Location"] == "/arshjul/kustkommunerna/2027"
