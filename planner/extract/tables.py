"""Meeting-plan tables flattened into text: a header row of months, then one row per body.

    Nämnd Tid Jan Feb Mars April Maj Juni
    KF 18:00 30 27 27 24 29 19(13.00)
    KSAU, beslut 08:30 11,25  1, 15  15,29  12,26 10,24  7, 21

A row is read only when it has exactly one cell per month (a cell may list several days, "-" is
none); a row that lost or gained a cell is left alone rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, repeat

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
    short: str = ""  # the label as the table wrote it, when a glossary expanded it
    year: int | None = None  # the year of the heading above, where the table's reader looked for one
    end: str | None = None


def month_tables(doc: Doc) -> list[TableDate]:
    # Both readers need three month words: a header line's, or three lines of a month alone (each of those begins
    # with an abbreviation at a word start too). A text with fewer (many) is not read further.
    starts = _month_starts(doc.folded)
    return _month_tables(doc, starts) if len(starts) >= 3 else []


def _month_tables(doc: Doc, starts: list[int]) -> list[TableDate]:
    found: list[TableDate] = []
    # Month words per line (the line after each one's start, by a C-level bisect: line_of without a call per word).
    after = Counter(map(bisect_right, repeat(doc.starts), starts))
    for index in sorted(line - 1 for line, n in after.items() if n >= 3):
        if len(doc.lines[index]) > 160:
            continue
        months = _header_months(doc.folded_line(index))
        if months:
            found += _rows(doc, index, months)
    if lone_month_lines(doc.folded) >= 3:
        found += _month_columns(doc)
    return found


_VALUE = re.compile(r"^(?:-|(?P<days>\d{1,2}(?::?[ae])?\*?(?:\s{0,2}(?:,|och|-|–)\s{0,2}\d{1,2}(?::?[ae])?\*?)*)"
                    r"(?:\s{0,3}(?:kl\.?|klockan)?\s{0,2}(?:(?P<h>\d{1,2})[.:](?P<m>\d\d)|xx[.:]xx))?)$")


def _month_columns(doc: Doc) -> list[TableDate]:
    """A table flattened column by column: the months one per line, then one value per month ("16:e kl. 10.00", "-").

    A month with two meetings gives two values; which months they belong to is read from the body's weekday
    (see _split). "Juli … December" right after "Januari … Juni"'s values is the same table's second half.
    """
    lines = [i for i, line in enumerate(doc.lines) if line.strip()]
    found: list[TableDate] = []
    k = 0
    last_month, last_header, last_end = 0, -1, -1
    while k < len(lines):
        run: list[tuple[int, int]] = []  # (line index, month)
        while k + len(run) < len(lines):
            if len(doc.lines[lines[k + len(run)]]) > 14:
                break
            month = lone_month(doc.folded_line(lines[k + len(run)]))
            if month is None or (run and month <= run[-1][1]):
                break
            run.append((lines[k + len(run)], month))
        if len(run) < 3:
            k += max(1, len(run))
            continue
        header = last_header if run[0][1] == last_month + 1 and k == last_end else run[0][0]
        values, parsed = [], []
        for index in lines[k + len(run):k + len(run) + MAX_VALUES]:
            value = _VALUE.match(doc.folded_line(index).strip())
            if value is None:
                break
            values.append(index)
            parsed.append(value)
        year = year_above(doc, header)
        groups = _split(parsed, [month for _, month in run], year)
        if groups is None:
            k += len(run)
            continue
        for (_, month), group in zip(run, groups, strict=True):
            for index, value in group:
                start = f"{int(value.group('h')):02d}:{value.group('m')}" if value.group("h") else None
                for day in _days(value):
                    found.append(TableDate(values[index], header, month, day, start, "", year=year))
        k += len(run) + len(values)
        last_month, last_header, last_end = run[-1][1], header, k
    return found


def lone_month(text: str) -> int | None:
    """A line that is a month's name and nothing else ("Januari", "mars:"): a table's row or column head."""
    word = text.strip(" \t:").lower()
    return month_number(word, abbreviations=False) if word.isalpha() else None


MAX_VALUES = 16
_HEADING_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def year_above(doc: Doc, line: int) -> int | None:
    """The year of the nearest short heading above a table ("Sammanträdestider 2018")."""
    for index in range(line, max(-1, line - 60), -1):
        text = doc.folded_line(index)
        hit = _HEADING_YEAR.search(text) if len(text.split()) <= 5 else None
        if hit:
            return int(hit.group(1))
    return None


def _split(values: list[re.Match[str]], months: list[int], year: int | None
           ) -> list[list[tuple[int, re.Match[str]]]] | None:
    """The values of a column table, grouped per month: one each, or the split split_by_weekday finds."""
    if len(values) == len(months):
        return [[pair] for pair in enumerate(values)]
    firsts: list[tuple[int, int | None]] = [(k, next(iter(_days(value)), None)) for k, value in enumerate(values)]
    groups = split_by_weekday(firsts, months, year)
    return None if groups is None else [[(k, values[k]) for k, _ in group] for group in groups]


MAX_EXTRA = 6  # more values than months by at most this: the splits to weigh stay a few thousand


def split_by_weekday(values: Sequence[tuple[int, int | None]], months: list[int], year: int | None
                     ) -> list[list[tuple[int, int | None]]] | None:
    """(key, day) values in order grouped per month, with more values than months: the one split (days rising
    within a month, a dayless "-" alone) whose dates fall most often on one weekday, the body's meeting day."""
    if year is None or not len(months) < len(values) <= len(months) + MAX_EXTRA or len(values) > 2 * len(months):
        return None
    best: list[tuple[int, list[list[tuple[int, int | None]]]]] = []
    for cuts in combinations(range(1, len(values)), len(months) - 1):
        bounds = [0, *cuts, len(values)]
        groups = [list(values[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        weekdays = _weekdays(groups, months, year)
        if weekdays is not None:
            best.append((max(Counter(weekdays).values(), default=0), groups))
    best.sort(key=lambda pair: -pair[0])
    if not best or len(best) > 1 and best[0][0] == best[1][0]:
        return None  # no split, or two that fit the weekday equally well: leave it to a person
    return best[0][1]


def _days(value: re.Match[str]) -> list[int]:
    """"4, 25" → 4 and 25; a period "19:e-21:a" is its first day."""
    return [int(d) for d in re.findall(r"(?<![-–\d])\d{1,2}", re.sub(r"\s+(?=[-–])|(?<=[-–])\s+", "",
                                                                  value.group("days") or ""))]


def _weekdays(groups: list[list[tuple[int, int | None]]], months: list[int], year: int) -> list[int] | None:
    weekdays = []
    for month, group in zip(months, groups, strict=True):
        days = [day for _, day in group if day is not None]
        if len(group) > 1 and (len(days) != len(group) or days != sorted(set(days))):
            return None  # a "-" shares its month with nothing, and days rise within a month
        for day in days:
            try:
                weekdays.append(dt.date(year, month, day).weekday())
            except ValueError:
                return None
    return weekdays


_LONE_MONTH = re.compile(r"^[ \t]*(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
                         r"|december)[ \t:]*$", re.MULTILINE)
# The same after the newline that opens its line, which the engine finds as a character (see grids._YEAR_CELL_BELOW).
_LONE_MONTH_BELOW = re.compile(r"\n[ \t]*(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
                               r"|november|december)[ \t:]*$", re.MULTILINE)


def lone_month_lines(folded: str) -> int:
    """How many lines are a month's name alone (_LONE_MONTH's matches)."""
    return bool(_LONE_MONTH.match(folded)) + len(_LONE_MONTH_BELOW.findall(folded))


# The word-start check after the letters, not before them: a pattern led by literals is searched for by its first
# letters instead of being tried at every position (the same matches, 2.5 times as fast).
_MONTHISH = re.compile(r"(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)(?<![a-z]...)")


_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _month_starts(folded: str) -> list[int]:
    """Where _MONTHISH matches, unsorted: one substring search per abbreviation is faster than the regex's scan (no
    two matches overlap: a word start inside another match has a letter before it)."""
    found = []
    for abbreviation in _ABBREVIATIONS:
        at = folded.find(abbreviation)
        while at != -1:
            if not at or folded[at - 1] not in _LETTERS:
                found.append(at)
            at = folded.find(abbreviation, at + 3)
    return found


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
