"""The time a plan page gives once, for the listed meetings that give none.

"Direktionen sammanträder vanligtvis fredagar kl 08.30-16.00" holds for every listed date below it; a time line
right above a section's list ("Styrelsemöten / En gång i månaden klockan 18.00 / 10 januari / 7 februari …") holds
for that list's rows, down to the next heading, and a section's own time line wins over the page's.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from planner.extract.context import Context, mentions_between
from planner.extract.cues import PLAN_TIME
from planner.extract.normalize import fold
from planner.extract.orgs import BODY_WORDS
from planner.extract.resolve import YEAR_LINE
from planner.extract.sentences import sentence_of
from planner.extract.times import TimeMention


def plan_time(ctx: Context, items: list[dict[str, Any]]) -> None:
    """Give each listed meeting without a time of its own the plan's time that holds for its line."""
    doc = ctx.doc
    shared: list[tuple[int, TimeMention, int | None]] = []  # (line, time, last row it holds for; None: the page)
    by_body: dict[int, dict[str, TimeMention]] = {}  # a line's times, each for the body named before it
    for t in ctx.times:
        line = doc.line_of(t.start)
        s0, s1 = sentence_of(ctx.bounds, t.start, len(doc.folded))
        if line in ctx.plan_lines and doc.line_of(s0) == line == doc.line_of(max(s0, s1 - 1)) \
                and s0 <= doc.starts[line]:
            continue  # a row of the plan itself: its time is its own
        # The time's own paragraph: a list above without a full stop runs into the sentence ("• 21 december\n\n…")
        blank = doc.folded.rfind("\n\n", s0, t.start)
        s0 = blank + 2 if blank != -1 else s0
        if line - 1 in ctx.plan_lines:  # "* 19 december\nArbetsutskott 2023 (klockan 8.15)": the row above is no part
            s0 = max(s0, doc.starts[line])
        # "… sammanträder klockan 18.30 följande datum:" with the list in the same sentence (no blank line before it)
        colon = doc.folded.find(":", t.end, s1)
        own_end = colon if colon != -1 and doc.folded.find("\n", colon, s1) != -1 else s1
        own_end = min(own_end, doc.paragraph_end(line))  # ("Tisdagar kl 08.30 …", a blank line, then the rows)
        rows_end = _rows_below(ctx, line) if own_end > doc.starts[line] + len(doc.lines[line]) else None
        if rows_end is not None:  # "… klockan 18.00\n10 januari\n7 februari": the line heads the list below it
            own_end = doc.starts[line] + len(doc.lines[line])
        alone = _TIME_ALONE.fullmatch(doc.folded_line(line)) is not None
        # ("Tid: 18.30" alone on its line, right above the rows or right below them)
        if (PLAN_TIME.search(doc.folded, s0, own_end) or _WEEKDAYS.search(doc.folded, s0, t.start)
                or alone and (rows_end is not None or _alone_below_rows(ctx, line))) and bisect.bisect_left(
                ctx.mention_starts, own_end) == bisect.bisect_left(ctx.mention_starts, s0):
            if not shared or shared[-1][0] != line:  # "… börjar 09:30. Tvådagarssammanträde … 09:00 dag 2": the first
                shared.append((line, t, rows_end))
                named_from = s0
            # "Arbetsutskottet börjar sina sammanträden kl 13.15 och direktionen kl 14.00": each body its own time
            names = [hit.group(1) for word in doc.folded[named_from:t.start].split()
                     if (hit := _BODY_WORD.fullmatch(word.strip(",.;:()")))]
            if names:
                by_body.setdefault(line, {}).setdefault(names[-1], t)
            named_from = t.end
    if not shared:
        return
    lines = [line for line, _, _ in shared]
    for item in items:
        line = item["evidence"]["line"] - 1
        if item["kind"] != "meeting" or item["start"] or line not in ctx.plan_lines and not _long_row(ctx, item, line):
            continue
        i = bisect.bisect_right(lines, line) - 1
        while i >= 0 and (last := shared[i][2]) is not None and line > last:
            i -= 1  # a section's time ends with its rows
        if i < 0 and shared[0][2] is None:
            i = 0  # the page's time given below its list
        elif i < 0:
            continue
        t = shared[i][1]
        named = by_body.get(shared[i][0], {})
        if len(named) > 1:  # the row's section heading, else the row itself, names its body
            label = _heading_above(ctx, line) + " " + doc.folded_line(line)
            t = next((own for name, own in named.items() if name in label), t)
        item["start"], item["end"] = t.begin, t.finish


def _heading_above(ctx: Context, line: int) -> str:
    """The line above a run of listed rows: the section's heading ("Direktionen" over its dates)."""
    index = line
    while index > 0 and (index in ctx.plan_lines or not ctx.doc.lines[index].strip()):
        index -= 1
    return ctx.doc.folded_line(index) if index != line else ""


# "Tisdagar kl 08.30, Kommunledningskontorets sammanträdesrum": the weekday the body sits on, each week.
_WEEKDAYS = re.compile(r"(?<![a-z])(?:mandagar|tisdagar|onsdagar|torsdagar|fredagar)(?![a-z])")
# "Kl. 13.00–16.00", "Tid: 18.00": a line that holds a time and nothing else.
_TIME_ALONE = re.compile(r"\s{0,4}(?:(?:kl\.?|klockan|tid:?|tider:?)\s{0,3})?[0-9.:\s–-]{2,16}\s{0,4}")


def _alone_below_rows(ctx: Context, line: int) -> bool:
    """A time alone on its line right below a plan's listed rows holds for them, as a line above them would."""
    above = ctx.doc.prev_nonblank(line, 1)
    return bool(above) and above[0] in ctx.plan_lines


def _long_row(ctx: Context, item: dict[str, Any], line: int) -> bool:
    """"• 18 oktober, konstituerande (första KF med nyvalda kommunfullmäktige)" among the rows: a row led by its date
    whose note is too long for a listed line, between listed rows."""
    if line - 1 not in ctx.plan_lines and line + 1 not in ctx.plan_lines or "_title" not in item:
        return False
    doc = ctx.doc
    start = item["_title"][0].start
    if _TIME_OF_DAY.search(doc.folded, start, doc.starts[line] + len(doc.lines[line])):
        return False  # "10-11 mars, lunch till lunchmöte …": the note says when itself
    return not _ROW_MARK.sub("", doc.folded[doc.starts[line]:start]).strip()


_TIME_OF_DAY = re.compile(r"lunch|middag|kvall|morgon|heldag|halvdag|(?<![a-z])kl(?![a-z])")


_ROW_MARK = re.compile(r"^[ \t]{0,4}[-*•·+–¢][ \t]")


def _rows_below(ctx: Context, line: int) -> int | None:
    """The last row of the list right below a line, across year headings ("Höst 2031"); None when the next line
    with text is no listed row."""
    doc = ctx.doc
    index = doc.next_nonblank(line)  # OCR sets a blank line between all lines
    if index is None or index not in ctx.plan_lines:
        return None
    last = index
    while index < len(doc.lines):
        if index in ctx.plan_lines:
            last = index
        elif doc.lines[index].strip() and not YEAR_LINE.match(doc.folded_line(index)) \
                and not _ROW_MARK.match(doc.lines[index]) \
                and not mentions_between(ctx, doc.starts[index], doc.starts[index] + len(doc.lines[index])):
            break  # a heading: no row, no date, no bulleted row that OCR damaged ("* 12'september")
        index += 1
    return last


# A body named in a word of the page's time sentence, alone or as a compound's head: "alla fullmäktigemöten",
# "nämndernas sammanträden", "Kommunstyrelsen"; group 1 is the whole name ("kommunfullmaktige"), group 2 the body word.
_BODY_WORD = re.compile(r"([a-z]{0,20}?(" + "|".join(sorted(BODY_WORDS, key=len, reverse=True)) + r"))"
                        r"(?:en|et|ens|ets|s|n|t|erna|ernas|arna|arnas)?"
                        r"(?:s?(?:mote|moten|motena|motet|sammantrade|sammantraden|sammantradena|sammantradet))?")


def body_times(ctx: Context, table_items: list[dict[str, Any]]) -> None:
    """A page's time that names a body ("I princip startar alla fullmäktigemöten klockan 18.30") holds for the rows
    of a meeting table whose label names that body and that give no time of their own; the other rows keep none."""
    doc = ctx.doc
    untimed = [item for item in table_items if not item["start"]]
    if not untimed:
        return
    for t in ctx.times:
        line = doc.line_of(t.start)
        s0, _ = sentence_of(ctx.bounds, t.start, len(doc.folded))
        s0 = max(s0, doc.folded.rfind("\n\n", s0, t.start) + 2)
        end = doc.starts[line] + len(doc.lines[line])
        if mentions_between(ctx, s0, end) or not PLAN_TIME.search(doc.folded, s0, end):
            continue  # a dated sentence says when one meeting is, not when a body's meetings are
        names = {hit.group(1) for word in doc.folded[s0:t.start].split()
                 if (hit := _BODY_WORD.fullmatch(word.strip(",.;:()")))}
        for item in untimed:  # the first such time for a body holds
            if not item["start"] and any(name in fold(item["title"]) for name in names):
                item["start"], item["end"] = t.begin, t.finish
