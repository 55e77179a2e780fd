"""File to text: minutes arrive as text, PDF (with or without a text layer) or DOCX.

Every failure is an IngestError whose message starts with the file's name, so a batch can
report it and go on with the other files; `swedish` says the same to a secretary. Reading is
bounded by `Limits` and may report its progress page by page.
"""

from __future__ import annotations

from pathlib import Path

from planner.ingest.errors import IngestError
from planner.ingest.limits import Limits, Progress

__all__ = ["IngestError", "Limits", "Progress", "read_text"]


def read_text(path: str | Path, limits: Limits | None = None, progress: Progress | None = None) -> str:
    """The document's text, one line per printed line; page furniture and repeated pages removed."""
    path = Path(path)
    limits = limits or Limits()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})", "filen gick inte att läsa") from exc
    if not data:
        raise IngestError(f"{path.name}: the file is empty (0 bytes)", "filen är tom (0 byte)")
    if data.startswith(b"%PDF"):
        from planner.ingest.pdf import pdf_text

        return pdf_text(path, data, limits, progress)
    if data.startswith(b"PK\x03\x04"):
        from planner.ingest.docx import docx_text

        text = docx_text(path, limits)
    elif path.suffix.lower() in (".pdf", ".docx"):
        kind = path.suffix.lower()[1:].upper()
        raise IngestError(f"{path.name}: not a {kind} file (its content is something else)",
                          f"filen är ingen {kind}-fil (innehållet är något annat)")
    else:
        from planner.ingest.text import decode

        text = decode(data, path, limits)
    if progress is not None:
        progress(1, 1)
    return text


__all__ = ["IngestError", "Limits", "Progress", "read_text"]
