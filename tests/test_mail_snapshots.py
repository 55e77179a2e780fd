"""The mails as people read them, word for word: tests/emails/*.txt (`pytest --update-snapshots` rewrites them).

A fixed schedule with fixed ids and tokens, planned and sent on a fixed clock through the real
dispatcher and a real SMTP server on loopback, so the files are the same on SQLite and PostgreSQL
on any day. Each file is the subject, the recipient and the plain-text part.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

import pytest

from planner.db import db
from planner.models import Body, ChairTerm, Event, Organization, Subscriber
from planner.reminders import sync_event_reminders
from planner.reminders.sync import plan_digests
from tests.reminders_helpers import dispatch_at, local
from tests.smtp_server import smtp_server_fixture  # noqa: F401
from tests.snapshots import check_snapshot

EMAILS = Path(__file__).resolve().parent / "emails"
PLANNED = dt.datetime(2027, 1, 4, 7, tzinfo=dt.UTC)  # when the schedule was saved: before every reminder
ANNA = "anna@varberg.se"


def _schedule() -> dict[str, Event]:
    org = Organization(id=901, name="Kustkommunerna", slug="kustkommunerna")
    styr = Body(id=902, organization=org, name="Styrgruppen", slug="styrgruppen")
    sub = Subscriber(id=903, email=ANNA, organization=org, token="anna-fast-token-for-snapshots",
                     confirmed_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), weekly_digest=True)
    sub.bodies = [styr]
    # the outgoing chair's contact gets the handover's reminders
    term = ChairTerm(id=904, body=styr, holder="Varberg", contact_email=ANNA, start_date=dt.date(2026, 3, 1),
                     end_date=dt.date(2027, 3, 1))
    events = {
        "meeting": Event(id=911, uid="meeting-911@planner", organization=org, body=styr, kind="meeting",
                         title="Styrgruppens möte", start_at=local(2027, 2, 5, 9, 30), end_at=local(2027, 2, 5, 12),
                         location="Stadshuset, Varberg", description="Budget 2028 och regional plan."),
        "deadline": Event(id=912, uid="deadline-912@planner", organization=org, body=styr, kind="deadline",
                          title="Remissvar regional plan", all_day=True, start_date=dt.date(2027, 2, 12),
                          end_date=dt.date(2027, 2, 12)),
        "handover": Event(id=913, uid="handover-913@planner", organization=org, body=styr, kind="chair_handover",
                          title="Ordförandeskapet i Styrgruppen: Varberg → Falkenberg", all_day=True,
                          start_date=dt.date(2027, 3, 1), end_date=dt.date(2027, 3, 1), from_party="Varberg",
                          to_party="Falkenberg"),
    }
    db.session.add_all([org, styr, sub, term, *events.values()])
    db.session.flush()
    for event in events.values():
        sync_event_reminders(event, PLANNED)
    db.session.commit()
    return events


def _read(message: EmailMessage) -> bytes:
    body = message.get_body(("plain",))
    assert body is not None
    text = f"Subject: {message['Subject']}\nTo: {message['To']}\n\n{body.get_content()}"
    return text.replace("\r\n", "\n").encode("utf-8")


def _sent(smtp_server, when: str) -> list[EmailMessage]:
    before = len(smtp_server.received)
    dispatch_at(when)
    return [r.message for r in smtp_server.received[before:]]


def test_the_mails_people_get_read_as_the_snapshots_say(app, smtp_server, request: pytest.FixtureRequest) -> None:
    events = _schedule()
    mails: dict[str, EmailMessage] = {}
    (mails["reminder"],) = _sent(smtp_server, "2027-01-29T08:00")  # a week before the meeting
    plan_digests(local(2027, 1, 26, 12))  # digests are planned a week or two ahead
    db.session.commit()
    (mails["digest"],) = _sent(smtp_server, "2027-02-01T07:00")  # Monday: the two weeks from 1 February
    (tomorrow,) = _sent(smtp_server, "2027-02-04T08:00")  # the day before the meeting
    assert "i morgon" in tomorrow.get_body(("plain",)).get_content()

    meeting = events["meeting"]
    meeting.status = "cancelled"
    meeting.touch()
    sync_event_reminders(meeting, local(2027, 2, 4, 10))
    db.session.commit()
    (mails["cancelled"],) = _sent(smtp_server, "2027-02-04T10:05")  # INSTÄLLT to whoever was reminded
    (mails["deadline"],) = _sent(smtp_server, "2027-02-09T08:00")  # three days before the deadline
    (mails["handover"],) = _sent(smtp_server, "2027-02-15T08:00")  # 14 days before the handover

    for name, message in mails.items():
        assert message["To"] == ANNA, name
        check_snapshot(request, EMAILS / f"{name}.txt", _read(message))
