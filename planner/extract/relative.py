"""Days news names by the weekday: "I lördags valdes …", "Under torsdagen hade fullmäktige sammanträde".

Reckoned from the day the page was written, as a reader of that day reads them: "i lördags" is the Saturday before,
"under torsdagen" the Thursday of the news itself when it was written on one, else the one before.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.extract import cues
from planner.extract.fuzzy import kw
from planner.extract.sentences import sentence_of

_WEEKDAYS_AGO = {"mndgs": 0, "tsdgs": 1, "nsdgs": 2, "trsdgs": 3, "frdgs": 4, "lrdgs": 5, "sndgs": 6}
# "I lördags", and as OCR reads it: "| lérdags" (the I as a bar, ö as é).
_DAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
# … and "På söndagens förbundsmöte valdes …", "Under torsdagen hade …": the definite weekday.
_AGO = "|".join(kw(word) for word in (*(day + "s" for day in _DAYS), "går"))
RELATIVE_DAY = re.compile(r"(?<![a-z])[i|l1]\s{0,3}(?P<w>" + _AGO + ")(?![a-z])"
                          r"|(?<![a-z])(?:pa|vid|under)\s{1,3}(?P<g>" + "|".join(map(kw, _DAYS)) + r")ens?(?![a-z])"
                          r"|(?<![a-z])(?P<today>i\s?dag)(?![a-z])"
                          r"|(?<![a-z])(?P<yday>" + kw("gårdagens") + "?)(?![a-z])")  # "under gårdagens möte"


def _weekday(word: str) -> int | None:
    """Monday 0 … Sunday 6 for "måndags", "lördags" as folded or read by OCR ("lérdags"): by its consonants."""
    return _WEEKDAYS_AGO.get(re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", word))


def named_day(hit: re.Match[str], ref: dt.date) -> dt.date:
    """The day a RELATIVE_DAY match names, in a text written on `ref`."""
    if hit.group("today"):
        return ref
    if hit.group("yday"):
        return ref - dt.timedelta(days=1)
    weekday = _weekday(hit.group("w") or hit.group("g") + "s")
    if weekday is None:  # "i går"
        return ref - dt.timedelta(days=1)
    back = (ref.weekday() - weekday) % 7
    if back == 0 and hit.group("w"):
        back = 7  # "i torsdags", written on a Thursday: a week ago
    return ref - dt.timedelta(days=back)


_HAD_TODAY = re.compile(r"\s{1,3}(?:har|hade)\s[^.\n]{0,80}?\s(?:haft|hallit|genomfort)(?![a-z])")


def held_on_named_day(folded: str, bounds: list[int], ref: dt.date) -> tuple[dt.date, int] | None:
    """"Under torsdagen hade förbundets fullmäktige sammanträde": the meeting news reports, and where it is said.
    Its sentence says the meeting was held."""
    if "dag" not in folded and "gar" not in folded:  # every match names a day, or "igår"
        return None
    for hit in RELATIVE_DAY.finditer(folded):
        s0, s1 = sentence_of(bounds, hit.start(), len(folded))
        if hit.group("today") and not _HAD_TODAY.search(folded, hit.end(), s1):
            continue  # "Extrainsatt regionfullmäktige idag 27 december": the day is written out, or the news is live
        # ("Idag har beredningsutskottet … haft sammanträde": held today, said in the perfect)
        # "gårdagens möte" is past by itself; another day's needs a verb of a held meeting
        held = hit.group("today") or hit.group("yday") and cues.MEETING_OR_COUNCIL.match(folded, hit.end() + 1) \
            or any(not verb.group(0).endswith("dag") for verb in cues.HELD.finditer(folded, s0, s1))
        if held and cues.MEETING_OR_COUNCIL.search(folded, s0, s1):
            return named_day(hit, ref), hit.start()
    return None


# "På måndag samlas det nya kommunfullmäktige", "nu på torsdag": the coming weekday, not one with its date after it
# ("på måndag den 12 maj" is dated by its date); "i morgon": the next day.
_COMING = re.compile(r"(?<![a-z])(?:(?:nu\s{1,3})?pa\s{1,3}(?P<w>" + "|".join(map(kw, _DAYS)) + r")(?![a-z])"
                     r"(?!\s{1,3}(?:den\s{1,3})?\d|\s{1,3}och)|(?P<tomorrow>i\s?morgon)(?![a-z]))")


def coming_days(folded: str, bounds: list[int], ref: dt.date) -> list[tuple[dt.date, int, int]]:
    """Meetings news announces for a coming weekday, reckoned from the day it was written: (day, start, end)."""
    if "dag" not in folded and "morgon" not in folded:
        return []
    found = []
    for hit in _COMING.finditer(folded):
        s0, s1 = sentence_of(bounds, hit.start(), len(folded))
        if not cues.MEETING_OR_COUNCIL.search(folded, s0, s1):
            continue
        if hit.group("tomorrow"):
            day = ref + dt.timedelta(days=1)
        else:
            weekday = _weekday(hit.group("w") + "s") or 0
            day = ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        found.append((day, hit.start(), hit.end()))
    return found


# "Motioner ska vara inkomna senast 4 veckor före årsmötet", "senast tio dagar innan stämman": a deadline reckoned
# back from the meeting the text calls.
_NUMBERS = {"en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "atta": 8, "nio": 9,
            "tio": 10, "elva": 11, "tolv": 12, "fjorton": 14, "tjugo": 20, "trettio": 30}
_UNITS = {"dag": 1, "dagar": 1, "vecka": 7, "veckor": 7}
_BEFORE_MEETING = re.compile(r"s(?<![a-z]s)enast\s{1,3}(?P<n>\d{1,3}|" + "|".join(_NUMBERS) + r")\s{1,3}"
                             r"(?P<u>dagar|dag|veckor|vecka)\s{1,3}(?:fore|innan)\s{1,3}(?P<what>[a-z]{4,30})(?![a-z])")


def before_meeting(folded: str, meeting: dt.date) -> list[tuple[dt.date, int, int]]:
    """The days "senast N dagar/veckor före mötet" names, reckoned from the meeting's day: (day, start, end)."""
    if "senast" not in folded:
        return []
    found = []
    for hit in _BEFORE_MEETING.finditer(folded):
        if not cues.MEETING_OR_COUNCIL.search(hit.group("what")):
            continue
        if _OWN_DATE_AFTER.match(folded, hit.end()):
            continue  # "senast fem veckor före årsmötet. (31 jan)": the text reckons the day itself
        n = hit.group("n")
        days = (int(n) if n.isdigit() else _NUMBERS[n]) * _UNITS[hit.group("u")]
        found.append((meeting - dt.timedelta(days=days), hit.start(), hit.end()))
    return found


_OWN_DATE_AFTER = re.compile(r"[\s.,]{0,4}(?:\(|,|–|-|dvs\.?|det vill saga)\s{0,3}(?:den\s{1,3})?\d")
