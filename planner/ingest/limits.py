"""How much reading one document may cost: pages, characters, unpacked bytes, paragraphs, seconds.

Hostile or broken files (a DOCX of ten million empty paragraphs, a zip bomb, a PDF of thousands
of blank pages, a 19 MB text) are refused early with a Swedish reason instead of taking a worker's
memory or the scheduler's afternoon. The defaults are far above real minutes (a hundred pages,
a few hundred thousand characters) and can be changed in the config (INGEST_MAX_*).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.ingest.errors import IngestError

Progress = Callable[[int, int], None]  # (pages done, pages in all), called as reading goes on


@dataclass(frozen=True)
class Limits:
    max_pages: int = 300
    max_chars: int = 2_000_000
    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_paragraphs: int = 50_000
    max_seconds: float | None = 900.0  # wall time for one document, OCR included
    started: float = field(default_factory=time.monotonic, compare=False)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Limits:
        seconds = config.get("INGEST_MAX_SECONDS", cls.max_seconds)
        return cls(max_pages=int(config.get("INGEST_MAX_PAGES", cls.max_pages)),
                   max_chars=int(config.get("INGEST_MAX_CHARS", cls.max_chars)),
                   max_unpacked_bytes=int(float(config.get("INGEST_MAX_UNPACKED_MB", 100)) * 1024 * 1024),
                   max_paragraphs=int(config.get("INGEST_MAX_PARAGRAPHS", cls.max_paragraphs)),
                   max_seconds=float(seconds) if seconds else None)

    def check_time(self, name: str) -> None:
        if self.max_seconds is not None and time.monotonic() - self.started > self.max_seconds:
            raise IngestError(f"{name}: reading took longer than {self.max_seconds:g} seconds",
                              f"inläsningen tog längre än {self.max_seconds:g} sekunder, som är gränsen")

    def check_chars(self, name: str, count: int) -> None:
        if count > self.max_chars:
            raise IngestError(f"{name}: more than {self.max_chars:,} characters of text",
                              f"texten är längre än {sv_number(self.max_chars)} tecken, som är gränsen; "
                              "dela upp dokumentet")


def sv_number(number: int) -> str:
    """50000 as Swedish writes it: 50 000 (a no-break space between thousands)."""
    return f"{number:,}".replace(",", "\u00a0")
