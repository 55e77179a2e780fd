"""Dates as people write them here: "fredag 6 december 2019, 09.45–12.15", week numbers.

Pure functions (no Flask), so mails, feeds and pages can share them. Timed values are
shown in Europe/Stockholm wall-clock time; English is available for the `en` locale.
"""

from __future__ import annotations

import datetime as dt

from planner.clock import STOCKHOLM  # noqa: F401  (re-exported: the one zone)

WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
DASH = "\u2013"  # en dash, as Swedish typography writes ranges


def _lang(lang: str | None) -> str:
    return "en" if (lang or "sv").lower().startswith("en") else "sv"


def month_name(month: int, lang: str | None = "sv") -> str:
    return MONTHS[_lang(lang)][month - 1]


def weekday_name(day: dt.date, lang: str | None = "sv") -> str:
    return WEEKDAYS[_lang(lang)][day.weekday()]


def format_date(day: dt.date, lang: str | None = "sv", weekday: bool = True) -> str:
    """'fredag 6 december 2019' (no leading zero, lower-case names, as Swedish writes them)."""
    text = f"{day.day} {month_name(day.month, lang)} {day.year}"
    return f"{weekday_name(day, lang)} {text}" if weekday else text


def format_time(value: dt.time | dt.datetime, lang: str | None = "sv") -> str:
    """'09.45' in Swedish (full stop, 24 h); '09:45' in English."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(STOCKHOLM).time() if value.tzinfo else value.time()
    sep = ":" if _lang(lang) == "en" else "."
    return f"{value.hour:02d}{sep}{value.minute:02d}"


def format_clock_span(start: dt.datetime, end: dt.datetime | None = None, lang: str | None = "sv") -> str:
    """'09.30–12.00' (Stockholm wall clock), or '09.30' without an end or with an end not after the start.

    The one way a time of day is written: the wheel's marks, the mails and the pages.
    """
    text = format_time(start, lang)
    if end is not None and end > start:
        text += f"{DASH}{format_time(end, lang)}"
    return text


def format_when(start: dt.datetime, end: dt.datetime | None = None, lang: str | None = "sv") -> str:
    """'fredag 6 december 2019, 09.45–12.15'; an end on a later day is written out in full."""
    start_local = start.astimezone(STOCKHOLM) if start.tzinfo else start
    text = f"{format_date(start_local.date(), lang)}, {format_time(start_local, lang)}"
    if end is None:
        return text
    end_local = end.astimezone(STOCKHOLM) if end.tzinfo else end
    if end_local.date() == start_local.date():
        return f"{text}{DASH}{format_time(end_local, lang)}"
    return f"{text} {DASH} {format_date(end_local.date(), lang)}, {format_time(end_local, lang)}"


def format_period(first: dt.date, last: dt.date | None = None, lang: str | None = "sv") -> str:
    """An all-day item: one day with its weekday, or '17–21 februari 2020' (last day inclusive)."""
    if last is None or last == first:
        return format_date(first, lang)
    if first.year != last.year:
        return f"{format_date(first, lang, False)} {DASH} {format_date(last, lang, False)}"
    if first.month != last.month:
        return (f"{first.day} {month_name(first.month, lang)} {DASH} "
                f"{last.day} {month_name(last.month, lang)} {last.year}")
    return f"{first.day}{DASH}{last.day} {month_name(first.month, lang)} {first.year}"


def week_number(day: dt.date | dt.datetime) -> int:
    """ISO 8601 week, the week numbering Swedish calendars use."""
    if isinstance(day, dt.datetime):
        day = day.astimezone(STOCKHOLM).date() if day.tzinfo else day.date()
    return day.isocalendar().week


def week_label(day: dt.date | dt.datetime, lang: str | None = "sv") -> str:
    return f"{'week' if _lang(lang) == 'en' else 'v.'} {week_number(day)}"


def month_title(year: int, month: int, lang: str | None = "sv") -> str:
    name = month_name(month, lang)
    return f"{name[0].upper()}{name[1:]} {year}"


def month_weeks(year: int, month: int) -> list[tuple[int, list[dt.date]]]:
    """The rows of a month calendar: (ISO week, its seven days Monday first), spilling into the
    neighbouring months so every row is whole."""
    first = dt.date(year, month, 1)
    day = first - dt.timedelta(days=first.weekday())
    rows = []
    while day.month == month or day < first:
        days = [day + dt.timedelta(days=i) for i in range(7)]
        rows.append((week_number(days[0]), days))
        day += dt.timedelta(days=7)
    return rows


def vague_date_text(date_text: str | None, lang: str | None = "sv") -> str | None:
    """What minutes meant by a month-only or week-only date ('december 2026', 'v. 8 2027'); None if exact."""
    if not date_text:
        return None
    try:
        if "-W" in date_text:
            year, week = date_text.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
            sunday = monday + dt.timedelta(days=6)
            label = "week" if _lang(lang) == "en" else "v."
            return f"{label} {int(week)} {year} ({format_period(monday, sunday, lang)})"
        if len(date_text) == 7:
            year_number, month = map(int, date_text.split("-"))
            return f"{month_name(month, lang)} {year_number}"
    except ValueError:
        return None
    return None


def date_range(date_text: str | None, end_text: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of what the extractor wrote: a day, a month (YYYY-MM) or a week (YYYY-Www)."""
    if not date_text:
        return None, None
    try:
        if "-W" in date_text:
            year, week = date_text.split("-W")
            first = dt.date.fromisocalendar(int(year), int(week), 1)
            return first, first + dt.timedelta(days=6)
        if len(date_text) == 7:
            year_number, month = map(int, date_text.split("-"))
            first = dt.date(year_number, month, 1)
            nxt = dt.date(year_number + month // 12, month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        first = dt.date.fromisoformat(date_text)
    except ValueError:
        return None, None
    return first, parse_iso_day(end_text)


def parse_iso_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


class NonexistentTime(ValueError):
    """A Stockholm wall-clock time the clock skips (the last Sunday of March, 02.00–03.00)."""


def stockholm_instant(day: dt.date, time_of_day: dt.time, label: str = "Tiden") -> dt.datetime:
    """A typed Stockholm date and time as an instant, never a guess.

    The hour that comes twice (the last Sunday of October, 02.00–03.00) is its first time round,
    still summer time (fold 0, as RFC 5545 3.3.5 reads it); feeds then write such instants in UTC.
    A time in the skipped hour raises NonexistentTime with a Swedish message for the form.
    """
    value = dt.datetime.combine(day, time_of_day.replace(tzinfo=None), STOCKHOLM).replace(fold=0)
    if value.astimezone(dt.UTC).astimezone(STOCKHOLM).replace(tzinfo=None) != value.replace(tzinfo=None):
        raise NonexistentTime(
            f"{label}: klockan {format_time(time_of_day)} finns inte {format_date(day)}, då sommartiden börjar "
            "och klockan ställs fram från 02.00 till 03.00. Välj en tid före 02.00 eller från 03.00.")
    return value
