"""File to text with the real parsers: encodings, text PDF, scanned PDF through tesseract, DOCX, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.extract import extract
from planner.ingest import IngestError, read_text
from planner.ingest.cleanup import clean_pages
from tests.conftest import EXAMPLES

DATA = Path(__file__).parent / "data"
SWEDISH = "Nästa möte: fredagen den 4 december kl 9.30–12.00 i Göteborg. Påsklov v 14.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_in_any_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "anteckningar.txt"
    text = SWEDISH.replace("–", "-") if encoding == "latin-1" else SWEDISH
    path.write_bytes((text * 20).encode(encoding))
    decoded = read_text(path)
    assert decoded.lstrip("\ufeff").startswith("Nästa möte: fredagen")
    assert "Påsklov" in decoded and "Göteborg" in decoded


def test_text_pdf_keeps_the_header_once_and_drops_repeated_page_headers() -> None:
    text = read_text(EXAMPLES / "kustkommunerna-styrgrupp-2026-06-12.pdf")
    assert "Datum: Fredag 12 juni 2026" in text
    assert text.count("Kustkommunerna · Styrgruppen · Protokoll") == 1
    assert "Sida 2 av 2" not in text
    result = extract(text, "x.pdf")
    assert result["meeting"]["date"] == "2026-06-12"
    assert result["body"] == "Styrgrupp"


def test_scanned_pdf_is_read_with_swedish_ocr() -> None:
    path = EXAMPLES / "kustkommunerna-ledningsgrupp-2026-08-14-scan.pdf"
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert not (pdf.pages[0].extract_text() or "").strip(), "the example must be image-only"
    text = read_text(path)
    assert "Nästa möte" in text and "rådhus" in text
    result = extract(text, path.name)
    assert result["meeting"]["date"] == "2026-08-14"
    assert (result["meeting"]["start"], result["meeting"]["end"]) == ("09:00", "11:30")
    assert ("next_meeting", "2026-10-09") in {(i["kind"], i["date"]) for i in result["items"]}
    assert result["body"] == "Ledningsgrupp"


def test_docx_reads_paragraphs_and_the_header_table() -> None:
    text = read_text(EXAMPLES / "kustkommunerna-ledningsgrupp-2026-09-17.docx")
    assert "Datum  Torsdag 17 september 2026" in text
    result = extract(text, "x.docx")
    assert result["meeting"] == {"date": "2026-09-17", "start": "08:30", "end": "10:00",
                                 "location": "Digitalt via Teams"}
    cancelled = [i for i in result["items"] if i.get("status") == "cancelled"]
    assert [i["date"] for i in cancelled] == ["2026-11-06"]


def test_empty_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"^tom\.txt: the file is empty"):
        read_text(path)


def test_renamed_binary_is_named(tmp_path: Path) -> None:
    png = tmp_path / "protokoll.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(IngestError, match=r"^protokoll\.pdf: not a PDF"):
        read_text(png)
    binary = tmp_path / "protokoll.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    with pytest.raises(IngestError, match=r"^protokoll\.txt: not a text, PDF or DOCX"):
        read_text(binary)


def test_corrupt_pdf_is_named(tmp_path: Path) -> None:
    data = (EXAMPLES / "kustkommunerna-styrgrupp-2026-06-12.pdf").read_bytes()
    path = tmp_path / "trasig.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(IngestError, match=r"^trasig\.pdf: broken or unreadable PDF"):
        read_text(path)


def test_encrypted_pdf_is_named() -> None:
    # tests/data/encrypted.pdf: the text-PDF example encrypted once with `qpdf --encrypt secret secret 256`.
    with pytest.raises(IngestError, match=r"^encrypted\.pdf: the PDF is encrypted"):
        read_text(DATA / "encrypted.pdf")


def test_zip_that_is_not_docx_is_named(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hej")
    with pytest.raises(IngestError, match=r"^arkiv\.docx: not a readable DOCX"):
        read_text(path)


def test_glyph_code_text_layers_count_as_scans() -> None:
    from planner.ingest.pdf import _unreadable

    assert _unreadable("   ")
    assert _unreadable("(cid:12)(cid:45)(cid:78)(cid:90) " * 20)
    assert not _unreadable("Datum: Fredag 12 juni 2026, kl. 13.00–15.30, Kommunhuset")


def test_clean_pages_drops_repeated_pages_and_edge_lines() -> None:
    header = "Protokoll 2023-10-12\nTid: 09:00-12:10"
    pages = [f"{header}\nDatum 2024-03-21\nsida 1", f"{header}\nInnehåll två\nsida 2",
             f"{header}\nInnehåll tre\nsida 3", f"{header}\nInnehåll två\nsida 2"]
    text = clean_pages(pages)
    assert text.count("Protokoll 2023-10-12") == 1
    assert text.count("Innehåll två") == 1
    assert "Innehåll tre" in text and "Datum 2024-03-21" in text
