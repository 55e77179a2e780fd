"""Table items: one meeting per day in a row's cell of a flattened month table (tables.py and its siblings)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from planner.extract import cues
from planner.extract.context import Context
from planner.extract.dockind import PLAN_WORDS
from planner.extract.normalize import Doc, fold
from planner.extract.ocrwords import repair_text
from planner.extract.orgs import BODY
from planner.extract.plantimes import body_times
from planner.extract.resolve import YearContext
from planner.extract.titles import body_meeting_title
from planner.extract.years import safe_date, weekday_fit_year


def items_from_tables(ctx: Context, tables: list, years: YearContext, doc_year: int | None) -> list[dict[str, Any]]:
    """A flattened month table, one item per day in a row's cell (tables.py)."""
    doc, body = ctx.doc, ctx.body
    items = []
    labels: dict[str, str] = {}  # a row's label as a person reads it, OCR damage repaired once per row
    fitted = _fitted_years(tables) if doc_year is None else {}
    for cell in tables:
        year = (cell.year or years.plan_year(cell.header) or years.year_for_line(cell.header) or doc_year
                or fitted.get(cell.header))
        date = safe_date(year, cell.month, cell.day) if year else None
        if date is None:
            continue
        if cell.label and cell.label not in labels:
            labels[cell.label] = repair_text(cell.label, ctx.lost_diacritics, ctx.pieces)
        title = labels[cell.label] if cell.label else body_meeting_title(_body_above(doc, cell.header) or body,
                                                                         "sammanträde")
        items.append({
            "kind": "meeting", "date": date.isoformat(), "end_date": None, "start": cell.start, "end": cell.end,
            "title": title, "location": None, "from": None, "to": None, "confidence": 0.6,
            "evidence": {"line": cell.line + 1, "text": doc.lines[cell.line].strip()[:300]},
        })
    body_times(ctx, items)  # "alla fullmäktigemöten börjar klockan 18.00": that body's rows
    return _same_time_joined(items)


def _same_time_joined(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of several bodies that meet on the same day at the same time are one proposal naming them all
    ("Socialnämnden, Tekniska nämnden"): the calendar keeps one event per day and time, and no body is lost."""
    kept: dict[tuple[str, str | None], dict[str, Any]] = {}
    out = []
    for item in items:
        key = (item["date"], item["start"])
        first = kept.get(key)
        if first is None:
            kept[key] = item
            out.append(item)
        elif item["title"] not in first["title"].split(", "):
            first["title"] = f"{first['title']}, {item['title']}"
    return out


def latest_year() -> int:
    """The latest year a plan that names none can be for: this year, the next, or one gone by."""
    return dt.date.today().year + 1


def _fitted_years(tables: list) -> dict[int, int | None]:
    """A table whose year nothing names is placed by the weekdays its bodies keep (years.weekday_fit_year)."""
    dates: dict[int, list[tuple[int, int]]] = {}
    for cell in tables:
        dates.setdefault(cell.header, []).append((cell.month, cell.day))
    latest = latest_year()
    return {header: weekday_fit_year(days, latest) for header, days in dates.items()}


def fold_into_tables(doc: Doc, items: list[dict[str, Any]], table_items: list[dict[str, Any]],
                      tables: list) -> list[dict[str, Any]]:
    """Items read from a table's own lines go (the table says it better); a note below that names a table date
    ("* LS 15 maj samt 23 okt, startar kl. 8.30") is that date, and gives it its time."""
    spans: dict[int, int] = {}
    for cell in tables:
        spans[cell.header] = max(spans.get(cell.header, cell.line), cell.line)
    inside = list(spans.items())
    shorts = {cell.label: cell.short for cell in tables if cell.short}
    by_date: dict[str, list[dict[str, Any]]] = {}
    for item in table_items:
        by_date.setdefault(item["date"], []).append(item)
    kept = []
    for item in items:
        line = item["evidence"]["line"] - 1
        if item["kind"] == "meeting" and any(a <= line <= b for a, b in inside):
            continue
        same = by_date.get(item["date"], []) if item["kind"] == "meeting" else []
        if same:
            text = fold(doc.lines[line])
            named = [t for t in same if _names(text, t, shorts)] or (same if len(same) == 1 else [])
            for table_item in named:
                if item["start"]:
                    table_item["start"], table_item["end"] = item["start"], item["end"] or table_item["end"]
            if named:
                continue
        kept.append(item)
    return kept


def _names(folded_line: str, item: dict[str, Any], shorts: dict[str, str]) -> bool:
    short = shorts.get(item["title"])
    return fold(item["title"]) in folded_line or bool(
        short and re.search(rf"(?<![a-z]){re.escape(fold(short))}(?![a-z])", folded_line))


def _body_above(doc: Doc, line: int) -> str | None:
    """The body a table stands under: the nearest short heading above that names one ("Kommunstyrelsen")."""
    for index in doc.prev_nonblank(line, 6):
        if body_heading(doc.lines[index]):
            return doc.lines[index].strip(" #*:\t")
    return None


@lru_cache(maxsize=4096)
def body_heading(line: str) -> bool:
    """A short line that is a body's name: "Kommunstyrelsen", "## Regionfullmäktige"."""
    text = line.strip(" #*:\t")
    folded = fold(text)
    if (named := _BODY_FOR.fullmatch(folded)) is not None and BODY.fullmatch(named.group(1)):
        return True  # "Utskottet för regional utveckling", "Arbetsgrupp för infrastruktur och kollektivtrafik"
    # "Barn-, utbildning- och kulturnämnden": the parts of a coordinated compound are one name
    if len([w for w in text.split() if not w.endswith(("-", "-,")) and w != "och"]) > 3:
        return False
    return bool((BODY.search(folded) or cues.COUNCIL.search(folded)) and not PLAN_WORDS.search(folded))


# A body named by what it is for: its word, "för", and the field (three words at most, "och" aside).
_BODY_FOR = re.compile(r"([a-z]{3,30}) for (?:[a-z-]{2,30},? ){0,3}(?:och [a-z-]{2,30} )?[a-z-]{2,30}")
