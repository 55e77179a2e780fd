"""Plain text in whatever encoding the secretary's machine used (UTF-8, UTF-8 with BOM, cp1252, latin-1)."""

from __future__ import annotations

from pathlib import Path

from planner.ingest import IngestError

_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}


def decode(data: bytes, path: Path) -> str:
    sample = data[:65536]
    if b"\x00" in sample and not _is_utf16(sample):
        raise IngestError(f"{path.name}: not a text, PDF or DOCX file (binary content)")
    if sum(b in _CONTROL for b in sample) > len(sample) * 0.05:
        raise IngestError(f"{path.name}: not a text, PDF or DOCX file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "utf_16", "mac_roman", "cp850", "iso8859_15"]).best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    return str(best)


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))
