"""Subscribing: double opt-in by mail, preferences, one-click unsubscribe, and `planner subscribe`."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

from planner.db import db, utcnow
from planner.models import Subscriber
from planner.reminders import sync_event_reminders
from tests.conftest import csrf_token_from
from tests.reminders_helpers import local, meeting, org_with_bodies, rows
from tests.smtp_server import smtp_server_fixture  # noqa: F401


def _future_meeting(org, body, days: int = 30):
    day = (utcnow() + dt.timedelta(days=days)).date()
    return meeting(org, body, local(day.year, day.month, day.day, 9, 30))


def _link(server, kind: str) -> str:
    text = server.received[-1].message.get_body(("plain",)).get_content()
    match = re.search(rf"https://planner\.example\.se(/paminnelser/{kind}/[\w-]+)", text)
    assert match, text
    return match.group(1)


def test_double_opt_in_then_one_click_unsubscribe(app, client, smtp_server) -> None:
    org, styr, ledn = org_with_bodies()
    ev = _future_meeting(org, styr)
    sync_event_reminders(ev)
    db.session.commit()

    token = csrf_token_from(client.get("/paminnelser/").get_data(as_text=True))
    response = client.post("/paminnelser/", data={"csrf_token": token, "email": "Anna@Varberg.se",
                                                   "body": str(styr.id), "lead_meeting": ["P7D", "P1D"]})
    assert response.status_code == 200 and "Kolla din e-post" in response.get_data(as_text=True)
    (mail,) = smtp_server.received
    assert mail.rcpt_tos == ["anna@varberg.se"] and mail.message["Subject"].startswith("Bekräfta")
    anna = db.session.scalar(db.select(Subscriber).filter_by(email="anna@varberg.se"))
    assert not anna.active and rows() == []  # nothing planned before confirmation

    confirm_url = _link(smtp_server, "bekrafta")
    page = client.get(confirm_url).get_data(as_text=True)
    assert rows() == []  # a mail scanner following the link confirms nothing
    response = client.post(confirm_url, data={"csrf_token": csrf_token_from(page)})
    assert response.status_code == 302 and "/paminnelser/installningar/" in response.location
    db.session.expire_all()
    assert anna.active
    assert sorted(r.lead for r in rows(recipient="anna@varberg.se")) == ["P1D", "P7D"]

    # Preferences: only the day before, and only Ledningsgruppen (whose meeting is elsewhere).
    prefs = client.get(f"/paminnelser/installningar/{anna.token}").get_data(as_text=True)
    client.post(f"/paminnelser/installningar/{anna.token}", data={
        "csrf_token": csrf_token_from(prefs), "body": str(ledn.id), "lead_meeting": "P1D"})
    assert {r.status for r in rows(recipient="anna@varberg.se")} == {"cancelled"}

    # One-click, as a mail client does it: a POST with no session and no CSRF token.
    client.post(f"/paminnelser/installningar/{anna.token}", data={
        "csrf_token": csrf_token_from(prefs), "body": str(styr.id), "lead_meeting": "P1D"})
    assert [r.status for r in rows(recipient="anna@varberg.se", lead="P1D")] == ["pending"]
    fresh = app.test_client()
    response = fresh.post(f"/paminnelser/avregistrera/{anna.token}", data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "avregistrerad" in response.get_data(as_text=True)
    db.session.expire_all()
    assert anna.unsubscribed_at is not None
    assert {r.status for r in rows(recipient="anna@varberg.se")} == {"cancelled"}
    assert fresh.post("/paminnelser/avregistrera/not-a-token").status_code == 404


def test_a_stranger_cannot_change_a_confirmed_subscription(app, client, smtp_server) -> None:
    org, styr, ledn = org_with_bodies()
    anna = Subscriber(email="anna@varberg.se", organization=org, confirmed_at=utcnow(), bodies=[styr])
    db.session.add(anna)
    db.session.commit()
    token = csrf_token_from(client.get("/paminnelser/").get_data(as_text=True))
    client.post("/paminnelser/", data={"csrf_token": token, "email": "anna@varberg.se", "body": str(ledn.id)})
    db.session.expire_all()
    assert [b.name for b in anna.bodies] == ["Styrgruppen"]
    assert smtp_server.received[-1].rcpt_tos == ["anna@varberg.se"]  # she gets a mail with her own link


def test_subscribe_form_says_so_when_the_mail_server_is_away(app, client) -> None:
    app.config["SMTP_URL"] = "smtp://127.0.0.1:1"
    token = csrf_token_from(client.get("/paminnelser/").get_data(as_text=True))
    response = client.post("/paminnelser/", data={"csrf_token": token, "email": "anna@varberg.se"})
    assert response.status_code == 503 and "kunde inte skicka" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(Subscriber).filter_by(email="anna@varberg.se")) is not None  # kept
    bad = client.post("/paminnelser/", data={"csrf_token": token, "email": "inte en adress"})
    assert bad.status_code == 400


def test_cli_subscribe(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    sync_event_reminders(_future_meeting(org, styr))
    db.session.commit()

    result = runner.invoke(args=["subscribe", "kd@varberg.se", "--body", "Styrgruppen", "--confirmed"])
    assert result.exit_code == 0, result.output
    assert "confirmed" in result.output and smtp_server.received == []
    assert sorted(r.lead for r in rows(recipient="kd@varberg.se")) == ["P1D", "P7D"]

    result = runner.invoke(args=["subscribe", "new@halmstad.se"])
    assert result.exit_code == 0 and smtp_server.received[-1].rcpt_tos == ["new@halmstad.se"]
    assert rows(recipient="new@halmstad.se") == []

    for args, message in ((["subscribe", "not-an-address"], "ingen e-postadress"),
                          (["subscribe", "x@y.se", "--body", "Finns inte"], "no body called")):
        result = runner.invoke(args=args)
        assert result.exit_code != 0 and message in result.output


def test_the_web_app_never_starts_a_scheduler(tmp_path) -> None:
    code = (
        "import sys\n"
        "from planner import create_app\n"
        f"app = create_app({{'INSTANCE_PATH': {str(tmp_path)!r}, 'DATABASE_URL': 'sqlite:///{tmp_path}/x.db',"
        f" 'SECRET_KEY': 'k' * 32}})\n"
        "assert app.test_client().get('/healthz').status_code == 200\n"
        "assert not [m for m in sys.modules if m.startswith('apscheduler')], 'a scheduler was loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_subscribing_with_200_events_plans_only_the_new_persons_rows_without_rereading_everyone(app, runner) -> None:
    """Issue 16.5: every subscribe re-planned every event for every subscriber (~5.9 s with 200 events)."""
    from sqlalchemy import event as sa_event

    from planner.reminders.sync import sync_all
    from tests.reminders_helpers import subscriber

    org, styr, _ = org_with_bodies()
    for i in range(30):
        subscriber(f"p{i}@varberg.se", org, styr)
    for i in range(200):
        _future_meeting(org, styr, days=10 + i)
    sync_all()
    db.session.commit()
    before = {(r.recipient, r.event_id, r.lead, r.due_at, r.status) for r in rows()}
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = runner.invoke(args=["subscribe", "ny@varberg.se", "--org", org.name, "--confirmed"])
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", count)
    assert result.exit_code == 0, result.output
    reading_subscribers = [s for s in statements if "FROM subscriber" in s]
    assert len(reading_subscribers) <= 3, len(reading_subscribers)  # not one per event
    after = {(r.recipient, r.event_id, r.lead, r.due_at, r.status) for r in rows()}
    new = after - before
    assert before <= after and {r[0] for r in new} == {"ny@varberg.se"}
    assert len(new) == 200 * 2  # 7 and 1 day before each meeting
