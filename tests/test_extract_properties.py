"""Robustness: any text, any bytes, huge and repetitive inputs give schema-valid output, in linear work.

Linearity is asserted on input-size ratios (the same process's time on 1x and 16x inputs, best
of interleaved runs, must stay far below the 256x of quadratic work), never on absolute times.
"""

from __future__ import annotations

import time

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


def _timed(text: str) -> float:
    started = time.perf_counter()
    result = extract(text)
    elapsed = time.perf_counter() - started
    assert_schema(result, "")
    return elapsed


def _grows_linearly(unit: str, small: int, factor: int = 16) -> None:
    """Best of three interleaved runs at 1x and 16x: linear gives ~16, quadratic ~256."""
    small_text, large_text = unit * small, unit * small * factor
    t_small = t_large = float("inf")
    for _ in range(3):
        t_small = min(t_small, _timed(small_text))
        t_large = min(t_large, _timed(large_text))
    assert t_large / max(t_small, 1e-4) < factor * 4, (t_small, t_large)


def test_repeated_date_patterns_grow_linearly() -> None:
    _grows_linearly("Fredagen den 6 december kl 9.45-12.15 i Varberg, 16/5, 17 feb-21feb och v 16 ", 200)


def test_long_unpunctuated_text_grows_linearly() -> None:
    _grows_linearly("nasta mote den 1 2 3 4 5 6 7 8 9 10 11 12 kl 1 2 3 - - - ordförandeskapet till ", 200)


def test_digits_and_separators_grow_linearly() -> None:
    _grows_linearly("1/2/3/4-5-6.7.8:9 ", 1000)


def test_five_megabytes_of_minutes() -> None:
    page = ("§ 4 Nästa möte\nFredagen den 6 december kl 9.45-12.15 i Varberg. Synpunkter senast den 16/5.\n"
            "Kommundirektörerna träffas den 17 feb-21 feb. Sportlov v 8.\n")
    text = page * (5_000_000 // len(page))
    result = extract(text, source="big.txt")
    assert_schema(result, "big.txt")
    keys = [(i["kind"], i["date"], i["start"]) for i in result["items"]]
    assert len(keys) == len(set(keys)), "repeats of the same page must merge"
