"""Fast paths of the extractor find what the scans they stand in for find (issue 10's speed work).

handover._find_in runs a pattern only where its window holds the strings every match of it holds (handover._HINTS),
and the whole-text INCOMING scan only where the text holds one of _INCOMING_HINTS; tables._month_starts finds the
month words by substring search instead of the _MONTHISH scan. A new wording added to a pattern without its hint
would lose handovers; these check the rules on every text of the corpora and on wordings written out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.extract import handover, tables
from planner.extract.normalize import Doc

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests" / "data" / "real" / "text", ROOT / "tests" / "data" / "real" / "ocr",
           ROOT.parent / "shared" / "real" / "text", ROOT.parent / "shared" / "real" / "ocr",
           ROOT.parent / "shared" / "seeds", ROOT / "examples" / "minutes", ROOT / "tests" / "data"]
WORDINGS = [
    "Anna Berg lämnar över ordförandeskapet till Karin Ek.", "Halmstad tar över ordförandeskapet från Kungsbacka.",
    "Enligt rotationen tar Halmstad över ordförandeskapet.", "Ordförandeskapet går över till Varberg.",
    "Ny ordförande från 1 januari är Halmstad.", "Från och med 1 januari 2026 är Mölndals kommun ordförande.",
    "Barbro Larsson valdes till avdelningens ordförande.", "Till ny ordförande valdes Tomas Törnros.",
    "Den nya styrelsen består av Susanne Degerstedt ny ordförande, Per Ek.", "Eva Lind utses till ordförande.",
    "Annette Fransson har blivit vald att överta uppdraget.", "Kroatien, som tar över efter Finland, ordförande.",
    "Till dess tjänstgör vice ordförande Torbjörn Jansson som ordförande.",
    "Är det Karola Svensson, som har uppdraget som ordförande.", "Jenny Malmsten efterträder Mikael som ordförande.",
    "Magnus Berntsson går in som ordförande.", "Harald Bohlin blir därmed t f ordförande.",
    "till tillträdande president Lars Schennings", "den nyvalda ordföranden Anna Berg", "blivande ordförande Per Ek",
    "Möten: jan feb mar apr maj jun jul aug sep okt nov dec", "janjan xjan 3jan,feb\nmars-april 2024april december",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))] + WORDINGS


DOCS = [Doc.from_text(text) for text in _texts()]
FOLDED = [doc.folded for doc in DOCS]


def _holds(text: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(hint in text for hint in group) for group in groups)


def test_the_corpora_are_there_and_hand_over() -> None:
    assert len(FOLDED) > 300
    assert sum(1 for doc in DOCS if handover.find_handovers(doc.folded, doc.original)) > 30


@pytest.mark.parametrize("pattern", list(handover._HINTS), ids=lambda p: p.pattern[:30])
def test_every_window_pattern_match_holds_its_hints(pattern) -> None:
    groups = handover._HINTS[pattern]
    matched = 0
    for folded in FOLDED:
        for hit in pattern.finditer(folded):
            matched += 1
            assert _holds(hit.group(0), groups), hit.group(0)
    assert matched, "the corpora and wordings hold no match: the check checks nothing"


def test_every_incoming_match_holds_a_hint() -> None:
    hits = [hit.group(0) for folded in FOLDED for hit in handover.INCOMING.finditer(folded)]
    assert len(hits) >= 3
    assert all(any(hint in hit for hint in handover._INCOMING_HINTS) for hit in hits)


def test_month_starts_are_the_month_scan() -> None:
    for folded in FOLDED:
        assert sorted(tables._month_starts(folded)) == [m.start() for m in tables._MONTHISH.finditer(folded)]
