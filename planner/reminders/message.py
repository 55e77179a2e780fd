"""One delivery row to one email: multipart text + HTML in Swedish, an .ics, and the headers.

Message-ID is the row's own, so a resend after a crash carries the same id and the
recipient's client can recognise it. Rendering needs an app context (Jinja templates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.charset import BASE64, Charset
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, parseaddr
from typing import Any

from flask import current_app, render_template

from planner.models import Event, ReminderDelivery
from planner.reminders.ics import IcsEvent, build_ics
from planner.reminders.occurrences import parse_key
from planner.reminders.planning import DERIVED_LEAD
from planner.reminders.texts import kind_label, lead_phrase, swedish_date, swedish_when
from planner.reminders.wire import TOKEN, Parts, assemble

UTF8_BASE64 = Charset("utf-8")
UTF8_BASE64.header_encoding = BASE64  # not SHORTEST: no need to try quoted-printable first


@dataclass(frozen=True)
class Occ:
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None


def occurrence_of(event: Event, key: str) -> Occ:
    """Start and end of one occurrence: the key is its start; the end keeps the event's duration."""
    start = parse_key(key)
    if isinstance(start, dt.datetime):
        duration = (event.end_at - event.start_at) if event.start_at and event.end_at else None
        return Occ(start, start + duration if duration else None)
    span = (event.end_date - event.start_date) if event.start_date and event.end_date else dt.timedelta(0)
    return Occ(start, start + span)


def links(token: str | None) -> dict[str, str | None]:
    base = current_app.config["BASE_URL"].rstrip("/")
    if not token:
        return {"unsubscribe": None, "preferences": None, "base": base}
    return {"unsubscribe": f"{base}/paminnelser/avregistrera/{token}",
            "preferences": f"{base}/paminnelser/installningar/{token}", "base": base}


def new_message(subject: str, to: str, message_id: str, now: dt.datetime, token: str | None,
                template: str, context: dict[str, Any]) -> MIMEMultipart:
    """Built with the compat32 MIME classes: several times faster than EmailMessage's header parsing."""
    urls = links(token)
    context = {**context, "links": urls}
    body = MIMEMultipart("alternative")
    body.attach(MIMEText(render_template(f"reminders/mail/{template}.txt", **context), "plain", "utf-8"))
    body.attach(MIMEText(render_template(f"reminders/mail/{template}.html", **context), "html", "utf-8"))
    msg = MIMEMultipart("mixed")
    msg.attach(body)
    msg["Subject"] = Header(subject, UTF8_BASE64).encode(maxlinelen=76, linesep="\r\n")  # RFC 2047 words
    msg["From"] = _address(current_app.config["MAIL_FROM"])
    msg["To"] = to
    msg["Date"] = format_datetime(now.astimezone(dt.UTC))
    msg["Message-ID"] = message_id
    msg["Auto-Submitted"] = "auto-generated"
    if urls["unsubscribe"]:
        msg["List-Unsubscribe"] = f"<{urls['unsubscribe']}>"
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return msg


def _address(text: str) -> str:
    name, address = parseaddr(text)
    return formataddr((name, address), charset="utf-8") if name else address


def attach_ics(msg: MIMEMultipart, data: bytes, filename: str = "handelse.ics") -> None:
    part = MIMEBase("text", "calendar", method="PUBLISH", charset="utf-8")
    part.set_payload(data)
    from email import encoders

    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    msg.attach(part)


def reminder_parts(event: Event, key: str, kind: str, now: dt.datetime, with_links: bool,
                   lead: str = "") -> Parts:
    """What every recipient of this occurrence's reminder (or INSTÄLLT notice) shares: built once.

    `lead` matters only for a derived deadline's reminder ("Kallelse" in the subject and text):
    the caller shares those parts per lead (`derived_key`).
    """
    occ = occurrence_of(event, key)
    cancelled = kind == "cancel_notice"
    when = swedish_when(occ.start, occ.end)
    label = kind_label(event.kind)
    derived = None if cancelled else derived_label(lead, event)
    if cancelled:
        subject = f"INSTÄLLT: {event.title}, {when}"
    elif derived:
        subject = f"Påminnelse: {derived} i dag – {event.title}, {when}"
    elif event.kind == "deadline":
        subject = f"Påminnelse: {event.title} – sista dag {when}"
    else:
        subject = f"Påminnelse: {event.title}, {when}"
    urls = links(TOKEN if with_links else None)
    context = {"event": event, "when": when, "label": label, "cancelled": cancelled, "links": urls,
               "phrase": lead_phrase(occ.start, now), "organization": event.organization, "body": event.body,
               "derived": derived}
    template = "cancel_notice" if cancelled else "reminder"
    return Parts.new(subject=Header(subject, UTF8_BASE64).encode(maxlinelen=76, linesep="\r\n"),
                     sender=_address(current_app.config["MAIL_FROM"]), date=format_datetime(now.astimezone(dt.UTC)),
                     text=render_template(f"reminders/mail/{template}.txt", **context),
                     html=render_template(f"reminders/mail/{template}.html", **context),
                     ics=build_ics(ics_event(event, key, occ, cancelled), now))


def reminder_bytes(row: ReminderDelivery, parts: Parts, to: str | None = None) -> bytes:
    """One row's message from its occurrence's shared parts."""
    token = row.subscriber.token if row.subscriber else None
    return assemble(parts, to or row.recipient, row.message_id, links(token), token)


def derived_key(lead: str) -> str | None:
    """The lead when it is a derived deadline's (its parts differ per rule), else None (shared by all leads)."""
    return lead if lead.startswith(DERIVED_LEAD) else None


def derived_label(lead: str, event: Event) -> str | None:
    """"Kallelse" for the reminder (its lead) of a deadline the body derives from this meeting, else None."""
    if not lead.startswith(DERIVED_LEAD) or event.body is None:
        return None
    rules = event.body.meeting_deadlines or []
    index = lead.removeprefix(DERIVED_LEAD)
    return str(rules[int(index)]["label"]) if index.isdigit() and int(index) < len(rules) else "Deadline"


def ics_event(event: Event, key: str, occ: Occ, cancelled: bool) -> IcsEvent:
    status = "CANCELLED" if cancelled or event.status == "cancelled" else \
        "TENTATIVE" if event.status == "tentative" else "CONFIRMED"
    series_occurrence = bool(event.rrule)
    description = event.description or ""
    if event.kind == "chair_handover" and (event.from_party or event.to_party):
        description = f"{event.from_party or '?'} lämnar över till {event.to_party or '?'}. {description}".strip()
    return IcsEvent(uid=event.uid, summary=event.title, start=occ.start, end=occ.end,
                    sequence=event.sequence or 0, location=event.location, description=description or None,
                    status=status, recurrence_id=parse_key(key) if series_occurrence else None)


def digest_message(row: ReminderDelivery, items: list[dict[str, Any]], now: dt.datetime,
                   to: str | None = None) -> MIMEMultipart:
    monday = dt.date.fromisoformat(row.occurrence)
    subject = f"Veckobrev: de kommande två veckorna från {swedish_date(monday)}"
    context = {"items": items, "monday": swedish_date(monday),
               "until": swedish_date(monday + dt.timedelta(days=13))}
    token = row.subscriber.token if row.subscriber else None
    return new_message(subject, to or row.recipient, row.message_id, now, token, "digest", context)


def confirmation_message(subscriber: Any, now: dt.datetime) -> MIMEMultipart:
    from email.utils import make_msgid

    urls = links(subscriber.token)
    context = {"confirm": f"{urls['base']}/paminnelser/bekrafta/{subscriber.token}", "subscriber": subscriber}
    return new_message("Bekräfta dina påminnelser från Planner", subscriber.email,
                       make_msgid(domain="planner"), now, subscriber.token, "confirm", context)
