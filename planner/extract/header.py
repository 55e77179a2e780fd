"""The meeting the minutes record: the labelled header (Tid/Datum/Plats) or the title line's date.

Page headers repeated on every page (furniture) are tried last, so a template's stale date in
them never overrides the real header.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from planner.extract.cues import (
    ADMIN,
    AFTER_IT,
    ANNOUNCED,
    CANCELLED,
    COUNCIL,
    EXTRA,
    HANDOVER_EVENT,
    HELD,
    HOLL,
    MEETING,
    MINUTES_TITLE,
    NEXT,
    NEXT_ACRONYM,
    NEXT_ASSEMBLY,
    NEXT_HEADING,
    PAST_FORM,
    PUBLISHED,
    WAS_PLANNED,
)
from planner.extract.dates import DateMention
from planner.extract.dockind import CALLS, dateline
from planner.extract.front_matter import METADATA, front_matter_lines
from planner.extract.meeting_place import TIME_IN_PLACE, location
from planner.extract.normalize import Doc
from planner.extract.opened_closed import opened_closed
from planner.extract.orgs import BODY
from planner.extract.programme import LOCATION_FIELD, TIME_FIELD, noun_starts, programme_hours
from planner.extract.times import TimeMention, loose_time
from planner.extract.years import safe_date, weekday_year

LABEL = re.compile(
    r"^\s{0,24}(?:sammantradesdatum|sammantradesdag|motesdatum|datum,?\s{1,3}tid\s{1,3}och\s{1,3}plats"
    r"|datum och tid|datum\s{1,3}och\s{1,3}tid|tid och plats"
    r"|datum|plats och tid|tid|dag|nar)(?![a-z])\s{0,3}:?")
_INLINE_LABEL = re.compile(r"(?<![a-z])(?:sammantradesdatum|sammantradesdag|motesdatum|tid och plats|plats och tid"
                           r"|datum och tid|datum|arendelista|foredragningslista|(?P<tid>tid)"
                           r"|tidpunkt)\s{0,3}:?\s{0,3}"
                           # "Plats och tid Moraparken, Mora, måndagen den 20 oktober 2014": the place first
                           r"(?:(?<=plats och tid )(?:[a-z0-9 .-]{2,30}?"
                           r"(?:,\s{1,3}|\s(?=(?:man|tis|ons|tors|fre|lor|son)dag))){1,2})?"
                           r"(?:(?:man|tis|ons|tors|fre|lor|son)dag(?:en)?\s{1,3})?(?:den\s{1,3})?$")
TIME_LABEL = re.compile(r"^\s{0,24}(?:tid|plats och tid|tid och plats|klockslag)(?![a-z])")
TIME_LINE = re.compile(r"^\s{0,6}(?:tid(?![a-z])\s{0,3}:?\s{0,3})?(?:kl|\d)")
TOP_LINES = 14


@dataclass
class Meeting:
    date: dt.date
    start: str | None
    end: str | None
    location: str | None
    line: int
    labelled: bool
    explicit_year: bool

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "start": self.start, "end": self.end, "location": self.location}


def find_meeting(doc: Doc, mentions: list[DateMention], times: list[TimeMention],
                 doc_year: int | None, notice: bool = False,
                 called: bool = False) -> tuple[Meeting | None, DateMention | None]:
    """The meeting the text records. A notice records one only on a title line that names more than
    the date, or in a sentence reporting a held meeting ("valdes … på sitt möte den 20.5.2021")."""
    by_line: dict[int, list[DateMention]] = {}
    for m in mentions:
        if m.precision == "day":
            by_line.setdefault(doc.line_of(m.start), []).append(m)
    for allow_furniture in (False, True):
        for index in sorted(by_line):
            if (index in doc.furniture) != allow_furniture:
                continue
            folded = doc.folded_line(index)
            if (LABEL.match(folded) or _bare_label_above(doc, index)) and not ADMIN.search(folded) \
                    and not _admin_label_above(doc, index) and not _not_own(doc, index, by_line[index][0]):
                found = _meeting_at(doc, by_line[index][0], index, times, doc_year, labelled=True)
                if found:
                    return complete(doc, found, mentions, times), by_line[index][0]
    # A flattened transcript's header: "PROTOKOLL Kommunstyrelsen Sammanträdesdatum: 2018-10-02 Plats och tid …",
    # "2 Tid och plats Onsdagen den 30 november 2016 kl …": the label inside the line, right before the date.
    if not notice:
        for index in sorted(i for i in by_line if len(doc.lines[i]) > 60 and doc.starts[i] < 6000):
            for m in by_line[index][:5]:
                # "… Plats och tid Moraparken, Mora, måndagen den 20 oktober 2014": the label, a place, the day
                label = _INLINE_LABEL.search(doc.folded, max(doc.starts[index], m.start - 60), m.start)
                # "… Kommunhuset Tid Tisdagen den 26 februari 2013, kl": a bare "Tid" as the form writes its label;
                # "Justeringens plats och tid Förvaltningsbyggnaden, onsdagen den 18 februari": the adjustment's
                if label and (not label.group("tid") or doc.original[label.start()] == "T") \
                        and not ADMIN.search(doc.folded, max(doc.starts[index], label.start() - 90), m.start):
                    found = _meeting_at(doc, m, index, times, doc_year, labelled=True)
                    if found:
                        return complete(doc, found, mentions, times), m
    # "Härmed kallas du … till höstmöte, torsdag 26 november 2020 kl. 19.30": in the call's own paragraph before a
    # letter's own date at the top ("06 september 2023 KALLELSE TILL EXTRA FÖRENINGSSTÄMMA DEN 5 OKTOBER 2023"),
    # anywhere after the call when the top names none.
    if called and (hit := _called(doc, mentions, times, doc_year, same_paragraph=True)):
        return hit
    seen = 0
    for index, line in enumerate(doc.lines):
        if not line.strip() or index in doc.furniture:
            continue
        seen += 1
        if seen > TOP_LINES:
            break
        if index not in by_line or _not_own(doc, index, by_line[index][0]):
            continue
        if notice and dateline(doc, index, by_line[index]):
            continue  # "2021-11-30" alone under a news headline: when it was published
        if called and dateline(doc, index, by_line[index]) and _called_later(doc, by_line, index, times):
            continue  # "Kungörelse … / 1.11.2021 / … sammankommer till möte måndag 8 november 2021 kl. 13.00"
        title = notice and seen <= 3 and _notice_title(doc, index, by_line[index])
        for m in by_line[index][:20]:
            if notice and WAS_PLANNED.search(doc.folded, max(doc.starts[index], m.start - 60), m.start):
                continue  # "Årsmötet var planerat till den 14 maj": the date a notice moves or cancels, not its own
            if _admin_dated(doc, index, m):
                continue  # "Justeringens plats och tid Förvaltningsbyggnaden, onsdagen den 18 februari 2015"
            held = notice and _reports_held(doc, index, m)
            # "Måndagen den 12 december sammanträder kommunfullmäktige på Kulturhuset": the meeting the news announces
            sits = notice and seen <= 3 and m.year is None and _SITS.search(
                doc.folded, max(doc.starts[index], m.start - 60), min(len(doc.folded), m.end + 60)) is not None \
                and CANCELLED.search(doc.folded, 0, 2000) is None  # (a moved meeting's new day is an item)
            if notice and not held and not title and not sits:
                continue
            if called and not notice and _reports_held(doc, index, m):
                continue  # a kallelse's account of last year's meeting ("Lördag 19 september 2020 hölls vårt årsmöte")
            # "21 augusti kommer vårt årsmöte hållas": the meeting a kallelse announces, its year the text's
            announced = called and not notice and m.year is None and _WILL_BE_HELD.match(doc.folded, m.end) is not None
            # "Styrelsen 26 oktober" as an agenda's title: the body and the day it is called for
            titled = called and not notice and seen == 1 and _BODY_DAY_TITLE.fullmatch(doc.folded_line(index))
            # "SPF Vitsippan Årsmöte 2024 14 februari": a news title that gives the year beside its day
            year_beside = title and m.year is None and _YEAR_WORD.search(doc.folded_line(index)) is not None
            if m.year is not None or m.weekday is not None or held or announced or titled or year_beside:
                year = (_title_year(doc) or doc_year) if announced else doc_year  # "Årsmöte 2027 / 21 augusti …"
                found = _meeting_at(doc, m, index, times, year, labelled=False)
                if found:
                    return complete(doc, found, mentions, times), m
    if called and (hit := _called(doc, mentions, times, doc_year, same_paragraph=False)):
        return hit
    # "Styrelseprotokoll 2023-01-25 PDF", "Protokoll 2011-05-26 Georgia Larsson": the line that names the minutes.
    for index in sorted(by_line):
        line = doc.folded_line(index)
        if len(line) < 70 and MINUTES_TITLE.search(line) and not _not_own(doc, index) and not ADMIN.search(line):
            m = by_line[index][0]
            found = _meeting_at(doc, m, index, times, doc_year, labelled=False) if m.year else None
            if found:
                return complete(doc, found, mentions, times), m
    return None, None


_SITS = re.compile(r"(?<![a-z])(?:sammantrader|sammankommer)\s{1,3}[a-z]{0,20}(?:fullmaktige|styrelsen|namnden"
                   r"|direktionen|kyrkoradet)(?![a-z])|(?:fullmaktige|styrelsen|namnden|direktionen|kyrkoradet)"
                   r"\s{1,3}(?:sammantrader|sammankommer)(?![a-z])")
_YEAR_WORD = re.compile(r"(?<![\d.:/-])(?:19|20)\d\d(?![\d.:/-])")


# "Stämmoombud ska kallas till stämman senast 2 månader (21 juli) före stämman": when the call is due, not the meeting.
_BY_LATEST = re.compile(r"(?<![a-z])senast(?![a-z])")


def _called(doc: Doc, mentions: list[DateMention], times: list[TimeMention], doc_year: int | None,
            same_paragraph: bool) -> tuple[Meeting, DateMention] | None:
    ends = doc.memo.get("call_ends")
    if ends is None:  # asked twice per document (same paragraph first): the opening is scanned once
        ends = doc.memo["call_ends"] = [cue.end() for cue in CALLS.finditer(doc.folded, 0, 4000)]
    for end in ends:
        for m in mentions:
            if end <= m.start <= end + 160 and m.precision == "day" and not _not_own(
                    doc, doc.line_of(m.start), m) and not (same_paragraph and "\n\n" in doc.folded[end:m.start]) \
                    and _BY_LATEST.search(doc.folded, end, m.start) is None:
                found = _meeting_at(doc, m, doc.line_of(m.start), times, doc_year, labelled=False)
                if found:
                    return complete(doc, found, mentions, times), m
    return None


def _title_year(doc: Doc) -> int | None:
    """The year the text's first line names ("Årsmöte 2027")."""
    first = doc.first_nonblank(1)
    hit = _YEAR_IN_TITLE.search(doc.folded_line(first[0])) if first else None
    return int(hit.group(0)) if hit else None


_YEAR_IN_TITLE = re.compile(r"(?<![\d-])(?:19|20)\d\d(?![\d-])")
_BODY_DAY_TITLE = re.compile(r"[\s#*]{0,4}(?:" + BODY.pattern + r")[a-z]{0,4}[\s,:–-]{1,4}(?:den\s{1,3})?"
                             r"[0-3]?\d\s{1,2}[a-z]{3,9}\.?\s*")
_WILL_BE_HELD = re.compile(r"[ \t,]{1,3}(?:kommer|ska|skall)\s{1,3}(?:[a-z]{2,12}\s{1,3}){0,3}?(?:att\s{1,3})?"
                           r"(?:hallas|halla|aga\s{1,3}rum|genomforas)(?![a-z])"
                           r"|[ \t,]{1,3}(?:halls|ager\s{1,3}rum)(?![a-z])")


def _admin_label_above(doc: Doc, index: int) -> bool:
    """"Justeringens / plats och tid … 2006-05-10": a label wrapped after its first word, which says whose it is."""
    above = doc.prev_nonblank(index, 2)
    if above and LABEL.fullmatch(doc.folded_line(above[0]).strip()):
        above = above[1:]  # "Justeringens / plats och tid / Förvaltningen, 2019-02-06": the label on its own line
    return bool(above) and len(doc.lines[above[0]].strip()) <= 30 \
        and ADMIN.search(doc.folded_line(above[0])) is not None


def _admin_dated(doc: Doc, index: int, m: DateMention) -> bool:
    """The date an adjustment or notice field gives, with no meeting named after the field ("… anslag Organ och
    sammanträdesdatum Kommunstyrelsen 2014-09-09" and "Anslagsbevis Valnämnden har haft sammanträde den 5 mars"
    name the meeting's day)."""
    hits = list(ADMIN.finditer(doc.folded, max(doc.starts[index], m.start - 80), m.start))
    return bool(hits) and "sammantrade" not in doc.folded[hits[-1].end():m.start]


def _called_later(doc: Doc, by_line: dict[int, list[DateMention]], index: int, times: list[TimeMention]) -> bool:
    """A later day with its time in the summons' next lines: the date alone above it is the letter's."""
    alone = by_line[index][0]
    starts = [t.start for t in times]
    for later in sorted(i for i in by_line if index < i <= index + 6):
        for m in by_line[later][:5]:
            if m.year and alone.year and (m.year, m.month, m.day) > (alone.year, alone.month, alone.day):
                i = bisect.bisect_left(starts, m.end)
                if i < len(times) and times[i].start - m.end <= 12:
                    return True
    return False


def _notice_title(doc: Doc, index: int, found: list[DateMention]) -> bool:
    """A news item's title line that records its meeting: "ÅRSMÖTE 9 mars 2022", "Styrelsesammanträdet 2022-09-21"."""
    folded = doc.folded_line(index)
    if len(folded) > 200 or dateline(doc, index, found) or ANNOUNCED.search(folded):
        return False
    if folded.rstrip().endswith(".") and len(folded.split()) >= _SENTENCE_WORDS:
        return False  # "Studentkårens nya styrelse tillträder formellt den 1 juli 2027.": a sentence, no title
    return any(p.search(folded) for p in (MEETING, BODY, COUNCIL, HANDOVER_EVENT))


_SENTENCE_WORDS = 6


def _not_own(doc: Doc, index: int, m: DateMention | None = None) -> bool:
    """A line that names another meeting: the next one, a cancelled one, or the page's publication.

    A long line (a flattened PDF page) is judged only around its date.
    """
    start, end = doc.starts[index], doc.starts[index] + len(doc.lines[index])
    if m is not None and end - start > 160:
        start, end = max(start, m.start - 60), min(end, m.end + 60)
    elif m is not None:  # the sentence may begin on the line above: "… att ställa in sammanträdet\ntorsdagen den 19 …"
        start = max(0, doc.folded.rfind(". ", max(0, m.start - 100), m.start) + 1, min(start, m.start - 100),
                    doc.paragraph_start(index))  # not in the paragraph above ("Nyhet 2019-09-13", blank, …)
        # … and may end on the line below: "… den 23 mars, kommer detta\nsammanträde att ställas in"
        stop = doc.folded.find(". ", m.end, min(len(doc.folded), m.end + 100))
        end = max(end, min(stop if stop != -1 else m.end + 100, doc.paragraph_end(index)))
    folded, original = doc.folded[start:end], doc.original[start:end]
    above = doc.prev_nonblank(index, 1)
    cancel = CANCELLED.search(folded)
    if cancel is not None and AFTER_IT.search(folded, max(0, cancel.start() - 30), cancel.start()):
        cancel = None  # "21 augusti kommer vårt årsmöte hållas, efter att det har skjutits upp": the new date
    return bool(cancel or NEXT.search(folded) or PUBLISHED.search(folded)
                or METADATA.match(doc.folded_line(index)) or index in front_matter_lines(doc)
                or NEXT_ACRONYM.search(original) or NEXT_ASSEMBLY.search(folded)
                or (above and NEXT_HEADING.match(doc.folded_line(above[0]))))


def _reports_held(doc: Doc, index: int, m: DateMention) -> bool:
    """ "Vid årets första sammanträde den 1 februari valdes …": a meeting noun before the date, a past verb."""
    folded = doc.folded
    # The sentence: from the last full stop before a blank, or before a line break and a capital, to the next one.
    ends = [e.start() for e in _LINE_END.finditer(doc.original, max(0, m.start - 200), m.end + 200)]
    lo = max(0, folded.rfind(". ", max(0, m.start - 200), m.start) + 1, m.start - 200,
             *(e + 1 for e in ends if e < m.start), doc.paragraph_start(index, heading=True))
    # (a date may end in its own full stop: "väljs den 19 december.\n\nUnder mötet valdes …")
    stops = [at for at in (folded.find(". ", m.end, m.end + 200), *(e for e in ends if e >= m.end - 1)) if at != -1]
    hi = min(stops) if stops else min(len(folded), m.end + 200)
    if _HELD_ITS.search(doc.folded, max(lo, m.start - 110), m.start) \
            or _HELD_WHICH.search(doc.folded, max(lo, m.start - 110), m.start):
        # "Förbundet höll sitt årsmöte på Best Western i Söderhamn på fredagseftermiddagen den 24 mars",
        # "… kallelsen till årsmötet som hölls i föreningslokalen lördagen den 26 mars"
        return True
    # "… på sitt möte den 20.5.2021", "Den 8 mars genomfördes 2013 års årsmöte"
    noun = (MEETING.search(doc.folded, max(lo, m.start - 45), m.start)
            or MEETING.search(doc.folded, m.end, min(hi, m.end + 45))
            or COUNCIL.search(doc.folded, m.end, min(hi, m.end + 45)))  # "8 december beslutade kommunfullmäktige"
    if noun is not None and noun.start() < m.start and _AN_EXTRA.search(doc.folded, max(lo, noun.start() - 24),
                                                                          noun.end()):
        return False  # "föreslog presidiet ett extrainsatt sammanträde den 28 december, vilket godkändes": to come
    if noun is None and HANDOVER_EVENT.search(doc.folded, m.end, min(hi, m.end + 80)):
        # "Tisdagen den 16/6 avslutade vi verksamhetsåret med presidentskifte": the occasion, told in the past
        return PAST_FORM.search(doc.folded, m.end, hi) is not None
    return bool(noun and HELD.search(doc.folded, lo, hi))


_LINE_END = re.compile(r"\.\n\s*(?=[A-ZÅÄÖ])")
_HELD_ITS = re.compile(r"(?<![a-z])(?:" + HOLL + r"|hade|genomforde)\s{1,3}(?:sitt|sin|ett|en)\s{1,3}"
                       r"(?:[a-z]{1,20}\s{1,3})?[a-z]{0,20}(?:" + MEETING.pattern + r")(?![a-z]{4})")
_HELD_WHICH = re.compile(r"(?:" + MEETING.pattern + r")[a-z]{0,3}\s{1,3}som\s{1,3}"
                         r"(?:(?:av)?" + HOLL + r"s|agde\s{1,3}rum|genomfordes)(?![a-z])[^.]{0,60}$")
# An extra meeting proposed, not held: "ett extrainsatt sammanträde" (the held one is "det extra årsmötet").
_AN_EXTRA = re.compile(r"(?<![a-z])(?:ett|en)\s{1,3}(?:[a-z]{1,12}\s{1,3})?" + EXTRA.pattern)


def _bare_label_above(doc: Doc, index: int) -> bool:
    """ "Sammanträdesdatum" on a line of its own, the date on the next."""
    above = doc.prev_nonblank(index, 1)
    if not above:
        return False
    folded = doc.folded_line(above[0])
    m = LABEL.match(folded)
    # "… Regionradet Dag\n2013-02-22 Tid 13.30": a flattened header whose label ended the line above.
    return (m is not None and not folded[m.end():].strip()) or _LABEL_END.search(folded) is not None


# ("Viktiga datum", "Kommande datum" head a list of days, no label of one)
_LABEL_END = re.compile(r"(?<![a-z])(?<!viktiga )(?<!kommande )(?<!aktuella )(?<!foljande )(?<!preliminara )"
                        r"(?<!nya )(?:dag|datum|sammantradesdatum|motesdatum)\s{0,3}:?\s{0,3}$")


# A weekday that fits only years away is a slip of the writer ("måndag den 28 juli" for 28 juni), not another year.
_WEEKDAY_REACH = 2


def _meeting_at(doc: Doc, m: DateMention, index: int, times: list[TimeMention], doc_year: int | None,
                labelled: bool) -> Meeting | None:
    year = m.year
    if year is None:
        if doc_year is None:
            return None
        year = doc_year
        if m.weekday is not None:
            year = weekday_year(m.month, m.day, m.weekday, doc_year, span=_WEEKDAY_REACH) or doc_year
    date = safe_date(year, m.month, m.day)
    if date is None:
        return None
    # A page's front matter ("date: 2024-04-18 12:00 CET") gives when it was posted, not when the meeting began.
    start, end = (None, None) if index in front_matter_lines(doc) else _time_near(doc, index, m, times)
    return Meeting(date, start, end, location(doc, index), index, labelled, m.year is not None)


_CLOCK_BEFORE_DATE = re.compile(r"(?<![\d.:])(?:kl\.?\s{0,2}|klockan\s{1,2})?([0-2]?\d)[.:]([0-5]\d)\s{1,3}"
                                r"(?:[a-z]{3,9}dag(?:en)?\s{1,3})?(?:den\s{1,3})?$")
_CLOCK_AFTER_DATE = re.compile(r"[ \t,:]{1,4}[0-2]?\d[.:][0-5]\d(?:\s{0,2}[-–]\s{0,2}[0-2]?\d[.:][0-5]\d)?(?![\d.:])")


def _time_near(doc: Doc, index: int, m: DateMention, times: list[TimeMention]) -> tuple[str | None, str | None]:
    """The meeting's time: after its date, under a "Tid" label nearby, on a repeat of its date, or when it opened."""
    line_end = doc.starts[index] + len(doc.lines[index])
    before = _CLOCK_BEFORE_DATE.search(doc.folded, max(doc.starts[index], m.start - 30), m.start)
    if before is not None:  # "… dagordningen, 16.00 den 14 april 2011", "kl. 18.30 onsdagen den 5 maj"
        return f"{int(before.group(1)):02d}:{before.group(2)}", None
    for k, t in enumerate(times):
        if m.end <= t.start <= min(line_end, m.end + 80):
            if ADMIN.search(doc.folded, m.end, t.start):
                break  # "2015-02-16. Justeringens plats och tid …, onsdagen den 18 februari 2015, kl. 10.00"
            return _whole_session(doc, times, k)
    after = _CLOCK_AFTER_DATE.match(doc.folded, m.end, line_end)
    if after is not None:  # "Datum och tid: 2025-03-13 19.00": a clock right after the date
        found = loose_time(doc.folded, m.end, after.end())
        if found:
            return found
    nxt = doc.next_nonblank(index)
    candidates = [nxt] if nxt is not None and TIME_LINE.match(doc.folded_line(nxt)) else []
    if nxt is not None and not candidates and dateline(doc, index, [m]) and TIME_IN_PLACE.search(doc.folded_line(nxt)):
        candidates.append(nxt)  # "2019-01-30" alone, then "Faxepark, konferenslokal Europa, kl. 13:15 – 15:20"
    # A "Tid"/"Plats och tid" line elsewhere in the header block.
    for i in range(max(0, index - 3), min(len(doc.lines), index + 7)):
        if i != index and i not in candidates and TIME_LABEL.match(doc.folded_line(i)):
            candidates.append(i)
    for i in candidates:
        start, stop = doc.starts[i], doc.starts[i] + len(doc.lines[i])
        for k, t in enumerate(times):
            if start <= t.start <= stop:
                return _whole_session(doc, times, k)
        label = TIME_LABEL.match(doc.folded_line(i))
        if label is not None:  # "Tid" alone, the time on the next line: "Tid\n08.30-12.15"
            below = doc.next_nonblank(i)
            ends = [stop] + ([doc.starts[below] + len(doc.lines[below])] if below is not None else [])
            for stop_at in ends:
                found = loose_time(doc.folded, start + label.end(), stop_at)
                if found:
                    return found
    # A flattened header: "Dag 2013-02-22 Tid 13.30 16.40 Plats …".
    window = (max(doc.starts[index], m.start - 120), min(len(doc.folded), m.end + 160))
    for hit in _TID_INLINE.finditer(doc.folded, *window):
        found = loose_time(doc.folded, hit.end(), min(len(doc.folded), hit.end() + 70))
        if found:
            return found
    # "SAMMANTRÄDESPROTOKOLL … Plats och tid Tolkförmedlingen, Borlänge kommun kl. 13:30 15:30 … Sammanträdesdatum
    # 2016-09-29": the form's place and hours at the head of the flattened page, its date further on
    head = _PLACE_HOURS.search(doc.folded, doc.starts[index], min(m.start, doc.starts[index] + 300))
    if head is not None:
        found = loose_time(doc.folded, head.end("kl"), min(len(doc.folded), head.end("kl") + 30))
        if found:
            return found
    return None, None


# "kl. 13.00 15.30": the end after a space; "kl 08.30-12.30; 13.30-16.40": a session with a break.
_END_AFTER_SPACE = re.compile(r"[ \t]{1,2}([0-2]?\d)[.:]([0-5]\d)(?![\d.:])")
_BREAK = re.compile(r"\s{0,2}(?:[;,]|och)\s{0,2}")


def _whole_session(doc: Doc, times: list[TimeMention], k: int) -> tuple[str, str | None]:
    """The meeting's start and end from the time at k: its end written after a space, or after a break."""
    t = times[k]
    finish = t.finish
    if finish is None and (hit := _END_AFTER_SPACE.match(doc.folded, t.end)) is not None:
        end = f"{int(hit.group(1)):02d}:{hit.group(2)}"
        finish = end if t.begin < end <= "24:00" else None
    if finish is not None and k + 1 < len(times):
        after = times[k + 1]
        gap = _BREAK.fullmatch(doc.folded, t.end, after.start)
        if gap is not None and after.finish is not None and finish < after.begin < after.finish:
            finish = after.finish
    return t.begin, finish


_PLACE_HOURS = re.compile(r"(?<![a-z])(?:plats och tid|tid och plats)\s{0,3}:?\s{1,3}[a-z0-9 ,.-]{2,60}?"
                          r"(?P<kl>k[l1i|]\.?|klockan)\s{0,2}(?=\d)")
_TID_INLINE = re.compile(r"(?<![a-z])(?:tid|klockan|tidpunkt)\s{0,3}:?\s{0,3}")
def _labelled_time(doc: Doc, times: list[TimeMention]) -> tuple[str, str | None] | None:
    """"Plats och tid Förvaltningshuset, kl 09.00-17.00" far below the date (a table of contents between)."""
    starts = [t.start for t in times]
    for index, line in enumerate(doc.lines[:200]):
        if len(line) > 160 or not TIME_LABEL.match(doc.folded_line(index)):
            continue
        k = bisect.bisect_left(starts, doc.starts[index])
        if k < len(times) and times[k].start < doc.starts[index] + len(line):
            return _whole_session(doc, times, k)
    return None


def complete(doc: Doc, meeting: Meeting, mentions: list[DateMention], times: list[TimeMention]) -> Meeting:
    """A header without its time or end: the same day repeated with a time ("Söderåsens miljöförbund,
    2022-12-29 Kl. 09.00—10.00" below "Direktionens protokoll 29 december 2022"), or when it opened and closed."""
    if meeting.start is None:
        for m, t in _repeats(meeting, mentions, times):
            if doc.line_of(m.start) not in front_matter_lines(doc) and doc.line_of(t.start) == doc.line_of(m.end):
                meeting.start, meeting.end = t.begin, t.finish  # (a front-matter date says when the page was posted)
                break
        # "Titel:2019-01-30 Protokoll" above the form: "2019-01-30" / "Faxepark, kl. 13:15"
        for m in _alone_repeats(doc, meeting, mentions) if meeting.start is None else ():
            meeting.start, meeting.end = _time_near(doc, doc.line_of(m.start), m, times)
            if meeting.start is not None:
                break
    elif meeting.end is None:  # the kallelse's "kl. 11.30", then the protocol's "12.10.2018. kl. 11.30 13.25"
        meeting.end = next((t.finish for _, t in _repeats(meeting, mentions, times)
                            if t.begin == meeting.start and t.finish), None)
    if (programme := programme_hours(doc)) is not None:  # said outright, it wins over a time met near the date
        meeting.start, meeting.end = programme  # "08.30 Sammanträdet startar … 17.00 Sammanträdet avslutas"
    if meeting.start is None:
        labelled = _labelled_time(doc, times)
        if labelled is not None:
            meeting.start, meeting.end = labelled
    if meeting.start is None and (field := TIME_FIELD.search(doc.folded, 0, 1500)) is not None:
        meeting.start = f"{int(field.group(1)):02d}:{field.group(2)}"  # a template's `#let time = "17:31"`
    if meeting.location is None and (place := LOCATION_FIELD.search(doc.original, 0, 1500)) is not None:
        meeting.location = place.group(1).strip()  # its `location: "EA"`
    if meeting.start is None and (starts := noun_starts(doc)) is not None:
        meeting.start = starts  # "• Förbundsmötet kl. 10:00" in the practical programme, "Årsmötet börjar kl. 19"
    if meeting.start is None or meeting.end is None:
        begin, end = opened_closed(doc)
        if meeting.start is None and begin:
            meeting.start, meeting.end = begin, end
        elif meeting.start and end and end > meeting.start:
            meeting.end = end
    return meeting


def _alone_repeats(doc: Doc, meeting: Meeting, mentions: list[DateMention]) -> Iterator[DateMention]:
    """The meeting's day again, alone on a line of the top of the text (a form's value under its labels)."""
    day = (meeting.date.year, meeting.date.month, meeting.date.day)
    for m in mentions[:40]:
        index = doc.line_of(m.start)
        if m.precision == "day" and (m.year or meeting.date.year, m.month, m.day) == day and index != meeting.line \
                and index < 60 and dateline(doc, index, [m]):
            yield m


def _repeats(meeting: Meeting, mentions: list[DateMention], times: list[TimeMention]
             ) -> Iterator[tuple[DateMention, TimeMention]]:
    """The meeting's day written again with a time right after it, and that time."""
    starts = [t.start for t in times]
    day = (meeting.date.year, meeting.date.month, meeting.date.day)
    for m in mentions[:400]:
        if m.precision != "day" or (m.year or meeting.date.year, m.month, m.day) != day:
            continue
        i = bisect.bisect_left(starts, m.end)
        if i < len(times) and times[i].start - m.end <= 12:
            yield m, times[i]
