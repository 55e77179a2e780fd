"""The one error reading a file raises: its own module, so the readers and the package need not import each other."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read as minutes; the message names the file and why."""

    def __init__(self, message: str, swedish: str | None = None) -> None:
        super().__init__(message)
        self.swedish = swedish or message.split(": ", 1)[-1]
