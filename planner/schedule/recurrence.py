"""Recurring series: Swedish phrases to RRULEs and back, and a series' occurrences in a window.

"första fredagen varje månad" is how a secretary says FREQ=MONTHLY;BYDAY=1FR. Occurrences are
computed in Stockholm wall-clock time, so 09.00 stays 09.00 across daylight saving changes.
Exceptions are EXDATEs (ISO date for all-day series, ISO datetime for timed ones) and override
rows (series_id + recurrence_id) that replace one occurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dateutil.rrule import rrulestr

from planner.schedule.datefmt import STOCKHOLM
from planner.schedule.rrule_limits import DEFAULT_MAX_COUNT, rule_parts, rule_problem, too_fine

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


def parse_rule(text: str, max_count: int = DEFAULT_MAX_COUNT) -> str:
    """A Swedish phrase (or an RRULE as such) to an RRULE string without the 'RRULE:' prefix.

    An RRULE past the limits of planner.schedule.rrule_limits (finer than daily, more than one
    occurrence a day, COUNT above `max_count`) is refused like an unreadable one.
    """
    compact = "".join(text.split()).upper()  # an RRULE keeps its commas: BYDAY=MO,WE is two days
    if compact.startswith(("FREQ=", "RRULE:")):
        rule = compact.removeprefix("RRULE:")
        if (problem := rule_problem(rule_parts(rule), max_count)) is not None:
            raise RecurrenceError(problem)
        try:
            rrulestr(rule, dtstart=dt.datetime(2020, 1, 1))
        except (ValueError, TypeError) as exc:
            raise RecurrenceError(f"ogiltig RRULE: {exc}") from exc
        return rule
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise RecurrenceError("ingen upprepning angiven")
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

    event: Any  # planner.models.Event, or a row with its columns
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None
    key: str  # ISO of the series occurrence this stands for (EXDATE / RECURRENCE-ID value)
    override: bool = False

    @property
    def day(self) -> dt.date:
        return local_day(self.start)

    @property
    def last_day(self) -> dt.date:
        """The last Stockholm day it occupies; a meeting ending at midnight does not reach the next day."""
        if self.end is None or self.end <= self.start:
            return self.day
        if isinstance(self.end, dt.datetime):
            return local_day(self.end - dt.timedelta(microseconds=1))
        return self.end


def occurrence_key(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(STOCKHOLM).isoformat()
    return value.isoformat()


def parse_key(text: str) -> dt.datetime | dt.date:
    """An ISO date, or datetime with an offset or Z (naive means Stockholm), as exceptions store them."""
    text = str(text).strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo is not None else value.replace(tzinfo=STOCKHOLM)


def local_day(value: dt.datetime | dt.date) -> dt.date:
    return value.astimezone(STOCKHOLM).date() if isinstance(value, dt.datetime) else value


def claimed(exceptions: Iterable[str], starts: Sequence[dt.datetime | dt.date]) -> dict[int, str]:
    """Which of `starts` each exception (EXDATE or RECURRENCE-ID) names, by index.

    The occurrence at its exact time; failing that, those on its Stockholm day, so an exception
    survives a change of the series' time while a rule with several occurrences a day loses one.
    """
    found: dict[int, str] = {}
    for text in exceptions:
        try:
            value = parse_key(text)
        except ValueError:
            continue
        day = local_day(value)
        exact = [i for i, s in enumerate(starts) if isinstance(s, dt.datetime) == isinstance(value, dt.datetime)
                 and s == value]
        for i in exact or [i for i, s in enumerate(starts) if local_day(s) == day]:
            found.setdefault(i, text)
    return found


def _wall_clock_until(match: re.Match[str]) -> str:
    """UNTIL in the naive Stockholm wall-clock terms a series expands in; a date means its whole day."""
    digits, utc = match.group(1), match.group(2)
    if len(digits) == 8:
        return f"UNTIL={digits}T235959"
    if utc:
        value = dt.datetime.strptime(digits, "%Y%m%dT%H%M%S").replace(tzinfo=dt.UTC)
        return f"UNTIL={value.astimezone(STOCKHOLM):%Y%m%dT%H%M%S}"
    return f"UNTIL={digits}"


# Occurrences walked from the series' first start: a daily series over 270 years. A rule whose
# window lies further out (a start in year 1) stops here instead of taking seconds per page.
MAX_STEPS = 100_000


def series_starts(rule: str, first: dt.datetime | dt.date, window_start: dt.date,
                  window_end: dt.date, limit: int = 1000) -> list[dt.datetime | dt.date]:
    """Starts of a rule within [window_start, window_end] (dates, inclusive), at most `limit`.

    Expanded in naive Stockholm wall-clock time, so 09.00 stays 09.00 across DST changes. A rule
    that cannot be read, or is finer than daily, gives the first start only: a page must not fail
    (or hang) on one stored series.
    """
    timed = isinstance(first, dt.datetime)
    local_first = first.astimezone(STOCKHOLM).replace(tzinfo=None) if isinstance(first, dt.datetime) else \
        dt.datetime.combine(first, dt.time())
    text = re.sub(r"UNTIL=(\d{8}(?:T\d{6})?)(Z?)", _wall_clock_until, rule.strip(), flags=re.IGNORECASE)
    lo = dt.datetime.combine(window_start, dt.time())
    hi = dt.datetime.combine(window_end, dt.time(23, 59, 59))
    try:
        if too_fine(text):  # stored before the form refused it: expanding could take hours
            raise ValueError("recurrence finer than daily")
        values: Iterable[dt.datetime] = rrulestr(text, dtstart=local_first)
    except (ValueError, TypeError):
        values = [local_first]
    starts: list[dt.datetime | dt.date] = []
    for step, value in enumerate(values):
        if value > hi or len(starts) >= limit or step >= MAX_STEPS:
            break
        if value >= lo:
            starts.append(value.replace(tzinfo=STOCKHOLM) if timed else value.date())
    return starts


def occurrences(event: Any, window_start: dt.date, window_end: dt.date,
                skip: Iterable[str] = ()) -> list[Occurrence]:
    """What a calendar shows of one event on the days [window_start, window_end]: every occurrence
    touching them. A series loses its EXDATEs and `skip` (overrides a caller shows by itself), and
    its override rows (event.overrides) stand in for the occurrences they replace."""
    first = event.start_at if not event.all_day else event.start_date
    if first is None:
        return []
    end = event.end_at if not event.all_day else (event.end_date or event.start_date)
    if not event.rrule:
        single = Occurrence(event, first, end, occurrence_key(first))
        return [single] if single.day <= window_end and single.last_day >= window_start else []
    length = (end - first) if end is not None and end > first else dt.timedelta(0)
    reach = Occurrence(event, first, end, "").last_day - local_day(first)
    starts = series_starts(event.rrule, first, window_start - reach, window_end)
    dropped = claimed([*(event.exdates or []), *skip], starts)
    by_id = {o.recurrence_id: o for o in getattr(event, "overrides", None) or [] if o.recurrence_id}
    replaced = {i: by_id[key] for i, key in claimed(by_id, starts).items()}
    result = []
    for i, start in enumerate(starts):
        occ = Occurrence(event, start, start + length if end is not None else None, occurrence_key(start))
        if i in dropped or occ.last_day < window_start:
            continue
        if (override := replaced.get(i)) is not None:
            o_start = override.start_date if override.all_day else override.start_at
            o_end = override.end_date if override.all_day else override.end_at
            occ = Occurrence(override, o_start, o_end, occ.key, override=True)
        result.append(occ)
    return result
