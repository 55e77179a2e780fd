"""PDF to text: the text layer when there is one, else OCR with tesseract's Swedish model."""

from __future__ import annotations

from pathlib import Path

from planner.ingest import IngestError
from planner.ingest.cleanup import clean_pages

BROKEN = "PDF:en är trasig eller går inte att läsa; spara om den (t.ex. Skriv ut → PDF) och försök igen"
OCR_DPI = 300
MIN_TEXT_CHARS = 20  # a page with less text than this is treated as a scan


def pdf_text(path: Path, data: bytes) -> str:
    import pdfplumber
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise IngestError(f"{path.name}: the PDF is encrypted (password protected)",
                              "PDF:en är lösenordsskyddad; spara den utan lösenord och ladda upp igen") from exc
        raise IngestError(f"{path.name}: broken or unreadable PDF ({message})", BROKEN) from exc
    try:
        pages: list[str] = []
        try:
            with pdfplumber.open(path) as plumber:
                texts = [page.extract_text() or "" for page in plumber.pages]
        except Exception as exc:  # pdfminer raises many kinds on damaged files
            raise IngestError(f"{path.name}: broken or unreadable PDF ({exc.__class__.__name__})", BROKEN) from exc
        for index, text in enumerate(texts):
            if _unreadable(text) and index < len(pdf):
                text = _ocr(path, pdf[index])
            pages.append(text)
    finally:
        pdf.close()
    return clean_pages(pages)


def _unreadable(text: str) -> bool:
    """No text layer, or one made of "(cid:123)" glyph codes from fonts without a Unicode map."""
    stripped = text.strip()
    if len(stripped) < MIN_TEXT_CHARS:
        return True
    return stripped.count("(cid:") * 8 > len(stripped) / 2


def _ocr(path: Path, page) -> str:
    import pytesseract

    image = page.render(scale=OCR_DPI / 72).to_pil()
    try:
        return pytesseract.image_to_string(image, lang="swe")
    except pytesseract.TesseractNotFoundError as exc:
        raise IngestError(f"{path.name}: scanned PDF needs tesseract (apt-get install tesseract-ocr "
                          "tesseract-ocr-swe)", "skannade PDF:er kan inte läsas på servern ännu (OCR saknas); "
                          "be administratören installera tesseract") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(f"{path.name}: OCR failed ({exc.message.strip()[:200]})",
                          "texten i den skannade PDF:en kunde inte tolkas (OCR misslyckades)") from exc
