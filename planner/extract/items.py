"""Turn resolved date mentions into schedule items: kind, times, status, title, evidence."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from planner.extract import cues, wording
from planner.extract.cancelled import called_off, changes
from planner.extract.confidence import item_confidence
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.dockind import dateline, place_dateline, wrapped
from planner.extract.history import told_as_past
from planner.extract.next_cues import next_cue_owns
from planner.extract.normalize import Doc
from planner.extract.not_events import (
    AVAILABLE_UNTIL,
    ISSUE_OUT,
    PERIOD_TURNS,
    TERM_FROM,
    TERM_TURNS,
    TURNS_BEFORE,
    correspondence,
)
from planner.extract.ocrwords import repair_text
from planner.extract.resolve import Resolved
from planner.extract.sentences import sentence_of
from planner.extract.times import TimeMention

# What may stand between listed dates and the time they share: "ons 12/2, tors 13/3 och fre 11/4, alla kl 13-15".
GAP_FILLER = re.compile(r"[\s,:;.()&/-]|(?<![a-z])(?:den|och|samt|pa|kl|alla|samtliga|bada"
                         r"|(?:man|tis|ons|tors?|fre|lor|son)(?:dag(?:en|ar|arna)?)?)(?![a-z])")
_NONE_HELD = re.compile(r"(?<![a-z])(?:inga|inget)\s{1,3}(?:[a-z]+\s{1,3})?(?:sammantraden|moten|sammantrade|mote)"
                        r"(?![a-z])")
_NEXT_WORD = re.compile(r"n[aeiouyd]{1,2}st[aeiouy]\s|terst[aeiouyd]{1,2}ende\s|kommande\s")
# The same words found from their literal "st" (the letters before it looked behind for, after it: a pattern led by
# a lookbehind is tried at every position, five times as slow as _NEXT_WORD): the scan skips to each "st" instead of
# trying every n and t, and "kommande" is a substring search of its own. A match starts a letter or three later, on
# the same line where no word was pulled up across a line (Doc.from_text's "lines_apart"), and which lines is all
# that is asked.
_NEXT_WORD_ST = re.compile(r"st(?:(?<=n[aeiouyd]st)|(?<=n[aeiouyd]{2}st))[aeiouy]\s|st(?<=terst)[aeiouyd]{1,2}ende\s")
_COMING_WORD = re.compile(r"kommande\s")
NUMBERED = re.compile(r"^\s{0,4}(?:\d{1,2}\s{0,2}[.)]\s{0,3}[a-z]|§)")
_LOCATION = re.compile(r"^\s{0,3}(?:,|i lokal|i|på|pa|hos)\s{1,3}([A-ZÅÄÖ][^.;\n()]{1,60})")
_DIGITAL = re.compile(r"(?<![a-z])(?:digitalt|digital[a-z]{0,3} mote|via teams|teams-mote|via zoom)(?![a-z])")
_COMING_LIST = re.compile(r"[\s#*>\d.):§]{0,10}kommande\s{1,3}(?:[a-z]{1,20}[- ]?)?"
                          r"(?:moten|sammantraden|traffar)(?![a-z])")


def next_meeting_lines(doc: Doc) -> dict[int, int]:
    """Lines below a "Nästa möte" heading (until the next numbered heading) → the heading's line."""
    sections: dict[int, int] = {}
    if doc.memo.get("lines_apart"):
        found = [*_NEXT_WORD_ST.finditer(doc.folded), *_COMING_WORD.finditer(doc.folded)]
    else:
        found = list(_NEXT_WORD.finditer(doc.folded))
    candidates = sorted({doc.line_of(m.start()) for m in found})
    headings = [i for i in candidates if len(doc.lines[i]) <= 80 and cues.NEXT_HEADING.match(doc.folded_line(i))]
    # "Kommande möten" lists what is to come: its first date is the next meeting unless a heading names that one
    # ("Kommande möte / Vid kommande möte den 16 maj …" above "Kommande möten / Styrelsen möts 5/9 och 3/10").
    coming = {i for i in headings if _COMING_LIST.match(doc.folded_line(i))}
    if coming and any(doc.line_of(m.start()) not in coming for m in cues.NEXT.finditer(doc.folded)):
        headings = [i for i in headings if i not in coming]
    for index in headings:
        seen, i = 0, index + 1
        while i < len(doc.lines) and seen < 8:
            if doc.lines[i].strip():
                if NUMBERED.match(doc.folded_line(i)):
                    break
                seen += 1
                sections.setdefault(i, index)
            i += 1
    return sections


_TOP_LINES = 4
_DECIDED_AFTER = re.compile(r"[ \t)]{0,3}(?:har[ \t]{1,3})?(?:beslutat|beslutade|beslot|beslutades)(?![a-z])")
# An ISO timestamp to the second that no person would set for an event ("T16:51:33"): a machine's record. An event's
# own timestamp has whole minutes ("2026-02-17T15:00:00").
_MACHINE_STAMP = re.compile(r"t[0-2]\d:[0-5]\d:(?!00)[0-5]\d")


def classify(ctx: Context, m: DateMention, r: Resolved, first_in_section: bool) -> tuple[str, str | None]:
    """The item's kind and, for a next meeting, which cue said so."""
    doc = ctx.doc
    s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
    line = doc.line_of(m.start)
    past = ctx.ref is not None and r.first_day < ctx.ref
    if m.month_meeting:
        earlier = ctx.ref is not None and r.date < ctx.ref.isoformat()[:7]
        return ("reference", None) if earlier else ("next_meeting", "month")
    if not m.end_day and (m.start - s0 <= 30 and wording.VALID_FROM.fullmatch(doc.folded, s0, m.start)
                          or wording.VALID_FROM.fullmatch(doc.folded, doc.starts[line], m.start)
                          or TERM_FROM.search(doc.folded, max(s0, m.start - 60), m.start)
                          or wording.VALID_FROM.search(doc.folded, max(s0, m.start - 16), m.start)
                          and cues.CHAIR_WORD.search(doc.folded, s0, s1)):
        # "Från och med 8 oktober 2021 sammanträder direktionen fysiskt": from when it holds; "… vilka personer som
        # ska ingå i kommunens nämnder och styrelser från den 1 januari 2019": from when a term runs; "X är ny
        # ordförande från första juli": from when a chair leads
        return "reference", None
    if r.end_date and len(r.end_date) == 10 \
            and (dt.date.fromisoformat(r.end_date) - r.first_day).days > wording.LONGEST_EVENT:
        return "reference", None  # "Avtalet gäller 2025-01-01--2027-12-31": a period of validity, no event
    if ctx.sentence_has(s0, s1, cues.TERM) and not ctx.sentence_has(s0, s1, cues.DEADLINE_STRONG) and (
            m.precision == "month" or cues.PERIOD_BOUND.search(doc.folded, max(s0, m.start - 30), m.start)):
        return "reference", None  # "mandatperioden … från första juli till sista juni": a rule's period, no event
    if ctx.ref is not None and ctx.written is None and ctx.ref < r.first_day <= ctx.ref + dt.timedelta(days=31) \
            and m.year and not m.end_day and line in doc.first_nonblank(_TOP_LINES) \
            and not (doc.folded[doc.starts[line]:m.start] + doc.folded[m.end:doc.starts[line] + len(doc.lines[line])]
                     ).strip(" .,|"):
        # "Stadsstyrelsens beslut 9.3.2026 / 10.03.2026": the page's date alone under its title, days after the meeting
        return "reference", None
    if _DECIDED_AFTER.match(doc.folded, m.end):
        return "reference", None  # "… har styrelsen idag (30 okt) beslutat att ställa in mötet": the day of a decision
    if _MACHINE_STAMP.match(doc.folded, m.end):
        return "reference", None  # "2026-01-25T16:51:33.0000000+00:00": when a page's entry was saved
    if m.precision == "month" and len(doc.lines[line]) < 100 \
            and cues.PUBLISHED.match(doc.folded_line(line).lstrip(" |*-•")):
        return "reference", None  # "Publicerad 15 juni jun 2022": the byline's month, as the page prints it twice
    if AVAILABLE_UNTIL.search(doc.folded, max(s0, m.start - 40), m.start):
        return "reference", None  # "Meddelandet är tillgängligt t.o.m. 28.4.2021": how long the page stands
    if ISSUE_OUT.search(doc.folded, max(s0, m.start - 80), m.start):
        return "reference", None  # "Nr 1, utgivning 5 maj", "juninummer utdelas … tisdag 8 juni": a paper's issue
    if PERIOD_TURNS.search(doc.folded, max(s0, m.start - 50), m.start) or TERM_TURNS.search(doc.folded, s0, m.start) \
            or TURNS_BEFORE.search(doc.folded, max(s0, m.start - 20), m.start) \
            and ctx.sentence_has(s0, s1, cues.TERM):
        # "Den nya fullmäktigeperioden började 1.8.2021", "Enligt lagen börjar mandattiden för de fullmäktige som
        # väljs … 1.8.2021": when a term begins or ends; "valdagen … är 13.6.2021": the voters', no meeting;
        # "Fullmäktiges mandattid är fyra år och den började 1.8.2021 och den slutar 31.5.2025"
        return "reference", None
    if m.precision == "month" and place_dateline(doc, line, m) \
            and not doc.folded[m.end:doc.starts[line] + len(doc.lines[line])].strip(" ."):
        return "reference", None  # "Värmdö i februari 2017" alone on its line: where and when a letter was written
    if (cues.TERM_UNTIL.search(doc.folded, max(s0, m.start - 20), m.start)
            or ctx.sentence_has(s0, s1, cues.LEAVES_CHAIR)
            and not cues.MEETING_OR_COUNCIL.search(doc.folded, max(s0, m.start - 40), m.start)) \
            and ctx.sentence_has(s0, s1, cues.CHAIR_WORD):
        return "reference", None  # "… till ordförande fram till 14 oktober 2026", "avgår som ordförande den 31 oktober"
    if m.precision == "month" and (not wording.event_before(doc, m, s0) or wording.recurring_after(doc, m, s1)
                                   or ctx.sentence_has(s0, s1, _NONE_HELD)
                                   or _moved_away(ctx, m, s0, s1) or wording.month_span_line(doc.folded_line(line))):
        # "ändring av datumen i maj och december": a month names no event by itself;
        # "I juli månad sker inga politiska sammanträden": nor one the text says there is none of
        return "reference", None
    if wording.SEE_ALSO.match(doc.folded, s0, m.start) or wording.SEE_ALSO.match(doc.folded, doc.starts[line], m.start):
        return "reference", None  # "Se även tidigare nyheter på hemsidan från 14 Sep 2025": a pointer to another page
    if m.precision == "month" and line in doc.prev_nonblank(len(doc.lines), 2) \
            and wording.SIGNED_MONTH.fullmatch(doc.folded, doc.starts[line], m.start) \
            and not doc.folded[m.end:doc.starts[line] + len(doc.lines[line])].strip(" ."):
        return "reference", None  # "Styrelsen, januari 2025" closing a letter: when it was written
    if wording.REPORT_PERIOD.search(doc.folded, max(doc.starts[line], m.start - 50), m.start) \
            or wording.AS_OF.search(doc.folded, max(doc.starts[line], m.start - 10), m.start):
        return "reference", None  # "Månadsrapport per 30 november", "Delårsrapport 1 januari - 30 juni": a period
    if first_in_section and not past:
        return "next_meeting", "heading"
    if line in ctx.plan_lines and not _line_has(ctx, line, cues.DEADLINE_STRONG):
        if not past and next_cue_owns(ctx, m, s0, s1):
            return "next_meeting", "sentence"
        return "meeting", None  # every date a plan page lists is a meeting of the body
    if not past and next_cue_owns(ctx, m, s0, s1):
        return "next_meeting", "sentence"
    if _holiday_line(ctx, line, s0, s1) is not None:
        return "holiday", None
    if _PARAGRAPH_AFTER.match(doc.folded, m.end):
        return "reference", None  # "Protokollsutdrag från fullmäktige 2015-05-08 §26": a decision, by its paragraph
    if _near_has(ctx, m, line, cues.ADMIN) or cues.DIED.search(doc.folded, max(s0, m.start - 25), m.start) \
            or _adjusters_place(ctx, line) or _under_admin_label(ctx, line):
        return "reference", None
    if cues.WAS_PLANNED.search(doc.folded, max(s0, m.start - 60), m.start) and changes(ctx):
        return "meeting", None  # "Årsmötet var planerat till den 14 maj", in a text about its move: the old date
    if (before := ctx.written or ctx.ref) is not None and r.first_day < before and correspondence(ctx.doc, line):
        return "reference", None  # "Anmälningar / 2015-02-16 Genarp ARV - Länsstyrelsen meddelande …": letters in
    if ((before := ctx.written or ctx.ref) is not None and r.first_day < before
            or before is None and ctx.plan_lines and line not in ctx.plan_lines) and told_as_past(doc, m, s0):
        # "Laglighetsprövning av kommunstyrelsens beslut 12 maj 2014": decision history; on a plan page, "stads-
        # fullmäktiges beslut 18.12.2017" below the listed days
        return "reference", None
    now = ctx.written if ctx.written_known else ctx.ref
    # (a period from the day itself runs on past it: "… konferens den 14-15 mars", the meeting the 14th)
    not_future = now is not None and (r.first_day < now or r.first_day == now and not r.end_date)
    if not_future and now is not None and (
            ctx.sentence_has(s0, s1, cues.PAST) or ctx.sentence_has(s0, s1, cues.PAST_FORM)
            or (now - r.first_day).days > 366 or wording.alone_on_line(doc, m, line)):
        if (now - r.first_day).days <= 92 and called_off(ctx, m, s0, s1):
            return "meeting", None  # "Pubaftonen den 8 nov blev också inställd": the calendar's entry says so too
        return "reference", None
    heading = _list_heading(doc, line)
    if heading is not None and _line_has(ctx, heading, cues.DEADLINE_STRONG):
        return "deadline", None  # "Deadlines:" / "Sista dag:" over a list of dated items
    return ctx.sentence_kind(s0, s1), None


def _moved_away(ctx: Context, m: DateMention, s0: int, s1: int) -> bool:
    """"… skjuta fram årsmötet som äger rum i mars, till den 28 april": the month it was moved from."""
    folded = ctx.doc.folded
    if not ctx.sentence_has(s0, s1, cues.CANCELLED):  # most sentences: no cue anywhere, so none before the date
        return False
    cue = cues.CANCELLED.search(folded, s0, m.start)
    if cue is None:
        return False
    return any(n.start > m.end and n.precision == "day" and cues.MOVED_TO.search(folded, max(m.end, n.start - 16),
                                                                                n.start)
               for n in mentions_between(ctx, m.end, s1))


BULLET = re.compile(r"^(?P<indent>[ \t]*)(?:[-*•·+]|\d{1,2}[.)])[ \t]+\S")


def _list_heading(doc: Doc, line: int) -> int | None:
    """The line a list item stands under: the nearest line above that is no list item."""
    if BULLET.match(doc.lines[line]) is None:
        return None
    for index in range(line - 1, max(-1, line - 12), -1):
        text = doc.lines[index]
        if text.strip() and BULLET.match(text) is None:
            if text.strip()[:1].islower() and index and BULLET.match(doc.lines[index - 1]):
                continue  # "detta." under "- … Ingen ny kod ska skrivas efter": an item wrapped (after OCR), no heading
            return index if len(text.strip()) <= 60 else None
    return None


_WRAPPED, _NEAR = 70, 100
_PLACE_TIME = re.compile(r"[\s*]{0,3}(?:plats\s{1,3}och\s{1,3}tid|tid\s{1,3}och\s{1,3}plats)(?![a-z])")


def _adjusters_place(ctx: Context, line: int) -> bool:
    """"Utses att justera NN / Plats och tid Solna stadshus, 2021-05-27": the adjustment's place and time."""
    doc = ctx.doc
    above = doc.prev_nonblank(line, 1)
    return bool(above) and _PLACE_TIME.match(doc.folded_line(line)) is not None \
        and _line_has(ctx, above[0], cues.ADMIN)


_PARAGRAPH_AFTER = re.compile(r",?[ \t]{0,2}§[ \t]{0,2}\d")
_BARE_FIELD = re.compile(r"\s{0,24}(?:plats och tid|tid och plats|datum och tid|tid|datum|plats)\s{0,3}:?\s{0,3}")


def _date_alone_line(ctx: Context, line: int) -> bool:
    """A line that is one date and nothing else ("2015-06-15")."""
    found = mentions_between(ctx, ctx.doc.starts[line], ctx.doc.starts[line] + len(ctx.doc.lines[line]))
    return len(found) == 1 and dateline(ctx.doc, line, found)


def _under_admin_label(ctx: Context, line: int) -> bool:
    """A protocol's anslag box, one field a line: "Datum då anslaget sätts upp / 2012-09-27" (or "Datum då anslaget /
    tas ned 2012-10-19"), the label on the short line above the date's short line."""
    doc = ctx.doc
    if doc.lines[line].strip() and _date_alone_line(ctx, line):
        # "… genom anslag / Direktionen vid Nerikes Brandkår / 2015-05-28 / 2015-06-15 / 2015-07-13": the box's
        # dates one a line under its label, the sammanträdesdatum and the days the notice goes up and comes down
        run = line
        while (up := doc.prev_nonblank(run, 1)) and _date_alone_line(ctx, up[0]) and line - up[0] <= 6:
            run = up[0]
        if run != line and any(len(doc.lines[i].strip()) <= 60 and _line_has(ctx, i, cues.ADMIN)
                               for i in doc.prev_nonblank(run, 2)):
            return True
    above = doc.prev_nonblank(line, 2)
    if len(above) == 2 and _BARE_FIELD.fullmatch(doc.folded_line(above[0])) \
            and len(doc.lines[above[1]].strip()) <= 30 and _line_has(ctx, above[1], cues.ADMIN):
        return True  # "Justeringens / plats och tid / Omvårdnadsförvaltningen, 2019-02-06, kl. 09:00"
    own = doc.lines[line].strip()
    if len(own) > 40 or not (own[:1].isdigit() or own[:1].islower()):
        return False  # "Protokoll direktionen 2021-05-27" under "Omedelbar justering §36": a line of its own
    above = above[:1]
    if not above or len(doc.lines[above[0]].strip()) > 40 or not _line_has(ctx, above[0], cues.ADMIN):
        return False
    start = doc.starts[above[0]]
    return not mentions_between(ctx, start, start + len(doc.lines[above[0]]))


def _near_has(ctx: Context, m: DateMention, line: int, pattern: re.Pattern[str]) -> bool:
    """A cue on the date's line; on a long flattened line (a PDF page as one line) only near the date."""
    doc = ctx.doc
    if len(doc.lines[line]) <= 200:
        if _line_has(ctx, line, pattern):
            return True
        # OCR wraps a PDF's long line: "… Justeringens plats och tid Underskrifter Kommunhuset, månda~ / en 4 juni":
        # the cue ends the long line above, a few words before the date (a line with its own date is its own entry).
        above = doc.prev_nonblank(line, 1)
        if not above or len(doc.lines[above[0]]) < _WRAPPED or m.start - doc.starts[line] > _NEAR:
            return False
        start = doc.starts[above[0]]
        return pattern.search(doc.folded, max(start, m.start - _NEAR), m.start) is not None \
            and not mentions_between(ctx, start, start + len(doc.lines[above[0]]))
    start = doc.starts[line]
    lo, hi = max(start, m.start - 110), min(start + len(doc.lines[line]), m.end + 80)
    # "… synpunkter senast den 6 april 2010, samt att förklara protokollet … justerad": the next clause is another's
    clause = _NEXT_CLAUSE.search(doc.folded, m.end, hi)
    return pattern.search(doc.folded, lo, clause.start() if clause else hi) is not None


_NEXT_CLAUSE = re.compile(r";\s|,\s{1,3}(?:samt|och)\s{1,3}att\s")


def _line_has(ctx: Context, line: int, pattern: re.Pattern[str]) -> bool:
    key = (line, pattern.pattern)
    if key not in ctx.memo:
        ctx.memo[key] = pattern.search(ctx.doc.folded_line(line)) is not None
    return ctx.memo[key]


def _holiday_line(ctx: Context, line: int, s0: int, s1: int) -> int | None:
    """The line that names the school holiday a date belongs to: its own sentence on this line
    ("Sportlov 17 feb-21 feb"), or the line above when this one holds little but dates ("Höstlov\nv 44")."""
    key = (line, s0, "holiday")
    if key not in ctx.memo:
        ctx.memo[key] = None
        doc = ctx.doc
        start, end = max(s0, doc.starts[line]), min(s1, doc.starts[line] + len(doc.lines[line]))
        own = doc.folded[start:end]
        if _holiday_hint(own) and cues.HOLIDAY.search(own):
            ctx.memo[key] = line
        else:
            rest = _WORDS.findall(doc.folded_line(line))
            above = doc.prev_nonblank(line, 1)
            if above and len(" ".join(w for w in rest if not w.isdigit())) <= 12:
                text = doc.folded_line(above[0])
                if _holiday_hint(text) and cues.HOLIDAY.search(text):
                    ctx.memo[key] = above[0]
    return ctx.memo[key]


_WORDS = re.compile(r"[a-z]{2,}")


def _holiday_hint(text: str) -> bool:  # a cheap substring test before the regex
    return "ov" in text or "semester" in text or "helg" in text


def time_for(ctx: Context, m: DateMention) -> TimeMention | None:
    doc = ctx.doc
    s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
    i = bisect.bisect_left(ctx.time_starts, m.end)
    if i < len(ctx.times):
        t = ctx.times[i]
        same_line = doc.line_of(t.start) == doc.line_of(m.start)
        if (t.start < s1 or same_line) and t.start - m.end <= 60:  # "26 mars (OBS! kl 13.00)": its own line's
            between = mentions_between(ctx, m.end, t.start)
            if (same_line and not between) or _clean_gap(ctx, m.end, t.start):
                return t
        elif t.start - m.end <= _LIST_REACH and _one_line(doc, doc.line_of(m.start), doc.line_of(t.start)) \
                and _clean_gap(ctx, m.end, t.start):
            return t  # "Tisdag 23.1., tisdag 6.2., … och tisdag 18.12. kl. 15.00": a line of dates, one time for all
    if i > 0:
        t = ctx.times[i - 1]
        t_line = doc.line_of(t.start)
        if t.end <= m.start and t.start >= s0 and m.start - t.end <= 160 and _clean_gap(ctx, t.end, m.start) \
                and (t_line == doc.line_of(m.start) or not mentions_between(ctx, doc.starts[t_line], t.start)):
            before = mentions_between(ctx, max(0, t.start - 20), t.start)
            if not [d for d in before if _clean_gap(ctx, d.end, t.start)]:
                return t
    line = doc.line_of(m.start)
    line_end = doc.starts[line] + len(doc.lines[line])
    if not mentions_between(ctx, m.end, line_end):
        nxt = doc.next_nonblank(line)
        if nxt is not None:
            start = doc.starts[nxt]
            stop = start + len(doc.lines[nxt])
            k = bisect.bisect_left(ctx.time_starts, start)
            if k < len(ctx.times) and ctx.times[k].start < stop and not mentions_between(ctx, start, stop):
                if not doc.folded[start:ctx.times[k].start].strip(" \t:").replace("tid", "").strip(" :"):
                    return ctx.times[k]
    return None


_LIST_REACH = 400



def _one_line(doc: Doc, first: int, last: int) -> bool:
    """The same line of the page, or one that OCR or a PDF wrapped over the lines between."""
    return all(wrapped(doc, index) for index in range(first + 1, last + 1))


def _clean_gap(ctx: Context, start: int, end: int) -> bool:
    """Only date lists, separators and "den/och" between two positions."""
    pieces, pos = [], start
    for d in mentions_between(ctx, start, end):
        pieces.append(ctx.doc.folded[pos:d.start])
        pos = max(pos, d.end)
    pieces.append(ctx.doc.folded[pos:end])
    return not GAP_FILLER.sub("", "".join(pieces))


def location_after(ctx: Context, pos: int, s0: int, s1: int) -> str | None:
    text = ctx.doc.original[pos:pos + 90]
    m = _LOCATION.match(text)
    if m:
        return repair_text(m.group(1).strip(" ,")[:60], ctx.lost_diacritics, ctx.pieces)
    if ctx.sentence_has(s0, s1, _DIGITAL):
        return "Digitalt"
    return None


def build_item(ctx: Context, m: DateMention, r: Resolved, kind: str, cue: str | None) -> dict:
    doc = ctx.doc
    t = time_for(ctx, m) if m.precision == "day" else None
    s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
    cancelled = kind in ("meeting", "next_meeting") and called_off(ctx, m, s0, s1)
    status = "cancelled" if cancelled else None
    location = None
    if kind in ("meeting", "next_meeting"):
        location = location_after(ctx, max(m.end, t.end if t and t.start > m.end else m.end), s0, s1)
    line = doc.line_of(m.start)
    item: dict[str, Any] = {
        "kind": kind,
        "date": r.date,
        "end_date": r.end_date,
        "start": t.begin if t else None,
        "end": t.finish if t else None,
        "title": None,  # filled in by finish_titles() for the items that survive merging
        "location": location,
        "from": None,
        "to": None,
        "confidence": item_confidence(r, kind, m.precision, cue),
        "evidence": {"line": line + 1, "text": doc.lines[line].strip()[:300]},
    }
    if status:
        item["status"] = status
    item["_title"] = (m, t)
    return item
