"""Reading someone else's calendar (.ics from Outlook, Google, a school's holiday list), bounded.

Pure: bytes in, occurrences out, no database. Every limit refuses with a message a secretary can act
on instead of filling the schedule with a million rows: file size, occurrences in the window,
recurrence finer than daily (FREQ, or BYHOUR x BYMINUTE x BYSECOND, in events and in VTIMEZONE
rules alike, checked before anything is expanded) and events without a start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component

from planner.feeds.lines import STOCKHOLM
from planner.schedule.rrule_limits import rule_problem

TITLE_MAX, LOCATION_MAX, UID_MAX = 300, 300, 500


class ImportRefused(ValueError):
    """The calendar cannot be imported as it stands; the message says why."""


@dataclass(frozen=True)
class Occurrence:
    external_uid: str
    title: str
    description: str
    location: str | None
    all_day: bool
    start_at: dt.datetime | None
    end_at: dt.datetime | None
    start_date: dt.date | None
    end_date: dt.date | None  # inclusive, as the model keeps it
    status: str
    transparent: bool | None = None  # the source's TRANSP; None when it says nothing

    def first_instant(self) -> dt.datetime:
        if self.start_at is not None:
            return self.start_at
        assert self.start_date is not None
        return dt.datetime.combine(self.start_date, dt.time(), STOCKHOLM)


def parse_calendar(data: bytes, max_bytes: int) -> Calendar:
    if len(data) > max_bytes:
        raise ImportRefused(f"filen är för stor ({len(data) // 1024} kB); högst {max_bytes // 1024} kB tas emot")
    if not data.strip():
        raise ImportRefused("filen är tom")
    try:
        calendar = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError on broken input
        raise ImportRefused(f"filen är ingen läsbar iCalendar-fil (.ics): {exc}") from exc
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise ImportRefused("filen innehåller ingen VCALENDAR")
    for event in calendar.walk("VEVENT"):
        name = f"händelsen \"{' '.join(str(event.get('SUMMARY', '')).split())[:80]}\""
        if event.get("DTSTART") is None:
            raise ImportRefused(f"{name} saknar starttid (DTSTART); rätta den i källkalendern")
        _check_rules(event, name)
    for zone in calendar.walk("VTIMEZONE"):
        for part in zone.subcomponents:
            _check_rules(part, f"tidszonen {zone.get('TZID', '')}")
    try:
        return x_wr_timezone.to_standard(calendar)
    except Exception as exc:
        raise ImportRefused(f"kalenderns tidszon (X-WR-TIMEZONE) går inte att läsa: {exc}") from exc


def _check_rules(component: Component, name: str) -> None:
    """Every RRULE of one component within planner.schedule.rrule_limits, counted before expansion."""
    rules = component.get("RRULE")
    for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
        try:
            parts = {str(key).upper(): list(value) for key, value in rule.items()}
        except Exception as exc:  # icalendar keeps unparsable properties as "broken" ones
            raise ImportRefused(f"{name} har en trasig upprepningsregel: {exc}") from exc
        if (problem := rule_problem(parts, max_count=None)) is not None:
            raise ImportRefused(f"{name}: {problem}")


def calendar_identity(calendar: Calendar, source: str) -> str:
    """What makes two imports the same calendar, whatever the file was called.

    Its URL when it was fetched; else its PRODID and name (X-WR-CALNAME or NAME), so "skollov.ics"
    and "skollov (1).ics" are one source; a file with no name is known by its file name only (the
    store also links imports that share an event UID).
    """
    if source.startswith(("http://", "https://")):
        return source[:500]
    name = " ".join(str(calendar.get("X-WR-CALNAME") or calendar.get("NAME") or "").split())
    if not name:
        return source[:500]
    return f"{' '.join(str(calendar.get('PRODID') or '').split())}|{name}"[:500]


def expand(data: bytes, *, start: dt.date, end: dt.date, max_occurrences: int, max_bytes: int) -> list[Occurrence]:
    """Every occurrence that touches [start, end), or ImportRefused."""
    return expand_calendar(parse_calendar(data, max_bytes), start=start, end=end, max_occurrences=max_occurrences)


def expand_calendar(calendar: Calendar, *, start: dt.date, end: dt.date, max_occurrences: int) -> list[Occurrence]:
    """Expanded a month at a time so an endless series stops at the cap instead of exhausting memory."""
    query = recurring_ical_events.of(calendar)
    series = {str(e.get("UID")) for e in calendar.walk("VEVENT") if "RRULE" in e or "RDATE" in e}
    found: dict[str, Occurrence] = {}
    chunk = start
    try:
        while chunk < end:
            chunk_end = min(end, _next_month(chunk))
            for component in query.between(chunk, chunk_end):
                occurrence = _occurrence(component, series)
                if occurrence is None or occurrence.external_uid in found:
                    continue
                found[occurrence.external_uid] = occurrence
                if len(found) > max_occurrences:
                    raise ImportRefused(
                        f"kalendern har fler än {max_occurrences} förekomster mellan {start} och {end}; "
                        "dela upp den eller höj ICS_IMPORT_MAX_OCCURRENCES"
                    )
            chunk = chunk_end
    except ImportRefused:
        raise
    except Exception as exc:  # a broken RRULE or date deep inside a series
        raise ImportRefused(f"kalendern går inte att expandera: {exc}") from exc
    return sorted(found.values(), key=lambda o: (o.first_instant(), o.external_uid))


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _aware(value: dt.datetime) -> dt.datetime:
    """Floating times in a Swedish calendar are Stockholm wall-clock times."""
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=STOCKHOLM)
    return value.astimezone(dt.UTC)


ALL_DAY_FLAGS = ("X-MICROSOFT-CDO-ALLDAYEVENT", "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT")


def _whole_days(component: Component, start: dt.datetime, end: object) -> tuple[dt.date, dt.date] | None:
    """Outlook writes all-day items as midnight to midnight (with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE):
    the days they cover, DTEND exclusive, or None for a timed item.

    Midnight is read in the event's own zone (a UTC or floating time in Stockholm's), so an item
    from 00:00 one day to 00:00 a later day is whole days even without the flag.
    """
    if not isinstance(end, dt.datetime):
        return None
    flagged = any(str(component.get(flag) or "").upper() == "TRUE" for flag in ALL_DAY_FLAGS)

    def local(value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None or value.utcoffset() is None or value.tzname() == "UTC":
            return _aware(value).astimezone(STOCKHOLM)
        return value

    first, last = local(start), local(end)
    at_midnight = first.time() == dt.time() and last.time() == dt.time() and last.date() > first.date()
    if at_midnight or (flagged and last.date() > first.date()):
        return first.date(), last.date() if last.time() == dt.time() else last.date() + dt.timedelta(days=1)
    if flagged:
        return first.date(), first.date() + dt.timedelta(days=1)
    return None


def _occurrence(component: Component, series: set[str]) -> Occurrence | None:
    """One occurrence; its key is the source UID, plus the original start when it belongs to a series."""
    get = component.get
    start_prop = get("DTSTART")
    if start_prop is None:
        return None
    start = start_prop.dt
    end_prop = get("DTEND")
    end = end_prop.dt if end_prop is not None else None
    uid = str(get("UID") or "") or "sha256:" + hashlib.sha256(
        f"{get('SUMMARY', '')}|{start.isoformat()}".encode()).hexdigest()[:32]
    if uid in series:  # recurring_ical_events sets RECURRENCE-ID on every occurrence it yields
        recurrence = get("RECURRENCE-ID")
        original = recurrence.dt if recurrence is not None else start
        uid = f"{uid}#{original.isoformat()}"
    title = " ".join(str(get("SUMMARY") or "").split()) or "Importerad händelse"
    location = " ".join(str(get("LOCATION") or "").split()) or None
    status = {"CANCELLED": "cancelled", "TENTATIVE": "tentative"}.get(str(get("STATUS") or "").upper(), "confirmed")
    transp = str(get("TRANSP") or "").upper()
    common: dict[str, Any] = dict(
        external_uid=uid[:UID_MAX], title=title[:TITLE_MAX], description=str(get("DESCRIPTION") or ""),
        location=location[:LOCATION_MAX] if location else None, status=status,
        transparent={"TRANSPARENT": True, "OPAQUE": False}.get(transp))
    if isinstance(start, dt.datetime) and (days := _whole_days(component, start, end)) is not None:
        start, end = days
    if not isinstance(start, dt.datetime):
        last = start
        if isinstance(end, dt.date) and not isinstance(end, dt.datetime) and end > start:
            last = end - dt.timedelta(days=1)  # DTEND is exclusive in iCalendar
        return Occurrence(all_day=True, start_at=None, end_at=None, start_date=start, end_date=last, **common)
    start_at = _aware(start)
    end_at = _aware(end) if isinstance(end, dt.datetime) else start_at
    if end_at < start_at:
        end_at = start_at
    return Occurrence(all_day=False, start_at=start_at, end_at=end_at, start_date=None, end_date=None, **common)
