"""A plan of several bodies side by side, flattened: the column heads first, then rows of one date per column.

    Kommunstyrelsens / arbetsutskott / tisdagar kl.14.00 / i Prologen      column 1: its body, time and room
    Kommunstyrelsen / tisdagar kl.16.00 / i Debatten                       column 2
    30 januari   13 februari   6 mars                                      a row: one cell per column
    12 mars Å, månd   27 mars   17 april kl.16                             a cell's own time wins
    12 juni   -   -                                                        "-": no meeting in that column
    2 oktober / 9 oktober / 16 oktober / 25 oktober                        cells of two dates each, one a line

Each date takes its column's body and time. Lines of one date between two full rows are cells that held several
dates, read column by column: they are split evenly over the columns, each part rising and between the dates its
column has in the rows above and below; lines that split no such way end the table (left to the other readers).
"""

from __future__ import annotations

import re

from planner.extract.cues import COUNCIL
from planner.extract.months import month_number
from planner.extract.normalize import Doc, fold
from planner.extract.orgs import BODY
from planner.extract.tables import TableDate, year_above

# A column head's time line: "tisdagar kl.14.00", "kl 16.00", "Kommunstyrelsen torsdagar klockan 13.15" (OCR "kI").
# The time first: led by its literal "k" it is found by a fast scan; what stands before it on its line is checked next.
_HEAD_TIME = re.compile(r"k(?:[li1]\.?|lockan)[ \t]?(\d{1,2})[.:](\d\d)[ \t]*(?=\n|$)")
_HEAD_LEAD = re.compile(r"[ \t]*(?:[a-z -]{0,40}?[ \t])?")
_DATE = re.compile(r"(?<![\d/.])([0-3]?\d)\s{1,3}(januari|februari|mars|april|maj|juni|juli|augusti|september"
                   r"|oktober|november|december)")
_DASH = re.compile(r"(?<!\S)[-–—]{1,3}(?!\S)")
_OWN_TIME = re.compile(r"(?<![a-z])(?:k[li1]\.?|klockan)\s?(\d{1,2})(?:[.:](\d\d))?(?!\d)")
_TIME_LEAD = re.compile(r"\s*([a-z][a-z -]*?)\s+(?:[a-z]{3,6}dagar\s+)?(?:k[li1]\.?|klockan)\s?\d")
_PLACE = re.compile(r"(?:i|pa)\s[a-z]")  # "i Prologen": the column's room
MIN_COLUMNS, MAX_COLUMNS = 2, 6
MAX_HEAD_LINES = 3
MAX_NAME = 60
MAX_ROW = 120


def column_plans(doc: Doc) -> list[TableDate]:
    folded = doc.folded
    times = {}
    for hit in _HEAD_TIME.finditer(folded):
        line = doc.line_of(hit.start())
        if _HEAD_LEAD.fullmatch(folded, doc.starts[line], hit.start()):
            times[line] = hit
    if len(times) < MIN_COLUMNS:  # most texts: fewer than two lines that end in a time after no more than words
        return []
    found: list[TableDate] = []
    done = -1
    for line in sorted(times):
        for index in range(max(done + 1, line - 2 * MAX_HEAD_LINES), line):  # where a head's name may begin
            heads = _heads(doc, index, times)
            if heads is not None:
                columns, pos = heads
                found += _rows(doc, columns, pos, index)
                done = pos
                break
    return found


Column = tuple[str, str]  # the body's name, its "HH:MM"


def _heads(doc: Doc, first: int, times: dict[int, re.Match[str]]) -> tuple[list[Column], int] | None:
    """The column heads from line `first` on (each a body's name on up to three lines, its time line, a room line),
    and the line after them; None when fewer than two heads stand there."""
    columns: list[Column] = []
    pos = first
    while len(columns) < MAX_COLUMNS:
        name: list[str] = []
        while pos < len(doc.lines) and len(name) < MAX_HEAD_LINES:
            text = doc.lines[pos].strip()
            if not text:
                pos += 1
                continue
            if pos in times or any(c.isdigit() for c in text) or text.endswith((".", ":", ";")):
                break  # a time line ends the name; a sentence above the heads is none of it
            if name and _PLACE.match(fold(text)):
                break
            if not name and columns and _PLACE.match(fold(text)):
                pos += 1  # the room of the column before
                continue
            name.append(text)
            pos += 1
        hit = times.get(pos)
        if hit is not None and not name and (lead := _TIME_LEAD.match(doc.folded_line(pos))) is not None:
            name = [doc.lines[pos][:lead.end(1)]]  # "Kommunstyrelsen tisdagar kl 16.00": the head on one line
        label = " ".join(" ".join(name).split())
        if hit is None or not name or len(label) > MAX_NAME or not _names_body(label):
            break
        columns.append((label, f"{int(hit.group(1)):02d}:{hit.group(2)}"))
        pos += 1
    if len(columns) < MIN_COLUMNS:
        return None
    while pos < len(doc.lines) and (not doc.lines[pos].strip() or _PLACE.match(fold(doc.lines[pos].strip()))):
        pos += 1  # the last column's room
    return columns, pos


def _names_body(label: str) -> bool:
    folded = fold(label)
    return bool(BODY.search(folded) or COUNCIL.search(folded))


Cell = tuple[int, int, int, str | None, str]  # line, month, day, own time, own note


def _cells(doc: Doc, index: int) -> list[Cell | None] | None:
    """A row line's cells in order (None for "-"), or None when the line holds something else."""
    text = doc.folded_line(index)
    if len(text) > MAX_ROW:
        return None  # a sentence, no row
    marks: list[tuple[int, re.Match[str] | None]] = [
        (hit.start(), None) for hit in _DASH.finditer(text) for _ in hit.group(0)]
    marks += [(hit.start(), hit) for hit in _DATE.finditer(text)]
    marks.sort(key=lambda mark: mark[0])
    if not any(hit for _, hit in marks):
        return None
    cells: list[Cell | None] = []
    for k, (_, hit) in enumerate(marks):
        if hit is None:
            cells.append(None)
            continue
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        own = _OWN_TIME.search(text, hit.end(), end)
        start = f"{int(own.group(1)):02d}:{own.group(2) or '00'}" if own else None
        month = month_number(hit.group(2))
        if month is None or not 1 <= int(hit.group(1)) <= 31:
            return None
        note = doc.lines[index][hit.end():own.start() if own else end]
        cells.append((index, month, int(hit.group(1)), start, _note(note)))
    return cells


def _note(text: str) -> str:
    """A cell's words that say what the meeting is ("konstituerande"), without the page's letter codes ("DR", "Å")
    and short weekdays ("månd", "torsd")."""
    words = [w for w in re.split(r"[\s,;()]+", text) if len(w) >= 4 and w.isalpha() and w[0].islower()
             and not _SHORT_WEEKDAY.fullmatch(fold(w))]
    return " ".join(words)


_SHORT_WEEKDAY = re.compile(r"(?:man|tis|ons|tor|fre|lor|son)[a-z]{0,3}\.?")


def _rows(doc: Doc, columns: list[Column], pos: int, header: int) -> list[TableDate]:
    width = len(columns)
    year = year_above(doc, header)
    placed: list[tuple[int, Cell]] = []  # (column, cell)
    last: list[tuple[int, int] | None] = [None] * width  # each column's latest (month, day)
    pending: list[Cell] = []
    index = pos
    while index <= len(doc.lines):
        text = doc.lines[index].strip() if index < len(doc.lines) else ""
        if index < len(doc.lines) and not text:
            index += 1
            continue
        cells = _cells(doc, index) if index < len(doc.lines) else None
        full = cells is not None and len(cells) == width
        if cells is not None and len(cells) == 1 and cells[0] is not None:
            pending.append(cells[0])
            index += 1
            continue
        if pending:
            nxt: list[tuple[int, int] | None] = [None] * width
            if full and cells:
                nxt = [(c[1], c[2]) if c else None for c in cells]
            groups = _split(pending, last, nxt)
            if groups is None:
                break
            for column, group in enumerate(groups):
                placed += [(column, cell) for cell in group]
                last[column] = (group[-1][1], group[-1][2])
            pending = []
        if not full or cells is None:
            break
        for column, cell in enumerate(cells):
            if cell is not None:
                placed.append((column, cell))
                last[column] = (cell[1], cell[2])
        index += 1
    return [TableDate(line, header, month, day, own or columns[column][1],
                      f"{columns[column][0]} ({note})" if note else columns[column][0], year=year)
            for column, (line, month, day, own, note) in placed]


def _split(pending: list[Cell], before: list[tuple[int, int] | None], after: list[tuple[int, int] | None]
           ) -> list[list[Cell]] | None:
    """Single-date lines as the cells of a row that held several dates each: an even split, column by column."""
    width = len(before)
    if len(pending) % width:
        return None
    size = len(pending) // width
    groups = [pending[k * size:(k + 1) * size] for k in range(width)]
    for column, group in enumerate(groups):
        days = [(cell[1], cell[2]) for cell in group]
        low, high = before[column], after[column]
        if days != sorted(days) or (low and days[0] <= low) or (high and days[-1] >= high):
            return None
    return groups
