"""RFC 5545 content lines: escaping, value formats and folding at 75 octets.

Written by hand (not icalendar's serializer) so the output is byte-stable and fast, and so the
fold never splits a UTF-8 sequence: Outlook shows a broken å/ä/ö as two garbage characters.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.schedule.datefmt import STOCKHOLM

CRLF = "\r\n"
FOLD_OCTETS = 75


# Control characters are not allowed in TEXT (RFC 5545 3.3.11); OCR'd minutes do contain them.
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)} | {127: None}
_HAS_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]").search
_UTC = dt.UTC


def escape_text(value: str) -> str:
    """TEXT values: control characters dropped; backslash, semicolon, comma and newlines escaped.

    Each replace runs only when its character is there (a search costs a fraction of a replace,
    and translate() costs more than all of them): most titles have a comma at most.
    """
    if not value.isprintable() and _HAS_CONTROL(value):  # isprintable(): one C pass, True for most titles
        value = value.translate(_CONTROL)
    if "\\" in value:
        value = value.replace("\\", "\\\\")
    if ";" in value:
        value = value.replace(";", "\\;")
    if "," in value:
        value = value.replace(",", "\\,")
    if "\r" in value:
        value = value.replace("\r\n", "\\n").replace("\r", "\\n")
    if "\n" in value:
        value = value.replace("\n", "\\n")
    return value


def fold(line: str) -> str:
    """Fold one content line at 75 octets, only between characters (never inside UTF-8)."""
    if len(line) <= 18 or (len(line) <= FOLD_OCTETS and line.isascii()):  # 18 characters are ≤ 72 octets
        return line
    if line.isascii():  # one character, one octet: cut the text itself
        return "\r\n ".join([line[:FOLD_OCTETS], *(line[i:i + FOLD_OCTETS - 1]
                                                   for i in range(FOLD_OCTETS, len(line), FOLD_OCTETS - 1))])
    raw = line.encode("utf-8")
    return line if len(raw) <= FOLD_OCTETS else _fold_octets(raw).decode("utf-8")


def _fold_octets(raw: bytes) -> bytes:
    """Cut encoded text at 75 octets, continuation lines at 74 (they begin with one space), never inside UTF-8."""
    parts: list[bytes] = []
    start, limit, size = 0, FOLD_OCTETS, len(raw)
    while size - start > limit:
        cut = start + limit
        while raw[cut] & 0xC0 == 0x80:  # a continuation byte: step back to the character start
            cut -= 1
        parts.append(raw[start:cut])
        start, limit = cut, FOLD_OCTETS - 1
    parts.append(raw[start:])
    return b"\r\n ".join(parts)


def fold_all(data: bytes) -> bytes:
    """fold() for every line of an encoded text at once: only the lines past 75 octets cost more
    than a length test, and nothing is decoded again. The same cuts as fold(); a TEXT value never
    holds a raw CR or LF (escape_text), so the lines are exactly the CRLF-separated parts.
    """
    lines = data.split(b"\r\n")
    for i, line in enumerate(lines):
        if len(line) > FOLD_OCTETS:
            lines[i] = _fold_octets(line)
    return b"\r\n".join(lines)


def utc_stamp(value: dt.datetime) -> str:
    """20261201T081530Z: two-digit strings from a table joined by an f-string, a fifth of
    %-formatting's cost and a tenth of strftime's (rows come in UTC already)."""
    if value.tzinfo is not _UTC:
        value = value.astimezone(_UTC)
    y = value.year
    return (f"{D2[y // 100]}{D2[y % 100]}{D2[value.month]}{D2[value.day]}"
            f"T{D2[value.hour]}{D2[value.minute]}{D2[value.second]}Z")


# "00" … "99": every field of a stamp (a year is two of them) is one lookup, not one int formatting.
D2 = tuple("%02d" % i for i in range(100))  # noqa: UP031


def local_stamp(value: dt.datetime) -> str:
    """Wall-clock time in Stockholm, for TZID=Europe/Stockholm properties."""
    return _wall(value.astimezone(STOCKHOLM))


def _wall(local: dt.datetime) -> str:
    y = local.year
    return (f"{D2[y // 100]}{D2[y % 100]}{D2[local.month]}{D2[local.day]}"
            f"T{D2[local.hour]}{D2[local.minute]}{D2[local.second]}")


def ambiguous(value: dt.datetime) -> bool:
    """Whether Stockholm's clock shows this instant's wall-clock time twice (the October change)."""
    return _ambiguous_local(value.astimezone(STOCKHOLM))


def _ambiguous_local(local: dt.datetime) -> bool:
    # Every repeated hour Stockholm has had began before 03:00 local (1916, 1980-), save the
    # 12 minutes before midnight when 1900 began; the fold check costs ten times this test.
    if local.hour >= 3 and local.year > 1900:
        return False
    return local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()


def zoned_or_utc(name: str, value: dt.datetime, tzid: str) -> str:
    """NAME;TZID=…:local, or NAME:…Z when the local time would name two instants (readers differ on
    which one: ical.js and libical take the later, RFC 5545 the earlier)."""
    local = value.astimezone(STOCKHOLM)
    if _ambiguous_local(local):
        return f"{name}:{utc_stamp(value)}"
    return f"{name};TZID={tzid}:{_wall(local)}"


def date_stamp(value: dt.date) -> str:
    y = value.year
    return f"{D2[y // 100]}{D2[y % 100]}{D2[value.month]}{D2[value.day]}"
