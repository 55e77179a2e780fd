"""Clock times on folded text: "kl 9.45-12.15", "kl. 15-16", "09:00-11:55", "10.15-10-45", "lunch till lunch"."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class TimeMention:
    start: int
    end: int
    begin: str
    finish: str | None


_H = r"\d\d?"
_M = r"[0-5]\d"
_M_SPLIT = r"[0-5](?: (?=\d(?!\d)))?\d"  # OCR's "17:3 0": a blank inside the minutes
_RANGE_SEP = r"\s{0,2}(?:[-–—](?:\.(?=\d))?|~|till|ca\.?(?=\s))\s{0,2}"  # "kl 08:30 ca 12:00": until about noon
# A transcript that lost the dash: "kl. 13.00 15.30" (a blank, then a second time with its minutes).
_SPACED = rf"\s{{1,2}}(?={_H}[.:]{_M}(?![\d]|[.:/-]\d))"
_KL = re.compile(
    rf"kl(?<![a-z]kl)(?:ockan)?[.:]{{0,2}}\s{{0,2}}(?P<h1>{_H})(?:[.:,;]?(?P<m1>{_M}))?"  # "kl 1300" too
    rf"(?:(?:{_RANGE_SEP}|{_SPACED})(?:kl\.?\s{{0,2}}|ca\.?\s{{0,2}})?(?P<h2>{_H})(?:[.:,;-](?P<m2>{_M}))?)?(?![\d])")
_BARE = re.compile(
    rf"(?P<h1>[0-9](?<![0-9.:,/\-].)\d?)[.:](?P<m1>{_M}){_RANGE_SEP}(?:ca\.?\s{{0,2}})?(?P<h2>{_H})"
    rf"(?:[.:,-](?P<m2>{_M_SPLIT}))?(?![\d]|\.\d)")
# A lone "12:15" (colon, two-digit minutes) is a clock time too; a lone "12.15" may be a date.
_COLON = re.compile(rf"(?P<h1>[0-9](?<![0-9.:,/\-].)\d?):(?P<m1>{_M})(?![\d:]|\.\d)")
# "… börjar 18.30 och håller på längst till kl. 21.00", "startar kl 9.00": a start word, and an end after "till".
_START_UNTIL = re.compile(
    rf"(?<![a-z])(?:borjar|startar)\s{{1,3}}(?:kl\.?\s{{0,2}}|klockan\s{{1,2}})?(?P<h1>{_H})[.:](?P<m1>{_M})(?![\d])"
    rf"(?:(?:\s{{0,2}}[-–]\s{{0,2}}|[^.\n\d]{{0,40}}?(?<![a-z])(?:till|slutar|avslutas)\s{{1,3}})"
    rf"(?:kl\.?\s{{0,2}}|klockan\s{{1,2}})?(?P<h2>{_H})[.:](?P<m2>{_M})(?![\d]))?")
# "mellan klockan 17.00 och 18.00", "mellan kl. 13 och 15": a range said in words (a clock word or minutes on both).
_BETWEEN = re.compile(
    rf"m(?<![a-z]m)ellan\s{{1,3}}(?:(?P<kl>kl\.?|klockan)\s{{0,2}})?(?P<h1>{_H})(?:[.:](?P<m1>{_M}))?\s{{1,3}}och\s{{1,3}}"
    rf"(?:kl\.?\s{{0,2}}|klockan\s{{1,2}})?(?P<h2>{_H})(?:[.:](?P<m2>{_M}))?(?![\d]|[.:]\d)")
# "17 mars / 14.00 / Årsmöte …": a table flattened a cell a line; a time alone on its line whose minutes no month
# has ("14.00", "18.30") is no date.
_ALONE = re.compile(r"\n[ \t]{0,4}(?P<h1>[0-2]?\d)\.(?P<m1>00|1[3-9]|[2-5]\d)[ \t]*(?=\n|$)")
# (literal-led, so the scan skips ahead by substring search)
_ISO_CLOCK = re.compile(r"t(?<=\d\dt)(?P<h1>[01]\d|2[0-3]):(?P<m1>[0-5]\d):00(?:\.\d{1,7})?")
_TID = re.compile(r"t(?<![a-z]t)id(?:punkt)?[ \t]{0,2}:?[ \t]{0,3}(?=\d)")
_LUNCH = re.compile(r"lunch(?<![a-z]lunch)\s{0,3}(?:-|–|—|till)\s{0,3}lunch(?![a-z])")
_BAD_BEFORE = set("0123456789.:,/-")


def _tid_labels(folded: str) -> list[re.Match[str]]:
    """Each "tid" that labels a time, found by substring search (a scan from every "t" costs more)."""
    found, at = [], folded.find("tid")
    while at != -1:
        if (hit := _TID.match(folded, at)) is not None:
            found.append(hit)
        at = folded.find("tid", at + 3)
    return found


def _hm(hour: str | None, minute: str | None) -> str | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute.replace(" ", "") if minute else 0)
    if h > 24 or (h == 24 and m):
        return None
    return f"{h:02d}:{m:02d}"


def find_times(folded: str) -> list[TimeMention]:
    """Non-overlapping time mentions, earliest first."""
    found: list[TimeMention] = []
    for pattern in (_KL, _BARE):
        for m in pattern.finditer(folded):
            if pattern is _BARE and m.start() and folded[m.start() - 1] in _BAD_BEFORE:
                continue
            begin = _hm(m.group("h1"), m.group("m1"))
            if begin is None or begin == "24:00":
                continue
            finish = _hm(m.group("h2"), m.group("m2")) if m.group("h2") else None
            if finish is not None and finish <= begin:
                finish = None
            found.append(TimeMention(m.start(), m.end(), begin, finish))
    colons: list[TimeMention] = []
    for m in _COLON.finditer(folded) if ":" in folded else ():  # a substring test before the digit scan
        if m.start() and folded[m.start() - 1] in _BAD_BEFORE:
            continue
        begin = _hm(m.group("h1"), m.group("m1"))
        if begin is not None and begin != "24:00":
            colons.append(TimeMention(m.start(), m.end(), begin, None))
    for a, b in zip(colons, colons[1:], strict=False):
        # "27 sep 2021 19:00 21:00": two colon times a blank apart, the later second, are a range whose dash was lost
        if 1 <= b.start - a.end <= 2 and not folded[a.end:b.start].strip(" \t") and b.begin > a.begin:
            found.append(TimeMention(a.start, b.end, a.begin, b.begin))
    found += colons
    for m in _START_UNTIL.finditer(folded) if "rjar" in folded or "startar" in folded else ():
        begin = _hm(m.group("h1"), m.group("m1"))
        if begin is not None:
            finish = _hm(m.group("h2"), m.group("m2")) if m.group("h2") else None
            found.append(TimeMention(m.start(), m.end(), begin, finish if finish and finish > begin else None))
    for m in _BETWEEN.finditer(folded) if "mellan" in folded else ():
        if not (m.group("kl") or m.group("m1") and m.group("m2")):
            continue  # "mellan 13 och 15 personer": numbers, not hours
        begin, finish = _hm(m.group("h1"), m.group("m1")), _hm(m.group("h2"), m.group("m2"))
        if begin is not None and finish is not None and finish > begin:
            found.append(TimeMention(m.start(), m.end(), begin, finish))
    for m in _ALONE.finditer(folded):
        if (begin := _hm(m.group("h1"), m.group("m1"))) is not None:
            found.append(TimeMention(m.start("h1"), m.end(), begin, None))
    for m in _LUNCH.finditer(folded):
        found.append(TimeMention(m.start(), m.end(), "12:00", None))
    for m in _ISO_CLOCK.finditer(folded) if ":00" in folded else ():  # "2026-02-17T15:00:00.0000000"
        found.append(TimeMention(m.start("h1"), m.end(), f"{m.group('h1')}:{m.group('m1')}", None))
    for m in _tid_labels(folded):  # "Tid: 18.30", "Tid 13-17": the label says a time comes
        eol = folded.find("\n", m.end())
        hit = _LOOSE.match(folded, m.end(), eol if eol != -1 else len(folded))
        if hit is None or not (hit.group("m1") or hit.group("h2")):
            continue  # a bare number after the label is no time: "Tid 2 timmar"
        if (read := loose_time(folded, m.end(), hit.end())) is not None:
            found.append(TimeMention(m.end(), hit.end(), read[0], read[1]))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    result: list[TimeMention] = []
    for t in found:
        if not result or t.start >= result[-1].end:
            result.append(t)
    return result


# A clock time as a header writes it after its label: "13-17", "13.30 16.40", "08.30-12.15", "18:10", "kl 18".
_LOOSE = re.compile(
    rf"(?P<kl>kl(?:ockan)?\.?\s{{0,2}})?(?P<h1>[0-2]?\d)(?:[.:,](?P<m1>{_M}))?"  # "kl 9,30 – 12,00" too
    rf"(?:\s{{0,2}}(?:-|–|—|till|\s)\s{{0,2}}(?:kl\.?\s{{0,2}})?(?P<h2>[0-2]?\d)(?:[.:,](?P<m2>{_M}))?)?"
    rf"(?![\d/]|[.:-]\d)")


# A PDF's text that lost the blank and the dash between two times: "Tid: 20230118 9.0010.00".
_JOINED = re.compile(rf"(?<![\d.:])(?P<h1>[0-2]?\d)[.:](?P<m1>{_M})(?P<h2>[0-2]?\d)[.:](?P<m2>{_M})(?![\d])")


def loose_time(folded: str, start: int, end: int) -> tuple[str, str | None] | None:
    """The first clock time in folded[start:end], read loosely (a label said a time comes); lunch is skipped."""
    joined, both = _JOINED.search(folded, start, end), None
    if joined is not None:
        begin, finish = _hm(joined.group("h1"), joined.group("m1")), _hm(joined.group("h2"), joined.group("m2"))
        both = (begin, finish) if begin and finish and finish > begin else None
    for m in _LOOSE.finditer(folded, start, end):
        if both is not None and joined is not None and joined.start() < m.start():
            break
        if m.start() and folded[m.start() - 1].isdigit():
            continue
        if m.start() > 1 and folded[m.start() - 1] in "-./" and folded[m.start() - 2].isdigit():
            continue  # "2025-03-13": the month and day of a date, not 03-13 o'clock
        if not (m.group("kl") or m.group("m1") or m.group("h2")):
            continue
        if "lunch" in folded[max(0, m.start() - 8):m.start()]:
            continue
        begin = _hm(m.group("h1"), m.group("m1"))
        if begin is None or (m.group("h2") and not m.group("m1") and not m.group("m2") and not m.group("kl")
                             and "-" not in m.group(0) and "–" not in m.group(0) and "—" not in m.group(0)):
            continue
        finish = _hm(m.group("h2"), m.group("m2")) if m.group("h2") else None
        if finish is not None and finish <= begin:
            finish = None
        return begin, finish
    return both
