"""Scans that skip ahead to a substring find what the full scan finds.

opened_closed._first_timed starts its scan for "Mötet öppnades …" / "… avslutades" just before the first "ppna" (or
"avslut", "stang"), on the rule that every match holds one within reach of its start (a speed-up, issue 10). A
new wording added to those patterns without its hint would lose meetings' times; this checks the rule on every
text of the corpora and on wordings written out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.extract import opened_closed
from planner.extract.normalize import Doc

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests" / "data" / "real" / "text", ROOT / "tests" / "data" / "real" / "ocr",
           ROOT.parent / "shared" / "real" / "text", ROOT.parent / "shared" / "real" / "ocr",
           ROOT.parent / "shared" / "seeds", ROOT / "examples" / "minutes"]
WORDINGS = ["Mötet öppnades 18.05.", "Sammanträdets öppnande kl 9", "Öppnade mötet 13.00 och hälsade",
            "Ordföranden förklarade mötet öppnat kl. 19", "Mötet avslutades 19.40", "Sammanträdet stängdes 16.10",
            "Avslutade mötet ca 18.30", "Ordföranden förklarade därefter mötet avslutat 20.15", "MOotet 6ppnas 9.00"]
CASES = [(opened_closed._OPENED, opened_closed._OPENED_HINTS), (opened_closed._CLOSED, opened_closed._CLOSED_HINTS)]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]
    return texts + WORDINGS


TEXTS = _texts()


def _reference(doc: Doc, pattern, pos: int):
    """_first_timed's loop over the whole scan, from `pos`."""
    first = None
    for hit in pattern.finditer(doc.folded, pos):
        first = first or hit
        found = opened_closed.loose_time(doc.folded, hit.end(), opened_closed._line_end(doc, hit.end(), 50))
        if found is not None or opened_closed._VARIABLE.match(doc.folded, hit.end()):
            return hit, found
        if hit.start() - first.start() > 2000:
            break
    return first, None


def test_the_corpora_are_there_and_open_meetings() -> None:
    assert len(TEXTS) > 300
    assert sum(1 for t in TEXTS if opened_closed._OPENED.search(Doc.from_text(t).folded)) > 30
    assert sum(1 for t in TEXTS if opened_closed._CLOSED.search(Doc.from_text(t).folded)) > 30


@pytest.mark.parametrize(("pattern", "hints"), CASES)
def test_every_match_holds_a_hint_within_reach(pattern, hints) -> None:
    for text in TEXTS:
        folded = Doc.from_text(text).folded
        for hit in pattern.finditer(folded):
            window = folded[hit.start():hit.end()]
            assert any(window.find(h, 0, opened_closed._HINT_REACH + len(h)) != -1 for h in hints), window


@pytest.mark.parametrize(("pattern", "hints"), CASES)
def test_first_timed_equals_the_full_scan(pattern, hints) -> None:
    for text in TEXTS:
        doc = Doc.from_text(text)
        for pos in (0, len(doc.folded) // 3):
            fast, slow = opened_closed._first_timed(doc, pattern, pos, hints), _reference(doc, pattern, pos)
            assert (fast[0] and fast[0].span(), fast[1]) == (slow[0] and slow[0].span(), slow[1])
