"""The body's next meeting where no "Nästa möte" names it: told as the body's own meeting to come."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection
from typing import Any

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.normalize import Doc, fold
from planner.extract.sentences import sentence_of


def implied_next(ctx: Context, items: list[dict[str, Any]], notice: bool) -> None:
    """The body's next meeting where no "Nästa möte" names it: "Direktionens första sammanträde skall hållas den
    7 februari 2023", or, after a cancelled meeting, the later meeting its business moves to."""
    doc = ctx.doc
    stem = fold(ctx.body or "").split()[-1] if ctx.body else ""
    stem = re.sub(r"(?:en|et|n)$", "", stem)
    cancelled = [i["date"] for i in items if i.get("status") == "cancelled" and len(i["date"]) == 10] if notice else []
    after = max(cancelled) if cancelled else ctx.ref.isoformat() if ctx.ref else ""
    best = None
    first_ahead = min((i["date"] for i in items if i["kind"] == "meeting" and len(i["date"]) == 10
                       and i["date"] > after), default=None)
    # "… den 17 december 2015:\n\nSkapad 2015-11-11": a page's own dates are no second date of the sentence
    references = {i["_title"][0].start for i in items if i["kind"] == "reference" and "_title" in i}
    for item in items:
        if item["kind"] != "meeting" or item.get("status") or len(item["date"]) != 10 or item["date"] <= after:
            continue
        m = item["_title"][0]
        s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
        lo, hi = bisect.bisect_left(ctx.mention_starts, s0), bisect.bisect_left(ctx.mention_starts, s1)
        # News of a meeting to come: "Sammanträdet den 2 mars kommer att behandla …", "Den 24 maj sammanträder de
        # nyvalda ledamöterna i fullmäktige", "Det extra medlemsmötet kommer att äga rum 30 september"
        announced = notice and item["date"] == first_ahead and _announced(ctx, m, s0, s1)
        if sum(start not in references for start in ctx.mention_starts[lo:hi]) > 1 and not announced:
            continue  # a list of dates is a plan, not one next meeting
        before = doc.folded[max(s0, m.start - 80):m.start]
        if _HAS_BEFORE.search(before) and _SUPINE_AFTER.match(doc.folded, m.end):
            continue  # "Förbundsstyrelsen har på styrelsemöte den 3 februari 2024 beslutat …": a meeting held
        own = len(stem) >= 5 and stem in before and cues.MEETING.search(before) or cues.RESUMED.search(before) \
            or item["date"] == first_ahead and _by_generic_head(stem, before)  # no listed meeting before it
        own = (own and not _PAST_MEETING.search(before)) or announced
        if own or (cancelled and cues.MEETING.search(before)):
            if best is None or item["date"] < best["date"]:
                best = item
    if best is not None:
        best["kind"] = "next_meeting"
        best["confidence"] = min(best["confidence"], 0.7)


# "Styrelsen beslutade vid sitt senaste sammanträde att ändra detta till den 12-13 september": the meeting that
# decided is a past one, its body's name no sign that the date is the body's own next meeting.
_PAST_MEETING = re.compile(r"(?<![a-z])(?:senaste|forra|foregaende)\s{1,3}[a-z]{0,20}(?:mote|sammantrade)")


def _announced(ctx: Context, m: DateMention, s0: int, s1: int) -> bool:
    """The clause of a date, within its paragraph and up to the next date, names a meeting to come."""
    doc = ctx.doc
    line = doc.line_of(m.start)
    lo, hi = max(s0, doc.paragraph_start(line)), min(s1, doc.paragraph_end(line))
    later = mentions_between(ctx, m.end, hi)
    hi = later[0].start if later else hi
    sitting = _SITTING.search(doc.folded, lo, hi) or cues.COUNCIL.search(doc.folded, lo, hi) \
        and _TAKES_PLACE.search(doc.folded, lo, hi)  # "konstituerande fullmäktige … som äger rum tisdag 9 maj"
    return bool(sitting and _TO_COME.search(doc.folded, lo, hi)
                and not cues.HELD.search(doc.folded, lo, hi))


# The body's own sitting ("sammanträdet", "sammanträder", "medlemsmötet"), not a conference or a party it holds.
_SITTING = re.compile(r"(?:sammantr[a-z]{0,6}|m[aeiouyd]{1,2}te(?:t|n)?)(?![a-z])")
_TAKES_PLACE = re.compile(r"(?<![a-z])(?:ager\s{1,3}rum|halls)(?![a-z])")
_TO_COME = re.compile(r"(?<![a-z])(?:kommer|ska|skall|sammantrader|ager\s{1,3}rum)(?![a-z])")
_HAS_BEFORE = re.compile(r"(?<![a-z])(?:har|hade)\s[^.]{0,60}$")
_SUPINE_AFTER = re.compile(r"(?:\s{1,3}(?:19|20)\d\d)?\s{1,3}(?:[a-z]{2,12}\s{1,3})?[a-z]{3,}(?:at|it|tt)(?![a-z])")
# "vid styrelsens sammanträde den 12 november" in a landstingsstyrelse's minutes: a body names itself by its head noun.
_GENERIC_HEAD = re.compile(r"(?<![a-z])(styrelse|namnd|direktion|utskott|fullmaktige|beredning|rad)(?:ens|ns|ets|s)"
                           r"\s{1,3}(?:[a-z]{1,14}\s{1,3})?(?:sammantrade|mote)(?![a-z])")


def _by_generic_head(stem: str, before: str) -> bool:
    stem = stem.removesuffix("e")  # "styrels" of "Kommunstyrelsen", "landstingsstyrelse"
    return any(stem.endswith(m.group(1).removesuffix("e")) for m in _GENERIC_HEAD.finditer(before))


# A sub-heading that names a part of the body above it ("Nämnd 2023 (klockan 8.15)", "Arbetsutskott 2023").


def listed_next(doc: Doc, items: list[dict[str, Any]], listed: Collection[int], held: str) -> None:
    """"§ 64 Datum inför höstens möten: / • 16 augusti kl 18:15 / • 13 september …" in minutes that name no next
    meeting: the first listed meeting after the one held is the next."""
    ahead = [i for i in items if i["kind"] == "meeting" and not i.get("status") and len(i["date"]) == 10
             and i["date"] > held and i["evidence"]["line"] - 1 in listed]
    if len(ahead) < 2:
        return
    first = min(ahead, key=lambda i: i["date"])
    line = first["evidence"]["line"] - 1
    above = next((i for i in range(line - 1, max(-1, line - 4), -1) if doc.lines[i].strip()), None)
    heading = doc.folded_line(above).rstrip() if above is not None else ""
    if heading.endswith(":") and _MEETINGS_HEADING.search(heading):  # a heading over the rows, not a plan's own line
        first["kind"] = "next_meeting"


# The heading of the coming dates: "Datum inför höstens möten:", "Kommande sammanträden", "Mötesdagar hösten 2018".
_MEETINGS_HEADING = re.compile(r"(?:moten|motena|sammantraden|sammantradena|motesdagar|motesdatum|sammantradesdagar"
                               r"|sammantradesdatum|sammantradestider|motestider|traffar)(?![a-z])")
