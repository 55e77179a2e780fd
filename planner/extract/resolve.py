"""A raw date mention plus its context becomes calendar dates: "YYYY-MM-DD", "YYYY-MM" or "YYYY-Www"."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.years import BACK_DAYS, safe_date, week_year, weekday_year, window_year

# A schedule heading that gives the year for the dates listed under it: "Sammanträdestider 2027".
PLAN_HEADING = re.compile(
    r"(?:tider|datum|m[aeiouyd]{1,2}tesplan|s[aeiouy]mm[aeiouy]ntr[aeiouyd]{1,2}de[a-z]{0,6}|arshjul|schema"
    r"|m[aeiouyd]{1,2}ten|m[aeiouyd]{1,2}tesdagar)[a-z]{0,4}"  # the vowels as OCR reads them ("styrelseméten")
    r"\s{1,3}(?:for\s{1,3}|under\s{1,3}|ar\s{1,3})?(?:(?:hosten|varen|hostterminen|varterminen)\s{1,3})?"
    r"((?:19|20)\d\d)(?!\d)")

# "Kommunfullmäktige 2022", "Regionstyrelsen 2023:", "2023": a short heading naming a year (and a body); OCR may
# leave a speck after it ("Regionstyrelsen 2022 °").
SECTION_HEADING = re.compile(r"^[\s#*]{0,6}(?:[a-z][a-z -]{2,40}?[\s:,-]{1,3})?((?:19|20)\d\d)[\s:.*°'`|]{0,4}$")
# "År 2021 (våren) är mötesdagarna:": a line led by its year and ending in a colon heads the list below it.
_YEAR_LED_HEADING = re.compile(r"^[\s#*]{0,6}(?:ar\s{1,3}|aret\s{1,3})?((?:19|20)\d\d)(?!\d)[^\n:]{0,50}:\s*$")
_SECTION_LINES = 24
# A line that is a year alone, or a term of it ("2009", "Höst 2009", "VT 2010"), heads every row down to the next
# heading, however many lines each row's notes take.
YEAR_LINE = re.compile(r"^[\s#*]{0,6}(?:(?:var|varen|host|hosten|vt|ht|varterminen|hostterminen)\s{1,3})?"
                       r"(?:19|20)\d\d[\s:.*]{0,3}$")
_YEAR_LINE_REACH = 120
# OCR-tolerant vowels ("Varmétet/arsmétet 2024"), as fuzzy.kw writes them.
_V = "[aeiouyd]{1,2}"
_EVENT_YEAR = re.compile(rf"(?:m{_V}tet?|s{_V}mm{_V}ntr{_V}det?|st{_V}mm(?:a|an)|konferens(?:en)?|kongress(?:en)?"
                         rf"|tr{_V}ff(?:en)?)\s{{1,2}}((?:19|20)\d\d)(?![\w/-]|[.:]\d)")
_LIST_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-]|[.:]\d)")
_YEAR = re.compile(r"20\d\d(?!\d)")
_SECTION_START = re.compile(r"\s{0,4}(?:§\s{0,2}\d|\d{1,2}\s{0,2}[.)]\s{0,3}[a-z])")


_AHEAD_DAYS = 400  # minutes plan at most about a year ahead: "lördagen den 7/1" is no date three years on


@dataclass
class Resolved:
    date: str
    end_date: str | None
    first_day: dt.date
    year_source: str  # "explicit", "context", "window", "weekday"
    weekday_ok: bool | None


_DATE_LED = re.compile(r"[\s•*-]{0,6}[0-3]?\d[./][01]?\d\.?[ \t]")


class YearContext:
    """Per-line years given by the text around a line: listed full dates and schedule headings."""

    def __init__(self, doc: Doc, mentions: list[DateMention], plan: bool = False) -> None:
        self.doc = doc
        self.plan = plan
        self.full_years: dict[int, list[tuple[int, int]]] = {}
        for m in mentions:
            if m.precision == "day" and m.year is not None:
                self.full_years.setdefault(doc.line_of(m.start), []).append((m.start, m.year))
        self._plan_years: dict[int, int | None] = {}
        self._section_years: dict[int, int | None] = {}
        self._heading_lines: list[int] | None = None

    def plan_year(self, line: int) -> int | None:
        """The year of a schedule heading on this line, read only for lines near a yearless date.

        On a plan page a short heading that ends in a year ("Kommunfullmäktige 2022") heads its section too.
        """
        if line not in self._plan_years:
            folded = self.doc.folded_line(line)
            hit = PLAN_HEADING.search(folded)
            if hit is None and self.plan:
                hit = SECTION_HEADING.match(folded) or _YEAR_LED_HEADING.match(folded)
            self._plan_years[line] = int(hit.group(1)) if hit else None
        return self._plan_years[line]

    def year_for(self, mention: DateMention, sentence_start: int) -> int | None:
        """A year listed earlier in the same sentence (at most two lines up), else a schedule heading's."""
        line = self.doc.line_of(mention.start)
        folded = self.doc.folded
        colon = folded.rfind(":", sentence_start, mention.start)
        while colon > 0 and folded[colon - 1].isdigit() and (folded[colon + 1:colon + 2].isdigit()
                                                              or folded[colon + 1:colon + 2] in ("a", "e")):
            colon = folded.rfind(":", sentence_start, colon)  # a clock ("17:00") or an ordinal ("12:e"): before it
        if colon > 0 and _DATE_LED.match(folded, self.doc.starts[self.doc.line_of(colon)]) \
                and self.doc.line_of(colon) != line:
            colon = -1  # "20.01    Caj Kortman: Användning …" over "27.01 Årsmöte": another row's colon
        if colon > 0:
            # "Utbildningsdagar 2018 för fullmäktiges ledamöter: 5 november och 10 december"; a list item's line above
            # ("- rambeslut om budget 2004\nUnderlag senast: 6 juni") is its own row and names no year for the label
            lead = max(sentence_start, colon - 80)
            named = _LIST_YEAR.findall(folded, _past_bullet_rows(folded, lead, colon), colon)
            if named:
                return int(named[-1])
        # "Vårmötet/årsmötet 2024 genomförs som planerat den 10 maj": the year the event is named with
        lead = max(sentence_start, mention.start - 90)
        event = _EVENT_YEAR.findall(folded, _past_bullet_rows(folded, lead, mention.start), mention.start)
        if event:
            return int(event[-1])
        for index in [line, *self.doc.prev_nonblank(line, 2)]:
            same = [y for pos, y in self.full_years.get(index, []) if sentence_start <= pos < mention.start]
            if same:
                return same[-1]
            if (index == line or self.doc.starts[index] + len(self.doc.lines[index]) > sentence_start) \
                    and self.plan_year(index) is not None:
                # "Sammanträdestider 2025: 6/2 13/3" beats a date lines above; its sentence may wrap onto this line
                return self.plan_year(index)
        if line not in self._section_years:
            self._section_years[line] = self._section_year(line)
        return self._section_years[line]

    def year_for_line(self, line: int) -> int | None:
        """The schedule year that holds for a line without a date of its own (a table's header row)."""
        if line not in self._section_years:
            self._section_years[line] = self._section_year(line)
        return self._section_years[line]

    def _section_year(self, line: int) -> int | None:
        """A schedule heading counts for its whole section (a table of rows under it), not past the next heading."""
        year = self.plan_year(line)
        if year is not None:
            return year
        heading = self._heading_above(line)
        return self.plan_year(heading) if heading is not None else None  # _heading_above bounds the reach

    def _heading_above(self, line: int) -> int | None:
        """The nearest line above with a schedule heading's year, unless a section heading comes between."""
        if self._heading_lines is None:  # lines with a year: the only places a schedule heading can be
            self._heading_lines = sorted({self.doc.line_of(m.start()) for m in _YEAR.finditer(self.doc.folded)})
        i = bisect.bisect_left(self._heading_lines, line) - 1
        while i >= 0 and line - self._heading_lines[i] <= _YEAR_LINE_REACH:
            if self.plan_year(self._heading_lines[i]) is not None:
                break
            i -= 1
        else:
            return None
        heading = self._heading_lines[i]
        if line - heading > _SECTION_LINES and not YEAR_LINE.match(self.doc.folded_line(heading)):
            return None  # a long section keeps only a heading that is a year alone ("2009", "Hösten 2009")
        for index in range(heading + 1, line):
            if index not in self.doc.furniture and _SECTION_START.match(self.doc.folded_line(index)):
                return None
        return heading if self.plan_year(heading) is not None else None


_BULLET_ROW = re.compile(r"^[ \t]{0,4}[-*•·–][ \t]", re.MULTILINE)


def _past_bullet_rows(folded: str, lo: int, colon: int) -> int:
    """Where the colon's label starts at the earliest: after the last bulleted row above it."""
    pos = lo
    while (hit := _BULLET_ROW.search(folded, pos, colon)) is not None:
        end = folded.find("\n", hit.end(), colon)
        if end == -1:
            break  # the colon's own line is the bulleted one
        pos = end
    return pos


def resolve(mention: DateMention, ref: dt.date | None, context: int | None,
            default_year: int | None = None) -> Resolved | None:
    """Calendar dates for a mention; a year left out comes from the context, the window around `ref`,
    or (a page without a date of its own) the year the text talks about."""
    if mention.precision == "week":
        return _resolve_week(mention, ref, context or (None if ref else default_year))
    if mention.precision == "month":
        year = mention.year or context or (_month_year(mention.month, ref, mention.since) if ref else default_year)
        if year is None:
            return None
        return Resolved(f"{year:04d}-{mention.month:02d}", None, dt.date(year, mention.month, 1),
                        "explicit" if mention.year else "context" if context else "window", None)
    source = "explicit" if mention.year else "context" if context else "window"
    year = mention.year or context or (window_year(mention.month, mention.day, ref) if ref else default_year)
    if year is None:
        return None
    weekday_ok = None
    if mention.weekday is not None:
        date = safe_date(year, mention.month, mention.day)
        weekday_ok = date is not None and date.weekday() == mention.weekday
        if not weekday_ok and mention.end_day and (mention.end_month or mention.month) == mention.month:
            # "Fredag 7-8 februari", "Torsdag-fredag 26-27 september": the weekday may be the last day's
            last = safe_date(year, mention.month, mention.end_day)
            weekday_ok = last is not None and last.weekday() == mention.weekday
        if not weekday_ok and source != "explicit":
            better = weekday_year(mention.month, mention.day, mention.weekday, year, span=3)
            moved = safe_date(better, mention.month, mention.day) if better is not None else None
            if moved is not None and ref is not None and not (
                    ref - dt.timedelta(days=BACK_DAYS) <= moved <= ref + dt.timedelta(days=_AHEAD_DAYS)):
                better = None  # a weekday that points years back or ahead is a slip of the writer
            if better is not None:
                year, weekday_ok, source = better, True, "weekday"
    first = safe_date(year, mention.month, mention.day)
    if first is None:
        return None
    end = None
    if mention.end_day:
        end_year = mention.end_year or (year + 1 if (mention.end_month or 0) < mention.month else year)
        last = safe_date(end_year, mention.end_month or mention.month, mention.end_day)
        if last is not None and last > first:
            end = last.isoformat()
    return Resolved(first.isoformat(), end, first, source, weekday_ok)


def _month_year(month: int, ref: dt.date, since: bool = False) -> int:
    if since:  # "sedan april": the last April up to the text's own month
        return ref.year if month <= ref.month else ref.year - 1
    for year in (ref.year, ref.year + 1, ref.year - 1):
        diff = (year - ref.year) * 12 + month - ref.month
        if -3 <= diff < 9:
            return year
    return ref.year


def _resolve_week(mention: DateMention, ref: dt.date | None, context: int | None) -> Resolved | None:
    year = context or (week_year(mention.week, ref) if ref else None)
    if year is None:
        return None
    try:
        monday = dt.date.fromisocalendar(year, mention.week, 1)
        end = None
        if mention.end_week:
            end = dt.date.fromisocalendar(year, mention.end_week, 7).isoformat()
    except ValueError:
        return None
    return Resolved(f"{year:04d}-W{mention.week:02d}", end, monday, "context" if context else "window", None)
