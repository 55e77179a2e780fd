"""`planner mailsink`: a local SMTP server that keeps every mail it gets, for watching reminders arrive.

Each mail is written to instance/mail/<time>-<n>.eml and announced with one line.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class SinkHandler:
    def __init__(self, folder: Path, echo: Callable[[str], Any] = print) -> None:
        self.folder = folder
        self.echo = echo
        self.counter = itertools.count(1)
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data: bytes = envelope.original_content or envelope.content
        n = next(self.counter)
        now = dt.datetime.now(dt.UTC)
        path = self.folder / f"{now:%Y%m%dT%H%M%S}-{n:05d}.eml"
        path.write_bytes(data)
        msg = message_from_bytes(data, policy=policy.default)
        self.echo(f"{now.astimezone():%H:%M:%S}  till {', '.join(envelope.rcpt_tos)}  «{msg['Subject']}»  {path.name}")
        return "250 Message accepted for delivery"


def start_sink(folder: Path, host: str = "127.0.0.1", port: int = 8025,
               echo: Callable[[str], Any] = print) -> Controller:
    controller = Controller(SinkHandler(folder, echo), hostname=host, port=port)
    controller.start()
    return controller
