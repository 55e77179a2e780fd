"""Real files made in the test: scanned PDFs (PIL pages), blank PDFs (pdfium), DOCX (python-docx), bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SCAN_PAGES = [
    ["KUSTKOMMUNERNA", "", "Minnesanteckningar från", "Kustkommunernas styrgrupp", "",
     "Datum: fredag 16 oktober 2026", "Plats: Stadshuset, Varberg", "", "1. Mötets öppnande",
     "Ordföranden öppnade mötet."],
    ["2. Avtal", "Kommunerna lämnar synpunkter på avtalet", "senast den 13 november 2026."],
    ["3. Workshop", "Gemensam workshop om vattenförsörjning", "den 25 november 2026 kl 9-12 i Kungsbacka."],
    ["4. Nästa möte", "Fredagen den 4 december 2026 kl 9.30-12.00,", "Rådhuset, Falkenberg."],
]


def scanned_pdf(path: Path, pages: list[list[str]] | None = None, dpi: int = 150) -> Path:
    """A PDF of page images without a text layer, as a scanner makes it: OCR has to read it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 25)
    images = []
    for lines in pages or SCAN_PAGES:
        image = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((120, 120 + 40 * number), line, font=font, fill=0)
        images.append(image.convert("1"))
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def blank_pdf(path: Path, pages: int, size: tuple[float, float] = (595, 842)) -> Path:
    """`pages` empty pages (A4 unless `size` in points), written by pdfium: tiny on disk, each a candidate for OCR."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(*size)
    pdf.save(str(path))
    pdf.close()
    return path


def docx_file(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def docx_with_body(path: Path, body_xml_chunks, template: Path) -> Path:  # type: ignore[no-untyped-def]
    """A copy of a real DOCX whose word/document.xml body is streamed from `body_xml_chunks` (bytes),
    compressed as Word does: a few hundred kB on disk however long the body."""
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
                continue
            xml = source.read(info.filename)
            head, tail = xml.split(b"<w:body>", 1)
            part = zipfile.ZipInfo("word/document.xml")
            part.compress_type = zipfile.ZIP_DEFLATED
            with target.open(part, "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                for chunk in body_xml_chunks:
                    out.write(chunk)
                out.write(b"<w:sectPr/></w:body>" + tail.split(b"</w:body>", 1)[1])
    return path
