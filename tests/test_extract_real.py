"""Extraction measured on real texts (../shared/real and the project's own tests/data/real), not on texts
written for the rules. The floors are the figures reached so far: a change that loses ground fails here.
Issue 10's targets (F1 ≥ 0.95 text, ≥ 0.92 OCR, ≥ 0.93 own corpus) are above them; raise the floors as
the extractor gets there. `python -m bench.real_scores` prints the same figures per document kind.
"""

from __future__ import annotations

import json

import pytest

from bench.real_scores import OWN, SETS, score_set

# set: (F1, time accuracy, next meetings found, handovers found, cancelled found, title overlap)
FLOORS = {
    "seeds": (1.0, 1.0, 4, 1, 1, 0.70),
    # A run-in "Datum 10 december" read as the meeting (2026-12-02, later) found two items more whose titles the
    # gold words otherwise: F1 0.976 -> 0.988, titles 0.737 -> 0.727 (the issue asks 0.70).
    "shared/real text": (0.98, 0.99, 12, 9, 4, 0.73),
    "shared/real ocr": (0.97, 0.99, 12, 9, 4, 0.74),
    # The held-out batch h001-h029 was added blind on 2026-12-02 (labelled before the extractor ran) and scored
    # F1 0.80 on its own; the general rules its failures showed (tables with months as columns, day lists
    # before a month, …) brought the corpus of 160 back to the figures below.
    # The second held-out batch k001-k026 was added blind on 2026-12-02 (labelled before the extractor ran, no rule
    # changed for it); it scored F1 0.56 on its own (0.56 after OCR) and pulled the corpus of 186 down to
    # F1 0.878 / time 0.900 / title 0.603 (OCR 0.778 / 0.809 / 0.490, on the code of its branch point). Rules for
    # the general failures it showed (a plan's own "(inställd)", ordinal day lists) came after; the floors below sit
    # just under the figures of the end of that day (OCR title 0.471 after the merges). Pipe tables and the year of a
    # plan that names none, from its weekdays (2026-12-02, later), took the corpus to F1 0.965 (OCR 0.874); the issue
    # asks 0.93.
    # The third held-out batch m001-m020 (blind, 2026-12-02, later) scored F1 0.809 (OCR 0.814) on its own and took
    # the corpus of 206 to F1 0.956 / title 0.660 (OCR 0.906 / 0.589). The rules after it (protocol archives, OCR
    # tables, cancellations, …) took it to F1 0.975 / title 0.690 (OCR 0.935 / 0.606); the floors sit just under.
    # Two more blind batches (2026-12-02, evening): n001-n025 scored F1 0.749 (OCR 0.759) on its own and took the
    # corpus of 231 to 0.961 / 0.923; q001-q025, scored after the rules n showed, F1 0.659 (OCR 0.660), took the
    # corpus of 256 to 0.955 / 0.921. The rules after them (plan sections and row titles, handover wordings and the
    # meeting's own chair, notices dated by their signature, OCR's é for ö, …) took it to F1 0.970 / time 0.966 /
    # title 0.714 (OCR 0.934 / 0.918 / 0.628). The sixth blind batch r001-r025, scored once after all of that,
    # F1 0.687 (OCR 0.671), took the corpus of 281 to 0.957 / 0.922; after a few rules from it (the annual meeting's
    # own chair, "kl 1300", the adjustment's "Plats och tid", "ställs tyvärr in", a programme's rows under month
    # headings, a report that its meeting is done) F1 0.962 / time 0.952 / title 0.711 (OCR 0.926 / 0.904 / 0.624);
    # 2026-12-03: rules for decision history, chair-news wordings, rotations, month rows and OCR front matter took it
    # to F1 0.965 / time 0.957 / next 28 / cancelled 39 (OCR 0.929 / 0.907 / 28 / 39). The seventh blind batch
    # t001-t025 (2026-12-03), scored once on main cdabc13 (F1 0.889, OCR 0.930), took the corpus of 306 to F1 0.957 /
    # time 0.939 / title 0.665 / next 30 / handovers 28 / cancelled 41 (OCR 0.930 / 0.891 / 0.583 / 30 / 25 / 41);
    # the floors sit just under that. The issue asks 0.93 of the text. The eighth blind batch u001-u025
    # (2026-12-03), scored once on main 8c87aef (F1 0.905, OCR 0.908), took the corpus of 331 to F1 0.953 /
    # time 0.939 / title 0.651 / next 30 / handovers 31 / cancelled 52 (OCR 0.929 / 0.892 / 0.579 / 30 / 28 / 52);
    # only the title floors had to come down, to just under that. The rules after t and u (a protocol's page
    # furniture, Finnish-Swedish protocols, kungörelser, news lists, flattened multi-column and one-cell-a-line
    # plans, several bodies' plans titled by their headings, …) took it to F1 0.966 / time 0.963 / title 0.746 /
    # next 31 / handovers 33 / cancelled 53 (OCR 0.936 / 0.918 / 0.674 / 31 / 30 / 53); the floors sit just under.
    # The ninth blind batch v001-v025 (2026-12-03), scored once on main 0fd8e55 (F1 0.917, OCR 0.923; titles 0.12),
    # took the corpus of 356 to F1 0.966 / time 0.960 / title 0.724 (OCR 0.938 / 0.916 / 0.654); only the title floors
    # came down, to just under that.
    # The tenth, w001-w025 (2026-12-03), scored once on main 399d581 (F1 0.713, OCR 0.726: Göteborgsregionen's
    # plans with weeks beside days, chair news, held-meeting news), took the corpus of 381 to F1 0.957 / time 0.945 /
    # title 0.730 (OCR 0.930 / 0.901 / 0.658); the F1 and time floors came down to just under that.
    # The rules after v and w (councils as bodies, joined compounds, weeks beside days, a range's weekday, the
    # notice-board box, split particles, …) took it to F1 0.963 / time 0.945 / next 32 / handovers 37 / cancelled 59
    # (OCR 0.936 / 0.901 / 32 / 34 / 58); the floors sit just under.
    # The blind batches x, y and z (2026-12-04), each scored once at first contact (F1 0.727 / 0.862 / 0.760 on the
    # texts), and the rules they showed (the day a news item's post names, "på måndag", a chair not yet named, a
    # protocol form's labels above its values, day.month rows, …) took the corpus of 456 to F1 0.960 / time 0.947 /
    # next 37 / handovers 49 / cancelled 64 (OCR 0.932 / 0.904 / 37 / 45 / 63); the floors sit just under.
    # Eight more blind batches (d, e, f, j, o, i, l, c; 2026-12-04; 192 texts), each scored once at first contact
    # (F1 0.78 / 0.76 / 0.85 / 0.82 / 0.81 / 0.85 / 0.84 / 0.78 on the texts), pulled the corpus down to F1 0.945 /
    # time 0.921 before the rules they showed; after them (day.month runs and programme rows, plan notes, the
    # announced next meeting, paragraph-bounded sentences, chair wordings, …) the corpus of 648 stands at F1 0.943 /
    # time 0.911 / title 0.694 / next 60 / handovers 74 / cancelled 86 (OCR 0.919 / 0.869 / 0.636 / 61 / 69 / 77), and
    # the 456 texts of the start at 0.961 / 0.935 (were 0.961 / 0.933). The floors came down to just under that; the
    # issue's 0.93 of the text holds.
    # Six more blind batches (a, b, aa, bb, cc, dd; 2026-12-04; 148 texts), each scored once at first contact (F1
    # 0.505 / 0.669 / 0.840 / 0.747 / 0.904 / 0.510 on the texts: Finland-Swedish day.month calendars, chair news of
    # clubs and churches, cancellation notices), and the rules they showed (calendar rows, terms of office as periods,
    # two bodies' chairs on one day, moves in one sentence, month programmes, 'Tid: 18.30', machine stamps, …) leave
    # the corpus of 796 at F1 0.933 / time 0.924 / title 0.672 / next 64 / handovers 87 / cancelled 101 (OCR 0.907 /
    # 0.877 / 0.613 / 65 / 81 / 91), and the 648 texts of the start at 0.944 / 0.920 (were 0.943 / 0.919; times 0.911
    # → 0.926). The F1, time and title floors came down because the new batches are harder, not because a text lost.
    "tests/data/real": (0.93, 0.92, 64, 87, 101, 0.67),
    "tests/data/real ocr": (0.905, 0.875, 65, 81, 91, 0.61),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_extraction_holds_its_ground_on_real_texts(name: str) -> None:
    docs, gold = SETS[name]
    assert docs.is_dir() and any(gold.glob("*.json")), f"{name}: {docs} or its gold is missing"
    figures, _ = score_set(name)
    f1, time, next_ok, handovers, cancelled, title = FLOORS[name]
    assert figures.f1 >= f1, figures.line()
    assert figures.time >= time, figures.line()
    assert figures.next_ok >= next_ok, figures.line()
    assert figures.handover_ok >= handovers, figures.line()
    assert figures.cancelled_ok >= cancelled, figures.line()
    assert figures.title >= title, figures.line()


def test_own_corpus_is_labelled_per_schema_with_a_source_and_a_kind() -> None:
    texts = sorted(p.name for p in (OWN / "text").glob("*.txt"))
    golds = sorted(p.name.removesuffix(".json") for p in (OWN / "gold").glob("*.json"))
    assert len(texts) >= 120 and texts == golds
    sources = (OWN / "SOURCES.md").read_text(encoding="utf-8")
    for name in texts:
        gold = json.loads((OWN / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        assert gold["doc"] == name and gold["doc_kind"] in {"minutes", "kallelse", "plan", "notice"}, name
        assert name in sources, f"{name} has no row in SOURCES.md"
