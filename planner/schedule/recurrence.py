"""Recurring series: Swedish phrases to RRULEs and back, and a series' occurrences in a window.

"första fredagen varje månad" is how a secretary says FREQ=MONTHLY;BYDAY=1FR. Occurrences are
computed in Stockholm wall-clock time, so 09.00 stays 09.00 across daylight saving changes.
Exceptions are EXDATEs (ISO date for all-day series, ISO datetime for timed ones) and override
rows (series_id + recurrence_id) that replace one occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

STOCKHOLM = ZoneInfo("Europe/Stockholm")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Stems match "fredag", "fredagen", "fredagar" and OCR-folded spellings ("lordag", "sondag").
DAY_STEMS = (("mandag", "måndag"), ("tisdag",), ("onsdag",), ("torsdag",), ("fredag",),
             ("lordag", "lördag"), ("sondag", "söndag"))
ORDINALS = {"första": 1, "forsta": 1, "1:a": 1, "andra": 2, "2:a": 2, "tredje": 3, "3:e": 3,
            "fjärde": 4, "fjarde": 4, "4:e": 4, "sista": -1, "näst sista": -2}
ORDINAL_WORDS = {v: k for k, v in reversed(list(ORDINALS.items()))}
SV_DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


class RecurrenceError(ValueError):
    """A phrase or rule planner cannot turn into a series; the message says what it understands."""


HELP = ('Skriv t.ex. "första fredagen varje månad", "sista torsdagen i varje månad", '
        '"varje måndag", "varannan onsdag", "varje månad", "varje år" eller en RRULE.')


def _day_code(word: str) -> str | None:
    word = word.lower()
    for code, stems in zip(DAY_CODES, DAY_STEMS, strict=True):
        if any(word.startswith(stem) for stem in stems):
            return code
    return None


def parse_rule(text: str) -> str:
    """A Swedish phrase (or an RRULE as such) to an RRULE string without the 'RRULE:' prefix."""
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise RecurrenceError("ingen upprepning angiven")
    if phrase.upper().startswith(("FREQ=", "RRULE:")):
        rule = phrase.upper().removeprefix("RRULE:")
        try:
            rrulestr(rule, dtstart=dt.datetime(2020, 1, 1))
        except (ValueError, TypeError) as exc:
            raise RecurrenceError(f"ogiltig RRULE: {exc}") from exc
        return rule
    until = ""
    m = re.search(r"\s+(?:till och med|t\.o\.m\.?|tom|till)\s+(\d{4}-\d{2}-\d{2})$", phrase)
    if m:
        until = f";UNTIL={m.group(1).replace('-', '')}"
        phrase = phrase[: m.start()]
    ordinal = next((n for word, n in sorted(ORDINALS.items(), key=lambda kv: -len(kv[0]))
                    if phrase.startswith(word + " ")), None)
    words = phrase.split()
    if ordinal is not None and re.search(r"\bvarje månad$|\bi månaden$|\bvarje manad$", phrase):
        day_word = words[2] if phrase.startswith("näst sista") else words[1]
        code = _day_code(day_word)
        if code:
            return f"FREQ=MONTHLY;BYDAY={ordinal}{code}{until}"
    if words[0] in ("varje", "varannan", "var") and len(words) >= 2:
        interval = 2 if words[0] == "varannan" else 1
        rest = words[1:]
        if words[0] == "var" and rest[0] in ("tredje", "fjärde"):
            interval = {"tredje": 3, "fjärde": 4}[rest[0]]
            rest = rest[1:]
        step = f";INTERVAL={interval}" if interval > 1 else ""
        if rest and rest[0] in ("vecka", "veckan"):
            return f"FREQ=WEEKLY{step}{until}"
        if rest and rest[0] in ("månad", "manad"):
            return f"FREQ=MONTHLY{step}{until}"
        if rest and rest[0] in ("år", "ar"):
            return f"FREQ=YEARLY{step}{until}"
        if rest and rest[0] in ("dag", "vardag"):
            return f"FREQ=DAILY{step}{until}" if rest[0] == "dag" else f"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR{until}"
        if rest and (code := _day_code(rest[0])):
            return f"FREQ=WEEKLY{step};BYDAY={code}{until}"
    raise RecurrenceError(f'förstår inte "{text}". {HELP}')


def describe_rule(rule: str | None) -> str:
    """The Swedish phrase for the rules parse_rule makes; other rules are shown as they are."""
    if not rule:
        return ""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq, interval, byday = parts.get("FREQ"), int(parts.get("INTERVAL", "1")), parts.get("BYDAY", "")
    tail = ""
    if "UNTIL" in parts:
        u = parts["UNTIL"][:8]
        tail = f" till och med {u[:4]}-{u[4:6]}-{u[6:8]}"
    m = re.fullmatch(r"(-?\d)(MO|TU|WE|TH|FR|SA|SU)", byday)
    if freq == "MONTHLY" and m and interval == 1:
        day = SV_DAYS[DAY_CODES.index(m.group(2))]
        return f"{ORDINAL_WORDS.get(int(m.group(1)), m.group(1))} {day}en varje månad{tail}"
    if freq == "WEEKLY" and byday in DAY_CODES:
        return f"{'varannan' if interval == 2 else 'varje'} {SV_DAYS[DAY_CODES.index(byday)]}{tail}"
    if freq == "WEEKLY" and byday == "MO,TU,WE,TH,FR":
        return f"varje vardag{tail}"
    names = {"DAILY": "dag", "WEEKLY": "vecka", "MONTHLY": "månad", "YEARLY": "år"}
    if freq in names and not byday:
        return f"{'varannan' if interval == 2 else 'varje'} {names[freq]}{tail}"
    return rule


@dataclass(frozen=True)
class Occurrence:
    """One instance of an event: a series' generated one, an override, or a single event."""

    event: Any  # planner.models.Event
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    key: str  # ISO of the series occurrence this stands for (EXDATE / RECURRENCE-ID value)
    override: bool = False

    @property
    def day(self) -> dt.date:
        return self.start.astimezone(STOCKHOLM).date() if isinstance(self.start, dt.datetime) else self.start


def occurrence_key(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(STOCKHOLM).isoformat()
    return value.isoformat()


def _local_day(key: str) -> str:
    if len(key) > 10:
        try:
            value = dt.datetime.fromisoformat(key)
        except ValueError:
            return key[:10]
        if value.tzinfo is not None:
            return value.astimezone(STOCKHOLM).date().isoformat()
    return key[:10]


def _same_key(a: str, b: str) -> bool:
    """Exceptions name the occurrence's day (Stockholm), so they survive a change of the series' time."""
    return _local_day(a) == _local_day(b)


def series_starts(rule: str, first: dt.datetime | dt.date, window_start: dt.date,
                  window_end: dt.date, limit: int = 1000) -> list[dt.datetime | dt.date]:
    """Starts of a rule within [window_start, window_end] (dates, inclusive), at most `limit`."""
    timed = isinstance(first, dt.datetime)
    local_first = first.astimezone(STOCKHOLM).replace(tzinfo=None) if timed else \
        dt.datetime.combine(first, dt.time())
    rule = re.sub(r"UNTIL=(\d{8})(?!T)", r"UNTIL=\1T235959", rule)
    rr = rrulestr(rule, dtstart=local_first)
    lo = dt.datetime.combine(window_start, dt.time())
    hi = dt.datetime.combine(window_end, dt.time(23, 59, 59))
    starts: list[dt.datetime | dt.date] = []
    for value in rr.xafter(lo - dt.timedelta(seconds=1), inc=True):
        if value > hi or len(starts) >= limit:
            break
        starts.append(value.replace(tzinfo=STOCKHOLM) if timed else value.date())
    return starts


def occurrences(event: Any, window_start: dt.date, window_end: dt.date) -> list[Occurrence]:
    """What a calendar shows for one event in a window: single, series minus exceptions, overrides."""
    first = event.start_at if not event.all_day else event.start_date
    if first is None:
        return []
    if event.all_day:
        length: dt.timedelta = (event.end_date or event.start_date) - event.start_date
    else:
        length = (event.end_at or event.start_at) - event.start_at
    if not event.rrule:
        end = event.end_at if not event.all_day else event.end_date
        occ = Occurrence(event, first, end, occurrence_key(first))
        last = end if event.all_day else (end or first)
        last_day = last if isinstance(last, dt.date) and not isinstance(last, dt.datetime) else \
            last.astimezone(STOCKHOLM).date()
        return [occ] if occ.day <= window_end and last_day >= window_start else []
    skipped = list(event.exdates or [])
    overrides = {o.recurrence_id: o for o in getattr(event, "overrides", []) if o.recurrence_id}
    result = []
    for start in series_starts(event.rrule, first, window_start, window_end):
        key = occurrence_key(start)
        if any(_same_key(key, x) for x in skipped):
            continue
        override = next((o for k, o in overrides.items() if _same_key(key, k)), None)
        if override is not None:
            o_start = override.start_date if override.all_day else override.start_at
            o_end = override.end_date if override.all_day else override.end_at
            result.append(Occurrence(override, o_start, o_end, key, override=True))
        else:
            end = start + length if not event.all_day else start + length
            result.append(Occurrence(event, start, end, key))
    return result
