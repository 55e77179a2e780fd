"""The hours minutes record as opened and closed: "Mötet öppnades 18.05 … Mötet avslutades 19.40", "Öppnar mötet",
"Ordföranden förklarade mötet öppnat", and a template's "Mötet öppnades #time"."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc
from planner.extract.times import loose_time

_M = r"m[aeiouyd]{1,2}t"  # "mötet" and its OCR forms ("métet", "MOotet")
_OPENED = re.compile(r"(?:" + _M + r"(?:et|ets)|sammantradet|sammantradets)\s{1,3}(?:[aeiouyd]{1,2}ppna[a-z]{0,4}"
                     r"|[aeiouyd]{1,2}ppnande)"
                     r"|[aeiouyd]{1,2}ppna(?:de|r)[a-z]{0,3}\s{1,3}(?:" + _M + r"et|sammantradet)"  # "Öppnar mötet"
                     r"|f[aeiouyd]{1,2}rklara[rd]e?\s{1,3}" + _M + r"et\s{1,3}[aeiouyd]{1,2}ppnat")
_CLOSED = re.compile(r"(?:" + _M + r"(?:et|ets)|sammantradet|sammantradets)\s{1,3}"
                     r"(?:avs[li1t]ut[a-z]{0,5}|stangs|stangdes)"  # "avsiutas": OCR's i for l
                     r"|avs[li1t]ut(?:ade|ar)[a-z]{0,3}\s{1,3}(?:" + _M + r"et|sammantradet)"  # "Avslutar mötet 12:30"
                     r"|f[aeiouyd]{1,2}rklara[rd]e?\s{1,3}(?:[a-z]{1,12}\s{1,3})?" + _M + r"et\s{1,3}avs[li1t]utat")


_CLOCK_FIRST = re.compile(r"\s{0,4}(?:kl|\d{1,2}[.:]\d\d|[a-z]{2,12}\s{1,3}(?:avs[li1t]ut|oppna)[a-z]{0,4}\s)")


def _line_end(doc: Doc, pos: int, limit: int) -> int:
    """Where the cue's line ends, at most `limit` characters on (a time under a heading "Mötets öppnande"
    may stand on the next line: one line break is allowed when the cue ends its line)."""
    stop = doc.folded.find("\n", pos, pos + limit)
    clock = _CLOCK_FIRST.match(doc.folded, stop + 1) if stop != -1 and not doc.folded[pos:stop].strip(" :.\t") else None
    if clock is not None:
        stop = doc.folded.find("\n", clock.end(), clock.end() + limit)
    return min(len(doc.folded), pos + limit) if stop == -1 else stop


_VARIABLE = re.compile(r"[ \t]{0,3}(?:kl\.?\s)?#([a-z_][a-z0-9_]{0,20})")


# Every _OPENED match holds "ppna" and every _CLOSED match "avslut" or "stang", at most _HINT_REACH characters after
# its start: the scan starts just before the first of them (a substring search), or not at all.
_OPENED_HINTS, _CLOSED_HINTS = ("ppna",), ("avslut", "avsiut", "avs1ut", "avstut", "stang")  # OCR's i/1/t for l
_HINT_REACH = 60


def _first_timed(doc: Doc, pattern: re.Pattern[str], pos: int, hints: tuple[str, ...]
                 ) -> tuple[re.Match[str] | None, tuple[str, str | None] | None]:
    """The first opening (or closing) that gives a time on its line, or names a template variable: a heading
    "Mötets öppnande" may come before "Mötet öppnades 18.05". Else the first one, without a time."""
    found_at = [at for hint in hints if (at := doc.folded.find(hint, pos)) != -1]
    if not found_at:
        return None, None
    first = None
    for hit in pattern.finditer(doc.folded, max(pos, min(found_at) - _HINT_REACH)):
        first = first or hit
        found = loose_time(doc.folded, hit.end(), _line_end(doc, hit.end(), 50))
        if found is not None or _VARIABLE.match(doc.folded, hit.end()):
            return hit, found
        if hit.start() - first.start() > 2000:
            break
    return first, None


def opened_closed(doc: Doc) -> tuple[str | None, str | None]:
    """ "Mötet öppnades 18.05 … Mötet avslutades 19.40"."""
    opened, begin = _first_timed(doc, _OPENED, 0, _OPENED_HINTS)
    if opened and begin is None and (named := _VARIABLE.match(doc.folded, opened.end())):
        # Typst and other templates: "Mötet öppnades #time" with '#let time = "17:23"' at the top
        value = re.search(r'#let\s{1,3}' + re.escape(named.group(1)) + r'\s{0,3}=\s{0,3}"([0-9:.]{3,5})"', doc.folded)
        begin = loose_time(value.group(1), 0, len(value.group(1))) if value else None
    finish = _first_timed(doc, _CLOSED, opened.end() if opened else 0, _CLOSED_HINTS)[1]
    if begin is None:
        return None, finish[0] if finish else None  # "Avslutades mötet ca 18.30": an end for a known start
    end = finish[0] if finish else begin[1]
    return begin[0], end if end and end > begin[0] else None
