"""Sessions end, accounts come from the command line, and the UI speaks Swedish unless asked not to."""

from __future__ import annotations

import time

from planner.db import db
from planner.models import Document, User
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import csrf_token_from
from tests.review_helpers import make_document


def test_expired_session_is_logged_out_and_changes_nothing(app, client, login) -> None:
    document = make_document()
    login("secretary", org=document.organization)
    token = csrf_token_from(client.get(f"/documents/{document.id}").get_data(as_text=True))
    with client.session_transaction() as session:
        session["login_at"] = time.time() - (app.config["SESSION_HOURS"] * 3600 + 60)
    response = client.post(f"/documents/{document.id}/accept-all", data={"csrf_token": token,
                                                                        "min_confidence": "0"})
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    db.session.expire_all()
    assert {p.status for p in db.session.get(Document, document.id).proposals} == {"pending"}
    page = client.get("/documents/", follow_redirects=True).get_data(as_text=True)
    assert "Logga in" in page


def test_session_cookie_lifetime_follows_setting(app) -> None:
    assert app.permanent_session_lifetime.total_seconds() == app.config["SESSION_HOURS"] * 3600


def test_create_user_command(runner) -> None:
    get_or_create_organization("Kustkommunerna")
    db.session.commit()
    result = runner.invoke(args=["create-user", "Lena@Kust.se", "--role", "secretary", "--org", "Kustkommunerna",
                                 "--password", "hemligt-ord-1"])
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User).filter_by(email="lena@kust.se"))
    assert user.role == "secretary" and user.organization.name == "Kustkommunerna"
    assert user.check_password("hemligt-ord-1") and user.password_hash != "hemligt-ord-1"
    bad = runner.invoke(args=["create-user", "x@y.se", "--org", "Finns inte", "--password", "langt-losenord"])
    assert bad.exit_code != 0 and "no organization named 'Finns inte'" in bad.output
    orgless = runner.invoke(args=["create-user", "x@y.se", "--password", "langt-losenord"])
    assert orgless.exit_code != 0 and "give --org" in orgless.output
    short = runner.invoke(args=["create-user", "x@y.se", "--role", "viewer", "--password", "kort"])
    assert short.exit_code != 0 and "at least 8" in short.output


def test_english_on_request_swedish_by_default(client, login) -> None:
    login("admin")
    assert ">Kalender<" in client.get("/").get_data(as_text=True)
    client.get("/sprak/en?next=/")
    page = client.get("/").get_data(as_text=True)
    assert ">Calendar<" in page and 'lang="en"' in page
