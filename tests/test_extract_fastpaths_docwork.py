"""Fast paths of issue 10's second speed pass find what the work they skip would find.

dates._worded_before lets a month word skip the ordinal and preposition searches before it; ocrwords.repair_word
counts no OCR marks in a word of plain ASCII letters; ocrwords._best_listed skips the word as written without reading
it letter by letter; item_titles memoises the page's meeting noun and list_titles a run of dates' subject per
document. Each is checked against the work it stands in for, on every text of the corpora and on wordings written out
here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.extract import dates, item_titles, list_titles, ocrwords, times
from planner.extract.context import Context
from planner.extract.normalize import Doc
from planner.extract.sentences import sentence_bounds, sentence_of

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests" / "data" / "real" / "text", ROOT / "tests" / "data" / "real" / "ocr",
           ROOT.parent / "shared" / "real" / "text", ROOT.parent / "shared" / "real" / "ocr",
           ROOT.parent / "shared" / "seeds", ROOT / "examples" / "minutes"]
WORDINGS = [
    "den tredje mars", "tredje    \nmars", "tredje\t_*mars", "i mars", "i  \nmars", "under   mars", "6 december",
    "6\n\ndecember", "sedan april", "i slutet av maj", "den 3:e juni", "andra maj", "(i) mars", "tredje     mars",
    "*mars", "mars", "x\n\n\n\n\nmars", "fran och med  juni", "tjugoforsta __juli",
]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]


FOLDED = [Doc.from_text(text).folded for text in _texts()] + WORDINGS
_MONTHWORD = dict((name, pattern) for name, pattern, _ in dates._PATTERNS)["monthword"]


def test_the_corpora_are_there() -> None:
    assert len(FOLDED) > 400


def _month_word_starts(folded: str) -> list[int]:
    starts = [m.start("m") for m in _MONTHWORD.finditer(folded)]
    first = dates._MONTH_AT_START.match(folded)
    return ([first.start("m")] if first else []) + starts


def test_a_month_word_without_a_word_before_has_no_ordinal_and_no_preposition() -> None:
    skipped = 0
    for folded in FOLDED:
        for start in _month_word_starts(folded):
            if dates._worded_before(folded, start):
                continue
            skipped += 1
            assert not start or dates._ORDINAL_BEFORE.search(folded, max(0, start - 20), start) is None
            assert dates._PREPOSITION_BEFORE.search(folded, max(0, start - 40), start) is None
    assert skipped > 1000  # the fast path is taken (most month words follow a day number)


@pytest.mark.parametrize("text", WORDINGS)
def test_worded_before_at_every_position_of_the_wordings(text: str) -> None:
    for start in range(len(text) + 1):
        if not dates._worded_before(text, start):
            assert not start or dates._ORDINAL_BEFORE.search(text, max(0, start - 20), start) is None
            assert dates._PREPOSITION_BEFORE.search(text, max(0, start - 40), start) is None


def test_the_ordinal_and_the_preposition_are_still_read() -> None:
    texts = ("den tredje mars", "tredje    \nmars", "tjugoforsta __juli")
    found = {m.day for text in texts for m in dates.find_dates(text)}
    assert found == {3, 21}
    assert [m.since for m in dates.find_dates("sedan april har")] == [True]


def _tokens() -> set[str]:
    return {token for folded in FOLDED for token in re.findall(r"\S+", folded)} | {
        "géteborg", "l6per", "prot0koll", "sammanträde", "möte", "ki|", "apri1", "ïnte", "ok!", "abc", "x2"}


def test_a_plain_ascii_word_has_no_suspect_marks() -> None:
    plain = 0
    for token in _tokens():
        word = token.lower()
        if word.isascii() and word.isalpha():
            plain += 1
            assert ocrwords._SUSPECT_IN_TOKEN.findall(word) == []
    assert plain > 1000


def _context(text: str) -> Context:
    doc = Doc.from_text(text)
    mentions = dates.find_dates(doc.folded)
    found = times.find_times(doc.folded)
    return Context(doc, mentions, [m.start for m in mentions], found, [t.start for t in found],
                   sentence_bounds(doc.folded, doc.original), None, "Styrelsen")


LISTINGS = [
    "Styrelsen sammanträder följande datum under 2025: 4 februari, 21 april, 19 maj och 8 december.",
    "Planerade styrelsemöten under 2024 är 6 februari, 14 maj, 10 september och 3 december. Sammanträdet börjar.",
    "Regionfullmäktige sammanträder 4 februari, 21 april, 19 maj.\nMöten 3 mars, 4 april, 5 maj och 6 juni.",
]


@pytest.mark.parametrize("text", LISTINGS + [p.read_text(encoding="utf-8") for p in
                                             sorted((ROOT / "tests" / "data" / "real" / "text").glob("*.txt"))[:60]])
def test_the_memoised_run_subject_and_page_noun_are_what_each_date_reads(text: str) -> None:
    shared = _context(text)
    for m in shared.mentions:
        s0, s1 = sentence_of(shared.bounds, m.start, len(shared.doc.folded))
        assert list_titles.listing_subject(shared, m, s0, s1) == list_titles.listing_subject(
            _context(text), m, s0, s1)
    assert item_titles._page_noun(shared) == ("sammanträde" if "sammantr" in shared.doc.folded else "möte")


def test_the_listings_have_their_subjects() -> None:
    ctx = _context(LISTINGS[0])
    s0, s1 = sentence_of(ctx.bounds, ctx.mentions[1].start, len(ctx.doc.folded))
    assert list_titles.listing_subject(ctx, ctx.mentions[1], s0, s1) == ("Styrelsen", False)
    ctx = _context(LISTINGS[1])
    s0, s1 = sentence_of(ctx.bounds, ctx.mentions[0].start, len(ctx.doc.folded))
    assert list_titles.listing_subject(ctx, ctx.mentions[0], s0, s1) == ("Styrelsemöte", True)


def test_a_word_whose_key_has_nothing_above_the_cut_has_no_repair() -> None:
    """ocrwords._best returns early for a word with no mark to drop whose key's most frequent listed word is below
    the cut: _best_listed, given the word's table, finds nothing either (test_extract_repair_exact checks _best
    against scoring every candidate)."""
    early = 0
    for token in sorted(_tokens())[:6000]:
        word = token.lower()
        if "é" in word or "6" in word or not 2 <= len(word) <= 40:
            continue
        base = ocrwords.zipf(word)
        for suspect, floor in ((False, ocrwords._CLEAN_TEXT_ZIPF), (True, ocrwords._MIN_ZIPF),
                               (False, ocrwords._PART_ZIPF)):
            margin = ocrwords._MARGIN_SUSPECT if suspect or base < ocrwords._RARE_ZIPF else ocrwords._MARGIN_LOST
            cut = 10 ** (max(floor, base + margin) - 9) * (1 - 1e-9)
            listed = ocrwords._by_key().get(word.translate(ocrwords._SWAP_KEY))
            if listed is None or ocrwords._frequencies()[listed[0]] < cut:
                early += 1
                table = ocrwords._table(word, suspect, base)
                assert table is None or ocrwords._best_listed(word, table, ocrwords._MAX_CANDIDATES, cut) is None
                assert ocrwords._best(word, suspect, floor=floor) is None
    assert early > 1000
