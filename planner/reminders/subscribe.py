"""Subscribing, confirming, choosing preferences and leaving: shared by the CLI and the web page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from flask import current_app
from sqlalchemy import func, or_, select

from planner.db import db, utcnow
from planner.models import Body, Organization, Subscriber
from planner.reminders import smtp
from planner.reminders.addresses import BadAddress, check_address
from planner.reminders.leads import BadLead, parse_lead
from planner.reminders.message import confirmation_message
from planner.reminders.sync import sync_subscriber


class SubscribeError(ValueError):
    """Bad input to a subscription: a malformed address, an unknown body, a bad lead time."""


def normalize_email(text: str) -> str:
    """Lower case with an IDNA domain; a CR/LF, å/ä/ö before @ or a malformed address is refused."""
    try:
        return check_address(text)
    except BadAddress as exc:
        raise SubscribeError(str(exc)) from None


def find_organization(name: str) -> Organization:
    org = db.session.scalar(select(Organization).where(
        or_(func.lower(Organization.name) == name.strip().lower(), Organization.slug == name.strip().lower())))
    if org is None:
        raise SubscribeError(f"no organization called {name!r}")
    return org


def find_bodies(names: Iterable[str], org: Organization | None = None) -> list[Body]:
    found = []
    for name in names:
        query = select(Body).where(or_(func.lower(Body.name) == name.strip().lower(),
                                       Body.slug == name.strip().lower()))
        if org is not None:
            query = query.where(Body.organization_id == org.id)
        matches = db.session.scalars(query).all()
        if not matches:
            raise SubscribeError(f"no body called {name!r}" + (f" in {org.name}" if org else ""))
        if len(matches) > 1:
            raise SubscribeError(f"{name!r} names bodies in several organizations; add --org")
        found.append(matches[0])
    return found


def check_leads(lead_times: Mapping[str, Sequence[str]] | None) -> dict[str, list[str]] | None:
    if lead_times is None:
        return None
    try:
        return {kind: sorted({parse_lead(t).text for t in texts}, key=_lead_order)
                for kind, texts in lead_times.items()}
    except BadLead as exc:
        raise SubscribeError(str(exc)) from None


def _lead_order(text: str) -> tuple[float, str]:
    lead = parse_lead(text)
    return (-(lead.exact.total_seconds() if lead.exact else lead.days * 86400), text)


def upsert(email: str, bodies: list[Body], org: Organization | None, *, confirm: bool = False,
           digest: bool | None = None, lead_times: Mapping[str, Sequence[str]] | None = None
           ) -> tuple[Subscriber, bool]:
    """Create or update a subscriber; confirming (admin) also plans their reminders at once."""
    email = normalize_email(email)
    subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == email))
    created = subscriber is None
    if subscriber is None:
        subscriber = Subscriber(email=email)
        db.session.add(subscriber)
    if org is None and bodies and len({b.organization_id for b in bodies}) == 1:
        org = bodies[0].organization
    if org is not None:
        subscriber.organization = org
    for body in bodies:
        if body not in subscriber.bodies:
            subscriber.bodies.append(body)
    if digest is not None:
        subscriber.weekly_digest = digest
    if lead_times is not None:
        subscriber.lead_times = check_leads(lead_times)
    if confirm:
        subscriber.confirmed_at = subscriber.confirmed_at or utcnow()
        subscriber.unsubscribed_at = None
    db.session.flush()
    if subscriber.active:
        sync_subscriber(subscriber)
    return subscriber, created


def confirm(subscriber: Subscriber) -> None:
    subscriber.confirmed_at = subscriber.confirmed_at or utcnow()
    subscriber.unsubscribed_at = None
    db.session.flush()
    sync_subscriber(subscriber)


def unsubscribe(subscriber: Subscriber) -> None:
    """Leave at once: nothing pending is sent any more (RFC 8058 one-click)."""
    subscriber.unsubscribed_at = subscriber.unsubscribed_at or utcnow()
    db.session.flush()
    sync_subscriber(subscriber)


def update_preferences(subscriber: Subscriber, bodies: list[Body], digest: bool,
                       lead_times: Mapping[str, Sequence[str]]) -> None:
    subscriber.bodies = list(bodies)
    subscriber.weekly_digest = digest
    subscriber.lead_times = check_leads(lead_times)
    db.session.flush()
    if subscriber.active:
        sync_subscriber(subscriber)


def send_confirmation(subscriber: Subscriber) -> None:
    """Sent straight away (not queued): the person is waiting for it.

    Raises OSError if SMTP is away or refuses it, SubscribeError for an address it cannot take.
    """
    import smtplib

    settings = smtp.parse_smtp_url(current_app.config["SMTP_URL"])
    try:
        recipient = check_address(subscriber.email)
    except BadAddress as exc:  # stored before addresses were checked at entry
        raise SubscribeError(str(exc)) from None
    msg = confirmation_message(subscriber, utcnow())
    from email.utils import parseaddr

    try:
        conn = smtp.connect(settings)
    except smtplib.SMTPException as exc:
        raise OSError(str(exc)) from None
    try:
        outcome = smtp.send(conn, msg, parseaddr(current_app.config["MAIL_FROM"])[1], recipient)
    finally:
        try:
            conn.quit()
        except (OSError, smtplib.SMTPException):
            conn.close()
    if outcome.status != "sent":
        raise OSError(outcome.error or "not sent")
