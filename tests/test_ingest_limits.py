"""Hostile files refused fast and in bounded memory, with a Swedish reason (issue 15, item 4).

Each file is made here: a DOCX of ten million empty paragraphs (under 1 MB on disk), a DOCX that
unpacks to 200 MB, a PDF of 2,000 blank pages, a 19 MB text. Each is read in a fresh process
so its peak memory can be measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.ingest import IngestError, Limits, read_text
from tests.conftest import EXAMPLES
from tests.ingest_files import blank_pdf, docx_file, docx_with_body

MAX_SECONDS = 5
MAX_MB = 300
PROBE = r"""
import json, re, sys, time
from planner.ingest import IngestError, read_text
start = time.monotonic()
try:
    read_text(sys.argv[1])
    error = None
except IngestError as exc:
    error = exc.swedish
# VmHWM: this process's peak resident memory (ru_maxrss would carry over the forking parent's)
peak_kb = int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read()).group(1))
print(json.dumps({"error": error, "seconds": time.monotonic() - start, "mb": peak_kb / 1024}))
"""


def _read_in_own_process(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _paragraphs(count: int, per_chunk: int = 100_000):  # type: ignore[no-untyped-def]
    chunk = b"<w:p/>" * per_chunk
    for _ in range(count // per_chunk):
        yield chunk


@pytest.fixture
def template_docx(tmp_path: Path) -> Path:
    return docx_file(tmp_path / "mall.docx", ["Minnesanteckningar"])


def test_a_docx_of_ten_million_empty_paragraphs_is_refused_fast_and_small(tmp_path, template_docx) -> None:
    bomb = docx_with_body(tmp_path / "bomb.docx", _paragraphs(10_000_000), template_docx)
    assert bomb.stat().st_size < 1_000_000
    outcome = _read_in_own_process(bomb)
    assert outcome["error"] == "dokumentet har fler än 50\u00a0000 stycken, som är gränsen"
    assert outcome["seconds"] < MAX_SECONDS and outcome["mb"] < MAX_MB, outcome


def test_a_docx_that_unpacks_to_200_mb_is_refused_before_unpacking(tmp_path, template_docx) -> None:
    text = b"<w:p><w:r><w:t>" + b"a" * 1_000_000 + b"</w:t></w:r></w:p>"
    bomb = docx_with_body(tmp_path / "bomb.docx", (text for _ in range(200)), template_docx)
    assert bomb.stat().st_size < 2_000_000
    outcome = _read_in_own_process(bomb)
    assert outcome["error"].startswith("filen packas upp till 191 MB, mer än gränsen 100 MB"), outcome
    assert outcome["seconds"] < MAX_SECONDS and outcome["mb"] < MAX_MB, outcome


def test_a_pdf_of_2000_blank_pages_is_refused_by_its_page_count(tmp_path) -> None:
    pdf = blank_pdf(tmp_path / "tomma.pdf", 2000)
    outcome = _read_in_own_process(pdf)
    assert outcome["error"] == "PDF:en har 2000 sidor, fler än gränsen 300; dela upp den"
    assert outcome["seconds"] < MAX_SECONDS and outcome["mb"] < MAX_MB, outcome


def test_blank_pages_within_the_limit_are_not_sent_to_ocr(tmp_path) -> None:
    """100 blank pages would take OCR minutes; they are seen to be blank in a moment."""
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        read_text(blank_pdf(tmp_path / "tomma.pdf", 100))
    assert caught.value.swedish == "PDF:en har ingen text på någon sida (tomma eller oläsliga sidor)"
    assert time.monotonic() - started < MAX_SECONDS


def test_a_page_five_metres_wide_is_looked_at_in_bounded_memory(tmp_path) -> None:
    """14,400 pt square (the largest PDF allows) would be 3.6 G pixels at OCR resolution."""
    outcome = _read_in_own_process(blank_pdf(tmp_path / "affisch.pdf", 1, size=(14400, 14400)))
    assert outcome["error"] == "PDF:en har ingen text på någon sida (tomma eller oläsliga sidor)"
    assert outcome["seconds"] < MAX_SECONDS and outcome["mb"] < MAX_MB, outcome


def test_a_19_mb_text_is_refused_before_it_is_decoded(tmp_path) -> None:
    path = tmp_path / "stor.txt"
    path.write_bytes(b"Synpunkter senast den 4 december 2026.\n" * 500_000)
    assert path.stat().st_size > 19_000_000
    outcome = _read_in_own_process(path)
    assert outcome["error"] == "texten är längre än 2\u00a0000\u00a0000 tecken, som är gränsen; dela upp dokumentet"
    assert outcome["seconds"] < MAX_SECONDS and outcome["mb"] < MAX_MB, outcome


def test_limits_come_from_the_config_and_real_minutes_pass_them(tmp_path) -> None:
    limits = Limits.from_config({"INGEST_MAX_PAGES": 1, "INGEST_MAX_CHARS": 100, "INGEST_MAX_PARAGRAPHS": 2})
    with pytest.raises(IngestError, match="2 pages, more than 1"):
        read_text(EXAMPLES / "kustkommunerna-styrgrupp-2026-06-12.pdf", limits)
    with pytest.raises(IngestError, match="more than 100 characters"):
        read_text(EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt", limits)
    with pytest.raises(IngestError, match="more than 2 paragraphs"):
        read_text(EXAMPLES / "kustkommunerna-ledningsgrupp-2026-09-17.docx", limits)
    for path in sorted(EXAMPLES.iterdir()):  # every example reads within the defaults
        assert read_text(path, Limits.from_config({}))


def test_reading_stops_when_the_time_is_up() -> None:
    limits = Limits(max_seconds=0.0)
    time.sleep(0.01)
    with pytest.raises(IngestError) as caught:
        read_text(EXAMPLES / "kustkommunerna-styrgrupp-2026-06-12.pdf", limits)
    assert caught.value.swedish == "inläsningen tog längre än 0 sekunder, som är gränsen"
