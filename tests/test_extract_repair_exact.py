"""The fast OCR word repair picks exactly what scoring every candidate would pick.

`ocrwords._best` generates no candidates: it looks among the listed words that read the same as
the word with every swappable letter as one, keeps those a candidate could be, and works out
where _candidates would have yielded each (a speed-up, issue 10). Here it is checked against
the plain rule written out: score every candidate with zipf, keep the first of the highest,
accept it past the floor and the margin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.extract import ocrwords

REAL = Path(__file__).parent / "data" / "real"


def _reference_best(word: str, suspect: bool, limit: int = ocrwords._MAX_CANDIDATES, floor: float = 1.0):
    base = ocrwords.zipf(word)
    table = ocrwords._table(word, suspect, base)
    if table is None:
        return None
    best, best_zipf = None, 0.0
    for candidate in ocrwords._candidates(word, table, limit):
        value = ocrwords.zipf(candidate)
        if value > best_zipf:
            best, best_zipf = candidate, value
    margin = ocrwords._MARGIN_SUSPECT if suspect or base < ocrwords._RARE_ZIPF else ocrwords._MARGIN_LOST
    if best is not None and best_zipf >= floor and best_zipf - base >= margin:
        return best
    return None


def _words() -> list[str]:
    """Lower-case words of the project's real texts, as published and after OCR (damage included)."""
    found: set[str] = set()
    for folder in ("ocr", "text"):
        for path in sorted((REAL / folder).glob("*.txt"))[:40]:
            for token in path.read_text(encoding="utf-8").split():
                word = token.strip(".,;:()\"'!?").lower()
                if 3 <= len(word) <= 20 and any(c.isalpha() for c in word):
                    found.add(word)
    return sorted(found)


WORDS = _words()


def test_the_sample_has_damaged_and_unknown_words() -> None:
    assert len(WORDS) > 2000
    assert any(ocrwords._SUSPECT_IN_TOKEN.search(w) for w in WORDS)
    assert any(ocrwords.zipf(w) == 0 for w in WORDS)
    # and some that the repair does change, so the comparison is not only None against None
    assert sum(ocrwords._best(w, False, floor=ocrwords._MIN_ZIPF) is not None for w in WORDS) > 50


@pytest.mark.parametrize(("suspect", "floor", "limit"), [
    (False, ocrwords._CLEAN_TEXT_ZIPF, ocrwords._MAX_CANDIDATES),  # a plain word in a clean text
    (False, ocrwords._MIN_ZIPF, ocrwords._MAX_CANDIDATES),  # a plain word in a text that lost å/ä/ö
    (True, ocrwords._MIN_ZIPF, ocrwords._MAX_CANDIDATES),  # a word with OCR marks
    (False, ocrwords._PART_ZIPF, ocrwords._MAX_PART_CANDIDATES),  # a compound part
])
def test_fast_best_equals_scoring_every_candidate(suspect: bool, floor: float, limit: int) -> None:
    differ = [(w, ocrwords._best(w, suspect, limit, floor), _reference_best(w, suspect, limit, floor))
              for w in WORDS]
    differ = [d for d in differ if d[1] != d[2]]
    assert differ == []


def _damaged() -> list[str]:
    """The sample's words with typical OCR damage put in (ö → é or 6, l → 1 or |, ä → é), so that dropped marks
    ("" among a position's alternatives) and long tables that hit the candidate limit are among the words tried."""
    swaps = [("ö", "é"), ("ö", "6"), ("l", "1"), ("l", "|"), ("ä", "é"), ("å", "a"), ("o", "0")]
    found = set()
    for n, word in enumerate(WORDS):
        old, new = swaps[n % len(swaps)]
        if old in word:
            found.add(word.replace(old, new))
            found.add(word.replace(old, new, 1))
    return sorted(found)


DAMAGED = _damaged()


def test_the_damaged_sample_reaches_dropped_marks_and_the_limit() -> None:
    tables = [(w, ocrwords._table(w, True, ocrwords.zipf(w))) for w in DAMAGED]
    assert sum(1 for _, t in tables if t and any("" in alts for _, alts in t)) > 100
    # more candidates than a compound part may try: the limit decides which are looked at
    assert sum(1 for w, t in tables if t and len(list(ocrwords._candidates(w, t, 10_000))) > 60) > 100


@pytest.mark.parametrize(("floor", "limit"), [(ocrwords._MIN_ZIPF, ocrwords._MAX_CANDIDATES),
                                              (ocrwords._PART_ZIPF, ocrwords._MAX_PART_CANDIDATES)])
def test_fast_best_equals_scoring_every_candidate_on_damaged_words(floor: float, limit: int) -> None:
    differ = [(w, ocrwords._best(w, True, limit, floor), _reference_best(w, True, limit, floor)) for w in DAMAGED]
    assert [d for d in differ if d[1] != d[2]] == []
