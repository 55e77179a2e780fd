"""Finding things: words typed in the search box against events and minutes, and the list's pages.

Matching is done in Python on casefolded text, not with SQL LIKE: SQLite's LIKE and lower() fold only
ASCII, so "Öresund" would not find "öresund" there while PostgreSQL's ILIKE would. One rule on both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from planner.textlines import shown_lines

T = TypeVar("T")

PER_PAGE = 50
MAX_TERMS = 8
MAX_DOCUMENT_HITS = 20


def terms(query: str | None) -> list[str]:
    """The words of a search, casefolded; quotes and commas are separators, at most MAX_TERMS words."""
    cleaned = (query or "").replace('"', " ").replace(",", " ").casefold()
    return [word for word in cleaned.split() if word][:MAX_TERMS]


def ascii_words(words: Sequence[str]) -> list[str]:
    """The words a database may prefilter with (I)LIKE: ASCII only, which every backend folds alike.

    Python's casefold decides in the end; the prefilter only keeps rows that cannot match from being
    loaded (a casefold that turns a non-ASCII letter into ASCII, "ß" to "ss", is the rare miss)."""
    return [word for word in words if word.isascii()]


def matches(words: Sequence[str], fields: Iterable[str | None]) -> bool:
    """Every word occurs in one of the fields (so "styrgrupp varberg" finds the meeting in Varberg)."""
    haystack = " ".join(f for f in fields if f).casefold()
    return all(word in haystack for word in words)


def first_line_hit(text: str, words: Sequence[str]) -> tuple[int, str] | None:
    """The first line (1-based, as the review page numbers it) holding every word, else the first holding one."""
    lines = shown_lines(text or "")
    if not words:
        return None
    some = None
    for number, line in enumerate(lines, 1):
        folded = line.casefold()
        if all(word in folded for word in words):
            return number, line.strip()
        if some is None and any(word in folded for word in words):
            some = number, line.strip()
    return some


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items and where it sits in the whole."""

    items: list[T]
    number: int
    count: int
    total: int
    per_page: int

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.number * self.per_page, self.total)

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.count


def paginate(items: Sequence[T], number: int | None, per_page: int = PER_PAGE) -> Page[T]:
    """Page `number` (1-based; out of range is clamped, so an old link still shows something)."""
    count = max(1, math.ceil(len(items) / per_page))
    number = min(max(1, number or 1), count)
    start = (number - 1) * per_page
    return Page(list(items[start:start + per_page]), number, count, len(items), per_page)
