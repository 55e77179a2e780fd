"""PLANNER_SMTP_URL to an smtplib connection, and SMTP outcomes sorted into sent / retry / failed.

    smtp://host:25                      plain
    smtp://user:pass@host:587?starttls=1 STARTTLS, then AUTH
    smtps://user:pass@host:465          implicit TLS
"""

from __future__ import annotations

import email.policy
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
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
        # Small writes in a row (a message's final dot after its content): no Nagle delay waiting for an ACK.
        if conn.sock is not None:  # connected by the constructor, since it was given the host
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
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


LEADING_DOT = re.compile(rb"(?m)^\.")


class Pipeline:
    """RFC 2920 PIPELINING on one connection: one round trip per message instead of four.

    MAIL, RCPT and DATA go in one write; a message's final dot goes together with the next
    message's MAIL, RCPT and DATA (content may lead a group), so the server reads the next envelope
    while the caller records this outcome. An envelope alone delivers nothing: only the reply to
    the dot says "sent", so an outcome is still known one message at a time.

    Only for servers that offer PIPELINING and for ASCII envelopes (`can_pipeline`); the rest go
    through `send`. After any outcome but "sent", "retry" and "failed" the connection is unusable.
    """

    def __init__(self, conn: smtplib.SMTP, sender: str) -> None:
        self.conn = conn
        self.sender = sender
        self.staged: str | None = None  # recipient whose MAIL/RCPT/DATA went out, replies unread
        self.in_content = False  # content sent without its final dot

    def envelope(self, recipient: str) -> bytes:
        return f"MAIL FROM:<{self.sender}>\r\nRCPT TO:<{recipient}>\r\nDATA\r\n".encode("ascii")

    def send(self, data: bytes, recipient: str, following: str | None = None,
             before_end: Callable[[], None] | None = None) -> Outcome:
        """Send one message; `following` is the next recipient, whose envelope goes with this content.

        `before_end` runs once the content is out but before its final dot, the moment from which
        the server may accept it: the caller waits there for the previous outcome to be recorded,
        so a database error (which it raises) never leaves two sent messages unrecorded. Apart
        from that, never raises (like `send`): a broken connection is "disconnected".
        """
        try:
            refused = self._content(data, recipient)
        except Exception as exc:  # noqa: BLE001  (one message must never stop the batch)
            return self._broken(exc)
        if refused is not None:
            return refused
        if before_end is not None:
            before_end()  # raising leaves the server mid-content: close() hangs up, nothing is accepted
        try:
            return self._end(following)
        except Exception as exc:  # noqa: BLE001
            return self._broken(exc)

    def _broken(self, exc: Exception) -> Outcome:
        self.staged, self.in_content = None, True
        return Outcome("disconnected", f"anslutningen bröts: {type(exc).__name__}: {exc}")

    def _content(self, data: bytes, recipient: str) -> Outcome | None:
        if self.staged != recipient:
            if self.staged is not None:  # staged for someone else: the caller skipped a message
                raise smtplib.SMTPServerDisconnected("a staged envelope was not used")
            self.conn.send(self.envelope(recipient))
        self.staged = None
        refused = self._envelope_replies()
        if refused is not None:
            return refused
        body = LEADING_DOT.sub(b"..", data)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        self.in_content = True
        self.conn.send(body)
        return None

    def _end(self, following: str | None) -> Outcome:
        tail = self.envelope(following) if following is not None else b""
        self.conn.send(b".\r\n" + tail)
        self.in_content = False
        self.staged = following
        code, text = self.conn.getreply()
        if code == 250:
            return Outcome("sent")
        if code == 421 or code < 200:
            self.staged = None
            return Outcome("disconnected", f"{code} {_text(text)}")
        return _by_code(code, text)

    def _envelope_replies(self) -> Outcome | None:
        """The replies to MAIL, RCPT and DATA: None when the server waits for the content (354)."""
        replies = [self.conn.getreply() for _ in range(3)]
        (mail, mail_text), (rcpt, rcpt_text), (data, _) = replies
        if data == 354:
            if mail == 250 and rcpt in (250, 251):
                return None
            raise smtplib.SMTPServerDisconnected("the server wants content for a refused envelope")
        if 421 in (mail, rcpt, data):
            raise smtplib.SMTPServerDisconnected("421 the server is closing the connection")
        code, text = (mail, mail_text) if mail != 250 else (rcpt, rcpt_text)
        if code in (250, 251):  # only DATA was refused
            code, text = replies[2]
        self.conn.rset()
        return _by_code(code, text)

    def close(self) -> None:
        """QUIT, unless an envelope is staged or content is open (the server reads content): then hang up."""
        try:
            if self.staged is None and not self.in_content:
                self.conn.quit()
                return
        except (OSError, smtplib.SMTPException):
            pass
        self.conn.close()


def can_pipeline(conn: smtplib.SMTP, sender: str, recipient: str) -> bool:
    return conn.has_extn("pipelining") and (sender + recipient).isascii()


def _by_code(code: int, text: bytes | str) -> Outcome:
    status = "retry" if 400 <= code < 500 else "failed"
    return Outcome(status, f"{code} {_text(text)}")


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
