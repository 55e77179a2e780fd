"""Meeting-plan tables flattened into text: a header row of months, then one row per body.

    Nämnd Tid Jan Feb Mars April Maj Juni
    KF 18:00 30 27 27 24 29 19(13.00)
    KSAU, beslut 08:30 11,25  1, 15  15,29  12,26 10,24  7, 21

A row is read only when it has exactly one cell per month (a cell may list several days, "-" is
none); a row that lost or gained a cell is left alone rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

from planner.extract.months import month_number
from planner.extract.normalize import Doc

_TOKEN = re.compile(r"[a-z]+")
_TIME = re.compile(r"^(\d{1,2})[:.](\d\d)$")
_CELL = re.compile(r"-|\d{1,2}(?:\s?\(\d{1,2}[.:]\d\d\))?(?:\s{0,2},\s{0,2}\d{1,2}(?:\s?\(\d{1,2}[.:]\d\d\))?)*")
_DAY = re.compile(r"(\d{1,2})(?:\s?\((\d{1,2})[.:](\d\d)\))?")
MAX_ROWS = 40


@dataclass
class TableDate:
    line: int
    header: int
    month: int
    day: int
    start: str | None
    label: str


def month_tables(doc: Doc) -> list[TableDate]:
    found: list[TableDate] = []
    # Month words per line (the line after each one's start, by a C-level bisect: line_of without a call per word).
    after = Counter(map(bisect_right, repeat(doc.starts), [m.start() for m in _MONTHISH.finditer(doc.folded)]))
    for index in sorted(line - 1 for line, n in after.items() if n >= 3):
        if len(doc.lines[index]) > 160:
            continue
        months = _header_months(doc.folded_line(index))
        if months:
            found += _rows(doc, index, months)
    if len(_LONE_MONTH.findall(doc.folded)) >= 3:
        found += _month_columns(doc)
    return found


_VALUE = re.compile(r"^(?:-|(?P<days>\d{1,2}(?::?[ae])?\*?(?:\s{0,2}(?:,|och)\s{0,2}\d{1,2}(?::?[ae])?\*?)*)"
                    r"(?:\s{0,3}(?:kl\.?|klockan)?\s{0,2}(?:(?P<h>\d{1,2})[.:](?P<m>\d\d)|xx[.:]xx))?)$")


def _month_columns(doc: Doc) -> list[TableDate]:
    """A table flattened column by column: the months one per line, then one value per month ("16:e kl. 10.00", "-")."""
    lines = [i for i, line in enumerate(doc.lines) if line.strip()]
    found: list[TableDate] = []
    k = 0
    while k < len(lines):
        run = []
        while k + len(run) < len(lines):
            if len(doc.lines[lines[k + len(run)]]) > 14:
                break
            word = doc.folded_line(lines[k + len(run)]).strip(" \t:")
            month = month_number(word, abbreviations=False) if word.isalpha() else None
            if month is None or (run and month <= run[-1][1]):
                break
            run.append((lines[k + len(run)], month))
        if len(run) < 3:
            k += max(1, len(run))
            continue
        values = lines[k + len(run):k + 2 * len(run)]
        parsed = [_VALUE.match(doc.folded_line(i).strip()) for i in values]
        if len(values) == len(run) and all(parsed):
            for (_, month), index, value in zip(run, values, parsed, strict=True):
                start = f"{int(value.group('h')):02d}:{value.group('m')}" if value.group("h") else None
                for day in re.findall(r"\d{1,2}", value.group("days") or ""):
                    found.append(TableDate(index, run[0][0], month, int(day), start, ""))
            k += 2 * len(run)
        else:
            k += len(run)
    return found


_LONE_MONTH = re.compile(r"^[ \t]*(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
                         r"|december)[ \t:]*$", re.MULTILINE)
_MONTHISH = re.compile(r"(?<![a-z])(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)")


def _header_months(folded: str) -> list[int]:
    if len(_MONTHISH.findall(folded)) < 3:  # a cheap test before reading every word
        return []
    words = _TOKEN.findall(folded)
    months = [month_number(w) for w in words]
    named = [m for m in months if m]
    if len(named) < 3 or len(named) * 2 < len(words) or named != sorted(named) or len(set(named)) != len(named):
        return []
    return named


def _rows(doc: Doc, header: int, months: list[int]) -> list[TableDate]:
    found: list[TableDate] = []
    blanks = 0
    for index in range(header + 1, min(len(doc.lines), header + 1 + MAX_ROWS)):
        text = doc.lines[index].strip()
        if not text:
            blanks += 1
            if blanks > 2:
                break
            continue
        blanks = 0
        if _header_months(doc.folded_line(index)):
            break
        row = _row(text)
        if row is None:
            continue
        label, start, cells = row
        if len(cells) != len(months):
            continue
        for month, cell in zip(months, cells, strict=True):
            if cell == "-":
                continue
            for day in _DAY.finditer(cell):
                own = f"{int(day.group(2)):02d}:{day.group(3)}" if day.group(2) else None
                found.append(TableDate(index, header, month, int(day.group(1)), own or start, label))
    return found


def _row(text: str) -> tuple[str, str | None, list[str]] | None:
    """A row's label (its leading words), the row's time if one follows, and its cells."""
    tokens = text.split()
    label: list[str] = []
    while tokens and any(c.isalpha() for c in tokens[0]) and tokens[0] != "-":
        label.append(tokens.pop(0))
    if not label or len(label) > 4:
        return None
    start = None
    if tokens and (hit := _TIME.match(tokens[0])):
        start = f"{int(hit.group(1)):02d}:{hit.group(2)}"
        tokens.pop(0)
    rest = " ".join(tokens)
    cells = _CELL.findall(rest)
    if not cells or _CELL.sub("", rest).strip(" ,"):
        return None
    return " ".join(label).rstrip(","), start, cells
