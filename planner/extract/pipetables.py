"""Meeting plans as pipe tables (web pages saved as Markdown, wiki tables): months as columns, a row per body.

    Organ | Tid | Jan | Feb | Mars | …
    ---|---|---|---|---|
    Kommunfullmäktige | 13.00 | 10* | 7 | 7 | …
    Politiska gruppmötet | 15.00-16.30 | 10 | 7 | - | …
    Allmänna utskottet | 8.00 | 11*,25 | 8*,22 | …

The header's first cell names the rows, a "Tid" column gives each row's time, and a cell lists the month's
days ("-" is none, stars point at footnotes). A row is read only when it has one cell per column; after OCR a
row that wrapped onto the next line is joined first, and a bracket read for a bar counts as the bar.
"""

from __future__ import annotations

import re

from planner.extract.grids import TIME_LABEL
from planner.extract.months import month_number
from planner.extract.normalize import Doc, fold
from planner.extract.tables import TableDate, year_above

_BAR = re.compile(r"\s*[|\]}{[]\s*")
_SEPARATOR = re.compile(r"^[\s|:\-–—]*$")
_DAYS = re.compile(r"^(?:[-–—]|\d{1,2}\**(?:\s?,\s?\d{1,2}\**)*)?$")
_DAY = re.compile(r"\d{1,2}")
_SPAN = re.compile(r"^[-–]?(?:kl\.?\s*)?(\d{1,2})[.:](\d\d)(?:\s*[-–]\s*(\d{1,2})[.:](\d\d))?$", re.IGNORECASE)
MIN_MONTHS = 3
MAX_ROWS = 60
MAX_LABEL = 60
MAX_STRAYS = 2


def pipe_tables(doc: Doc) -> list[TableDate]:
    # A header line holds MIN_MONTHS bars at least, and a table of month rows a header with two and MIN_MONTHS rows
    # with one each: a text with fewer bars (most) has neither (the text is its lines joined).
    return _pipe_tables(doc) if doc.original.count("|") >= MIN_MONTHS else []


def _pipe_tables(doc: Doc) -> list[TableDate]:
    found: list[TableDate] = []
    index = 0
    while index < len(doc.lines):
        if doc.lines[index].count("|") >= MIN_MONTHS and (header := _header(doc, index)) is not None:
            columns, pos = header
            rows, index = _rows(doc, index, columns, pos)  # on from the table's end: its rows are no headers
            found += rows
            continue
        if doc.lines[index].count("|") >= 2 and (turned := _month_rows(doc, index)) is not None:
            rows, index = turned
            found += rows
            continue
        index += 1
    return found


def _month_rows(doc: Doc, header: int) -> tuple[list[TableDate], int] | None:
    """The other orientation: a column per body, a row per month ("| Månad | Styrelse | AU |" / "| Januari | 23 | 9 |").

    Read only when three months or more lead their rows in order and every row has one cell per column."""
    columns = _cells(doc.lines[header])
    if len(columns) < 2 or _month(columns[0]) or any(_month(c) for c in columns[1:]):
        return None
    times = {k for k, cell in enumerate(columns) if k and TIME_LABEL.match(fold(cell))}
    year = year_above(doc, header)
    rows: list[tuple[int, int, list[str]]] = []
    pos = header + 1
    while pos < len(doc.lines) and len(rows) < MAX_ROWS and "|" in doc.lines[pos]:
        cells = _cells(doc.lines[pos])
        if not _SEPARATOR.match(doc.lines[pos]):
            month = _month(cells[0])
            if not month or len(cells) != len(columns) or (rows and month <= rows[-1][1]) \
                    or not all(_DAYS.match(c) for k, c in enumerate(cells[1:], 1) if k not in times):
                break
            rows.append((pos, month, cells))
        pos += 1
    if len(rows) < MIN_MONTHS:
        return None
    found = []
    for line, month, cells in rows:
        span = next((hit for k in times if (hit := _SPAN.match(cells[k]))), None)
        start = f"{int(span.group(1)):02d}:{span.group(2)}" if span else None
        end = f"{int(span.group(3)):02d}:{span.group(4)}" if span and span.group(3) else None
        for k, cell in enumerate(cells[1:], 1):
            if k not in times:
                found += [TableDate(line, header, month, int(day), start, columns[k], year=year, end=end)
                          for day in _DAY.findall(cell)]
    return found, pos


def _cells(text: str) -> list[str]:
    return [cell.strip().strip("'\"`") for cell in _BAR.split(text.strip().strip("|]}{[").strip())]


def _header(doc: Doc, index: int) -> tuple[list[tuple[str, int | None]], int] | None:
    """The header's columns ("label", "time", "month" with its number) and the line after it."""
    cells = _cells(doc.lines[index])
    pos = index + 1
    # A header that wrapped after OCR: the next line goes on with months ("November | December |").
    while pos < len(doc.lines) and (more := _cells(doc.lines[pos])) and all(_month(c) for c in more):
        cells += more
        pos += 1
    months = [_month(cell) for cell in cells]
    named = [m for m in months if m]
    if len(named) < MIN_MONTHS or named != sorted(set(named)) or months[0] is not None:
        return None
    columns: list[tuple[str, int | None]] = []
    for k, (cell, month) in enumerate(zip(cells, months, strict=True)):
        if month:
            columns.append(("month", month))
        elif k and TIME_LABEL.match(fold(cell)):
            columns.append(("time", None))
        else:
            columns.append(("label" if k == 0 else "other", None))
    return columns, pos


def _month(cell: str) -> int | None:
    word = fold(cell).strip(" -–.:")
    return month_number(word) if word.isalpha() else None


def _rows(doc: Doc, header: int, columns: list[tuple[str, int | None]], pos: int) -> tuple[list[TableDate], int]:
    found: list[TableDate] = []
    year = year_above(doc, header)
    end = min(len(doc.lines), pos + MAX_ROWS)
    strays = 0
    while pos < end:
        text = doc.lines[pos]
        first = pos
        pos += 1
        if not text.strip() or _SEPARATOR.match(text):
            continue
        if "|" not in text:
            strays += 1
            if strays > MAX_STRAYS:  # the table has ended; one or two lines of OCR noise have not
                break
            continue
        cells = _cells(text)
        # A row that wrapped: lines that start with a day or a bar go on with it until it is full.
        while len(cells) < len(columns) and pos < end and re.match(r"\s*[\d|\-–]", doc.lines[pos]):
            cells += _cells(doc.lines[pos])
            pos += 1
        dates = [] if len(cells) != len(columns) or not cells[0] or len(cells[0]) > MAX_LABEL or _month(cells[0]) \
            else _row(first, header, columns, cells, year)
        if not dates and _header(doc, first) is not None:
            return found, first  # the next table's header ("Organ | Juli | Augusti …"): the caller reads it
        found += dates
    return found, pos


def _row(line: int, header: int, columns: list[tuple[str, int | None]], cells: list[str],
         year: int | None) -> list[TableDate]:
    start = end = None
    for (role, _), cell in zip(columns, cells, strict=True):
        if role == "time" and (hit := _SPAN.match(cell)):
            start = f"{int(hit.group(1)):02d}:{hit.group(2)}"
            end = f"{int(hit.group(3)):02d}:{hit.group(4)}" if hit.group(3) else None
    dates = []
    for (role, month), cell in zip(columns, cells, strict=True):
        if role != "month" or not cell:
            continue
        if not _DAYS.match(cell):
            return []  # a cell that is not days: not a row of this table
        dates += [TableDate(line, header, month or 0, int(day), start, cells[0], year=year, end=end)
                  for day in _DAY.findall(cell)]
    return dates
