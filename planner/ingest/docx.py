"""DOCX to text: paragraphs and table cells in document order, headers/footers left out.

Before python-docx builds its tree, the zip's declared sizes (zipfile never unpacks past them)
and a streaming count of paragraphs and characters refuse a bomb in bounded memory and time.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO

from planner.ingest.errors import IngestError
from planner.ingest.limits import Limits, sv_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAIN_PART = "word/document.xml"
ELEMENTS_PER_PARAGRAPH = 40  # runs, properties, text: far more than real minutes use


def docx_text(path: Path, limits: Limits | None = None) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    limits = limits or Limits()
    check_size(path, limits)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # zipfile, lxml and docx all raise their own kinds
        raise IngestError(f"{path.name}: not a readable DOCX ({exc.__class__.__name__})",
                          f"ingen läsbar DOCX-fil ({exc.__class__.__name__})") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                lines.append("  ".join(cells))
    text = "\n".join(lines)
    limits.check_chars(path.name, len(text))
    return text


def check_size(path: Path, limits: Limits) -> None:
    """Refuse what would unpack too large, or hold too many paragraphs or characters."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"{path.name}: not a readable DOCX ({exc.__class__.__name__})",
                          f"ingen läsbar DOCX-fil ({exc.__class__.__name__})") from exc
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > limits.max_unpacked_bytes:
            mb = limits.max_unpacked_bytes / 1024 / 1024
            raise IngestError(f"{path.name}: unpacks to {unpacked // 1024 // 1024} MB, more than {mb:g} MB",
                              f"filen packas upp till {unpacked // 1024 // 1024} MB, mer än gränsen {mb:g} MB")
        if MAIN_PART in archive.namelist():
            try:
                with archive.open(MAIN_PART) as stream:
                    _count(path, stream, limits)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise IngestError(f"{path.name}: not a readable DOCX ({exc.__class__.__name__})",
                                  f"ingen läsbar DOCX-fil ({exc.__class__.__name__})") from exc


def _count(path: Path, stream: IO[bytes], limits: Limits) -> None:
    from lxml import etree

    paragraphs = chars = elements = 0
    max_elements = limits.max_paragraphs * ELEMENTS_PER_PARAGRAPH
    try:
        for _event, element in etree.iterparse(stream, events=("end",), resolve_entities=False, huge_tree=False):
            elements += 1
            if element.tag == W + "t":
                chars += len(element.text or "")
            elif element.tag == W + "p":
                paragraphs += 1
            if paragraphs > limits.max_paragraphs or elements > max_elements:
                raise IngestError(
                    f"{path.name}: more than {limits.max_paragraphs:,} paragraphs",
                    f"dokumentet har fler än {sv_number(limits.max_paragraphs)} stycken, som är gränsen")
            if chars > limits.max_chars:
                limits.check_chars(path.name, chars)
            element.clear()  # keep memory flat: nothing read is needed again
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"{path.name}: not a readable DOCX (broken XML)", "ingen läsbar DOCX-fil (trasig XML)") \
            from exc
