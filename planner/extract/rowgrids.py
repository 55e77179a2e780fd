"""Web tables flattened one cell per paragraph with the months as columns and a row per body.

    Beslutsinstans / Jan / Feb / Mar / … / Klockan      header cells, a blank line after each
    Kommunfullmäktige / 25 / 22 / 29 / … / 18.00        a row: the body, a cell per month, its time
    Kommunstyrelsen / 14 / 4 / … / 6 27* / …            a cell may hold two days, one per line

A cell is a run of lines with a blank line after it; a second blank line in a row is an empty cell.
A row is read only when its cells add up to the header exactly; one that does not is left alone.
(grids.py reads the other orientation: bodies as columns, a row per month.)
"""

from __future__ import annotations

import re

from planner.extract.grids import TIME_LABEL
from planner.extract.months import month_number
from planner.extract.normalize import Doc
from planner.extract.tables import TableDate, year_above

_DAY = re.compile(r"^\s*(\d{1,2})\s*\*{0,2}\s*$")
_EMPTY = re.compile(r"^\s*[-–—]?\s*$")
# A row's time cell has its minutes ("18.00"): a bare number is a day.
_TIME = re.compile(r"^\s*(?:kl\.?|klockan)?\s*(\d{1,2})[.:](\d\d)\s*$", re.IGNORECASE)
MIN_MONTHS = 3
MAX_LABEL = 60


def _cells(lines: list[str], pos: int, limit: int) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each cell from `pos` on: runs of lines, a blank after each; an extra blank is empty."""
    cells: list[tuple[int, list[str]]] = []
    while pos < len(lines) and len(cells) < limit:
        if not lines[pos].strip():
            cells.append((pos, []))
            pos += 1
            continue
        start = pos
        while pos < len(lines) and lines[pos].strip():
            pos += 1
        cells.append((start, [line.strip() for line in lines[start:pos]]))
        pos += 1  # the blank line that closes the cell
    return cells


def month_of(cell: list[str]) -> int | None:
    if len(cell) != 1 or not cell[0].replace(".", "").isalpha():
        return None
    return month_number(cell[0].lower().rstrip("."), abbreviations=True)


def line_months(doc: Doc) -> dict[int, int]:
    """Each line that is a month word alone (month_of of its stripped text) → its month, read once per document for
    this module's and loosegrids' headers. A line longer than any month word (its final dots aside) is skipped
    unread: month_number knows no word of more than 11 letters, and lower-casing never shortens a text."""
    found = doc.memo.get("line_months")
    if found is None:
        found = doc.memo["line_months"] = {
            index: month for index, line in enumerate(doc.lines)
            if (text := line.strip()) and len(text.rstrip(".")) <= 11 and (month := month_of([text])) is not None}
    return found


def may_hold_grid(doc: Doc) -> bool:
    """A header (here and in loosegrids) is MIN_MONTHS lines of one month word each: without as many such lines in
    the text (most texts) neither reader reads a line."""
    return len(line_months(doc)) >= MIN_MONTHS


def row_grid_tables(doc: Doc) -> list[TableDate]:
    return _row_grid_tables(doc) if may_hold_grid(doc) else []


def _row_grid_tables(doc: Doc) -> list[TableDate]:
    found: list[TableDate] = []
    lines = doc.lines
    months_at = line_months(doc)
    index = 0
    while index < len(lines):
        month = months_at.get(index)
        if month is None:
            index += 1
            continue
        header = _header(lines, index)
        if header is None:
            index += 1
            continue
        months, timed, pos = header
        found += _rows(doc, index, months, timed, pos)
        index = pos + 1
    return found


def _header(lines: list[str], first: int) -> tuple[list[int], bool, int] | None:
    """The months of a header that starts at `first` (rising, at least three), whether a time column ends it, and
    where the rows begin."""
    months: list[int] = []
    pos = first
    for start, cell in _cells(lines, first, 14):
        month = month_of(cell) if cell else None
        if month is None or (months and month <= months[-1]):
            pos = start
            break
        months.append(month)
        pos = start + len(cell) + 1
    if len(months) < MIN_MONTHS:
        return None
    timed = pos < len(lines) and bool(TIME_LABEL.match(lines[pos]))
    if timed:
        pos += 2
    return months, timed, pos


def _rows(doc: Doc, header: int, months: list[int], timed: bool, pos: int) -> list[TableDate]:
    lines = doc.lines
    year = year_above(doc, header)
    width = len(months) + 1 + timed
    found: list[TableDate] = []
    while pos < len(lines):
        cells = _cells(lines, pos, width)
        if len(cells) < width or not cells[0][1] or len(" ".join(cells[0][1])) > MAX_LABEL \
                or _DAY.match(cells[0][1][0]) or month_of(cells[0][1]):
            break
        label = " ".join(cells[0][1])
        start = None
        if timed:
            time_cell = cells[-1][1]
            hit = _TIME.match(time_cell[0]) if time_cell else None
            if time_cell and hit is None:  # the row's cells don't add up: read on from the next row
                pos = _next_label(lines, cells[0][0] + 1)
                continue
            start = f"{int(hit.group(1)):02d}:{hit.group(2)}" if hit else None
        days: list[tuple[int, int, int]] | None = []
        for month, (line, cell) in zip(months, cells[1:1 + len(months)], strict=True):
            for offset, value in enumerate(cell):
                day = _DAY.match(value)
                if day is None and not _EMPTY.match(value):
                    days = None  # "2628": a cell that is no day; the row is left alone, the next one read
                    break
                if days is not None and day is not None:
                    days.append((line + offset, month, int(day.group(1))))
            if days is None:
                break
        if days is None:
            pos = _next_label(lines, cells[0][0] + 1)
            continue
        found += [TableDate(line, header, month, day, start, label, year=year) for line, month, day in days]
        last_line, last_cell = cells[-1]
        pos = last_line + len(last_cell) + 1
        while pos < len(lines) and lines[pos].strip().startswith("*"):  # a footnote under the row ("*budget")
            pos += 2
    return found


def _next_label(lines: list[str], pos: int) -> int:
    """The next line that can open a row: text that is no day, no time and no footnote."""
    while pos < len(lines):
        text = lines[pos].strip()
        if text and not (_DAY.match(text) or _TIME.match(text) or text.startswith(("*", "(")) or text[0].isdigit()):
            return pos
        pos += 1
    return pos
