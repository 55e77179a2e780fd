"""A reminder's bytes on the wire, assembled from parts built once per occurrence.

Every recipient of one occurrence gets the same text, HTML and .ics but for their own links and
headers, so those are rendered once (links as a placeholder) and each mail is a few string
replacements, two base64 encodings and a join: no email.message objects, no generator. The result
is plain MIME (multipart/mixed: alternative text + HTML, then the text/calendar attachment).
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

TOKEN = "PLANNERTOKENPLACEHOLDER"  # stands for the subscriber's token in rendered text and HTML
CRLF = b"\r\n"


def b64_lines(data: bytes) -> bytes:
    """Base64 in 76-character CRLF lines, as MIME wants it."""
    return base64.encodebytes(data).replace(b"\n", CRLF)


@dataclass(frozen=True)
class Parts:
    """What every recipient of one occurrence shares."""

    subject: str  # already an RFC 2047 header value
    sender: str  # the From header value
    date: str
    text: str  # may contain TOKEN
    html: str
    ics: bytes  # base64 lines of the attachment
    boundary: str

    @staticmethod
    def new(subject: str, sender: str, date: str, text: str, html: str, ics: bytes) -> Parts:
        return Parts(subject, sender, date, text, html, b64_lines(ics), f"planner-{secrets.token_hex(12)}")


def assemble(parts: Parts, to: str, message_id: str, links: dict[str, str | None], token: str | None) -> bytes:
    """One recipient's message; `links` are that recipient's unsubscribe and preferences URLs."""
    text, html = parts.text, parts.html
    if token:
        text, html = text.replace(TOKEN, token), html.replace(TOKEN, token)
    outer, inner = parts.boundary + "m", parts.boundary + "a"
    headers = [
        f'Content-Type: multipart/mixed; boundary="{outer}"', "MIME-Version: 1.0",
        f"Subject: {parts.subject}", f"From: {parts.sender}", f"To: {to}", f"Date: {parts.date}",
        f"Message-ID: {message_id}", "Auto-Submitted: auto-generated",
    ]
    if links.get("unsubscribe"):
        headers += [f"List-Unsubscribe: <{links['unsubscribe']}>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
    chunks = [
        "\r\n".join(headers).encode("ascii"), b"", f"--{outer}".encode(),
        f'Content-Type: multipart/alternative; boundary="{inner}"'.encode(), b"MIME-Version: 1.0", b"",
        f"--{inner}".encode(), b'Content-Type: text/plain; charset="utf-8"', b"MIME-Version: 1.0",
        b"Content-Transfer-Encoding: base64", b"", b64_lines(text.encode("utf-8")),
        f"--{inner}".encode(), b'Content-Type: text/html; charset="utf-8"', b"MIME-Version: 1.0",
        b"Content-Transfer-Encoding: base64", b"", b64_lines(html.encode("utf-8")),
        f"--{inner}--".encode(), b"",
        f"--{outer}".encode(), b'Content-Type: text/calendar; method="PUBLISH"; charset="utf-8"', b"MIME-Version: 1.0",
        b"Content-Transfer-Encoding: base64", b'Content-Disposition: attachment; filename="handelse.ics"', b"",
        parts.ics, f"--{outer}--".encode(), b"",
    ]
    return CRLF.join(chunks)
