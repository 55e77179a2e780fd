"""Swedish wording of dates and items, shared by the SVG titles and the list beside the wheel."""

from __future__ import annotations

import datetime as dt
import re

from planner import labels
from planner.schedule import datefmt
from planner.wheel.geometry import MONTHS_SV, MONTHS_SV_SHORT
from planner.wheel.model import Item

WEEKDAYS_SV = tuple(name[:3] for name in datefmt.WEEKDAYS["sv"])  # "mån" … "sön"


def day_text(day: dt.date, with_year: bool = True) -> str:
    text = f"{WEEKDAYS_SV[day.weekday()]} {day.day} {MONTHS_SV[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def short_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SV_SHORT[day.month - 1]}"


def when_text(item: Item) -> str:
    """'fre 5 februari 2027, 09.30–12.00' or '22 feb – 26 feb 2027'."""
    if item.is_period:
        if item.start.year == item.end.year:
            return f"{short_day(item.start)} – {short_day(item.end)} {item.end.year}"
        return f"{short_day(item.start)} {item.start.year} – {short_day(item.end)} {item.end.year}"
    text = day_text(item.start)
    return f"{text}, {item.time}" if item.time else text


def item_title(item: Item) -> str:
    """The full sentence a tooltip and a screen reader get."""
    parts = [item.title, when_text(item)]
    if item.body and item.body not in item.title:
        parts.append(item.body)
    if item.location:
        parts.append(item.location)
    text = " · ".join(parts)
    if item.status != "confirmed":
        text += f" ({labels.status_label(item.status)})"
    return text


def kind_text(item: Item) -> str:
    return labels.kind_label(item.kind)


def is_generic_meeting(item: Item) -> bool:
    """A body's ordinary meeting ("Möte: Styrgruppen", "Styrgruppens möte"), whose ring already says
    whose it is: the printed list gives these as one line of dates."""
    if item.kind != "meeting":
        return False
    title = item.title.lower()
    if " med " in f" {title} ":
        return False
    if title.startswith("möte") or title.startswith("sammanträde"):
        return True
    if item.body is None:
        return False
    body = item.body.lower()
    return title == body or title in (f"{body}s möte", f"{body}s sammanträde", f"{body.removesuffix('en')}ens möte")


def short_title(item: Item) -> str:
    """What a label calls the item: an ordinary meeting by its body ("Möte: Styrgruppen" → "Styrgruppen")."""
    if not is_generic_meeting(item):
        return item.title
    rest = re.sub(r"^(möte|sammanträde)\s*(:|–|-)?\s*", "", item.title, flags=re.IGNORECASE).strip()
    return rest or item.body or item.title


def _clock(item: Item) -> str:
    """'9.30' or '13' (on the hour) for a meeting with a time, else ''."""
    if item.kind != "meeting" or not item.time:
        return ""
    start = item.time.split("–")[0].lstrip("0")
    return start.removesuffix(".00") or "0"


def mark_labels(item: Item) -> list[str]:
    """Labels for a mark, longest first: the layout takes the first that fits.

    Every one names the item: the date, a meeting's time, then the short title, cut at whole
    words with an ellipsis; a title cut below four letters says nothing and is not offered
    (the item is then counted in its month's "+N" and named in the lists).
    """
    day = f"{item.start.day}/{item.start.month}"
    clock = _clock(item)
    head = f"{day} {clock}" if clock else day
    title = short_title(item)
    words = title.split()
    out = [f"{head} {title}"]
    for n in range(len(words) - 1, 0, -1):
        kept = " ".join(words[:n]).rstrip(":,;–-")
        if len(kept.replace(" ", "")) >= 4:
            out.append(f"{head} {kept}…")
    if clock:
        out += [f"{day} {title}"] + [o.replace(f"{head} ", f"{day} ", 1) for o in out[1:]]
    return list(dict.fromkeys(out))


def mark_label(item: Item) -> str:
    """The full label beside a mark: '5/2 9.30 Styrgruppen', '13/11 Synpunkter på planen'."""
    return mark_labels(item)[0]
