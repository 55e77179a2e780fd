"""Robustness: any text, any bytes, huge and repetitive inputs give schema-valid output, in linear work.

Linearity is asserted on input-size ratios (the same process's time on 1x and 16x inputs, best
of interleaved runs, must stay far below the 256x of quadratic work), never on absolute times.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.extract import extract
from tests.extract_schema import assert_schema

SWEDISH_BITS = st.sampled_from([
    "den ", "6 december", "kl 9.45-12.15", "Nästa möte", "16/5", "2024-05-16", "v 16", "i februari",
    "fredagen ", "\n", "Tid ", "Plats ", "inställt", "lämnar över ordförandeskapet till ", "Varberg",
    "senast ", "Sportlov ", "17 feb-21feb", "14 april-25", "majmötet", "-\n", ". ", "§ 4 ", "k1 ", "6verlämnar",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_text_never_fails(text: str) -> None:
    assert_schema(extract(text, source="x.txt"), "x.txt")


@settings(max_examples=150, deadline=None)
@given(st.lists(SWEDISH_BITS, max_size=60).map("".join))
def test_random_minutes_fragments_never_fail(text: str) -> None:
    assert_schema(extract(text, source="x.txt"), "x.txt")


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_decoded_never_fail(data: bytes) -> None:
    for encoding in ("utf-8", "cp1252", "latin-1"):
        assert_schema(extract(data.decode(encoding, errors="replace")), "")


HEAD = "Minnesanteckningar från styrgruppens möte 2026-10-16\n\n"
# What one page of MINUTES says, however often it is repeated: classification, places, titles and OCR repair
# ("kompetensférsérjning", "Géteborg") all run on it.
MINUTES_ITEMS = [
    ("next_meeting", "2026-12-04", None, "09:45", "12:15", "Styrgruppens möte", "Varberg"),
    ("deadline", "2027-05-16", None, None, None, "Synpunkter på planen lämnas", None),
    ("meeting", "2027-04-22", None, "09:00", "16:00", "Konferens om kompetensförsörjning", "Göteborg"),
    ("meeting", "2027-02-17", "2027-02-19", None, None, "Kommundirektörerna träffas", "Halmstad"),
    ("holiday", "2027-W08", None, None, None, "Sportlov", None),
]


def minutes(n: int) -> str:
    """Page n of long minutes: the same five points, numbered on so no line repeats as page furniture."""
    p = 5 * n
    return (f"§ {p + 1} Nästa möte fredagen den 4 december kl 9.45-12.15 i Varberg.\n"
            f"§ {p + 2} Synpunkter på planen lämnas senast den 16/5.\n"
            f"§ {p + 3} Regionférbundet bjuder in till konferens om kompetensférsérjning"
            " den 22 april kl 9-16 i Géteborg.\n"
            f"§ {p + 4} Kommundirektörerna träffas den 17 feb-19 feb i Halmstad.\n§ {p + 5} Sportlov v 8.\n\n")


def _unpunctuated(n: int) -> str:
    return f"{n} nasta mote fredagen den 4 december kl 9 i Varberg och den 1 2 3 4 5 6 7 8 9 10 11 12 kl 1 2 3 - - -\n"


def _digits(n: int) -> str:
    return f"{n} 1/2/3/4-5-6.7.8:9 möte 18/3 kl 9.30-12 {n}/{n}-{n}.{n} "


def _found(result: dict) -> list[tuple]:
    return [(i["kind"], i["date"], i.get("end_date"), i["start"], i["end"], i.get("title"), i.get("location"))
            for i in result["items"]]


def _timed(text: str) -> tuple[float, dict]:
    """CPU time of this process: the growth ratio must not depend on what else the machine runs."""
    started = time.process_time()
    result = extract(text)
    elapsed = time.process_time() - started
    assert_schema(result, "")
    return elapsed, result


def _grows_linearly(page: Callable[[int], str], small: int, factor: int = 16) -> tuple[dict, dict]:
    """Best of three interleaved runs at 1x and 16x pages: linear gives ~16, quadratic ~256."""
    small_text = HEAD + "".join(page(n) for n in range(small))
    large_text = HEAD + "".join(page(n) for n in range(small * factor))
    t_small = t_large = float("inf")
    for _ in range(3):
        elapsed, small_result = _timed(small_text)
        t_small = min(t_small, elapsed)
        elapsed, large_result = _timed(large_text)
        t_large = min(t_large, elapsed)
    assert t_large / max(t_small, 1e-4) < factor * 4, (t_small, t_large)
    return small_result, large_result


def test_repeated_date_patterns_grow_linearly() -> None:
    small, large = _grows_linearly(minutes, 20)
    assert _found(small) == _found(large) == MINUTES_ITEMS


def test_long_unpunctuated_text_grows_linearly() -> None:
    small, large = _grows_linearly(_unpunctuated, 20)
    assert ("next_meeting", "2026-12-04", "09:00") in {(i["kind"], i["date"], i["start"]) for i in large["items"]}
    assert _found(small) == _found(large)  # 16 times the same words propose nothing new


def test_digits_and_separators_grow_linearly() -> None:
    small, large = _grows_linearly(_digits, 60)
    assert ("meeting", "2027-03-18", "09:30", "12:00") in {(i["kind"], i["date"], i["start"], i["end"])
                                                            for i in large["items"]}
    assert len(large["items"]) == len(small["items"])


def test_five_megabytes_of_minutes() -> None:
    pages, size, n = [HEAD], len(HEAD), 0
    while size < 5_000_000:
        pages.append(minutes(n))
        size, n = size + len(pages[-1]), n + 1
    result = extract("".join(pages), source="big.txt")
    assert_schema(result, "big.txt")
    assert result["meeting"]["date"] == "2026-10-16"
    assert _found(result) == MINUTES_ITEMS, "a point repeated on 20 000 pages is one proposal"
