"""PLANNER_SMTP_URL to an smtplib connection, and SMTP outcomes sorted into sent / retry / failed.

    smtp://host:25                      plain
    smtp://user:pass@host:587?starttls=1 STARTTLS, then AUTH
    smtps://user:pass@host:465          implicit TLS
"""

from __future__ import annotations

import email.policy
import smtplib
import ssl
from dataclasses import dataclass
from email.message import Message
from urllib.parse import parse_qs, unquote, urlsplit

# compat32 with CRLF (sendmail() sends bytes as they are); no re-folding, so List-Unsubscribe stays one line.
WIRE = email.policy.compat32.clone(linesep="\r\n", max_line_length=998)
TRUE = {"1", "true", "yes", "on"}


class BadSmtpUrl(ValueError):
    pass


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    tls: bool
    starttls: bool
    username: str | None
    password: str | None
    timeout: float
    verify: bool


def parse_smtp_url(url: str) -> SmtpSettings:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise BadSmtpUrl(f"PLANNER_SMTP_URL must look like smtp://host:port or smtps://user:pass@host, not {url!r}")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    tls = parts.scheme == "smtps"
    starttls = query.get("starttls", "").lower() in TRUE or (not tls and parts.port == 587)
    try:
        port = parts.port or (465 if tls else 587 if starttls else 25)
    except ValueError as exc:
        raise BadSmtpUrl(f"bad port in PLANNER_SMTP_URL: {exc}") from None
    return SmtpSettings(
        host=parts.hostname, port=port, tls=tls, starttls=starttls,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        timeout=float(query.get("timeout", 30)),
        verify=query.get("verify", "1").lower() in TRUE,
    )


def connect(settings: SmtpSettings) -> smtplib.SMTP:
    """One connection, reused for a whole batch. Raises OSError / SMTPException when the server is away."""
    context = _tls_context(settings) if settings.tls or settings.starttls else None
    if settings.tls:
        conn: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        conn = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        conn.ehlo()
        if settings.starttls:
            conn.starttls(context=context)
            conn.ehlo()
        if settings.username:
            conn.login(settings.username, settings.password or "")
    except BaseException:
        conn.close()
        raise
    return conn


def _tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if not settings.verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


@dataclass(frozen=True)
class Outcome:
    status: str  # sent / retry / failed / disconnected / error
    error: str | None = None


def send(conn: smtplib.SMTP, message: Message | bytes, sender: str, recipient: str) -> Outcome:
    """Send one message to one recipient; 4xx is worth retrying, 5xx is not.

    Never raises: anything else that goes wrong with this one message (a header that will not
    serialise, an address smtplib cannot encode) is an "error" outcome, retried up to the
    attempt limit, and the connection is reset so the next message starts a clean transaction.
    """
    try:
        return _send(conn, message, sender, recipient)
    except Exception as exc:  # one bad message must never stop the batch
        error = f"kunde inte skickas: {type(exc).__name__}: {exc}"
        try:
            conn.rset()
        except Exception:  # the connection is unusable; the caller reconnects
            return Outcome("disconnected", error)
        return Outcome("error", error)


def _send(conn: smtplib.SMTP, message: Message | bytes, sender: str, recipient: str) -> Outcome:
    data = message if isinstance(message, bytes) else message.as_bytes(policy=WIRE)
    try:
        refused = conn.sendmail(sender, [recipient], data)
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()), (550, b"refused"))
        return _by_code(code, text)
    except smtplib.SMTPResponseException as exc:  # before OSError: SMTPException is an OSError
        if exc.smtp_code == 421:
            return Outcome("disconnected", f"{exc.smtp_code} {_text(exc.smtp_error)}")
        return _by_code(exc.smtp_code, exc.smtp_error)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        return Outcome("disconnected", f"anslutningen bröts: {exc}")
    if refused:
        code, text = next(iter(refused.values()))
        return _by_code(code, text)
    return Outcome("sent")


def _by_code(code: int, text: bytes | str) -> Outcome:
    status = "retry" if 400 <= code < 500 else "failed"
    return Outcome(status, f"{code} {_text(text)}")


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
