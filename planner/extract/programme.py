"""A meeting's hours as a summons or a template gives them apart from its date: a day's programme ("08.30
Sammanträdet startar"), the meeting named with its hour ("• Förbundsmötet kl. 10:00"), a template's fields."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc

# A day's programme, the time before what happens: "08.30 Sammanträdet startar", "17.00 Sammanträdet avslutas".
_PROGRAMME = re.compile(r"(?P<h>[0-2]?\d)[.:](?P<m>[0-5]\d)\s{1,3}(?:sammantradet|motet|stamman|fullmaktige)\s{1,3}"
                        r"(?:(?P<open>startar|borjar|inleds|oppnas)|(?P<close>avslutas|slutar))(?![a-z])")


def programme_hours(doc: Doc) -> tuple[str, str | None] | None:
    head = doc.folded[:20000]
    if not any(verb in head for verb in ("startar", "borjar", "inleds", "oppnas")):  # a programme starts somewhere
        return None
    start = end = None
    for hit in _PROGRAMME.finditer(doc.folded, 0, 20000):
        at = f"{int(hit.group('h')):02d}:{hit.group('m')}"
        if hit.group("open") and start is None:
            start = at
        elif hit.group("close") and start is not None and at > start:
            end = at
    return (start, end) if start else None


# A document template's fields, as Typst or YAML front matter writes them: `#let time = "17:31"`, `location: "EA"`
TIME_FIELD = re.compile(r"(?m)^[ \t#]*(?:let[ \t]+)?(?:time|tid|starttid)[ \t]*[:=][ \t]*"
                         r"[\"']?([0-2]?\d)[:.]([0-5]\d)")
LOCATION_FIELD = re.compile(r"(?m)^[ \t#]*(?:let[ \t]+)?(?:location|plats)[ \t]*[:=][ \t]*"
                             r"[\"']([^\"'\n]{2,60})[\"']")
# The meeting itself in a programme: "• Förbundsmötet kl. 10:00" (the noun leads its short line), or "Årsmötet
# börjar kl. 19.00" anywhere; "nästa möte kl 18" is another meeting's.
_NOUN_STARTS = re.compile(r"(?<![a-z])(?P<n>[a-z]{0,20}(?:sammantradet|motet|stamman|fullmaktige))\s{1,3}"
                          r"(?P<v>(?:startar|borjar|inleds|oppnas)\s{1,3}(?:(?:redan|forst)\s{1,3})?)?"
                          r"(?:kl\.?|klockan)\s{0,2}(?P<h>[0-2]?\d)(?:[.:](?P<m>[0-5]\d))?(?!\d|[.:]\d)")
_LEADS_LINE = re.compile(r"[\s•*·-]{0,6}$")


def noun_starts(doc: Doc) -> str | None:
    for hit in _NOUN_STARTS.finditer(doc.folded, 0, 20000) if "kl" in doc.folded else ():
        line = doc.line_of(hit.start())
        short = len(doc.lines[line].strip()) <= 60 and _LEADS_LINE.fullmatch(doc.folded, doc.starts[line], hit.start())
        if (hit.group("v") or short) and not doc.folded.endswith("nasta ", 0, hit.start("n")) \
                and int(hit.group("h")) < 24:
            return f"{int(hit.group('h')):02d}:{hit.group('m') or '00'}"
    return None
