"""RFC 5545 content lines: escaping, value formats and folding at 75 octets.

Written by hand (not icalendar's serializer) so the output is byte-stable and fast, and so the
fold never splits a UTF-8 sequence: Outlook shows a broken å/ä/ö as two garbage characters.
"""

from __future__ import annotations

import datetime as dt

from planner.schedule.datefmt import STOCKHOLM

CRLF = "\r\n"
FOLD_OCTETS = 75


# Control characters are not allowed in TEXT (RFC 5545 3.3.11); OCR'd minutes do contain them.
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)} | {127: None}


def escape_text(value: str) -> str:
    """TEXT values: control characters dropped; backslash, semicolon, comma and newlines escaped."""
    return (
        value.translate(_CONTROL).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line at 75 octets, only between characters (never inside UTF-8)."""
    raw = line.encode("utf-8")
    if len(raw) <= FOLD_OCTETS:
        return line
    parts: list[str] = []
    start, limit = 0, FOLD_OCTETS
    while len(raw) - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the character start
            cut -= 1
        parts.append(raw[start:cut].decode("utf-8"))
        start, limit = cut, FOLD_OCTETS - 1  # continuation lines begin with one space
    parts.append(raw[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def utc_stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(value: dt.datetime) -> str:
    """Wall-clock time in Stockholm, for TZID=Europe/Stockholm properties."""
    return value.astimezone(STOCKHOLM).strftime("%Y%m%dT%H%M%S")


def ambiguous(value: dt.datetime) -> bool:
    """Whether Stockholm's clock shows this instant's wall-clock time twice (the October change)."""
    local = value.astimezone(STOCKHOLM)
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def zoned_or_utc(name: str, value: dt.datetime, tzid: str) -> str:
    """NAME;TZID=…:local, or NAME:…Z when the local time would name two instants (readers differ on
    which one: ical.js and libical take the later, RFC 5545 the earlier)."""
    if ambiguous(value):
        return f"{name}:{utc_stamp(value)}"
    return f"{name};TZID={tzid}:{local_stamp(value)}"


def date_stamp(value: dt.date) -> str:
    return value.strftime("%Y%m%d")
