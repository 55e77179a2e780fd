"""A page's front matter: the metadata fields and the leading ---/+++/<!-- … --> block of a blog or a static site,
whose dates say when the page was written, not when anything happens."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc

CHANGE_KEYS = r"(?:lastmod|last_modified|created|updated|modified|publishdate|pubdate|published|posted)"
METADATA = re.compile(r"^[\s.#*>-]{0,6}(?:" + CHANGE_KEYS + r"\s{0,2}[:=]|date\s{0,2}[:=][^\n]{0,30}\d\d:\d\d:\d\d)")


_FENCE = re.compile(r"^\s{0,3}(?:-{3,}|\+{3,}|<!--)\s*$")
_FENCE_END = re.compile(r"^\s{0,3}(?:-{3,}|\+{3,}|-->)\s*$")


def front_matter_lines(doc: Doc) -> set[int]:
    """The page's own date fields: metadata fields in the first lines, and any "date:" of a leading
    ---/+++/<!-- … --> block (its title and summary are content). Read once per document."""
    found = doc.memo.get("front_matter")
    if found is None:
        found = doc.memo["front_matter"] = _front_matter_lines(doc)
    return found


def fence_lines(doc: Doc) -> tuple[set[int], bool]:
    """The lines of a leading ---/+++/<!-- … --> block (its fences included; at most 40 lines when it never
    closes), and whether it closes. Read once per document."""
    found = doc.memo.get("fence")
    if found is None:
        lines, closed = set(), False
        first = next((i for i, line in enumerate(doc.lines[:5]) if line.strip()), None)
        if first is not None and _FENCE.match(doc.lines[first]):
            last = min(len(doc.lines), first + 40) - 1
            for i in range(first + 1, last + 1):
                if _FENCE_END.match(doc.lines[i]):
                    last, closed = i, True
                    break
            lines = set(range(first, last + 1))
        found = doc.memo["fence"] = (lines, closed)
    return found


def _front_matter_lines(doc: Doc) -> set[int]:
    lines = {i for i in range(min(20, len(doc.lines))) if METADATA.match(doc.folded_line(i))}
    fenced = {i for i in fence_lines(doc)[0] if _DATE_FIELD.match(doc.folded_line(i))}
    if not fenced and (lines or any(_FRONT_TITLE.match(doc.folded_line(i)) for i in range(min(3, len(doc.lines))))):
        # Front matter whose --- fences OCR or a copy lost: "title: …", "lastmod: …", "date: 2013-03-12" on top.
        fenced = {i for i in range(min(12, len(doc.lines))) if _DATE_FIELD.match(doc.folded_line(i))}
    return lines | fenced


_FRONT_TITLE = re.compile(r"^\s{0,4}title\s{0,2}:\s")  # a "title:" key on top, as front matter writes it
_DATE_FIELD = re.compile(r"^[\s.]{0,4}(?:date|" + CHANGE_KEYS + r")\s{0,2}[:=]")


TITLE_FIELD = re.compile(r"^[\s.#*>-]{0,6}(?:title\s{0,2}[:=]|#{1,3}\s)")
