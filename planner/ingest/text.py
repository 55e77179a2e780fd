"""Plain text in whatever encoding the secretary's machine used (UTF-8, UTF-8 with BOM, UTF-16, cp1252, latin-1).

UTF-8 is tried strictly first; Windows-1252 next when it yields Swedish letters (the usual
case for old Word exports), and charset-normalizer decides the rest.
"""

from __future__ import annotations

import re
from pathlib import Path

from planner.ingest.errors import IngestError
from planner.ingest.limits import Limits

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SWEDISH = re.compile("[åäöÅÄÖ]")


def decode(data: bytes, path: Path, limits: Limits | None = None) -> str:
    """The text, refused before decoding when even four bytes a character would be too many."""
    limits = limits or Limits()
    if len(data) > 4 * limits.max_chars:
        limits.check_chars(path.name, len(data) // 4)
    text = _decode(data, path)
    limits.check_chars(path.name, len(text))
    return text


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path.name}: broken UTF-16 text", "trasig UTF-16-text") from exc
    sample = data[:65536]
    if b"\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) * 0.02:
        raise IngestError(f"{path.name}: not a text, PDF or DOCX file (binary content)",
                          "filen är varken text, PDF eller DOCX (binärt innehåll)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        if _SWEDISH.search(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp850"]).best()
    return str(best) if best is not None else data.decode("latin-1")
