"""Text to proposals: pure functions, no Flask, no database. Output per ../shared/gold/SCHEMA.md.

The pipeline: fold the text once (normalize), find every date and time (dates, times), find the
meeting the minutes record (header), infer missing years (years, resolve), then read each
date's sentence to decide what it is (cues, items) and merge what is the same event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection
from dataclasses import replace
from operator import attrgetter
from typing import Any

from planner.extract import cues
from planner.extract.cellrows import cell_rows
from planner.extract.colplans import column_plans
from planner.extract.context import Context
from planner.extract.dates import DateMention, find_dates
from planner.extract.day_only import day_only_next
from planner.extract.dayrows import weekday_rows
from planner.extract.dockind import (
    KALLELSE,
    MINUTES,
    NOTICE,
    PLAN,
    PLAN_WORDS,
    document_kind,
    front_matter_meeting,
    listed_lines,
    page_month,
    publication_dates,
)
from planner.extract.glossary import expand, glossary
from planner.extract.grids import grid_tables
from planner.extract.handover_items import dated_handovers
from planner.extract.header import Meeting, complete, find_meeting
from planner.extract.history import letterhead_dates
from planner.extract.implied_next import implied_next, listed_next
from planner.extract.item_titles import finish_titles
from planner.extract.items import build_item, classify, next_meeting_lines
from planner.extract.loosegrids import loose_grid_tables
from planner.extract.monthrows import month_programme, month_rows
from planner.extract.months import month_number
from planner.extract.normalize import Doc, fold
from planner.extract.ocrwords import repair_text
from planner.extract.orgs import BODY, find_org_body
from planner.extract.pipetables import pipe_tables
from planner.extract.plantimes import plan_time
from planner.extract.relative import before_meeting, coming_days, held_on_named_day
from planner.extract.resolve import SECTION_HEADING, YearContext, resolve
from planner.extract.rowgrids import row_grid_tables
from planner.extract.sentences import sentence_bounds, sentence_of
from planner.extract.table_items import body_heading, fold_into_tables, items_from_tables, latest_year
from planner.extract.tables import month_tables
from planner.extract.text_years import (
    NEXT_YEAR,
    first_full_date,
    headline_year,
    list_end_years,
    moved_to_years,
    moved_year,
    written_at,
)
from planner.extract.times import find_times
from planner.extract.years import document_year, last_weekday_year, safe_date, weekday_fit_year, weekday_year

__all__ = ["extract"]
# One pattern per century: a literal start lets the engine search for it as a substring.
_BARE_YEARS = (re.compile(r"20\d\d(?![\d-])"), re.compile(r"19\d\d(?![\d-])"))


def extract(text: str, source: str = "") -> dict[str, Any]:
    """Everything the minutes say about the calendar, per SCHEMA.md."""
    doc = Doc.from_text(text)
    mentions = find_dates(doc.folded)
    if rows := weekday_rows(doc, mentions):
        mentions = sorted(mentions + rows, key=attrgetter("start"))
    if (by_month := month_rows(doc, mentions)) is not None:
        mentions = by_month
    if programme := month_programme(doc):  # "Februari  Årsmöte / Mars  Månadsmöte …": the rows that name no day
        dated_lines = {doc.line_of(m.start) for m in mentions}
        mentions = sorted(mentions + [m for m in programme if doc.line_of(m.start) not in dated_lines],
                          key=attrgetter("start"))
    times = find_times(doc.folded)
    content = [m for m in mentions if doc.line_of(m.start) not in doc.furniture] if doc.furniture else mentions
    links = _link_spans(doc.original)
    if links:  # a date inside a link or a file name ("/blog/2020/03/09/…", "protokoll-2024-03-06.pdf") is no event
        mentions = [m for m in mentions if not _inside(links, m.start)]
        content = [m for m in content if not _inside(links, m.start)]
    content = [part for m in content for part in _moved_period(doc, m)]
    dated = [m.year for m in content if m.year]
    bare = [int(y) for pattern in _BARE_YEARS for y in pattern.findall(doc.folded)[:10000]]
    # Years of dates first; a text that dates nothing is placed by its file name ("…_2018_10.txt"), then by
    # the years it names ("budgeten för 2020").
    named = _name_year_month(source)
    doc_year = document_year(dated + bare) if dated else named[0] if named else document_year(bare)
    if doc_year and (fixed := _weekday_years(content, doc_year)):
        mentions = [fixed.get(id(m), m) for m in mentions]
        content = [fixed.get(id(m), m) for m in content]
    tables = month_tables(doc) + grid_tables(doc) + row_grid_tables(doc) + pipe_tables(doc) + cell_rows(doc)
    tables += column_plans(doc)
    tables += loose_grid_tables(doc, {cell.header for cell in tables})
    if tables:
        names = glossary(doc)
        tables = [replace(cell, label=full, short=cell.label) if (full := expand(cell.label, names)) != cell.label
                  else cell for cell in tables]
    doc_kind = document_kind(doc, content, len(tables))
    if doc_year is None and doc_kind == PLAN:  # a plan that names no year: the one its days are working days in
        doc_year = weekday_fit_year([(m.month, m.day) for m in content if m.precision == "day" and m.year is None],
                                    latest_year())
    elif doc_year is None:  # minutes that name no year ("Fredag den 9 juni"): the latest year the weekday fits
        doc_year = last_weekday_year([(m.month, m.day, m.weekday) for m in content if m.weekday is not None
                                      and m.precision == "day" and m.year is None], latest_year() - 1)
    meeting, header_mention = None, None
    if doc_kind != PLAN:
        # A notice reports from the day it was written: its first full date, not the year it names most.
        first = first_full_date(content) if doc_kind == NOTICE else None
        # A yearless meeting date ("Datum 10 december") takes the year the file is named by, which names the minutes.
        meeting_year = first.year if first else named[0] if named else doc_year
        meeting, header_mention = find_meeting(doc, mentions, times, meeting_year, notice=doc_kind == NOTICE,
                                               called=_calls(doc, doc_kind))
    if meeting is None and doc_kind in (MINUTES, NOTICE):
        posted = front_matter_meeting(doc, content)
        if posted is not None and posted.year is not None:  # it has a year: front_matter_meeting asks for one
            meeting = complete(doc, Meeting(dt.date(posted.year, posted.month, posted.day), None, None, None,
                                            doc.line_of(posted.start), False, True), mentions, times)
    if meeting is None and doc_kind != PLAN:
        meeting = _meeting_from_name(source)
    if meeting is None and doc_kind == MINUTES:
        meeting = _minutes_file_meeting(doc)
    publications = publication_dates(doc, content, doc_kind, doc_year)
    if doc_kind == KALLELSE and meeting is not None:
        publications.update(letterhead_dates(doc, content, meeting.date))
    published = min(publications.values()) if publications else None  # written then; later edits change less
    if doc_kind == NOTICE and meeting is not None and header_mention is not None and published is not None \
            and meeting.date > published:
        meeting, header_mention = None, None  # news written before the meeting it names announces it: an item
    bounds = sentence_bounds(doc.folded, doc.original)
    if meeting is None and doc_kind == NOTICE and published is not None \
            and (held := held_on_named_day(doc.folded, bounds, published)) is not None:
        # "Under torsdagen hade förbundets fullmäktige sammanträde" in news of Thursday 15 January
        meeting = Meeting(held[0], None, None, None, doc.line_of(held[1]), False, True)
    # The date the text speaks from: the meeting's, else the page's own; a plan judges nothing past.
    ref = meeting.date if meeting else published if doc_kind != PLAN else None
    if ref is None and doc_kind in (MINUTES, KALLELSE):
        ref = first_full_date(content)
    if ref is None and doc_kind != PLAN and not dated and named and named[1]:
        ref = dt.date(named[0], named[1], 1)
    organization, body = find_org_body(doc)
    if doc_kind == NOTICE and published is not None:
        # "På måndag samlas det nya kommunfullmäktige" in news of Tuesday 23 October: Monday the 29th
        content = _with_days(content, coming_days(doc.folded, bounds, published))
    if meeting is not None and doc_kind in (KALLELSE, NOTICE):
        # "Motioner ska vara inkomna senast 4 veckor före årsmötet": the day reckoned back from the called meeting
        content = _with_days(content, before_meeting(doc.folded, meeting.date))

    ctx = Context(doc, content, [m.start for m in content], times, [t.start for t in times],
                  bounds, ref, body)
    if doc_kind == KALLELSE:
        ctx.written, ctx.written_known = published, True
    if organization or body:  # names a person reads: OCR damage repaired like titles
        organization = repair_text(organization, ctx.lost_diacritics) if organization else organization
        body = repair_text(body, ctx.lost_diacritics) if body else body
        ctx.body = body
    # A notice that gives no date of its own reads its yearless dates from its first full date.
    year_ref = ref or (first_full_date([m for m in content if id(m) not in publications])
                       if doc_kind == NOTICE else None)
    if year_ref is not None and ref is None and NEXT_YEAR.search(doc.folded, 0, written_at(content, year_ref)):
        # "Nästa år fyller SmåKom 30 år … 2019 års rikskonferens den 24-26 april 2019": the news is of the year before
        doc_year = year_ref.year - 1
        year_ref = None
    year_context = YearContext(doc, [m for m in content if id(m) not in publications], plan=doc_kind == PLAN)
    if doc_kind == PLAN:
        ctx.plan_lines = listed_lines(doc, content)
        ctx.sections = _plan_sections(doc, ctx.plan_lines)
    if year_ref is None and doc_kind == NOTICE and (headline := headline_year(doc, content)) is not None:
        doc_year = headline  # "Mälardalsrådets Rådsmöte 2020" over "… den 21 augusti … flyttas fram till maj 2021"
    resolved = {}
    named_days: dict[tuple[int, int], int] = {}  # a day named with its own year earlier in the text
    list_years = list_end_years(doc.folded, content)
    moved_to = moved_to_years(doc.folded)
    for m in content:
        context, read = None, m
        if m.year is None:
            context = year_context.year_for(m, sentence_of(ctx.bounds, m.start, len(doc.folded))[0]) \
                or list_years.get(id(m)) or moved_year(doc.folded, moved_to, m.start)
        elif m.year_at_end and named_days.get((m.month, m.day), m.year) != m.year:
            # "blev föräldraledig den 17:e augusti 2020 … gäller från den 17:e augusti t.o.m den 31:a december 2022"
            read = replace(m, year=named_days[(m.month, m.day)])
        elif m.precision == "day" and not m.end_day:
            named_days.setdefault((m.month, m.day), m.year)
        resolved[id(m)] = resolve(read, year_ref, context, doc_year)

    items: list[dict[str, Any]] = []
    consumed: set[int] = set()
    if header_mention is not None:
        consumed.add(id(header_mention))
    items += dated_handovers(ctx, resolved, consumed, meeting, published, page_month(doc), publications)

    sections = next_meeting_lines(doc)
    section_taken: set[int] = set()
    for m in content:
        r = resolved[id(m)]
        if r is None or id(m) in consumed:
            continue
        heading = sections.get(doc.line_of(m.start))
        first_in_section = heading is not None and heading not in section_taken and m.precision == "day"
        kind, cue = ("reference", None) if id(m) in publications else classify(ctx, m, r, first_in_section)
        if kind == "next_meeting" and cue == "heading" and heading is not None:
            section_taken.add(heading)
        items.append(build_item(ctx, m, r, kind, cue))
    if doc_kind == PLAN:
        plan_time(ctx, items)
    elif not any(i["kind"] == "next_meeting" for i in items):
        implied_next(ctx, items, doc_kind == NOTICE)
    if doc_kind == MINUTES and (listed := listed_lines(doc, content)):
        # minutes that fix next year's dates: "Sammanträdestid kl. 14:00. Datum för sammanträden är 6 februari, …"
        ctx.plan_lines = listed
        plan_time(ctx, items)
        ctx.plan_lines = {}
        if meeting is not None and not any(i["kind"] == "next_meeting" for i in items):
            listed_next(doc, items, listed, meeting.date.isoformat())
    if meeting is not None and doc_kind == MINUTES and not any(i["kind"] == "next_meeting" for i in items) \
            and (day := day_only_next(doc, ctx.bounds, ctx.mention_starts, meeting.date)) is not None \
            and (r := resolve(day, meeting.date, None)) is not None:
        items.append(build_item(ctx, day, r, "next_meeting", "sentence"))
    if doc_kind == NOTICE:
        _usual_time(ctx, items)
    if tables:
        table_items = items_from_tables(ctx, tables, year_context, doc_year)
        items = fold_into_tables(doc, items, table_items, tables) + table_items
    items = _merge(items, meeting.date.isoformat() if meeting else None, meeting.start if meeting else None)
    finish_titles(ctx, items)
    reported = meeting.as_dict() if meeting else _reported_meeting(items, published) if doc_kind == NOTICE else None
    return {
        "source": source,
        "doc_kind": doc_kind,
        "organization": organization,
        "body": body,
        "meeting": reported,
        "items": items,
    }


def _with_days(content: list[DateMention], days: list[tuple[dt.date, int, int]]) -> list[DateMention]:
    """The mentions with days the text names without writing them ("på måndag", "senast 4 veckor före"), in order."""
    if not days:
        return content
    named = [DateMention(start, end, "day", day.month, day.day, day.year) for day, start, end in days]
    return sorted(content + named, key=attrgetter("start"))


def _reported_meeting(items: list[dict[str, Any]], published: dt.date | None) -> dict[str, Any] | None:
    """The meeting news of a new chair reports: the day the change was made, when the text dates it by its own
    sentence or a past day ("På söndagens förbundsmöte valdes …") and not a coming one ("från den 1 juli")."""
    written = published.isoformat() if published else "9999"
    for item in items:
        if item["kind"] == "chair_handover" and len(item["date"]) == 10 and item["confidence"] >= 0.7 \
                and not item["date"].endswith("-01-01") and item["date"] <= written:
            return {"date": item["date"], "start": None, "end": None, "location": None}
    return None


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_]?)([01]\d)\2([0-3]\d)(?!\d)")  # "2026-10-16", "2024_12_06"


# Each alternative starts with a literal, so the scan skips ahead by substring search.
_LINK = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+|\]\([^)\s]{1,300}\)")
_FILE_EXT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|md|txt|html?)(?![\w])", re.IGNORECASE)
_NAME_TAIL = re.compile(r"[\w-]{1,80}$")


def _moved_period(doc: Doc, m: DateMention) -> list[DateMention]:
    """A move read as a period. "… skjuts fram från 28 februari till 31 mars": the end is the date;
    "ändra datum för sammanträdet den 15 maj till den 7 maj": two dates, the first cancelled, the second new."""
    if not (m.end_day or m.end_month) or not cues.MOVE_VERB.search(doc.folded, max(0, m.start - 60), m.start):
        return [m]
    new = replace(m, month=m.end_month or m.month, day=m.end_day or m.day, year=m.end_year or m.year,
                  end_day=None, end_month=None, end_year=None)
    if _FROM_LEAD.search(doc.folded, max(0, m.start - 12), m.start):
        return [new]
    cut = doc.folded.find(" till ", m.start, m.end)
    if cut == -1:
        return [m]
    second = cut + len(" till ") + (4 if doc.folded.startswith("den ", cut + len(" till ")) else 0)
    old = replace(m, end=cut, end_day=None, end_month=None, end_year=None, year=m.year or m.end_year)
    return [old, replace(new, start=second)]


_FROM_LEAD = re.compile(r"(?<![a-z])fran\s{1,3}(?:den\s{1,3})?$")


def _link_spans(original: str) -> list[tuple[int, int]]:
    """Links and file names ("/blog/2020/03/09/…", "protokoll-2024-03-06.pdf"), sorted."""
    spans = [m.span() for m in _LINK.finditer(original)] if "/" in original or "www." in original else []
    for ext in _FILE_EXT.finditer(original):
        name = _NAME_TAIL.search(original, max(0, ext.start() - 80), ext.start())
        if name is not None:
            spans.append((name.start(), ext.end()))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# "Styrelsemöte 2022-05-03.pdf", "Protokoll_styrelsen_2021-11-04.docx": the minutes' own file, named by its meeting.
_MINUTES_FILE = re.compile(r"(?:mote|protokoll|sammantrade|motesanteckningar)[\w .-]{0,30}?((?:19|20)\d\d-\d\d-\d\d)"
                           r"\.(?:pdf|docx?|odt)(?![a-z])")


def _minutes_file_meeting(doc: Doc) -> Meeting | None:
    """Minutes that name their date only in the file they link to, when that is the one such file."""
    dates = {hit.group(1) for hit in _MINUTES_FILE.finditer(doc.folded, 0, 5000)}
    return _meeting_from_name(dates.pop()) if len(dates) == 1 else None


def _meeting_from_name(source: str) -> Meeting | None:
    """Minutes whose text names no meeting date, saved as "styrgrupp-2026-10-16.pdf"."""
    hit = _NAME_DATE.search(source or "")
    date = safe_date(int(hit.group(1)), int(hit.group(3)), int(hit.group(4))) if hit else None
    return Meeting(date, None, None, None, 0, False, True) if date else None


_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:[-_ ]?(0[1-9]|1[0-2])(?!\d))?")


def _calls(doc: Doc, kind: str) -> bool:
    """A kallelse records the meeting it calls; a notice too, unless it calls anew after a cancellation."""
    return kind == KALLELSE or kind == NOTICE and not cues.CANCELLED.search(doc.folded, 0, 2000)


def _weekday_years(mentions: list[DateMention], doc_year: int) -> dict[int, DateMention]:
    """"söndagen den 12 april 2025" in a text of 2026: a year left from last year's template, which its weekday
    (a Saturday in 2025, a Sunday in 2026) corrects. By id of the mention."""
    return {id(m): replace(m, year=doc_year) for m in mentions
            if m.weekday is not None and m.year and abs(doc_year - m.year) == 1 and m.precision == "day"
            and safe_date(m.year, m.month, m.day) is not None
            and weekday_year(m.month, m.day, m.weekday, m.year, span=0) is None
            and weekday_year(m.month, m.day, m.weekday, doc_year, span=0) == doc_year}


def _name_year_month(source: str) -> tuple[int, int | None] | None:
    hit = _NAME_YEAR.search(source or "")
    return (int(hit.group(1)), int(hit.group(2)) if hit.group(2) else None) if hit else None


_PART_OF_BODY = re.compile(r"^[\s#*]{0,6}(namnd(?:en)?|arbetsutskott(?:et)?|utskott(?:et)?|presidi(?:et|um))\b"
                           r"[\s\d():.,kl-]*(?:klockan[\s\d:.]*\)?)?\s*$")


def _plan_sections(doc: Doc, plan_lines: Collection[int]) -> dict[int, str]:
    """Each listed line of a plan page → the body its section heading names ("Regionstyrelsen 2022")."""
    sections: dict[int, str] = {}
    name, parent, named_at = None, None, -10
    for index, line in enumerate(doc.lines):
        if index in plan_lines:
            if name:
                sections[index] = name
            continue
        hit = SECTION_HEADING.match(doc.folded_line(index))
        part: re.Match[str] | None = _PART_OF_BODY.match(fold(line)) if parent and index - named_at <= 40 else None
        if part is not None:
            # "Byggnadsnämnden / Nämnd 2023 (klockan 13:15) / … / Arbetsutskott 2023": the parts of that body
            name = parent if part.group(1).startswith("namnd") else f"{parent}s {line.split()[0].lower()}"
            continue
        if hit is None and line.strip() and body_heading(line):
            name = parent = " ".join(line.strip(" #*:\t").split())  # "Kommunstyrelsen" above its dates, no year
            named_at = index
        elif hit is not None and index - named_at <= 3 and not BODY.search(fold(line)):
            continue  # "Kommunstyrelsen / Sammanträdesdagar 2023": the year's heading under the body's
        elif hit is not None:
            name = " ".join(line.strip(" #*\t")[:hit.start(1) - len(line) + len(line.lstrip(" #*\t"))].split())
            name = name.strip(" :,-") or None
            if name and (PLAN_WORDS.search(fold(name)) or not BODY.search(fold(name)) and not cues.COUNCIL.search(
                    fold(name))):
                name = None  # "Direktionens sammanträdesdatum 2021", "Januari - juli 2023": no body named
    return sections


# "Kommunfullmäktige sammanträder normalt sista måndagen i varje månad med start klockan 18.30"
_USUALLY = re.compile(r"(?<![a-z])(?:sammantrader|mots|traffas)\s{1,3}(?:normalt|vanligtvis|alltid|oftast)(?![a-z])")


# "Sammanträdet startar klockan 18.00" in a sentence of its own: the meeting the notice is about.
_THE_MEETING_STARTS = re.compile(r"(?<![a-z])(?:sammantradet|motet|stamman|arsmotet|fullmaktigemotet)\s{1,3}"
                                 r"(?:startar|borjar|inleds|oppnas)(?![a-z])")


_MONTHS_MEETING = re.compile(r"(?<![a-z])(?P<m>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
                             r"|november|december)\s{1,3}manads\s{1,3}(?:mote|sammantrade)(?![a-z])")
_THE_MEETING_STARTS_AT = re.compile(r"(?<![a-z])(?:startar|borjar|inleds|oppnas)\s{1,3}(?:kl\.?|klockan)?\s{0,2}$")


def _usual_time(ctx: Context, items: list[dict[str, Any]]) -> None:
    """A notice that says when the body usually sits gives that time to its next meeting if the text gives none;
    one that says when "the meeting" starts, to the untimed meeting it names last before that sentence."""
    doc = ctx.doc
    for t in ctx.times:
        s0, s1 = sentence_of(ctx.bounds, t.start, len(doc.folded))
        month = _MONTHS_MEETING.search(doc.folded, s0, t.start)
        if month is not None and _THE_MEETING_STARTS_AT.search(doc.folded, month.end(), t.start):
            # "Juni månads möte, det sista innan sommaren, börjar klockan 18": the untimed meeting of that month
            prefix = f"-{month_number(month.group('m')) or 0:02d}-"
            for item in items:
                if item["kind"] in ("meeting", "next_meeting") and len(item["date"]) == 10 and not item["start"] \
                        and item["date"][4:8] == prefix and item.get("status") != "cancelled":
                    item["start"], item["end"] = t.begin, t.finish
            continue
        if bisect.bisect_left(ctx.mention_starts, s1) != bisect.bisect_left(ctx.mention_starts, s0):
            continue  # a dated sentence times its own date
        starts = _THE_MEETING_STARTS.search(doc.folded, max(s0, t.start - 40), t.end)  # the verb may lead the time
        if starts and starts.end() + 12 >= t.start:
            line = doc.line_of(t.start) + 1
            before = [i for i in items if i["kind"] in ("meeting", "next_meeting") and i["evidence"]["line"] < line
                      and len(i["date"]) == 10 and i.get("status") != "cancelled"]
            before = [i for i in before if i["kind"] == "next_meeting"] or before  # the coming one, if it names it
            if before and not before[-1]["start"]:
                before[-1]["start"], before[-1]["end"] = t.begin, t.finish
        if _USUALLY.search(doc.folded, s0, t.start):
            for item in items:
                if item["kind"] == "next_meeting" and not item["start"] and len(item["date"]) == 10:
                    item["start"], item["end"] = t.begin, t.finish
            return


def _week_has_day(week: str, line: int, days: dict[int, set[str]]) -> bool:
    """A week that the same line also gives as a day in it ("v 8 (22 feb-26 feb)", "29 mars (v 13)")."""
    year, number = week.split("-W")
    return any(dt.date.fromisoformat(day).isocalendar()[:2] == (int(year), int(number)) for day in days.get(line, ()))


def _merge(items: list[dict[str, Any]], meeting_date: str | None, meeting_start: str | None) -> list[dict[str, Any]]:
    """One item per event: the minutes' own meeting, repeats and untimed copies of a timed item go."""
    next_dates = {i["date"] for i in items if i["kind"] == "next_meeting"}
    line_days: dict[int, set[str]] = {}  # the days each line gives
    for i in items:
        if len(i["date"]) == 10:
            line_days.setdefault(i["evidence"]["line"], set()).add(i["date"])
    timed = {(i["kind"], i["date"]) for i in items if i["start"]}
    # A meeting cancelled or moved away from anywhere in the minutes is cancelled wherever it is listed.
    cancelled = {i["date"] for i in items if i["kind"] == "meeting" and i.get("status") == "cancelled"}
    for item in items:
        if item["kind"] == "meeting" and item["date"] in cancelled:
            item["status"] = "cancelled"
    # A headline's "Kommunfullmäktige inställt i maj" above "… den 30 maj": the month says no more than the day.
    days = {(i["kind"], i["date"][:7]) for i in items if len(i["date"]) == 10}
    # "Ny kallelse till kommunfullmäktige i december" above the meeting called for 22 December
    days |= {("meeting", d[:7]) for d in [*next_dates, meeting_date] if d and len(d) == 10}
    out: list[dict[str, Any]] = []
    index: dict[tuple, dict[str, Any]] = {}
    for item in items:
        kind, date = item["kind"], item["date"]
        if len(date) == 7 and (kind, date) in days and kind != "next_meeting" and (
                item["evidence"]["line"] <= 3
                or kind == "meeting" and cues.MEETING_OR_COUNCIL.search(fold(item["evidence"]["text"]))):
            continue  # "… om möte inte kan hållas i april" beside "den 28 april": the month says no more
        if kind in ("meeting", "next_meeting") and date == meeting_date and item["start"] in (None, meeting_start) \
                and not item.get("end_date"):
            continue  # (a conference of two days from the meeting's day on is its own item)
        if kind == "meeting" and date in next_dates and item.get("status") != "cancelled":
            nxt = next(i for i in items if i["kind"] == "next_meeting" and i["date"] == date)
            for field in ("start", "end", "location"):
                if not nxt.get(field) and item.get(field):
                    nxt[field] = item[field]
            continue
        if not item["start"] and (kind, date) in timed and kind != "chair_handover":
            continue
        if "-W" in date and _week_has_day(date, item["evidence"]["line"], line_days):
            continue  # "v 8 (22 feb-26 feb)", "Fredag 29 mars (v 13)": the week of a day the line gives
        # (two chairs elected on one day, of the council and of the board, are two changes)
        key = (kind, date, item["start"], item.get("to") if kind == "chair_handover" else None)
        if key in index:
            kept = index[key]
            kept["confidence"] = max(kept["confidence"], item["confidence"])
            for field in ("end", "location", "end_date", "status"):
                if not kept.get(field) and item.get(field):
                    kept[field] = item[field]
            continue
        index[key] = item
        out.append(item)
    return out
