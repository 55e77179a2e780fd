"""Reminders end to end against a real SMTP server on loopback: who gets what, when, and what goes wrong."""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from planner.db import db
from planner.models import ChairTerm, Event
from planner.reminders import sync_event_reminders
from planner.reminders.sync import plan_digests
from tests.reminders_helpers import UTC, dispatch_at, local, meeting, org_with_bodies, rows, subscriber
from tests.smtp_server import SmtpServer, free_port
from tests.smtp_server import smtp_server_both_fixture as smtp_server_fixture  # noqa: F401  (PIPELINING or not)

PLANNED_AT = dt.datetime(2027, 1, 1, tzinfo=UTC)


def send_due(runner, when: str) -> str:
    """The summary of a dispatcher run at the time `when` (see dispatch_at; the CLI's fast-forward is
    tested in test_reminders_recovery)."""
    return str(dispatch_at(when))


def test_right_people_get_the_right_mails_at_the_right_times(app, runner, smtp_server) -> None:
    org, styr, ledn = org_with_bodies()
    anna = subscriber("anna@varberg.se", org, styr)
    subscriber("bo@halmstad.se", org, ledn)
    subscriber("cecilia@falkenberg.se", org)  # no bodies: everything in the organization
    dag = subscriber("dag@kungsbacka.se", org, styr)
    dag.confirmed_at = None  # never confirmed: gets nothing
    ev = meeting(org, styr, local(2027, 3, 29, 9, 30))
    sync_event_reminders(ev, PLANNED_AT)
    db.session.commit()

    assert "claimed 0" in send_due(runner, "2027-03-22T07:59")
    assert smtp_server.received == []
    assert "sent 2" in send_due(runner, "2027-03-22T08:00")
    assert sorted(r.rcpt_tos[0] for r in smtp_server.received) == ["anna@varberg.se", "cecilia@falkenberg.se"]

    mail = smtp_server.to("anna@varberg.se")[0].message
    assert mail["Subject"] == "Påminnelse: Styrgruppsmöte, måndag 29 mars 2027 kl. 09.30–12.00"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail["Date"]
    token = anna.token
    assert mail["List-Unsubscribe"] == f"<https://planner.example.se/paminnelser/avregistrera/{token}>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    row = rows(recipient="anna@varberg.se", lead="P7D")[0]
    assert mail["Message-ID"] == row.message_id and row.status == "sent"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Styrgruppsmöte är om 7 dagar" in text and "Stadshuset, Varberg" in text
    assert "<strong>Styrgruppsmöte</strong>" in html and f"/paminnelser/installningar/{token}" in html
    (attachment,) = list(mail.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    raw_ics = attachment.get_content()
    raw_ics = raw_ics.encode() if isinstance(raw_ics, str) else raw_ics
    assert b"X-WR-CALNAME" not in raw_ics
    cal = icalendar.Calendar.from_ical(raw_ics)
    assert cal["METHOD"] == "PUBLISH"
    vevent = cal.walk("VEVENT")[0]
    assert str(vevent["UID"]) == ev.uid
    assert vevent.decoded("DTSTART") == dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC)

    # The day before, on the day summer time begins: 08:00 CEST is 06:00 UTC.
    assert "claimed 0" in send_due(runner, "2027-03-28T05:59Z")
    assert "sent 2" in send_due(runner, "2027-03-28T06:00Z")
    assert "claimed 0" in send_due(runner, "2027-03-28T09:00")  # never twice
    received = smtp_server.received
    assert len(received) == 4 and len({r.message_id for r in received}) == 4
    assert [len(smtp_server.to(a)) for a in ("anna@varberg.se", "bo@halmstad.se", "dag@kungsbacka.se")] == [2, 0, 0]
    assert "i morgon" in smtp_server.to("anna@varberg.se")[1].message.get_body(("plain",)).get_content()


def test_a_moved_meeting_takes_its_reminder_along(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    ev = meeting(org, styr, local(2027, 3, 29, 9, 30))
    sync_event_reminders(ev, PLANNED_AT)
    db.session.commit()
    ev.start_at, ev.end_at = local(2027, 4, 12, 13, 0), local(2027, 4, 12, 15, 0)
    ev.touch()
    sync_event_reminders(ev, PLANNED_AT + dt.timedelta(days=1))
    db.session.commit()

    assert "claimed 0" in send_due(runner, "2027-03-28T08:00")
    assert "sent 1" in send_due(runner, "2027-04-11T08:00")
    (mail,) = smtp_server.received
    assert "måndag 12 april 2027 kl. 13.00" in mail.message["Subject"]
    assert len(rows()) == 1  # the same row moved, not a second one


def test_cancelling_sends_installt_to_those_already_reminded(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    subscriber("bo@halmstad.se", org, styr, leads={"meeting": ["P1D"]})
    ev = meeting(org, styr, local(2027, 3, 29, 9, 30))
    sync_event_reminders(ev, PLANNED_AT)
    db.session.commit()
    send_due(runner, "2027-03-22T08:00")
    assert [r.rcpt_tos for r in smtp_server.received] == [["anna@varberg.se"]]

    ev.status = "cancelled"
    ev.touch()
    sync_event_reminders(ev, dt.datetime(2027, 3, 23, 9, tzinfo=UTC))
    db.session.commit()
    assert "sent 1" in send_due(runner, "2027-03-23T10:05")
    notice = smtp_server.received[-1]
    assert notice.rcpt_tos == ["anna@varberg.se"]
    assert notice.message["Subject"].startswith("INSTÄLLT: Styrgruppsmöte")
    ics = next(notice.message.iter_attachments()).get_content()
    assert "STATUS:CANCELLED" in (ics.decode() if isinstance(ics, bytes) else ics)
    assert "claimed 0" in send_due(runner, "2027-03-28T08:00")
    assert len(smtp_server.received) == 2
    assert {r.status for r in rows(kind="reminder") if r.lead == "P1D"} == {"cancelled"}


def test_smtp_down_for_a_while_then_everything_delivered_once(app, runner) -> None:
    port = free_port()
    app.config["SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    org, styr, _ = org_with_bodies()
    for name in ("anna", "bo", "cecilia"):
        subscriber(f"{name}@example.se", org, styr, leads={"meeting": ["P1D"]})
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), PLANNED_AT)
    db.session.commit()

    assert "retry later 3" in send_due(runner, "2027-03-28T08:00")
    assert {r.status for r in rows()} == {"pending"}
    assert all(r.next_attempt_at > dt.datetime(2027, 3, 28, 6, tzinfo=UTC) and r.last_error for r in rows())
    assert "retry later 3" in send_due(runner, "2027-03-28T08:05")  # still down

    server = SmtpServer(port).start()
    try:
        assert "claimed 0" in send_due(runner, "2027-03-28T08:05:30")  # backoff not over yet
        assert "sent 3" in send_due(runner, "2027-03-28T08:30")
        assert "claimed 0" in send_due(runner, "2027-03-28T09:00")
        assert sorted(r.rcpt_tos[0] for r in server.received) == ["anna@example.se", "bo@example.se",
                                                                  "cecilia@example.se"]
        assert {r.status for r in rows()} == {"sent"}
    finally:
        server.stop()


def test_a_4xx_reply_is_retried_then_delivered(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), PLANNED_AT)
    db.session.commit()
    smtp_server.handler.data_replies.append("451 4.3.0 Mailbox busy, try again later")

    assert "retry later 1" in send_due(runner, "2027-03-28T08:00")
    (row,) = rows()
    assert row.status == "pending" and row.attempts == 1 and "451" in row.last_error
    assert "sent 1" in send_due(runner, "2027-03-28T08:10")
    assert len(smtp_server.received) == 1 and rows()[0].status == "sent"


def test_a_5xx_reply_fails_for_good_and_the_admin_sees_it(app, runner, smtp_server, client, login) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("gone@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    subscriber("bo@halmstad.se", org, styr, leads={"meeting": ["P1D"]})
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), PLANNED_AT)
    db.session.commit()
    smtp_server.handler.rcpt_replies["gone@varberg.se"] = "550 5.1.1 Mailbox unknown"

    output = send_due(runner, "2027-03-28T08:00")
    assert "sent 1" in output and "failed 1" in output
    assert [r.rcpt_tos for r in smtp_server.received] == [["bo@halmstad.se"]]  # the batch went on
    assert "claimed 0" in send_due(runner, "2027-03-28T12:00")  # no retry of a 5xx
    failed = runner.invoke(args=["reminders", "list", "--status", "failed"])
    assert "gone@varberg.se" in failed.output and "550" in failed.output

    login("admin")
    page = client.get("/paminnelser/admin").get_data(as_text=True)
    assert "gone@varberg.se" in page and "550 5.1.1 Mailbox unknown" in page


def test_a_reminder_whose_meeting_has_begun_expires_instead_of_arriving_late(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), PLANNED_AT)
    db.session.commit()
    assert "expired 1" in send_due(runner, "2027-03-29T09:31")
    assert smtp_server.received == [] and rows()[0].status == "expired"


def test_chair_handover_goes_to_the_outgoing_and_incoming_chairs(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)  # follows the body, but handovers go to the chairs
    db.session.add_all([
        ChairTerm(body=styr, holder="Varberg", contact_email="kd@varberg.se", start_date=dt.date(2026, 1, 1),
                  end_date=dt.date(2027, 1, 1)),
        ChairTerm(body=styr, holder="Falkenberg", contact_email="kd@falkenberg.se", start_date=dt.date(2027, 1, 1)),
        ChairTerm(body=styr, holder="Halmstad", contact_email="kd@halmstad.se", start_date=dt.date(2028, 1, 1)),
    ])
    ev = Event(organization=org, body=styr, kind="chair_handover", title="Ordförandeskapet går till Falkenberg",
               all_day=True, start_date=dt.date(2027, 1, 1), end_date=dt.date(2027, 1, 1),
               from_party="Varberg", to_party="Falkenberg")
    db.session.add(ev)
    sync_event_reminders(ev, dt.datetime(2026, 12, 1, tzinfo=UTC))
    db.session.commit()

    send_due(runner, "2026-12-18T08:00")  # 14 days before
    send_due(runner, "2026-12-31T08:00")  # the day before
    assert sorted(r.rcpt_tos[0] for r in smtp_server.received) == ["kd@falkenberg.se", "kd@falkenberg.se",
                                                                  "kd@varberg.se", "kd@varberg.se"]
    last = smtp_server.to("kd@varberg.se")[-1].message
    assert "från Varberg till Falkenberg" in last.get_body(("plain",)).get_content()
    assert last["List-Unsubscribe"]  # a contact can opt out too


def test_monday_digest_lists_the_coming_two_weeks(app, runner, smtp_server) -> None:
    org, styr, ledn = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, digest=True, leads={"meeting": []})
    meeting(org, styr, local(2027, 3, 31, 9, 30), title="Styrgruppsmöte i mars")
    meeting(org, styr, local(2027, 4, 9, 13, 0), title="Styrgruppsmöte i april")
    meeting(org, styr, local(2027, 4, 20, 9, 0), title="För långt fram")
    meeting(org, ledn, local(2027, 4, 1, 9, 0), title="Annan grupp")
    plan_digests(dt.datetime(2027, 3, 28, 12, tzinfo=UTC))
    db.session.commit()

    assert "claimed 0" in send_due(runner, "2027-03-29T06:59")
    assert "sent 1" in send_due(runner, "2027-03-29T07:00")
    (mail,) = smtp_server.received
    text = mail.message.get_body(("plain",)).get_content()
    assert mail.message["Subject"] == "Veckobrev: de kommande två veckorna från måndag 29 mars 2027"
    assert "Styrgruppsmöte i mars" in text and "Styrgruppsmöte i april" in text
    assert "För långt fram" not in text and "Annan grupp" not in text
    assert text.index("i mars") < text.index("i april")


def test_send_due_refuses_a_bad_time(app, runner) -> None:
    result = runner.invoke(args=["reminders", "send-due", "--now", "tomorrow"])
    assert result.exit_code != 0 and "not an ISO date-time" in result.output


def _link(mail, pattern: str) -> str:
    match = re.search(pattern, mail.get_body(("plain",)).get_content())
    assert match, "link missing from the mail"
    return match.group(0)


def test_a_series_reminds_each_occurrence_and_an_exdate_cancels_just_that_one(app, runner, smtp_server) -> None:
    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr, leads={"meeting": ["P1D"]})
    ev = meeting(org, styr, local(2027, 3, 19, 9, 30), title="Veckomöte", rrule="FREQ=WEEKLY;COUNT=3")
    sync_event_reminders(ev, PLANNED_AT)
    db.session.commit()
    assert sorted(r.occurrence for r in rows()) == ["2027-03-19T08:30:00Z", "2027-03-26T08:30:00Z",
                                                    "2027-04-02T07:30:00Z"]  # 09:30 local on both sides of DST
    assert "sent 1, retry later 0, failed 0, expired 1" in send_due(runner, "2027-03-25T08:00")  # 19 March began

    ev.exdates = ["2027-03-26"]  # the 26 March meeting is called off after the reminder went out
    ev.touch()
    sync_event_reminders(ev, dt.datetime(2027, 3, 25, 12, tzinfo=UTC))
    db.session.commit()
    send_due(runner, "2027-03-25T13:00")
    send_due(runner, "2027-04-01T08:00")
    subjects = [r.message["Subject"] for r in smtp_server.received]
    assert subjects[1:] == ["INSTÄLLT: Veckomöte, fredag 26 mars 2027 kl. 09.30–12.00",
                            "Påminnelse: Veckomöte, fredag 2 april 2027 kl. 09.30–12.00"]


def test_a_slow_batch_keeps_its_lease_so_no_other_dispatcher_takes_its_rows(app, smtp_server) -> None:
    import time

    from planner.db import utcnow
    from planner.reminders.claim import claim
    from planner.reminders.dispatch import Dispatcher

    org, styr, _ = org_with_bodies()
    now = utcnow()
    for i in range(8):
        subscriber(f"p{i}@example.se", org, styr, leads={"meeting": ["P7D"]})  # due four days ago
    sync_event_reminders(meeting(org, styr, now + dt.timedelta(days=3)), now - dt.timedelta(days=30))
    db.session.commit()
    # A lease of 3 s: a loaded CI machine may take over a second to connect and send the first message.
    app.config.update(REMINDER_LEASE_SECONDS=3, REMINDER_BATCH_SIZE=50)
    stolen: list[int] = []

    def slow_server_and_a_rival(count: int) -> None:
        time.sleep(0.6)  # 8 messages take 4.8 s, more than the lease
        with app.app_context():
            stolen.extend(claim(utcnow(), "rival", 100, dt.timedelta(seconds=60)).ids)

    smtp_server.handler.after_data = slow_server_and_a_rival
    stats = Dispatcher().run()
    assert stats.sent == 8 and stolen == []
    assert len({r.message_id for r in smtp_server.received}) == 8


def test_after_downtime_only_the_latest_due_reminder_of_an_occurrence_is_sent(app, runner, smtp_server) -> None:
    """Down for a week: the 7-day and the 1-day reminder are both due; one mail, not two alike."""
    from planner.reminders.claim import SUPERSEDED

    org, styr, _ = org_with_bodies()
    subscriber("anna@varberg.se", org, styr)
    ev = meeting(org, styr, local(2027, 3, 12, 9, 30))
    sync_event_reminders(ev, dt.datetime(2027, 2, 1, tzinfo=UTC))
    db.session.commit()

    summary = send_due(runner, "2027-03-11T09:00")
    assert "claimed 2, sent 1" in summary and "expired 1 (late 0, superseded 1)" in summary  # issue 16.5: it said 0
    assert len(smtp_server.to("anna@varberg.se")) == 1
    by_lead = {r.lead: r for r in rows(event_id=ev.id)}
    assert by_lead["P1D"].status == "sent"
    assert by_lead["P7D"].status == "expired" and by_lead["P7D"].last_error == SUPERSEDED


def test_a_server_offering_pipelining_gets_each_envelope_in_one_go_and_others_never(app, smtp_server) -> None:
    """One round trip per message instead of four, only where the server says it can take that."""
    org, styr, _ = org_with_bodies()
    for i in range(5):
        subscriber(f"person{i}@varberg.se", org, styr)
    sync_event_reminders(meeting(org, styr, local(2027, 3, 29, 9, 30)), PLANNED_AT)
    db.session.commit()
    stats = dispatch_at("2027-03-22T08:00")
    assert stats.sent == 5 and len({r.message_id for r in smtp_server.wait_for(5)}) == 5
    assert smtp_server.handler.rcpt_with_mail == [smtp_server.handler.pipelining] * 5
