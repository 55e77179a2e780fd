"""File to text: minutes arrive as text, PDF (with or without a text layer) or DOCX."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file that cannot be read as minutes; the message names the file and why."""


def read_text(path: str | Path) -> str:
    """The document's text, one line per printed line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror})") from exc
    if not data:
        raise IngestError(f"{path}: the file is empty")
    if data.startswith(b"%PDF"):
        return _pdf_text(path)
    if data.startswith(b"PK\x03\x04"):
        return _docx_text(path)
    return _decode(data, path)


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise IngestError(f"{path}: not a text, PDF or DOCX file")
    for encoding in ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("cp1252", errors="replace")


def _pdf_text(path: Path) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    except Exception as exc:  # pdfminer raises many kinds
        raise IngestError(f"{path}: broken or unreadable PDF ({exc.__class__.__name__})") from exc


def _docx_text(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(f"{path}: not a readable DOCX ({exc.__class__.__name__})") from exc
    return "\n".join(p.text for p in document.paragraphs)
