"""A web table of months as columns and a row per body, after OCR has lost its blank lines (rowgrids.py reads it
while they hold):

    Beslutsinstans / Jan / Feb / … / Klockan     the header: one month a line, blank lines or not
    Kommunstyrelsen / 14 / 4 / 27* / … / 08.30   a row: its label, then its days in order and its time

Without the blank lines a month with two days cannot be told from two months with one, and an empty cell is gone.
A row is read only when its days are one per month, or when, with more days than months, one split of them
(days rising within a month) puts the most dates on one weekday (tables._split, the body's meeting day).
"""

from __future__ import annotations

import re

from planner.extract.grids import TIME_LABEL
from planner.extract.normalize import Doc
from planner.extract.rowgrids import MAX_LABEL, MIN_MONTHS, line_months, may_hold_grid, month_of
from planner.extract.tables import TableDate, split_by_weekday, year_above

_DAY = re.compile(r"^(\d{1,2})\*{0,2}$")
_TIME = re.compile(r"^(?:kl\.?|klockan)?\s*(\d{1,2})[.:](\d\d)$", re.IGNORECASE)
MAX_VALUES = 30


def loose_grid_tables(doc: Doc, taken: set[int]) -> list[TableDate]:
    """Tables whose header line is not in `taken` (the header lines the strict readers have read)."""
    return _loose_grid_tables(doc, taken) if may_hold_grid(doc) else []


def _loose_grid_tables(doc: Doc, taken: set[int]) -> list[TableDate]:
    lines = [i for i, line in enumerate(doc.lines) if line.strip()]
    found: list[TableDate] = []
    k = 0
    while k < len(lines):
        months = _header(doc, lines, k)
        if months is None:
            k += 1
            continue
        run, timed = months
        if lines[k] in taken:  # read already, blank lines and all: not again from its second month
            k += len(run)
            continue
        header = lines[k]
        k += len(run) + timed
        year = year_above(doc, header)
        while k < len(lines):
            row, k = _row(doc, lines, k, timed)
            if row is None:
                break
            label, values, start = row
            groups: list[list[tuple[int, int | None]]] | None = [[v] for v in values] if len(values) == len(run) \
                else split_by_weekday(values, run, year)
            for month, group in zip(run, groups or [], strict=False):
                found += [TableDate(line, header, month, day, start, label, year=year) for line, day in group if day]
    return found


def _header(doc: Doc, lines: list[int], k: int) -> tuple[list[int], bool] | None:
    run: list[int] = []
    while k + len(run) < len(lines):
        month = line_months(doc).get(lines[k + len(run)])
        if month is None or (run and month <= run[-1]):
            break
        run.append(month)
    if len(run) < MIN_MONTHS:
        return None
    after = k + len(run)
    timed = after < len(lines) and bool(TIME_LABEL.match(doc.lines[lines[after]]))
    return run, timed


def _row(doc: Doc, lines: list[int], k: int, timed: bool
         ) -> tuple[tuple[str, list[tuple[int, int | None]], str | None] | None, int]:
    """(label, (line, day) values, time) of the row at k, and where the next one begins."""
    label = doc.lines[lines[k]].strip()
    if len(label) > MAX_LABEL or not any(c.isalpha() for c in label) or month_of([label]) or label.startswith("*"):
        return None, k
    values: list[tuple[int, int | None]] = []
    start = None
    k += 1
    while k < len(lines) and len(values) <= MAX_VALUES:
        text = doc.lines[lines[k]].strip()
        if day := _DAY.match(text):
            values.append((lines[k], int(day.group(1))))
        elif timed and (clock := _TIME.match(text)):
            start = f"{int(clock.group(1)):02d}:{clock.group(2)}"
        elif not text.startswith("*"):  # a footnote under the row ("*budget") belongs to it
            break
        k += 1
    if not values:
        return None, k
    return (label, values, start), k  # fewer days than months: a cell lost, the row is skipped by the caller
