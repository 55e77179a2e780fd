"""File to text: minutes arrive as text, PDF (with or without a text layer) or DOCX.

Every failure is an IngestError whose message starts with the file's name, so a batch can
report it and go on with the other files.
"""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file that cannot be read as minutes; the message names the file and why.

    `swedish` says why in Swedish for the review pages (the message stays English for the command line).
    """

    def __init__(self, message: str, swedish: str | None = None) -> None:
        super().__init__(message)
        self.swedish = swedish or "filen kunde inte läsas"


def read_text(path: str | Path) -> str:
    """The document's text, one line per printed line; page furniture and repeated pages removed."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read ({exc.strerror or exc})", "filen gick inte att öppna") from exc
    if not data:
        raise IngestError(f"{path.name}: the file is empty (0 bytes)", "filen är tom (0 byte)")
    if data.startswith(b"%PDF"):
        from planner.ingest.pdf import pdf_text

        return pdf_text(path, data)
    if data.startswith(b"PK\x03\x04"):
        from planner.ingest.docx import docx_text

        return docx_text(path)
    if path.suffix.lower() in (".pdf", ".docx"):
        kind = path.suffix.lower()[1:].upper()
        raise IngestError(f"{path.name}: not a {kind} file (its content is something else)",
                          f"filen heter .{kind.lower()} men är ingen {kind}-fil")
    from planner.ingest.text import decode

    return decode(data, path)
