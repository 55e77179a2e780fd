"""A month table flattened to one cell a line, each row led by its body:

    Kommunstyrelsen / januari / 12, 26 / februari / 9, 23 / inget i / mars / april / 6, 13, 20 / …
    Socialnämnden / januari / 19 / februari / – / mars / 16 / …

A web table whose cells repeat their column's month (for narrow screens) reads as the body's name, then each
month's name with its cell on the next line: the days of that month ("6, 13, 20"), or nothing, "-", "–" or
"inget i" (before or after the month's name) for a month without a meeting. Read as running text the days would
join the month on the line below ("26 / februari"), so each cell is read under the month above it. A row needs
three rising months, a table two such rows, the first with two filled cells; anything else is left to the other
readers.
"""

from __future__ import annotations

import re

from planner.extract.months import month_number
from planner.extract.normalize import Doc
from planner.extract.rowgrids import line_months
from planner.extract.tables import TableDate, year_above

MIN_MONTH_LINES = 6  # two rows of three months: a text with fewer lines of a month alone is not read
MIN_MONTHS = 3
MIN_FILLED = 2
MIN_ROWS = 2
MAX_LABEL = 60
_NOISE = " \t.:;,'"  # OCR's stray marks around a cell ("19 :", "juni .")
# A cell's days, and its own time if it gives one ("14 kl 13.00").
_CELL = re.compile(r"(?P<days>\d{1,2}(?:\s{0,2}(?:,|och|&)\s{0,2}\d{1,2}){0,5})\s{0,2},?"
                   r"(?:\s{0,2}(?:kl\.?|klockan)?\s{0,2}(?P<h>\d{1,2})[.:](?P<m>\d\d))?")
# A month without a meeting: a dash, or "inget i" / "ingen" (OCR may join "ingeti").
_NONE = re.compile(r"[-–—]|(?:inget|ingen|inga)(?:\s{0,2}[a-z]{1,12})?")


def cell_rows(doc: Doc) -> list[TableDate]:
    months = line_months(doc)
    return _tables(doc, months) if len(months) >= MIN_MONTH_LINES else []


def _tables(doc: Doc, months: dict[int, int]) -> list[TableDate]:
    lines = [i for i, line in enumerate(doc.lines) if line.strip()]
    found: list[TableDate] = []
    k = 0
    while k < len(lines):
        rows: list[tuple[int, str, list[tuple[int, int, re.Match[str]]]]] = []
        pos = k
        while pos < len(lines) and (row := _row(doc, lines, pos, months, MIN_FILLED if not rows else 0)) is not None:
            label, cells, next_pos = row
            rows.append((lines[pos], label, cells))
            pos = next_pos
        if len(rows) < MIN_ROWS:
            k += 1
            continue
        header = rows[0][0]
        year = year_above(doc, header)
        for _, label, cells in rows:
            for line, month, value in cells:
                start = f"{int(value.group('h')):02d}:{value.group('m')}" if value.group("h") else None
                for day in re.findall(r"\d{1,2}", value.group("days")):
                    if 1 <= int(day) <= 31:
                        found.append(TableDate(line, header, month, int(day), start, label, year=year))
        k = pos
    return found


def _row(doc: Doc, lines: list[int], pos: int, months: dict[int, int], filled_at_least: int
         ) -> tuple[str, list[tuple[int, int, re.Match[str]]], int] | None:
    """The label and filled cells (line, month, cell) of the row that begins at lines[pos], and where the next row
    begins; None when no such row starts there. Below a first row, a row may have fewer meetings, or none."""
    label = doc.lines[lines[pos]].strip()
    if len(label) > MAX_LABEL or lines[pos] in months or not any(c.isalpha() for c in label) \
            or _CELL.fullmatch(doc.folded_line(lines[pos]).strip()) or _NONE.fullmatch(label.lower()):
        return None
    k = pos + 1
    if label.endswith(("-", ",", " och")) and k < len(lines) and lines[k] not in months \
            and len(label) + len(doc.lines[lines[k]].strip()) <= MAX_LABEL:
        label = f"{label} {doc.lines[lines[k]].strip()}"  # "Barn- och / utbildningsnämnden": a name that wraps
        k += 1
    named: list[int] = []
    cells: list[tuple[int, int, re.Match[str]]] = []
    filled: set[int] = set()
    while k < len(lines):
        index = lines[k]
        text = doc.folded_line(index).strip(_NOISE)
        month = months.get(index) or _month(text)
        if month is not None:
            if named and month <= named[-1]:
                break
            named.append(month)
        elif _NONE.fullmatch(text):
            if named and named[-1] not in filled and not _next_is_month(lines, k, months):
                filled.add(named[-1])  # "januari / –": the month's cell says no meeting
        elif (cell := _CELL.fullmatch(text)) is not None and named and (
                named[-1] not in filled or _goes_on(cells, lines[k - 1], named[-1], cell)):
            filled.add(named[-1])
            cells.append((index, named[-1], cell))
        else:
            break
        k += 1
    if len(named) < MIN_MONTHS or len(cells) < filled_at_least:
        return None
    return " ".join(label.split()), cells, k


def _goes_on(cells: list[tuple[int, int, re.Match[str]]], previous: int, month: int, cell: re.Match[str]) -> bool:
    """"mars / 9 / 23": a cell whose days wrap onto the next line, later days of the same month."""
    if not cells or cells[-1][0] != previous or cells[-1][1] != month:
        return False
    first, last = re.findall(r"\d{1,2}", cell.group("days"))[0], re.findall(r"\d{1,2}", cells[-1][2].group("days"))[-1]
    return int(first) > int(last)


def _next_is_month(lines: list[int], k: int, months: dict[int, int]) -> bool:
    """"inget i / maj": the marker opens the next month's cell."""
    return k + 1 < len(lines) and lines[k + 1] in months


def _month(text: str) -> int | None:
    """A month's name alone once OCR's stray marks are cut ("juni .")."""
    return month_number(text, abbreviations=False) if text.isalpha() and len(text) <= 9 else None
