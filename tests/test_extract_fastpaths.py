"""Fast paths of the extractor find what the scans they stand in for find (issue 10's speed work).

handover._find_in runs a pattern only where its window holds the strings every match of it holds (handover._HINTS),
and the whole-text INCOMING scan only where the text holds one of _INCOMING_HINTS; tables._month_starts finds the
month words by substring search instead of the _MONTHISH scan. A new wording added to a pattern without its hint
would lose handovers; these check the rules on every text of the corpora and on wordings written out here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.extract import (
    dockind,
    grids,
    handover,
    items,
    loosegrids,
    months,
    normalize,
    orgs,
    pipetables,
    rowgrids,
    tables,
)
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


# Table readers skip texts that cannot hold their header (rowgrids.may_hold_grid, a bar count, three month words);
# the per-line scans of a year or a month alone begin at the newline (grids.year_cell_starts, tables.lone_month_lines).
TABLE_TEXTS = [
    "Beslutsinstans\n\nJan\n\nFeb\n\nMar\n\nKlockan\n\nKommunfullmäktige\n\n25\n\n22\n\n29\n\n18.00\n",
    "Beslutsinstans\nJan\nFeb\nMars\nKlockan\nKommunstyrelsen\n14\n4\n27*\n08.30\n",
    "| Nämnd | Jan | Feb | Mar |\n|---|---|---|---|\n| KS | 3 | 4 | 5 |\n",
    "2025\n\nKF\n\nKS\n\nVON\n\nJanuari\n\n-\n\n21\n\n15\n\nFebruari\n\n3\n\n-\n\n12\n",
    "Nämnd Tid Jan Feb Mars April\nKF 18:00 30 27 27 24\n",
    "september.....\nS.e.p\nOktober.\nNovember\nseptembre\n dec \nDecemberrrrrrr\n",
    " 2023 \n2024\n  1999\t\n19999\n2020 x\n\n2021", "januari\n\n  februari:\n mars \nApril\nmaj:\n",
]
TABLE_DOCS = DOCS + [Doc.from_text(text) for text in TABLE_TEXTS]


def test_line_months_are_every_lines_month() -> None:
    for doc in TABLE_DOCS:
        expected = {i: month for i, line in enumerate(doc.lines)
                    if line.strip() and (month := rowgrids.month_of([line.strip()])) is not None}
        assert rowgrids.line_months(doc) == expected
    assert sum(rowgrids.may_hold_grid(doc) for doc in TABLE_DOCS) >= 3


def test_grid_readers_skip_only_texts_without_a_header() -> None:
    for doc in TABLE_DOCS:
        if not rowgrids.may_hold_grid(doc):
            assert rowgrids._row_grid_tables(doc) == [] and loosegrids._loose_grid_tables(doc, set()) == []
    assert any(rowgrids.row_grid_tables(doc) for doc in TABLE_DOCS)
    assert any(loosegrids.loose_grid_tables(doc, set()) for doc in TABLE_DOCS)


def test_pipe_and_month_tables_skip_only_texts_without_a_header() -> None:
    for doc in TABLE_DOCS:
        if doc.original.count("|") < pipetables.MIN_MONTHS:
            assert pipetables._pipe_tables(doc) == []
        starts = tables._month_starts(doc.folded)
        if len(starts) < 3:
            assert tables._month_tables(doc, starts) == []
    assert any(pipetables.pipe_tables(doc) for doc in TABLE_DOCS)
    assert any(tables.month_tables(doc) for doc in TABLE_DOCS)


def test_line_scans_from_the_newline_are_the_line_scans() -> None:
    for doc in TABLE_DOCS:
        assert grids.year_cell_starts(doc.folded) == [m.start() for m in grids._YEAR_CELL.finditer(doc.folded)]
        assert tables.lone_month_lines(doc.folded) == len(tables._LONE_MONTH.findall(doc.folded))
    assert sum(len(grids.year_cell_starts(doc.folded)) for doc in TABLE_DOCS) >= 5
    assert sum(tables.lone_month_lines(doc.folded) >= 3 for doc in TABLE_DOCS) >= 2


def test_related_documents_skip_only_texts_without_the_word() -> None:
    related = "Protokoll\nRelevanta dokument\nProtokoll 2020-01-01\nTranskript\nText"
    assert normalize._related_documents(related.split("\n"), related) == {1, 2}
    for doc in TABLE_DOCS:
        if "dokument" not in doc.original.lower() and "document" not in doc.original.lower():
            assert normalize._related_lines(doc.lines) == set()


def _month_number_by_every_name(word: str) -> int | None:
    """months.month_number's fuzzy step as it was written: every month name tried in order."""
    word = word.rstrip(".")
    if len(word) < 5 or len(word) > 11:
        return None
    for name, number in months.MONTHS.items():
        if len(name) >= 5 and name[:2] == word[:2]:
            limit = 2 if len(name) >= 8 else 1
            if months._distance(word, name, limit) <= limit:
                return number
    return None


def test_fuzzy_months_by_first_letters_are_every_names() -> None:
    damaged = ["septernber", "oktobcr", "novernber", "decenber", "januarl", "febuari", "augusli", "aprill", "junl",
               "sepember", "oktoberr", "februar", "decembe", "augustus", "apri1", "septembre"]
    words = {w for folded in FOLDED for w in re.findall(r"[a-z.]{5,12}", folded)} | set(damaged)
    fuzzy = 0
    for word in words:
        plain = word.rstrip(".")
        if plain in months.MONTHS or plain in months.ENGLISH or plain in months.ABBREVIATIONS:
            continue
        assert months.month_number(word) == _month_number_by_every_name(word), word
        fuzzy += months.month_number(word) is not None
    assert fuzzy >= 10
    long_names = [name for name in months.MONTHS if len(name) >= 5]
    assert sorted(name for group in months._FUZZY.values() for name, _, _ in group) == sorted(long_names)


# Scans split or narrowed for speed: handover._elect_near (literal-led parts), orgs._first_body (BODY tried at the
# starts of words that hold a hint), dockind._inline_signs (stops at two), items._NEXT_WORD_ST (from "st").
PHRASES = ["Anna valdes till ordförande.", "Per utsågs, tillsattes och tillsatt.", "Eva efterträder Bo.",
           "Bo tog  över som ordförande", "Han tar över som ordförande", "Hon övertog posten", "att överta uppdraget",
           "går in som ordförande", "Nästa möte\nden 5 maj", "Nä-\nsta möte 3 maj", "Kommande möten\n5/9",
           "int-\nerstående ärenden",
           "Kommunstyrelsens arbetsutskott", "Styrgruppen", "xstyrgrupp kommunfullmäktige", "namnden",
           "Mötets öppnande\nJusterare\nProtokollet justeras\nDagordning godkännande av dagordning"]
PHRASE_DOCS = DOCS + [Doc.from_text(text) for text in PHRASES]


def test_elect_near_parts_are_the_elect_near_scan() -> None:
    for word in handover._ELECT.strip("(?:)").split("|"):
        assert any(part.fullmatch(word) for part in handover._ELECT_NEAR_PARTS[:5]), word
    windows = 0
    for folded in [doc.folded for doc in PHRASE_DOCS]:
        for lo in range(0, max(1, len(folded) - 100), 37):
            for hi in (lo + 1, lo + 60, lo + 340):
                expected = any(folded.find(h, lo, hi) != -1 for h in handover._ELECT_HINTS) \
                    and handover._ELECT_NEAR.search(folded, lo, hi) is not None
                assert handover._elect_near(folded, lo, hi) == expected, (folded[lo:hi], lo, hi)
                windows += expected
    assert windows > 100


def test_first_body_is_the_body_scans_first_match() -> None:
    found = 0
    for doc in PHRASE_DOCS:
        for index in range(min(len(doc.lines), 20)):
            folded = doc.folded_line(index)[:300]
            hints = [hint for hint in orgs.BODY_HINTS if hint in folded]
            expected = [next(orgs.BODY.finditer(folded))] if hints and orgs.BODY.search(folded) else []
            got = orgs._first_body(folded, hints)
            assert [(m.span(), m.groups()) for m in got] == [(m.span(), m.groups()) for m in expected], folded
            found += bool(got)
    assert found > 100


def _inline_signs_scanning_all(doc: Doc, structure: set[str]) -> int:
    """dockind._inline_signs as it was written: every match read, then the title test."""
    inline = {m.group(0)[:6] for m in dockind._INLINE.finditer(doc.folded, 0, 20000)}
    if dockind.MINUTES_TITLE.search(doc.folded, 0, 3000) and not dockind.PLAN_WORDS.search(doc.folded, 0, 3000):
        inline.add("protok")
    return min(2, len(inline - dockind.structure_heads(structure)))


def test_inline_signs_that_stop_at_two_are_the_full_scans() -> None:
    counts = set()
    for doc in PHRASE_DOCS:
        for structure in (set(), {"justerare"}, {"protokoll", "dagordning"}, {"motets", "oppnande", "justering"}):
            counts.add(dockind._inline_signs(doc, structure))
            assert dockind._inline_signs(doc, structure) == _inline_signs_scanning_all(doc, structure)
    assert counts == {0, 1, 2}


def test_next_word_lines_from_st_are_the_next_word_scans_lines() -> None:
    apart = 0
    for doc in PHRASE_DOCS:
        if doc.memo.get("lines_apart"):
            apart += 1
            found = [*items._NEXT_WORD_ST.finditer(doc.folded), *items._COMING_WORD.finditer(doc.folded)]
            assert {doc.line_of(m.start()) for m in found} \
                == {doc.line_of(m.start()) for m in items._NEXT_WORD.finditer(doc.folded)}
    assert apart > 300 and not Doc.from_text("int-\nerstående").memo["lines_apart"]
    assert items.next_meeting_lines(Doc.from_text("Nästa möte\n\nden 5 maj")) == {2: 0}
