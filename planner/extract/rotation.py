"""A chairmanship that rotates in a stated order: "Ordförandeskapet roterar: 2025 Eksjö, 2026 Vetlanda, 2027 Nässjö".

Each year after the first is a handover on 1 January, from the one listed before to the one listed for it.
"""

from __future__ import annotations

import re

from planner.extract.handover import Handover

_CUE = re.compile(r"(?<![a-z])(?:roter(?:ar|ande|ade)|rotation(?:en|sordning(?:en)?)?|turordning(?:en)?|i\s{1,3}tur)"
                  r"(?![a-z])")
_NAME = r"[A-ZÅÄÖ][\wåäöé-]{1,30}(?:\s(?:kommun|stad|region))?"
# "2025 Eksjö", "2025: Eksjö kommun", "2025 – Eksjö"; and "Eksjö (2025)", "Eksjö 2025".
_YEAR_FIRST = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)\s{0,2}[:–—-]?\s{0,2}(?P<n>" + _NAME + ")")
_NAME_FIRST = re.compile(r"(?P<n>" + _NAME + r")\s{0,2}\(?(?P<y>(?:19|20)\d\d)(?!\d)\)?")
_REACH = 400  # characters after the cue that its list may take


def rotation_handovers(folded: str, original: str) -> list[tuple[str, Handover]]:
    """(date, handover) for each change of a stated rotation; none where the text states none."""
    if "rot" not in folded and "tur" not in folded:
        return []
    for cue in _CUE.finditer(folded):
        if "ordf" not in folded[max(0, cue.start() - 200):cue.end() + _REACH]:
            continue
        lo, hi = cue.end(), min(len(original), cue.end() + _REACH)
        stop = original.find("\n\n", lo, hi)
        hi = stop if stop != -1 else hi
        for pattern in (_YEAR_FIRST, _NAME_FIRST):
            pairs = [(int(m.group("y")), m.group("n"), m.start(), m.end()) for m in pattern.finditer(original, lo, hi)]
            run = _rising_run(pairs)
            if len(run) >= 2:
                return [(f"{year}-01-01", Handover(start, end, before[1], name))
                        for before, (year, name, start, end) in zip(run, run[1:], strict=False)]
    return []


def _rising_run(pairs: list[tuple[int, str, int, int]]) -> list[tuple[int, str, int, int]]:
    """The pairs whose years follow each other one by one (2025, 2026, 2027)."""
    run: list[tuple[int, str, int, int]] = []
    for pair in pairs:
        if run and pair[0] != run[-1][0] + 1:
            if len(run) >= 2:
                break
            run = []
        run.append(pair)
    return run if len(run) >= 2 else []
