"""Events in, iCalendar bytes out: the feed Outlook, Google and Apple subscribe to.

Byte-stable by design: DTSTAMP is the event's last modification and the order is fixed, so an
unchanged schedule gives the same bytes (and the same strong ETag) on every request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from planner import labels
from planner.feeds.lines import (
    CRLF,
    STOCKHOLM,
    _ambiguous_local,
    _wall,
    date_stamp,
    escape_text,
    fold,
    local_stamp,
    utc_stamp,
    zoned_or_utc,
)
from planner.feeds.rrules import normalized, outlook_maps, parse_rule
from planner.feeds.vtimezone import TZID, VTIMEZONE_LINES
from planner.schedule.derived import deadline_day, red_days
from planner.schedule.recurrence import claimed, local_day, occurrences, parse_key, series_starts

PRODID = "-//planner//planner iCal feed 1.0//SV"
CANCELLED_PREFIX = "INSTÄLLT: "
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class FeedMeta:
    name: str
    base_url: str
    window_start: dt.datetime
    window_end: dt.datetime
    description: str = ""
    # Where "Mer information" leads: the feed's own read-only event pages ("…/feeds/<token>/handelse/"),
    # which a subscriber opens without an account; empty: the staff page /events/<id> (login).
    event_pages: str = ""


def build_calendar(events: Iterable[Any], meta: FeedMeta) -> bytes:
    """One VCALENDAR from top-level events (overrides come along through event.overrides)."""
    chunks = [header(meta)]
    single = _Singles(meta, feed_url(meta))
    for event in sorted(events, key=sort_key):
        chunks.append(event_text(event, meta, single))
    chunks.append(FOOTER)
    return "".join(chunks).encode("utf-8")


FOOTER = "END:VCALENDAR\r\n"


def feed_url(meta: FeedMeta) -> str:
    """Where each event's link leads, the event's key appended."""
    return meta.event_pages or meta.base_url.rstrip("/") + "/events/"


def event_text(event: Any, meta: FeedMeta, single: _Singles) -> str:
    """Everything one top-level event contributes: its VEVENT(s) if in the window, derived deadlines."""
    if event.series_id is not None:
        return ""
    out = ""
    if not event.rrule:
        if _single_in_window(event, meta.window_start, meta.window_end):
            out = single(event)
    elif in_window(event, meta.window_start, meta.window_end):
        out = _text(event_lines(event, meta))
    if event.kind == "meeting" and getattr(getattr(event, "body", None), "meeting_deadlines", None):
        out += _text(derived_lines(event, meta))
    return out


def header(meta: FeedMeta) -> str:
    """The calendar's own properties and the VTIMEZONE, folded."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(meta.name)}",
        f"NAME:{escape_text(meta.name)}",
        # No X-WR-TIMEZONE: every time carries its TZID or is UTC, and readers that apply X-WR-TIMEZONE to UTC
        # values (recurring-ical-events via x-wr-timezone 2.0.1) lose the fold of the repeated hour with it.
        "REFRESH-INTERVAL;VALUE=DURATION:PT4H",
        "X-PUBLISHED-TTL:PT4H",
    ]
    if meta.description:
        lines.append(f"X-WR-CALDESC:{escape_text(meta.description)}")
        lines.append(f"DESCRIPTION:{escape_text(meta.description)}")
    lines.extend(VTIMEZONE_LINES)
    return _text(lines)


def _text(lines: Sequence[str]) -> str:
    """Content lines, each folded and ending in CRLF."""
    return "".join(fold(line) + CRLF for line in lines)


def _single_in_window(event: Any, start: dt.datetime, end: dt.datetime) -> bool:
    """in_window() for an event without a rule, without its general machinery."""
    if event.all_day:
        first = dt.datetime.combine(event.start_date, _MIDNIGHT, STOCKHOLM)
        return first <= end and first + dt.timedelta(days=((event.end_date or event.start_date)
                                                           - event.start_date).days + 1) >= start
    first = event.start_at
    if first > end:
        return False
    finish = event.end_at or first
    return (finish if finish > first else first) >= start


_MIDNIGHT = dt.time()


class _Singles:
    """_vevent() for top-level events without a rule, each as one string: the feed's hot path.

    Byte for byte what _vevent() writes (tests/test_feeds_golden.py), folded like _text(), each line
    that can pass 75 octets on its own (the rest are short by construction). One
    instance per rendering: a body's name, a place and a kind's lines are escaped once per
    rendering, not once per event (a schedule names a few bodies and rooms a thousand times).
    """

    __slots__ = ("url", "pages", "_escaped", "_bodies", "_lines")

    def __init__(self, meta: FeedMeta, url: str) -> None:
        self.url, self.pages = url, bool(meta.event_pages)
        self._escaped: dict[str, str] = {}
        self._bodies: dict[str, str] = {}
        self._lines: dict[str, str] = {}

    def _esc(self, value: str) -> str:
        """escape_text() of a value that repeats (a place), looked up once per rendering."""
        done = self._escaped.get(value)
        if done is None:
            done = self._escaped[value] = escape_text(value)
        return done

    def _place(self, location: str, escaped: str) -> str:
        """The folded LOCATION line of a place, written once per rendering."""
        line = self._lines.get(location)
        if line is None:
            line = self._lines[location] = fold(f"LOCATION:{escaped}") + CRLF
        return line

    def __call__(self, event: Any) -> str:
        updated = event.updated_at
        if updated.tzinfo is not _UTC:
            updated = updated.astimezone(_UTC)
        stamp = utc_stamp(updated)
        created = event.created_at
        created = stamp if created == updated else utc_stamp(created)
        if event.all_day:
            first = event.start_date
            last = event.end_date or first
            times = (f"DTSTART;VALUE=DATE:{date_stamp(first)}\r\n"
                     f"DTEND;VALUE=DATE:{date_stamp(first + dt.timedelta(days=(last - first).days + 1))}\r\n")
        else:
            first = event.start_at
            finish = event.end_at or first
            if finish < first:
                finish = first
            a, b = first.astimezone(STOCKHOLM), finish.astimezone(STOCKHOLM)
            if (a.hour < 3 or a.year <= 1900 or b.hour < 3 or b.year <= 1900) and (
                    _ambiguous_local(a) or _ambiguous_local(b)):
                times = f"{zoned_or_utc('DTSTART', first, TZID)}\r\n{zoned_or_utc('DTEND', finish, TZID)}\r\n"
            else:
                times = f"{_DTSTART}{_wall(a)}\r\n{_DTEND}{_wall(b)}\r\n"
        status = event.status
        cancelled = status == "cancelled"
        kind = event.kind
        title = event.title or labels.kind_or_event(kind)
        if cancelled and not title.upper().startswith("INSTÄLLT"):
            title = CANCELLED_PREFIX + title
        location = event.location
        link = f"{self.url}{_page_key(event)}" if self.pages else f"{self.url}{event.id}"
        transparent = getattr(event, "transparent", None)  # an imported item keeps its source's TRANSP
        busy = not cancelled and (kind == "meeting" if transparent is None else not transparent)
        text = event.description
        if text:
            text = text.strip()
        parts = [escape_text(text)] if text else []
        body = event.body
        if body is not None:
            name = self._bodies.get(body.name)
            if name is None:
                name = self._bodies[body.name] = escape_text(f"Organ: {body.name}")
            parts.append(name)
        place = ""
        if location:
            place = self._esc(location)
            parts.append("Plats: " + place)
            place = self._place(location, place)
        if kind == "chair_handover" and (event.from_party or event.to_party):
            parts.append(escape_text(f"Ordförandeskapet: {event.from_party or '?'} → {event.to_party or '?'}"))
        if cancelled:
            parts.append("Mötet är inställt.")
        parts.append(f"Mer information: {link}")
        if (text and "\r" in text) or (body is not None and "\r" in body.name) or (location and "\r" in location) \
                or (kind == "chair_handover" and "\r" in f"{event.from_party}{event.to_party}"):
            # escape_text() turns a CR and the LF after it (the joining one too, once a control character
            # between them is dropped) into one \n: escape the joined text as _vevent() does.
            described = escape_text(_description(event, link))
        else:
            described = "\\n".join(parts)
        return (
            f"BEGIN:VEVENT\r\n{fold('UID:' + escape_text(event.uid))}\r\nDTSTAMP:{stamp}\r\nCREATED:{created}\r\n"
            f"LAST-MODIFIED:{stamp}\r\nSEQUENCE:{event.sequence or 0}\r\n{times}"
            f"{fold('SUMMARY:' + escape_text(title))}\r\n"
            f"{place}{fold('DESCRIPTION:' + described)}\r\n{fold('URL:' + link)}\r\n"
            f"{_CATEGORIES.get(kind) or fold(f'CATEGORIES:{escape_text(labels.kind_label(kind))}') + CRLF}"
            f"{_TAIL[STATUS.get(status, 'CONFIRMED'), busy]}")


_UTC = dt.UTC
_DTSTART, _DTEND = f"DTSTART;TZID={TZID}:", f"DTEND;TZID={TZID}:"
_CATEGORIES = {kind: f"CATEGORIES:{escape_text(labels.kind_label(kind))}\r\n" for kind in labels.KINDS}
_TAIL = {(status, busy): f"STATUS:{status}\r\n" + (
    "TRANSP:OPAQUE\r\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n" if busy
    else "TRANSP:TRANSPARENT\r\nX-MICROSOFT-CDO-BUSYSTATUS:FREE\r\nEND:VEVENT\r\n")
    for status in (*STATUS.values(),) for busy in (True, False)}


def sort_key(event: Any) -> tuple[dt.datetime, int]:
    start = event.start_at if not event.all_day else dt.datetime.combine(event.start_date, dt.time(), STOCKHOLM)
    return (start or dt.datetime.min.replace(tzinfo=dt.UTC), event.id or 0)


def _span(event: Any) -> tuple[dt.date | dt.datetime, dt.timedelta]:
    """Start and duration; all-day durations count whole days (end date inclusive in the model)."""
    if event.all_day:
        end = event.end_date or event.start_date
        return event.start_date, dt.timedelta(days=(end - event.start_date).days + 1)
    end = event.end_at or event.start_at
    return event.start_at, max(end - event.start_at, dt.timedelta(0))


def _as_instant(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(), STOCKHOLM)


def in_window(event: Any, start: dt.datetime, end: dt.datetime) -> bool:
    """Whether any occurrence of the event overlaps the window [start, end]."""
    first, length = _span(event)
    if _as_instant(first) > end:
        return False
    if not event.rrule:
        return _as_instant(first) + length >= start
    since = local_day(start) - dt.timedelta(days=length.days + 1)
    return any(start <= _as_instant(o) + length and _as_instant(o) <= end
               for o in series_starts(event.rrule, first, since, local_day(end)))


def event_lines(event: Any, meta: FeedMeta) -> list[str]:
    if event.rrule and not outlook_maps(parse_rule(event.rrule)):
        return list(_expanded(event, meta))
    overrides = [o for o in sorted(event.overrides or [], key=sort_key) if o.recurrence_id] if event.rrule else []
    slots = exception_slots(event, [*(event.exdates or []), *(o.recurrence_id for o in overrides)])
    out = _vevent(event, meta, uid=event.uid, exdates=[slots[k] for k in event.exdates or [] if k in slots])
    for override in overrides:
        if override.recurrence_id in slots:  # one that names no occurrence any more is not shown, as on the web
            out.extend(_vevent(override, meta, uid=event.uid, recurrence=slots[override.recurrence_id],
                               master_all_day=event.all_day))
    return out


def exception_slots(event: Any, keys: Sequence[str]) -> dict[str, dt.date | dt.datetime]:
    """The series occurrence each stored exception (EXDATE, RECURRENCE-ID) stands for now.

    planner's own rule (recurrence.claimed): the occurrence at its exact time, else the one on its
    Stockholm day. After the series moves from 13.00 to 14.00, an exception stored as 13.00 is
    written as 14.00, the instance every reader generates; written as stored, ical.js, libical and
    vobject would put the moved meeting back and the cancelled one back as confirmed.
    """
    days = []
    for key in keys:
        try:
            days.append(local_day(parse_key(key)))
        except ValueError:
            continue
    first = event.start_date if event.all_day else event.start_at
    if not days or first is None:
        return {}
    starts = series_starts(event.rrule, first, min(days), max(days), limit=100_000)
    return {key: starts[i] for i, key in claimed(keys, starts).items()}


def _expanded(event: Any, meta: FeedMeta) -> Iterator[str]:
    """A rule Outlook cannot map is served as one event per occurrence in the window."""
    _, length = _span(event)
    since = local_day(meta.window_start) - dt.timedelta(days=1)  # one ending at the window's start still counts
    for occ in occurrences(event, since, local_day(meta.window_end)):
        slot = parse_key(occ.key)  # the series' own start, also for an override that moved it
        if not meta.window_start <= _as_instant(slot) + length or _as_instant(slot) > meta.window_end:
            continue
        uid = f"{event.uid}-{occ.key[:19].replace('-', '').replace(':', '')}"  # wall-clock YYYYMMDDTHHMMSS
        if occ.override:
            yield from _vevent(occ.event, meta, uid=uid)
        else:
            yield from _vevent(event, meta, uid=uid, start=occ.start, length=length, single=True)


def _vevent(event: Any, meta: FeedMeta, uid: str, recurrence: dt.date | dt.datetime | None = None,
            master_all_day: bool | None = None, start: dt.date | dt.datetime | None = None,
            length: dt.timedelta | None = None, single: bool = False,
            exdates: Sequence[dt.date | dt.datetime] = ()) -> list[str]:
    first, duration = _span(event)
    start = first if start is None else start
    length = duration if length is None else length
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{utc_stamp(event.updated_at)}",
        f"CREATED:{utc_stamp(event.created_at)}",
        f"LAST-MODIFIED:{utc_stamp(event.updated_at)}",
        f"SEQUENCE:{event.sequence or 0}",
    ]
    if recurrence is not None:
        lines.append(_recurrence_id(recurrence, master_all_day))
    if event.all_day:
        assert isinstance(start, dt.date)
        lines.append(f"DTSTART;VALUE=DATE:{date_stamp(start)}")
        lines.append(f"DTEND;VALUE=DATE:{date_stamp(start + length)}")  # exclusive
    else:
        assert isinstance(start, dt.datetime)
        # A series' DTSTART stays zoned: its RRULE repeats in Stockholm wall-clock time.
        series = bool(event.rrule) and not single and recurrence is None
        lines.append(f"DTSTART;TZID={TZID}:{local_stamp(start)}" if series else zoned_or_utc("DTSTART", start, TZID))
        lines.append(zoned_or_utc("DTEND", start + length, TZID))
    if event.rrule and not single and recurrence is None:
        lines.append(f"RRULE:{normalized(parse_rule(event.rrule), event.all_day)}")
        lines.extend(_exdates(event, exdates))
    cancelled = event.status == "cancelled"
    title = event.title or labels.kind_or_event(event.kind)
    if cancelled and not title.upper().startswith("INSTÄLLT"):
        title = CANCELLED_PREFIX + title
    lines.append(f"SUMMARY:{escape_text(title)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    lines.append(f"DESCRIPTION:{escape_text(description(event, meta))}")
    lines.append(f"URL:{event_url(event, meta)}")
    lines.append(f"CATEGORIES:{escape_text(labels.kind_label(event.kind))}")
    lines.append(f"STATUS:{STATUS.get(event.status, 'CONFIRMED')}")
    transparent = getattr(event, "transparent", None)  # an imported item keeps its source's TRANSP
    busy = not cancelled and (event.kind == "meeting" if transparent is None else not transparent)
    lines.append("TRANSP:OPAQUE" if busy else "TRANSP:TRANSPARENT")
    lines.append(f"X-MICROSOFT-CDO-BUSYSTATUS:{'BUSY' if busy else 'FREE'}")
    lines.append("END:VEVENT")
    return lines


def _recurrence_id(value: dt.date | dt.datetime, master_all_day: bool | None) -> str:
    if master_all_day or not isinstance(value, dt.datetime):
        day = value.astimezone(STOCKHOLM).date() if isinstance(value, dt.datetime) else value
        return f"RECURRENCE-ID;VALUE=DATE:{date_stamp(day)}"
    return f"RECURRENCE-ID;TZID={TZID}:{local_stamp(value)}"


def _exdates(event: Any, values: Sequence[dt.date | dt.datetime]) -> Sequence[str]:
    """The skipped occurrences (see exception_slots), in the series' own value type."""
    if not values:
        return []
    if event.all_day:
        days = sorted({local_day(v) for v in values})
        return [f"EXDATE;VALUE=DATE:{','.join(date_stamp(d) for d in days)}"]
    stamps = sorted({local_stamp(v) for v in values if isinstance(v, dt.datetime)})
    return [f"EXDATE;TZID={TZID}:{','.join(stamps)}"]


def derived_lines(event: Any, meta: FeedMeta) -> list[str]:
    """The all-day deadlines the body derives from this meeting ("Kallelse 7 dagar före"): computed
    from the meeting's current day, with its UID plus the rule's place and its SEQUENCE, so a moved
    meeting moves them and a cancelled one drops them. (Not yet for series.)"""
    body = getattr(event, "body", None)
    rules = getattr(body, "meeting_deadlines", None) or []
    if body is None or not rules or event.kind != "meeting" or event.status == "cancelled" or event.rrule:
        return []
    day = event.start_date if event.all_day else (event.start_at.astimezone(STOCKHOLM).date()
                                                  if event.start_at else None)
    if day is None:
        return []
    closed = red_days([day.year - 1, day.year])
    out = []
    for index, rule in enumerate(rules):
        label, days = str(rule["label"]), int(rule["days"])
        due = deadline_day(day, days, closed)
        if not meta.window_start.astimezone(STOCKHOLM).date() <= due <= meta.window_end.astimezone(STOCKHOLM).date():
            continue
        text = (f"{label} {days} dagar före {body.name}s möte {day.day}/{day.month} {day.year}.\n"
                f"Mer information: {event_url(event, meta)}")
        out += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(f'{event.uid}-deadline-{index}')}",
            f"DTSTAMP:{utc_stamp(event.updated_at)}",
            f"CREATED:{utc_stamp(event.created_at)}",
            f"LAST-MODIFIED:{utc_stamp(event.updated_at)}",
            f"SEQUENCE:{event.sequence or 0}",
            f"DTSTART;VALUE=DATE:{date_stamp(due)}",
            f"DTEND;VALUE=DATE:{date_stamp(due + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(f'{label}: {body.name} {day.day}/{day.month}')}",
            f"DESCRIPTION:{escape_text(text)}",
            f"URL:{event_url(event, meta)}",
            f"CATEGORIES:{labels.kind_label('deadline')}",
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
            "END:VEVENT",
        ]
    return out


def event_url(event: Any, meta: FeedMeta) -> str:
    if meta.event_pages:
        return f"{meta.event_pages}{_page_key(event)}"
    return f"{meta.base_url.rstrip('/')}/events/{event.id}"


def _page_key(event: Any) -> str:
    """The event's UID in a path: planner's own (uuid@planner) need no quoting."""
    uid = event.uid
    return uid if _PLAIN_UID(uid) else quote(uid, safe="@")


_PLAIN_UID = re.compile(r"[A-Za-z0-9@.\-]+").fullmatch


def description(event: Any, meta: FeedMeta) -> str:
    """What a subscriber sees when opening the item: the body, the place and a link back."""
    return _description(event, event_url(event, meta))


def _description(event: Any, link: str) -> str:
    parts = [event.description.strip()] if event.description and event.description.strip() else []
    body = getattr(event, "body", None)
    if body is not None:
        parts.append(f"Organ: {body.name}")
    if event.location:
        parts.append(f"Plats: {event.location}")
    if event.kind == "chair_handover" and (event.from_party or event.to_party):
        parts.append(f"Ordförandeskapet: {event.from_party or '?'} → {event.to_party or '?'}")
    if event.status == "cancelled":
        parts.append("Mötet är inställt.")
    parts.append(f"Mer information: {link}")
    return "\n".join(parts)
