"""Web tables flattened one cell per paragraph: a header of bodies, then one row per month.

    2025 / KF / KS / KS AU / VON            header cells, a blank line after each (a cell may wrap)
    Mötestid: / Kl. 10 / Kl. 10 / Kl. 8.30  optional: one time per column
    Januari / - / 21 / - / 15               a row per month

A filled cell is its line and a blank line; an empty cell is a lone blank line. A row is read only
when its lines add up to one cell per column exactly and the next month (or the table's end)
follows; a row that does not is left alone rather than guessed.
"""

from __future__ import annotations

import re

from planner.extract.normalize import Doc
from planner.extract.tables import TableDate, lone_month

_YEAR_CELL = re.compile(r"^[ \t]*(?:19|20)\d\d[ \t]*$", re.MULTILINE)
# The same after the newline that opens its line: a literal lead is searched for as a character, where "^" is tried at
# every position (a fourth of the time). The text's first line is matched on its own.
_YEAR_CELL_BELOW = re.compile(r"\n[ \t]*(?:19|20)\d\d[ \t]*$", re.MULTILINE)
TIME_LABEL = re.compile(r"^\s*(?:mötestid|motestid|tid|starttid|klockan|kl)\.?\s*:?\s*$", re.IGNORECASE)
_TIME = re.compile(r"^\s*(?:kl\.?|klockan)?\s*(\d{1,2})(?:[.:](\d\d))?\s*$", re.IGNORECASE)
_VALUE = re.compile(r"^\s*(?P<days>\d{1,2}\*?(?:\s{0,2}(?:,|och)\s{0,2}\d{1,2}\*?)*)"
                    r"(?:\s{0,2},?\s{0,3}(?:kl\.?|klockan)\s{0,2}(?P<h>\d{1,2})[.:](?P<m>\d\d))?\s*$", re.IGNORECASE)
MAX_COLUMNS = 12
MAX_CELL = 24


def grid_tables(doc: Doc) -> list[TableDate]:
    found: list[TableDate] = []
    for start in year_cell_starts(doc.folded):  # one scan of the text, not a match per line
        index = doc.line_of(start)
        if index + 2 < len(doc.lines) and not doc.lines[index + 1].strip():
            found += _table(doc, index)
    return found


def year_cell_starts(folded: str) -> list[int]:
    """Where the lines that are a year alone begin (_YEAR_CELL's matches)."""
    first = [0] if _YEAR_CELL.match(folded) else []
    return first + [hit.start() + 1 for hit in _YEAR_CELL_BELOW.finditer(folded)]


def _cells(doc: Doc, pos: int) -> tuple[list[str], int]:
    """Header cells from `pos`: runs of non-blank lines, one blank line between, up to a month or a time label."""
    cells: list[str] = []
    lines = doc.lines
    while pos < len(lines) and len(cells) <= MAX_COLUMNS:
        run: list[str] = []
        while pos < len(lines) and lines[pos].strip():
            run.append(lines[pos].strip())
            pos += 1
        if not run:
            return cells, pos
        text = " ".join(run)
        if len(run) > 2 or len(text) > MAX_CELL or lone_month(text) or TIME_LABEL.match(text):
            return cells, pos - len(run)
        cells.append(text)
        pos += 1  # the blank line after the cell
    return cells, pos


def _table(doc: Doc, header: int) -> list[TableDate]:
    lines = doc.lines
    columns, pos = _cells(doc, header + 2)
    if not 2 <= len(columns) <= MAX_COLUMNS or any(_VALUE.match(c) for c in columns):
        return []
    starts: list[str | None] = [None] * len(columns)
    if pos < len(lines) and TIME_LABEL.match(lines[pos]):
        values = [lines[p] for p in range(pos + 2, min(len(lines), pos + 2 + 2 * len(columns)), 2)]
        times = [_TIME.match(v) for v in values]
        if len(times) == len(columns) and all(times):
            starts = [f"{int(t.group(1)):02d}:{t.group(2) or '00'}" for t in times if t]
            pos += 2 + 2 * len(columns)
    found: list[TableDate] = []
    previous = 0
    while pos < len(lines):
        month = lone_month(lines[pos]) if lines[pos].strip() else None
        if month is None or month <= previous:
            break
        row, pos = _row(lines, pos + 1, len(columns))
        previous = month
        if row is None:
            continue
        for column, (line, value) in enumerate(row):
            if value is None:
                continue
            start = f"{int(value.group('h')):02d}:{value.group('m')}" if value.group("h") else starts[column]
            for day in re.findall(r"\d{1,2}", value.group("days")):
                found.append(TableDate(line, header, month, int(day), start, columns[column]))
    return found


def _row(lines: list[str], pos: int, width: int) -> tuple[list[tuple[int, re.Match[str] | None]] | None, int]:
    """The cells after a month line; None (and the position of the next month line) when they don't add up."""
    row: list[tuple[int, re.Match[str] | None]] = []
    if pos < len(lines) and not lines[pos]:
        pos += 1  # the blank line after the month's own cell
    while len(row) < width and pos < len(lines):
        if not lines[pos]:
            row.append((pos, None))
            pos += 1
            continue
        if lone_month(lines[pos]):
            break
        value = _VALUE.match(lines[pos]) if lines[pos].strip() else None
        if lines[pos].strip() and value is None:
            break
        row.append((pos, value))
        pos += 2 if pos + 1 < len(lines) and not lines[pos + 1] else 1
    ahead = next((p for p in range(pos, min(len(lines), pos + 3)) if lines[p].strip()), None)
    ends = ahead is None or bool(lone_month(lines[ahead])) or not _VALUE.match(lines[ahead])
    if len(row) != width or not ends:
        while pos < len(lines) and not lone_month(lines[pos]) and (not lines[pos].strip() or _VALUE.match(lines[pos])):
            pos += 1  # on to the next month's row
        return None, pos
    return row, pos
