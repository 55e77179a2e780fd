"""PDF to text: the text layer when there is one, else OCR with tesseract's Swedish model.

Pages are counted before anything is read, blank pages are never sent to OCR, and the time
and characters used are checked after every page (Limits); `progress` hears of every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.ingest.cleanup import clean_pages
from planner.ingest.errors import IngestError
from planner.ingest.limits import Limits, Progress

OCR_DPI = 300
MIN_TEXT_CHARS = 20  # a page with less text than this is treated as a scan
BLANK_DPI = 50  # a quick look at the page first: nothing darker than paper means nothing to read
BLANK_LIGHTEST_INK = 200  # 0 black … 255 white
MAX_PIXELS = 40_000_000  # an A3 page at 300 DPI is 17 M; a page "two metres wide" is rendered smaller

if TYPE_CHECKING:
    from pypdfium2 import PdfPage  # the library ships no type information: Any to mypy, a name to readers


def _scale(page: PdfPage, dpi: int) -> float:
    """Points to pixels at `dpi`, reduced for absurd page sizes so one page cannot take gigabytes."""
    width, height = page.get_size()
    scale = dpi / 72
    area = max(1.0, width * height * scale * scale)
    return scale * min(1.0, (MAX_PIXELS / area) ** 0.5)


def pdf_text(path: Path, data: bytes, limits: Limits | None = None, progress: Progress | None = None) -> str:
    import pdfplumber
    import pypdfium2 as pdfium

    limits = limits or Limits()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise IngestError(f"{path.name}: the PDF is encrypted (password protected)",
                              "PDF:en är krypterad (lösenordsskyddad)") from exc
        raise IngestError(f"{path.name}: broken or unreadable PDF ({message})",
                          "PDF:en är trasig eller går inte att läsa") from exc
    try:
        total = len(pdf)
        if total > limits.max_pages:
            raise IngestError(f"{path.name}: {total} pages, more than {limits.max_pages}",
                              f"PDF:en har {total} sidor, fler än gränsen {limits.max_pages}; dela upp den")
        if progress is not None:
            progress(0, total)
        pages: list[str] = []
        chars = 0
        try:
            plumber = pdfplumber.open(path)
        except Exception as exc:  # pdfminer raises many kinds on damaged files
            raise IngestError(f"{path.name}: broken or unreadable PDF ({exc.__class__.__name__})",
                              "PDF:en är trasig eller går inte att läsa") from exc
        with plumber:
            for index in range(total):
                limits.check_time(path.name)
                try:
                    text = plumber.pages[index].extract_text() or "" if index < len(plumber.pages) else ""
                except Exception as exc:  # pdfminer raises many kinds on damaged files
                    raise IngestError(f"{path.name}: broken or unreadable PDF ({exc.__class__.__name__})",
                                      "PDF:en är trasig eller går inte att läsa") from exc
                if _unreadable(text):
                    text = "" if _blank(pdf[index]) else _ocr(path, pdf[index])
                chars += len(text)
                limits.check_chars(path.name, chars)
                pages.append(text)
                if progress is not None:
                    progress(index + 1, total)
    finally:
        pdf.close()
    if not any(page.strip() for page in pages):
        raise IngestError(f"{path.name}: no text on any page (blank or unreadable)",
                          "PDF:en har ingen text på någon sida (tomma eller oläsliga sidor)")
    return clean_pages(pages)


def _unreadable(text: str) -> bool:
    """No text layer, or one made of "(cid:123)" glyph codes from fonts without a Unicode map."""
    stripped = text.strip()
    if len(stripped) < MIN_TEXT_CHARS:
        return True
    return stripped.count("(cid:") * 8 > len(stripped) / 2


def _blank(page: PdfPage) -> bool:
    """Nothing on the page darker than paper: OCR would spend seconds to find nothing."""
    darkest, _ = page.render(scale=_scale(page, BLANK_DPI), grayscale=True).to_pil().convert("L").getextrema()
    return darkest >= BLANK_LIGHTEST_INK


def _ocr(path: Path, page: PdfPage) -> str:
    import pytesseract

    image = page.render(scale=_scale(page, OCR_DPI)).to_pil()
    try:
        return pytesseract.image_to_string(image, lang="swe")
    except pytesseract.TesseractNotFoundError as exc:
        raise IngestError(f"{path.name}: scanned PDF needs tesseract (apt-get install tesseract-ocr "
                          "tesseract-ocr-swe)", "skannade PDF:er kräver tesseract, som saknas på servern") from exc
    except pytesseract.TesseractError as exc:
        raise IngestError(f"{path.name}: OCR failed ({exc.message.strip()[:200]})",
                          "textigenkänningen (OCR) misslyckades") from exc
