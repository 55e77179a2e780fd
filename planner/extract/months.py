"""Swedish month and weekday names, tolerant of OCR damage ("aprik", "septernber")."""

from __future__ import annotations

from functools import lru_cache

from planner.folding import fold_text
from planner.schedule import datefmt

# The Swedish names are the ones dates are written with (planner.schedule.datefmt, pure), as the
# extractor folds them: "januari": 1 … "december": 12.
MONTHS = {name: number for number, name in enumerate(datefmt.MONTHS["sv"], 1)}
# English month names in Swedish minutes ("Advent of Code, November 30"); the rest are spelt as in Swedish
# or within one letter of it.
ENGLISH = {"march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10}
ABBREVIATIONS = {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {fold_text(name): number for number, name in enumerate(datefmt.WEEKDAYS["sv"])}  # "mandag": 0 …


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=4096)
def month_number(word: str, abbreviations: bool = True) -> int | None:
    """The month a folded word names, or None. Fuzzy only for words of five letters or more."""
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if word in ENGLISH:
        return ENGLISH[word]
    if abbreviations and word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    if len(word) < 5 or len(word) > 11:
        return None
    for name, number, limit in _FUZZY.get(word[:2], ()):
        if _distance(word, name, limit) <= limit:
            return number
    return None


# The months a longer word may be a damaged form of, by their first two letters (in MONTHS' order, the first within
# its distance wins): only names of five letters or more, within two edits for the long ones and one for the rest.
def _fuzzy_table() -> dict[str, list[tuple[str, int, int]]]:
    table: dict[str, list[tuple[str, int, int]]] = {}
    for name, number in MONTHS.items():
        if len(name) >= 5:
            table.setdefault(name[:2], []).append((name, number, 2 if len(name) >= 8 else 1))
    return table


_FUZZY = _fuzzy_table()


@lru_cache(maxsize=1024)
def weekday_number(word: str) -> int | None:
    """0=Monday for 'fredag', 'fredagen', 'fredagar' (folded)."""
    for name, number in WEEKDAYS.items():
        if word.startswith(name) and len(word) <= len(name) + 2:
            return number
    return None
