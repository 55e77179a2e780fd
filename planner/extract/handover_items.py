"""Handover items: each chairmanship change the text reports (handover.py finds them), dated as the text dates it.

The date is the one the sentence gives, else a start date nearby, the end of the giver's term, a relative day
("i lördags"), the coming New Year ("vid årsskiftet"), the meeting of the minutes, or the day the page was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from typing import Any

from planner.extract import cues
from planner.extract.context import Context
from planner.extract.dates import DateMention
from planner.extract.handover import PROPOSED, UNNAMED, Handover, find_handovers
from planner.extract.normalize import fold
from planner.extract.relative import RELATIVE_DAY, named_day
from planner.extract.resolve import Resolved
from planner.extract.rotation import rotation_handovers
from planner.extract.sentences import sentence_of
from planner.extract.years import safe_date

# "vid årsskiftet", "från nyår": the coming 1 January.
_YEAR_END = re.compile(r"(?<![a-z])(?:vid|efter|fran och med|fr o m|fran|till)\s{1,3}(?:[aeiouyd]{1,2}rsskiftet"
                       r"|nyar(?:et)?(?![a-z]))")


def dated_handovers(ctx: Context, resolved: dict, consumed: set[int], meeting, written: dt.date | None = None,
                    page_month: str | None = None, page_dates: Collection[int] = ()) -> list[dict[str, Any]]:
    """`written`: the day the page says it was published; `page_month`: the month its date field names. News of a
    new chair that dates the change no other way is dated by them. `page_dates`: the ids of the mentions that date
    the page, never the change."""
    doc = ctx.doc
    resolved = {key: value for key, value in resolved.items() if key not in page_dates} if page_dates else resolved
    by_date: dict[str, list[dict[str, Any]]] = {}
    undated = []
    changes: set[int] = set()  # the days that date a handover: the next sentence's change may be the same one
    by_meeting: set[str] = set()  # the days a handover has only because the news reports that meeting
    dated_in: dict[int, tuple[str, float]] = {}  # the first change each paragraph dates, by where it starts
    bodies: dict[int, str | None] = {}  # the body each change's chair word names, by the item's id
    for h in find_handovers(doc.folded, doc.original):
        s0, s1 = sentence_of(ctx.bounds, h.start, len(doc.folded))
        line = doc.line_of(h.start)
        paragraph = doc.paragraph_start(line)
        dated = [m for m in ctx.mentions if s0 <= m.start < s1 and resolved.get(id(m)) and m.precision != "week"
                 and id(m) not in consumed and not _UNTIL_BEFORE.search(doc.folded, max(0, m.start - 60), m.start)]
        # (a chair not yet named is elected on a day said after it: "… sedan X lämnade i november … då ska en ny
        # ordförande väljas" is no change in November)
        dated = [m for m in dated if m.start >= h.start] or (dated[-1:] if h.to_party != UNNAMED else [])
        # "… valdes en ny ordförande som tillträder vid årsskiftet. Vår nya ordförande är X": the coming 1 January
        since = meeting.date if meeting else written or (dt.date.fromisoformat(f"{page_month}-01") if page_month
                                                          else None)
        year_end = not dated and since is not None and _YEAR_END.search(
            doc.folded, _sentence_before(ctx, _sentence_before(ctx, s0)), s1 if meeting else _sentence_after(ctx, s1))
        term = None if dated else _term_start(doc.folded, s0, s1, since or ctx.ref)
        if not dated and not year_end and term is None:  # "… väljs till ordförande. Beslutet gäller från den 17:e …"
            dated = _from_date_nearby(ctx, resolved, consumed, s0, s1, starts_only=h.to_party == UNNAMED)
        term_end = None if dated or term or not h.from_party else _term_end(ctx, resolved, h.from_party, s0)
        # "… valdes X till ny ordförande. Han tillträder uppdraget den 1 juli": the day the new chair begins
        starts = None if dated or term or term_end else _starts_office(ctx, resolved, consumed, s1)
        # ("igår" counts from a day the page or the meeting gives, never from a month its file name gives)
        told = written or (meeting.date if meeting else None)
        relative = None if dated or term_end or starts else _relative_day(ctx, s0, s1, told)
        if h.to_party == UNNAMED and not (dated or term or term_end or relative):
            continue  # "… för att välja en ny ordförande": to come, at a meeting the text gives no day for
        if dated:
            if not cues.MEETING_OR_COUNCIL.search(doc.folded, max(0, dated[0].start - 40), dated[0].start):
                consumed.add(id(dated[0]))  # ("… när fullmäktige sammanträder 4 april": that meeting stays an item)
                changes.add(id(dated[0]))
            date, confidence = _left_before(ctx, dated[0], resolved[id(dated[0])]), 0.85
        elif term is not None:
            date, confidence = term, 0.7
        elif term_end is not None:
            date, confidence = term_end, 0.7
        elif starts is not None:
            date, confidence = starts, 0.75
        elif relative is not None:
            date, confidence = relative, 0.7
        elif since is not None and (year_end or _YEAR_END.search(doc.folded, h.start, s1)):
            # "vid årsskiftet": the coming 1 January.
            year = since.year + (0 if since.month == 1 and since.day <= 15 else 1)
            date, confidence = f"{year}-01-01", 0.7
        elif meeting is None and (took := _took_office(ctx, resolved, consumed, s1)) is not None:
            date, confidence = took, 0.65
        elif meeting is None and PROPOSED.search(doc.folded, s0, s1) \
                and (ahead := _electing_meeting_ahead(ctx, resolved, s1)) is not None:
            date, confidence = ahead, 0.6  # "föreslår X till ny ordförande … inför KF:s stämma den 16 april 2013"
        elif meeting is not None:
            date, confidence = meeting.date.isoformat(), 0.75
            by_meeting.add(date)
        elif (before := _dated_just_before(ctx, resolved, consumed - changes, s0)) is not None:
            date, confidence = before, 0.65  # "Tisdagen den 16/6 avslutade vi året. Vår president … överlämnade …"
        elif (occasion := _occasion_above(ctx, resolved, s0)) is not None:
            date, confidence = occasion, 0.7  # "Presidentskifte 24 juni 2020" as the heading of the report
        elif paragraph in dated_in:
            # "X blev vald till ordförande för regionstyrelsen, … Y blev utsedd till ordförande för regionfullmäktige":
            # the change the paragraph dated before, on the same day
            date, confidence = dated_in[paragraph]
        elif written is not None or page_month is not None:
            undated.append(h)
            continue
        else:
            continue
        dated_in.setdefault(paragraph, (date, confidence))
        body = _body_at(doc.folded, h)
        same = [item for item in by_date.get(date, []) if bodies.get(id(item)) in (None, body) or body is None]
        if same:  # one change read by several patterns (their names joined)
            same[0]["from"] = join_names(same[0]["from"], h.from_party)
            same[0]["to"] = join_names(same[0]["to"], h.to_party)
            continue
        by_date.setdefault(date, []).append(item := _item(date, h, confidence, line, doc.lines[line]))
        bodies[id(item)] = body
    # News that dates the change no other way is dated by the page: unless another sentence already dated it.
    named = {w for day in by_date.values() for item in day for w in _name_words(item["to"])}
    for h in undated:
        if not named & _name_words(h.to_party):
            date = written.isoformat() if written else page_month or ""
            line = doc.line_of(h.start)
            day = by_date.setdefault(date, [])
            if day:
                day[0]["to"] = join_names(day[0]["to"], h.to_party)
                continue
            day.append(_item(date, h, 0.6 if written else 0.55, line, doc.lines[line]))
    for date, h in rotation_handovers(doc.folded, doc.original):
        if date not in by_date:
            line = doc.line_of(h.start)
            by_date[date] = [_item(date, h, 0.7, line, doc.lines[line])]
    items = [item for day in by_date.values() for item in day]
    # A chair the news dates more closely elsewhere ("Han tillträder uppdraget den 1 juli") is no second change on
    # the day of the meeting it was told of
    dated_names = {w for item in items if item["date"] not in by_meeting for w in _name_words(item["to"])}
    items = [item for item in items if item["date"] not in by_meeting or not _name_words(item["to"]) & dated_names]
    for item in items:
        giver = f" från {item['from']}" if item["from"] else ""
        item["title"] = f"Ordförandeskapet går{giver} till {item['to']}"
    return items


# "… uppdraget som löper fram till 31 december 2018": when a term ends, not when the new chair begins.
# "… fram till nästa stämma i mars 2017": the meeting a term runs to.
_UNTIL_BEFORE = re.compile(r"(?:fram\s{1,3}till|till\s{1,3}och\s{1,3}med|t\.?\s?o\.?\s?m\.?|intill)\s{1,3}"
                           r"(?:(?:nasta\s{1,3})?[a-z]{3,20}\s{1,3}(?:[a-z]{1,20}\s{1,3}){0,2}?(?:i|den)\s{1,3})?"
                           r"(?:den\s{1,3})?$")  # "… fram till årsmötet i Järvsöbaden den 20 februari" too
_FROM_BEFORE = re.compile(r"(?:fran|fr\.?\s?o\.?\s?m\.?|fran och med|med start|fr o m)\s{1,3}(?:den\s{1,3})?$")


# "Ordförande i kommunstyrelsen för 2020–2021 blir …", "… valdes till ordförande för år 2024": whole years of office.
_TERM = re.compile(r"(?<![a-z])(?:for|under)\s{1,3}(?:(?:ar|aren|verksamhetsaret)\s{1,3})?(?P<year>(?:19|20)[0-9]{2})"
                   r"(?:\s{0,2}[-–]\s{0,2}(?:19|20)?[0-9]{2})?(?![0-9a-z])")


def _term_start(folded: str, s0: int, s1: int, since: dt.date | None) -> str | None:
    """A term of whole years that the sentence names begins on 1 January of its first year: when that year is still to
    come as the text speaks (a term under way began at the meeting or day that reports the election)."""
    term = _TERM.search(folded, s0, s1)
    if term is None:
        return None
    year = int(term.group("year"))
    return f"{year}-01-01" if since is None or year > since.year else None


def _relative_day(ctx: Context, s0: int, s1: int, ref: dt.date | None) -> str | None:
    """"I lördags … Till ny ordförande valdes …" in a post dated Monday 24 August: Saturday the 22nd (reckoned from
    the day the post was written, not from the meeting it reports)."""
    hit = RELATIVE_DAY.search(ctx.doc.folded, _sentence_before(ctx, s0), s1)
    if hit is not None and not hit.group("today") and _DATE_AFTER.match(ctx.doc.folded, hit.end()):
        return None  # "I söndags den 14 mars": the date itself says which day
    if hit is not None and hit.group("today"):
        ref = ctx.ref  # "avsäger sig idag den 19 februari": the day the text speaks from
    return named_day(hit, ref).isoformat() if hit is not None and ref is not None else None


_DATE_AFTER = re.compile(r"\s{1,3}(?:den\s{1,3})?\d")


def _term_end(ctx: Context, resolved: dict, giver: str, before: int) -> str | None:
    """"Kroatien, som tar över efter Finland", with no date: the day after the term the text gave Finland
    ("Finland är ordförande … från den 1 juli till den 31 december 2019")."""
    doc = ctx.doc
    name = fold(giver.split(" / ")[0]).split(",")[0].strip()
    if len(name) < 3:
        return None
    for m in reversed(ctx.mentions):
        r = resolved.get(id(m))
        if m.start >= before or r is None or not r.end_date or len(r.end_date) != 10:
            continue
        s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
        sentence = doc.folded[s0:s1]
        if name in sentence and "ordf" in sentence:
            return (dt.date.fromisoformat(r.end_date) + dt.timedelta(days=1)).isoformat()
    return None


def _from_date_nearby(ctx: Context, resolved: dict, consumed: set[int], s0: int, s1: int,
                      starts_only: bool = False) -> list[DateMention]:
    """A start date in the sentence before or after a handover that dates none ("från den 1 juli"). `starts_only`:
    for a chair not yet named, not the day the last one left nor a meeting before."""
    doc = ctx.doc
    lo = _sentence_before(ctx, s0)
    hi = sentence_of(ctx.bounds, s1, len(doc.folded))[1] if s1 < len(doc.folded) else s1
    near = [m for m in ctx.mentions if lo <= m.start < hi and id(m) not in consumed and resolved.get(id(m))
            and m.precision == "day"]
    starts = [m for m in near if _FROM_BEFORE.search(doc.folded, max(0, m.start - 20), m.start)]
    if starts_only:
        return starts[:1]
    # "… avsäga sig uppdraget på kommunfullmäktige den 17 oktober. Annette Fransson har blivit vald …": the meeting
    # the sentence before names is when the new chair takes over.
    held = [m for m in near
            if m.start < s0 and cues.MEETING_OR_COUNCIL.search(doc.folded, max(lo, m.start - 40), m.start)
            and not cues.NEXT.search(doc.folded, max(lo, m.start - 40), m.start)]
    # "… avsäger sig idag den 19 februari … posten som ordförande. Till dess tjänstgör vice ordförande X": the day
    # the chair left, up to two sentences before.
    far = _sentence_before(ctx, lo)
    left = [m for m in ctx.mentions if far <= m.start < s0 and resolved.get(id(m))
            and m.precision in ("day", "month") and _LEAVES.search(doc.folded, *sentence_of(ctx.bounds, m.start, s0))]
    return (starts or held[-1:] or left[-1:])[:1]


def _took_office(ctx: Context, resolved: dict, consumed: set[int], s1: int) -> str | None:
    """"X har valts till ny ordförande. … tillträdde han under Mälartinget i Örebro den 10 maj": when the office
    began, a few sentences on (under a headline that names the change). That day is another event's, named as such."""
    folded = ctx.doc.folded
    for m in ctx.mentions:
        if m.start < s1 or id(m) in consumed or m.precision != "day" or not resolved.get(id(m)):
            continue
        # in a sentence of its own: "Umeå studentkårs nya styrelse tillträder formellt den 1 juli"
        d0, _ = sentence_of(ctx.bounds, m.start, len(folded))
        if _NEW_OFFICE.search(folded, d0, m.start) and _TOOK_OFFICE_ON.search(folded, d0, m.start):
            consumed.add(id(m))  # the day the office begins, no meeting
            return resolved[id(m)].first_day.isoformat()
        if m.start < s1 + 400 and _TOOK_OFFICE.search(folded, s1, m.start):
            return resolved[id(m)].first_day.isoformat()
    return None


# The body a chair word names in the clause of the change: "regionstyrelsens ordförande", "ordförande i den
# fokusberedning", "till kommunfullmäktiges presidium valdes": two chairs of two bodies on one day are two changes.
_BODY = re.compile(r"(fullmaktig|styrels|namnd|beredning|utskott|direktion)")
_CLAUSE_END = re.compile(r"[.,;:!?\n]|\s(?:och|medan|samt)\s")


def _body_at(folded: str, h: Handover) -> str | None:
    lo = max(0, h.start - 60)
    lo = max([m.end() for m in _CLAUSE_END.finditer(folded, lo, h.start)], default=lo)
    end = _CLAUSE_END.search(folded, h.end, h.end + 45)
    body = _BODY.search(folded, lo, end.start() if end else min(len(folded), h.end + 45))
    return body.group(1) if body else None


def _name_words(name: str | None) -> set[str]:
    return {w for w in fold(name or "").split() if len(w) > 2 and not w.startswith("(")}


def _starts_office(ctx: Context, resolved: dict, consumed: set[int], s1: int) -> str | None:
    """"Han tillträder uppdraget den 1 juli 2019" right after the election: the day the new chair begins (that day no
    meeting)."""
    folded = ctx.doc.folded
    n0, n1 = sentence_of(ctx.bounds, min(len(folded) - 1, s1 + 1), len(folded))
    if not _HE_OR_SHE.match(folded, n0):
        return None
    for m in ctx.mentions:
        if n0 <= m.start < n1 and id(m) not in consumed and m.precision == "day" and resolved.get(id(m)) \
                and _TOOK_OFFICE_ON.search(folded, n0, m.start):
            consumed.add(id(m))
            return resolved[id(m)].first_day.isoformat()
    return None


_HE_OR_SHE = re.compile(r"\s{0,3}(?:han|hon|hen)\s{1,3}")
# "tillträder formellt den 1 juli": the verb right before its day ("tillträdde han under Mälartinget … den 10 maj"
# names the occasion, whose day it is)
_TAKES_OFFICE = r"(?<![a-z])(?:tilltradde|tilltrader|tilltrada|tilltratt)"
_TOOK_OFFICE_ON = re.compile(_TAKES_OFFICE + r"(?:\s{1,3}(?!under|vid|pa|i\s)[a-z]{2,12}){0,2}\s{1,3}"
                             r"(?:den\s{1,3}|fran\s{1,3}(?:och\s{1,3}med\s{1,3})?)?$")
_NEW_OFFICE = re.compile(r"(?<![a-z])nya\s{1,3}(?:[a-z]{2,20}\s{1,3})?(?:styrelse|styrelsen|presidiet|ledningen)"
                         r"(?![a-z])")


_TOOK_OFFICE = re.compile(_TAKES_OFFICE + r"(?![a-z])")


_LEFT = re.compile(r"(?<![a-z])(?:slutade|avgick|lamnade|avsade|avgatt|slutat)(?![a-z])")
_TAKES_ON = re.compile(r"(?<![a-z])(?:tar\s{1,3}[aeiouyd]{1,2}ver|tilltrader|borjar|startar)\s{1,3}"
                       r"(?:[a-z]{1,15}\s{1,3}){0,3}?(?:den\s{1,3})?$")


def _left_before(ctx: Context, m: DateMention, r: Resolved) -> str:
    """"I augusti slutade Anna Ericsson som ordförande" in minutes of March: last August, not the coming one."""
    if m.year is not None or ctx.ref is None or r.first_day <= ctx.ref:
        return r.date
    s0, s1 = sentence_of(ctx.bounds, m.start, len(ctx.doc.folded))
    if not _LEFT.search(ctx.doc.folded, s0, s1) or _TAKES_ON.search(ctx.doc.folded, max(s0, m.start - 60), m.start):
        return r.date  # "… lämnade över till Per Holm, som tar över den 1 juli": the coming start, not a past one
    year = int(r.date[:4]) - 1
    earlier = safe_date(year, m.month, m.day or 1)
    return r.date if earlier is None else (earlier.isoformat() if m.precision == "day" else f"{year:04d}-{m.month:02d}")


def _item(date: str, h: Handover, confidence: float, line: int, text: str) -> dict[str, Any]:
    return {"kind": "chair_handover", "date": date, "end_date": None, "start": None, "end": None, "title": "",
            "location": None, "from": h.from_party, "to": h.to_party, "confidence": confidence,
            "evidence": {"line": line + 1, "text": text.strip()[:300]}}


def _dated_just_before(ctx: Context, resolved: dict, consumed: set[int], s0: int) -> str | None:
    """The day the sentence before, in the same paragraph, gives: the event the handover happened at; two sentences
    back, only a meeting's day ("Föreningens årsmöte den 11 mars … samlade 14. Några … Till ny ordförande valdes …")."""
    folded = ctx.doc.folded
    near = _sentence_before(ctx, s0)
    lo = max(_sentence_before(ctx, near), folded.rfind("\n\n", 0, s0) + 2)  # the paragraph's own sentences only
    days = [m for m in ctx.mentions if lo <= m.start < s0 and m.precision == "day" and id(m) not in consumed
            and resolved.get(id(m))
            and (m.start >= near or cues.MEETING_OR_COUNCIL.search(folded, max(lo, m.start - 30), m.start))]
    return resolved[id(days[-1])].first_day.isoformat() if days else None


def _electing_meeting_ahead(ctx: Context, resolved: dict, s1: int) -> str | None:
    """The first day a meeting is named with in the 800 characters after the proposal ("inför KF:s stämma den 16
    april 2013", after the candidate's quote): the meeting that will elect the proposed chair."""
    hi = s1 + 800
    for m in ctx.mentions:
        if s1 <= m.start < hi and m.precision == "day" and resolved.get(id(m)) \
                and cues.MEETING_OR_COUNCIL.search(ctx.doc.folded, max(s1, m.start - 30), m.start):
            return resolved[id(m)].first_day.isoformat()
    return None


def _occasion_above(ctx: Context, resolved: dict, s0: int) -> str | None:
    """The day a heading above names the handover's occasion by ("Presidentskifte 24 juni 2020")."""
    doc = ctx.doc
    line = doc.line_of(s0)
    for index in [line, *doc.prev_nonblank(line, 8)]:
        start = doc.starts[index]
        if len(doc.lines[index]) <= 80 and cues.HANDOVER_EVENT.search(doc.folded, start, start + len(doc.lines[index])):
            days = [m for m in ctx.mentions if start <= m.start < start + len(doc.lines[index])
                    and m.precision == "day" and resolved.get(id(m))]
            if days:  # ("Presidentskifte – 8/7 – Mötesreferat / Presidentskifte": the heading above that has its day)
                return resolved[id(days[0])].first_day.isoformat()
    return None


def _sentence_after(ctx: Context, s1: int) -> int:
    """Where the sentence after the one ending at s1 ends, past blank lines: news names the chair, then the start."""
    end, size = s1, len(ctx.doc.folded)
    while end < size:
        end = max(end + 1, sentence_of(ctx.bounds, end, size)[1])
        if ctx.doc.folded[s1:end].strip():
            break
    return end


def _sentence_before(ctx: Context, s0: int) -> int:
    """Where the sentence before the one at s0 starts, past the blank lines between paragraphs."""
    start = s0
    while start > 0:
        start = sentence_of(ctx.bounds, start - 1, len(ctx.doc.folded))[0]
        if ctx.doc.folded[start:s0].strip():
            break
    return start


_LEAVES = re.compile(r"(?<![a-z])(?:avsager sig|avsagt sig|avsagelse|avgar|avgick|avgang|lamnar sitt|lamnade sitt"
                     r"|slutar som|slutade som)(?![a-z])"
                     r"|(?<![a-z])slut(?:ar|ade)\s[^.\n]{1,60}?\ssom\s{1,3}ordf")  # "slutade Anna E. som ordförande"


def join_names(a: str | None, b: str | None) -> str | None:
    if not a or not b or b in a:
        return a or b
    if a in b:  # "Per Larsson" from the headline, "Per Larsson (M)" from the sentence: the fuller one
        return b
    return f"{a} / {b}"
