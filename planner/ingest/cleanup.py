"""Page furniture: headers/footers repeated on most pages, and pages that occur twice.

Scanned and exported minutes repeat a letterhead, a stale template date and "Sida 2 av 6"
on every page; left in, they would be read as dates. Lines are compared with digits masked,
so page numbers do not make footers look different.
"""

from __future__ import annotations

import re
from collections import Counter

from planner.textlines import split_lines

_DIGITS = re.compile(r"\d+")
EDGE = 4  # lines at the top and bottom of a page that may be furniture


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def clean_pages(pages: list[str]) -> str:
    """The pages' text joined, without repeated pages and without lines repeated at page edges."""
    unique, seen = [], set()
    for page in pages:
        key = " ".join(page.split())
        if key and key in seen:
            continue
        seen.add(key)
        unique.append(page)
    if len(unique) < 2:
        return "\n".join(unique)
    edge_counts: Counter[str] = Counter()
    split = [split_lines(page) for page in unique]
    for lines in split:
        edges = {_key(line) for line in _edges(lines) if line.strip()}
        edge_counts.update(edges)
    threshold = max(2, (len(unique) + 1) // 2)
    furniture = {k for k, n in edge_counts.items() if n >= threshold}
    out = []
    for index, lines in enumerate(split):
        edge_ids = {id(line) for line in _edges(lines)}
        kept = [line for line in lines if not (id(line) in edge_ids and _key(line) in furniture)]
        if index == 0:
            # The first page's header is the minutes' own header: keep it.
            kept = lines
        out.append("\n".join(kept))
    return "\n".join(out)


def _edges(lines: list[str]) -> list[str]:
    nonblank = [line for line in lines if line.strip()]
    return nonblank[:EDGE] + nonblank[-EDGE:]
