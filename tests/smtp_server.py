"""A real SMTP server on loopback (aiosmtpd) that records what it gets and can misbehave on cue.

Never a mock: the code under test speaks SMTP over TCP to this server.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Received:
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class Handler:
    received: list[Received] = field(default_factory=list)
    data_replies: deque[str] = field(default_factory=deque)  # scripted replies to DATA, then 250
    rcpt_replies: dict[str, str] = field(default_factory=dict)  # address -> reply, e.g. "550 ..."
    hold_rcpt: threading.Event = field(default_factory=threading.Event)  # set: block at RCPT
    hold_after_data: threading.Event = field(default_factory=threading.Event)  # set: keep, then block
    arrived: threading.Event = field(default_factory=threading.Event)  # a held command has arrived
    lock: threading.Lock = field(default_factory=threading.Lock)
    after_data: Any = None  # called (in the server's thread) after each kept message, with the count so far
    pipelining: bool = True  # offer PIPELINING (RFC 2920), as Postfix and Exim do; aiosmtpd reads commands in order
    rcpt_with_mail: list[bool] = field(default_factory=list)  # per MAIL: had its RCPT arrived with it (pipelined)?

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        self.rcpt_with_mail.append(b"RCPT TO:" in bytes(server._reader._buffer))
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        if self.hold_rcpt.is_set():
            self.arrived.set()
            while self.hold_rcpt.is_set():
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            reply = self.data_replies.popleft() if self.data_replies else None
        if reply is not None:
            return reply
        raw = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(Received(list(envelope.rcpt_tos), raw,
                                          message_from_bytes(raw, policy=policy.default)))  # type: ignore[arg-type]
            count = len(self.received)
        if self.after_data is not None:
            self.after_data(count)
        if self.hold_after_data.is_set():
            self.arrived.set()
            while self.hold_after_data.is_set():
                await asyncio.sleep(0.02)
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, port: int | None = None, pipelining: bool = True) -> None:
        self.port = port or free_port()
        self.handler = Handler(pipelining=pipelining)
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def start(self) -> SmtpServer:
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        self.handler.hold_rcpt.clear()
        self.handler.hold_after_data.clear()
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str) -> list[Received]:
        return [r for r in self.received if address in r.rcpt_tos]

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.received
            if len(got) >= count:
                return got
            time.sleep(0.05)
        raise AssertionError(f"SMTP server got {len(self.received)} messages, expected {count} within {timeout}s")


def serve(app: Any, pipelining: bool = True) -> Iterator[SmtpServer]:
    server = SmtpServer(pipelining=pipelining).start()
    app.config["SMTP_URL"] = server.url
    app.config["BASE_URL"] = "https://planner.example.se"
    yield server
    server.stop()


@pytest.fixture(name="smtp_server")
def smtp_server_fixture(app) -> Iterator[SmtpServer]:
    yield from serve(app)


@pytest.fixture(name="smtp_server", params=["pipelining", "plain"])
def smtp_server_both_fixture(app, request) -> Iterator[SmtpServer]:
    """A server that offers PIPELINING and one that does not: the dispatcher's two ways of sending.

    A module imports it `as smtp_server_fixture` to run all its tests against both.
    """
    yield from serve(app, pipelining=request.param == "pipelining")
