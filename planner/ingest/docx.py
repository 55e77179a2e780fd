"""DOCX to text: paragraphs and table cells in document order, headers/footers left out."""

from __future__ import annotations

from pathlib import Path

from planner.ingest import IngestError


def docx_text(path: Path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # zipfile, lxml and docx all raise their own kinds
        raise IngestError(f"{path.name}: not a readable DOCX ({exc.__class__.__name__})",
                          "Word-filen är trasig eller inte en .docx (spara om den som .docx)") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                lines.append("  ".join(cells))
    return "\n".join(lines)
