"""One undeliverable address never stops the others; bad addresses are refused where they are entered.

Against the real aiosmtpd server on loopback. The poisoned rows are written straight into the
database, as addresses stored before entry was checked would be.
"""

from __future__ import annotations

import datetime as dt
from email.mime.text import MIMEText

from planner.db import db
from planner.models import ChairTerm, Event, Subscriber
from planner.reminders import smtp, sync_event_reminders
from tests.conftest import csrf_token_from
from tests.reminders_helpers import UTC, dispatch_at, local, meeting, org_with_bodies, rows, subscriber
from tests.smtp_server import smtp_server_both_fixture as smtp_server_fixture  # noqa: F401  (PIPELINING or not)

NON_ASCII = "åsa.öberg@varberg.se"
CRLF = "kd@varberg.se\r\nBcc: evil@example.se"


def test_a_non_ascii_subscriber_and_a_crlf_chair_contact_fail_alone_in_one_run(
        app, runner, smtp_server, client, login) -> None:
    app.config["REMINDER_BATCH_SIZE"] = 4  # the poisoned rows share batches with good ones
    org, styr, _ = org_with_bodies()
    good = [f"person{i}@varberg.se" for i in range(10)]
    for email in [*good[:5], NON_ASCII, *good[5:]]:
        subscriber(email, org, styr, leads={"meeting": ["P1D"]})
    db.session.add_all([
        ChairTerm(body=styr, holder="Varberg", contact_email=CRLF, start_date=dt.date(2026, 1, 1),
                  end_date=dt.date(2027, 1, 1)),
        ChairTerm(body=styr, holder="Falkenberg", contact_email="kd@falkenberg.se", start_date=dt.date(2027, 1, 1)),
    ])
    handover = Event(organization=org, body=styr, kind="chair_handover", title="Ordförandeskapet går till Falkenberg",
                     all_day=True, start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 1, 1),
                     from_party="Varberg", to_party="Falkenberg")
    db.session.add(handover)
    planned = dt.datetime(2026, 12, 1, tzinfo=UTC)
    sync_event_reminders(meeting(org, styr, local(2027, 1, 1, 9, 30)), planned)
    sync_event_reminders(handover, planned)
    db.session.commit()

    stats = dispatch_at("2026-12-31T08:00")  # one run
    assert (stats.sent, stats.failed) == (len(good) + 1, 2), stats.errors
    delivered = sorted(r.rcpt_tos[0] for r in smtp_server.received)
    assert delivered == sorted([*good, "kd@falkenberg.se"])
    assert not any("evil" in r.raw.decode("ascii", "replace") for r in smtp_server.received)
    bad = {r.recipient: r for r in rows(status="failed")}
    assert set(bad) == {NON_ASCII, CRLF.lower()}, {r.recipient: r.status for r in rows()}
    assert {r.status for r in rows()} <= {"sent", "failed", "expired"}  # expired: the superseded 14-day ones
    assert "å, ä eller ö" in bad[NON_ASCII].last_error
    assert "radbrytningar" in bad[CRLF.lower()].last_error

    listed = runner.invoke(args=["reminders", "list", "--status", "failed"]).output
    assert NON_ASCII in listed and "ogiltig adress" in listed
    login("admin")
    page = client.get("/paminnelser/admin").get_data(as_text=True)
    assert NON_ASCII in page and "radbrytningar" in page


def test_a_message_smtplib_cannot_send_is_an_outcome_and_the_connection_goes_on(app, smtp_server) -> None:
    conn = smtp.connect(smtp.parse_smtp_url(smtp_server.url))
    try:
        msg = MIMEText("Hej", "plain", "utf-8")
        outcome = smtp.send(conn, msg, "planner@localhost", NON_ASCII)  # UnicodeEncodeError inside smtplib
        assert outcome.status == "error" and "UnicodeEncodeError" in (outcome.error or "")
        assert smtp.send(conn, msg, "planner@localhost", "anna@varberg.se").status == "sent"
    finally:
        conn.quit()
    assert [r.rcpt_tos for r in smtp_server.received] == [["anna@varberg.se"]]


def test_an_unexpected_error_is_retried_then_failed_after_the_attempt_limit(app, runner, smtp_server) -> None:
    app.config["REMINDER_MAX_ATTEMPTS"] = 2
    app.config["REMINDER_RETRY_BASE_SECONDS"] = 60
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    subscriber("bo@halmstad.se", org, styr, leads={"meeting": ["P1D"]})
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), dt.datetime(2027, 1, 1, tzinfo=UTC))
    db.session.commit()
    (anna,) = rows(recipient="anna@varberg.se")
    anna.occurrence = "inte-ett-datum"  # a corrupted row: reading it raises
    db.session.commit()

    for when in ("2027-03-28T08:00", "2027-03-28T09:00"):
        dispatch_at(when)
    by = {r.recipient: r for r in rows()}
    assert by["bo@halmstad.se"].status == "sent"
    assert [r.rcpt_tos for r in smtp_server.received] == [["bo@halmstad.se"]]
    assert by["anna@varberg.se"].status == "failed" and by["anna@varberg.se"].attempts == 2
    assert "gav upp efter 2 försök" in by["anna@varberg.se"].last_error


def test_cli_subscribe_refuses_addresses_smtp_cannot_take(app, runner, smtp_server) -> None:
    for address, reason in ((NON_ASCII, "å, ä eller ö"), (CRLF, "radbrytningar"), ("anna@varberg", "domänen")):
        result = runner.invoke(args=["subscribe", address])
        assert result.exit_code == 1 and reason in result.output and "Traceback" not in result.output
    assert db.session.scalars(db.select(Subscriber)).all() == []
    assert smtp_server.received == []


def test_an_international_domain_is_stored_and_sent_in_its_idna_form(app, runner, smtp_server) -> None:
    result = runner.invoke(args=["subscribe", "Kansli@Räksmörgås.se"])
    assert result.exit_code == 0, result.output
    assert [r.rcpt_tos for r in smtp_server.received] == [["kansli@xn--rksmrgs-5wao1o.se"]]
    assert db.session.scalar(db.select(Subscriber.email)) == "kansli@xn--rksmrgs-5wao1o.se"


def test_web_subscribe_refuses_them_in_swedish_and_sends_nothing(app, client, smtp_server) -> None:
    token = csrf_token_from(client.get("/paminnelser/").get_data(as_text=True))
    for address, reason in ((NON_ASCII, "å, ä eller ö"), (CRLF, "radbrytningar")):
        response = client.post("/paminnelser/", data={"csrf_token": token, "email": address})
        assert response.status_code == 400 and reason in response.get_data(as_text=True)
    assert smtp_server.received == [] and db.session.scalars(db.select(Subscriber)).all() == []


def test_a_chair_contact_with_a_line_break_is_not_saved(app, client, login) -> None:
    org, styr, _ = org_with_bodies()
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get(f"/org/{org.id}").get_data(as_text=True))
    response = client.post(f"/org/{org.id}/bodies/{styr.id}/terms", follow_redirects=True, data={
        "csrf_token": token, "holder": "Varberg", "start_date": "2027-01-01", "contact_email": CRLF})
    assert "Kontaktadressen sparades inte" in response.get_data(as_text=True)
    assert db.session.scalars(db.select(ChairTerm)).all() == []
    client.post(f"/org/{org.id}/bodies/{styr.id}/terms", data={
        "csrf_token": token, "holder": "Varberg", "start_date": "2027-01-01", "contact_email": " KD@Varberg.se "})
    assert db.session.scalar(db.select(ChairTerm.contact_email)) == "kd@varberg.se"
