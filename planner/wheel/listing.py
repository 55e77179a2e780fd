"""The list beside the wheel: the same items, in date order, grouped by month, for every reader."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner import labels
from planner.wheel.geometry import MONTHS_SV, month_sectors, year_span
from planner.wheel.model import WheelData
from planner.wheel.text import kind_text, short_day, when_text

WEEKDAY_SHORT = ("mån", "tis", "ons", "tor", "fre", "lör", "sön")


@dataclass(frozen=True)
class MonthGroup:
    index: int
    name: str
    entries: list[dict[str, Any]]


def entries(data: WheelData, with_sources: bool = True) -> list[dict[str, Any]]:
    """One dict per mark on the wheel (items and public holidays), keyed as the SVG keys them."""
    ring_label = {r.key: r.label for r in data.rings}
    rows: list[dict[str, Any]] = []
    for item in data.items:
        if item.ring.startswith("chair-"):
            ring = f"Ordförande, {item.body}" if item.body else "Ordförande"
        elif item.ring == "holidays":
            ring = "Lov"
        else:
            ring = ring_label.get(item.ring, "")
        rows.append({
            "key": item.key, "ring": item.ring, "ring_label": ring, "title": item.title, "kind": item.kind,
            "kind_label": kind_text(item), "status": item.status, "status_label": labels.status_label(item.status),
            "start": item.start.isoformat(), "end": item.end.isoformat(), "when": when_text(item),
            "day": _day(item.start) if not item.is_period else f"{short_day(item.start)}–{short_day(item.end)}",
            "time": item.time or "", "body": item.body or "", "location": item.location or "",
            "source_url": item.source_url if with_sources else None, "source_label": item.source_label or "",
            "month": item.start.month,
        })
    for day in data.holidays:
        rows.append({
            "key": f"h{day.day:%Y%m%d}", "ring": "holidays", "ring_label": "Röda dagar", "title": day.name,
            "kind": "public_holiday", "kind_label": "Helgafton" if day.eve else "Röd dag", "status": "confirmed",
            "status_label": "", "start": day.day.isoformat(), "end": day.day.isoformat(),
            "when": f"{_day(day.day)} {day.day.year}", "day": _day(day.day), "time": "", "body": "", "location": "",
            "source_url": None, "source_label": "", "month": day.day.month,
        })
    for row in rows:  # the grey line under a title, composed once here rather than in the template
        parts = [row["kind_label"], row["time"], row["body"] if row["body"] not in row["title"] else "",
                 row["location"]]
        row["meta"] = " · ".join(p for p in parts if p)
        row["heading"] = heading(row["kind_label"], row["ring_label"])
    rows.sort(key=lambda r: (r["start"], r["kind"] != "public_holiday", r["time"], r["title"]))
    return rows


def heading(kind_label: str, ring_label: str) -> str:
    """The details box's kicker: "Möte · Styrgruppen", but "Lov" once, not "Lov · Lov"."""
    if not ring_label or ring_label.casefold().startswith(kind_label.casefold()[:4]):
        return kind_label
    return f"{kind_label} · {ring_label}"


def by_month(data: WheelData, rows: list[dict[str, Any]]) -> list[MonthGroup]:
    """Months in the wheel's order (an academic year starts in August), items under the month they begin."""
    span = year_span(data.year, data.first_month)
    groups = []
    for month in month_sectors(span):
        key = f"{month.start:%Y-%m}"
        groups.append(MonthGroup(month.index, f"{MONTHS_SV[month.index - 1].capitalize()} {month.start.year}",
                                 [r for r in rows if r["start"][:7] == key
                                  or (r["start"] < span.start.isoformat() and month.start == span.start)]))
    return groups


def _day(day) -> str:
    return f"{WEEKDAY_SHORT[day.weekday()]} {short_day(day)}"


def chair_rings(data: WheelData) -> list[tuple[str, str]]:
    """(ring key, label) of the chair rings, in the order the wheel draws them."""
    found: dict[str, str] = {}
    for span in data.chairs:
        found.setdefault(span.ring, f"Ordförande, {span.body}")
    for item in data.items:
        if item.ring.startswith("chair-"):
            found.setdefault(item.ring, f"Ordförande, {item.body}" if item.body else "Ordförande")
    return list(found.items())
