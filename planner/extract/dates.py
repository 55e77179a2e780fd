"""Swedish date grammar on folded text: every way minutes write a day, a period, a month or a week.

The result is raw mentions; years that the text leaves out are filled in later (years.py).
Every pattern is a flat alternation with bounded repeats, so matching stays linear.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain
from operator import itemgetter

from planner.extract.dotted_rows import dotted_rows
from planner.extract.mention import DateMention
from planner.extract.mention import valid_day as _valid_day
from planner.extract.months import month_number, weekday_number

__all__ = ["DateMention", "find_dates"]


_SEP = (r"(?:[ \t]{0,3}[-–—](?:\s{0,2}till)?|\s{0,3}(?:till(?:\s{1,3}och\s{1,3}med)?|t\.\s?o\.\s?m\.?))\s{0,3}"
        r"(?:den\s{1,3})?")
_DAY = r"(?P<{n}>\d\d?)(?::?[ae](?![a-z])|\.|(?:st|nd|rd|th)(?![a-z]))?"  # "17:e", "27nd" (English ordinals too)
_WORD = r"(?P<{n}>[jfmasond][a-z]{{2,10}})\.?"  # months all begin with one of these
# A year across a blank line, or alone on the next line, heads what follows ("28 november\n\n2023\n30 januari").
_YEAR = (r"(?:[\s,]{0,3}(?<!\n\n)(?:(?<!\n)|(?!(?:19|20)\d\d[ \t]*(?:\n|$)))(?P<y>(?:19|20)\d\d)(?!\d)"
         r"|\s?[-'’](?P<yy>\d\d)(?![\d/:.]|\s{0,3}[a-z]))?")
# (OCR-damaged) month words begin with a month's first two letters (month_number asks no less);
# the third letter is one that some month has there. The word start is checked by the caller.
_MONTH_START = r"(?:j(?:a[nj]|u[nlg])|fe[bpc]|ma[nrjy]|a(?:pr|u[gnl])|se[bpc]|o[kc]t|nov|de[bpc])"

_MONTH_WORD = (r"(?P<m>" + _MONTH_START + r"[a-z]{0,8})"
               r"(?P<meet>(?:-|\s)?m[aeiouyd]{1,2}t(?:et|e)(?![a-z]))?"
               r"(?:\.?\s{0,3}(?P<y>(?:19|20)\d\d)(?!\d))?")
_MONTH_AT_START = re.compile(_MONTH_WORD)

# Every pattern begins with a digit, a literal or a month's first letters, never with a
# lookbehind, so the engine skips ahead fast; what must not precede a match is checked after.
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    # One scan from each number: "16/5", "16/5 2024", "17/2-21/2", "16.5.2024", "6 december",
    # "6 Maj 2025", "14 april-25", "25-mars 2017" (a hyphen for the blank), "the 7th of April 2023", and ranges
    # "17 feb-21feb", "24–25 maj". "Protokoll 5/12.10.2018": a § number before a Finnish date, no "5/12".
    ("number", re.compile(
        r"(?P<d1>[0-9](?<![0-9/:].)(?<![^a-z],.)(?<![^a-z]-.)\d?)(?:"
        r"/(?P<sm>\d\d?)(?:(?:\s{0,2}[-–]\s{0,2}|\s{1,3}t\.\s?o\.\s?m\.?\s{1,3})(?P<sd2>\d\d?)/(?P<sm2>\d\d?)"
        r"|(?:/|\s|-)(?P<sy>(?:19|20)\d\d)|[/-](?P<syy>\d\d)(?![\d/.:]))?(?![\d/]|\.\d\d?\.\d)"
        r"|\.(?P<dm>\d\d?)\.(?P<dy>(?:19|20)\d\d)(?!\d)"
        r"|(?::?[ae](?![a-z])|\.|(?:st|nd|rd|th)(?![a-z]))?(?:\s{1,3}of\s{1,3}|\s{0,6}|-(?=[jfmasond]))"
        # (a dash that begins a later line is its bullet, no range: "- 24 januari / - 21 februari")
        r"(?:" + _WORD.format(n="m1") + r"(?:[ \t]{0,3}|\s{0,3}(?=till|t\.))"
        r"(?:" + _SEP + _DAY.format(n="d2") + r"\s{0,6}" + _WORD.format(n="m2") + r")?"
        r"|" + _SEP + _DAY.format(n="d2x") + r"\s{0,6}" + _WORD.format(n="m2x") + r")" + _YEAR +
        # "den 6-7/11", "6–7.11 2014": days of one month, the month given once after the last day
        r"|\s{0,2}[-–]\s{0,2}(?P<rd>\d\d?)(?:/(?P<rm>\d\d?)|\.(?P<rdm>\d\d?)(?:\.(?P<rdy>(?:19|20)\d\d)(?!\d)|(?![\d:]|\.\d)))"
        r"(?:(?:/|\s|-)(?P<ry>(?:19|20)\d\d)(?!\d))?(?![\d/])"
        ")"),
     "0123456789/.:-,"),
    # "2024-03-21", the compact "20240321" of file names and stamps, "2020 04 25" with blanks for the dashes and
    # "2013.04.07" with stops.
    # One pattern per century: a literal start is searched for as a substring, much faster than a digit class.
    ("iso", re.compile(r"(?P<y>20\d\d)(?P<sep>[-. ]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d.]\d)"), "0123456789-"),
    ("iso", re.compile(r"(?P<y>19\d\d)(?P<sep>[-. ]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d.]\d)"), "0123456789-"),
    # "24-10-21" (Sammanfattning 24-10-21): the short ISO form, year first.
    # … and "Styrelsemötet 210527", the compact six-digit form of Swedish offices, year first (one scan for both).
    ("isoshort", re.compile(r"(?P<yy>[0-3]\d)(?:-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-]|[.,]\d)"
                            r"|(?P<mc>0[1-9]|1[0-2])(?P<dc>[0-3]\d)(?![\d]))"), "0123456789-/.:,"),
    # "2025-10-9", "2013-9-11": a digit left out of the month or the day.
    ("iso", re.compile(r"(?P<y>20\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d-])"), "0123456789-"),
    # Front matter in code: Typst's "datetime(year: 2024, month: 10, day: 10)", and "year: 2024, month: 10, day: 10".
    ("iso", re.compile(r"year:\s{0,2}(?P<y>(?:19|20)\d\d),\s{0,2}month:\s{0,2}(?P<m>[01]?\d),\s{0,2}day:\s{0,2}"
                       r"(?P<d>[0-3]?\d)(?!\d)"), ""),
    # Scanned from the non-letter before the word (fewer places to try than every month letter);
    # a month word opening the text is matched on its own (_MONTH_AT_START).
    ("monthword", re.compile(r"[^a-z]" + _MONTH_WORD), ""),
    ("week", re.compile(
        r"v(?<![a-z]v)(?:\.|ecka|eckorna|eckan|ecka nr|\s\.)?\s{0,2}(?P<w1>[0-5]?\d)"
        r"(?:\s{0,2}(?:-|–|och|till)\s{0,2}(?P<w2>[0-5]?\d))?(?![\d/.:]\d|\d)"), "abcdefghijklmnopqrstuvwxyz"),
]
# Written ordinals: "tredje mars", "den första april", "tjugoförsta juni".
_UNITS = ["forsta", "andra", "tredje", "fjarde", "femte", "sjatte", "sjunde", "attonde", "nionde"]
_ORDINALS = {word: n for n, word in enumerate(_UNITS, 1)}
_ORDINALS.update({"tionde": 10, "elfte": 11, "tolfte": 12, "trettonde": 13, "fjortonde": 14, "femtonde": 15,
                  "sextonde": 16, "sjuttonde": 17, "artonde": 18, "nittonde": 19, "tjugonde": 20, "trettionde": 30})
_ORDINALS.update({f"tjugo{word}": 20 + n for n, word in enumerate(_UNITS, 1)})
_ORDINALS.update({"trettioforsta": 31})
# Read back from a month word the scan found (a pattern led by twenty words would be tried everywhere).
_ORDINAL_BEFORE = re.compile(r"(?<![a-z])(?P<o>" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
                             + r")[\s_*]{1,4}$")
_PRIORITY = {name: i for i, (name, _, _) in enumerate(_PATTERNS)}
# "November 30", "May 5th, 2021", "september 8:e 17:00": the day after a month that leads.
_DAY_AFTER = re.compile(r"\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th|:[ae])?(?:,?\s(?P<y>(?:19|20)\d\d))?(?![\d:/]|\.\d)"
                        r"(?=\s{0,3}(?:$|[\n,;)]|\.(?=[ \t]*(?:\n|$))|kl|\s(?:kl|[(-]|\d{1,2}[.:]\d\d(?!\d))))")
_WEEKDAY_BEFORE = re.compile(r"([a-z]{6,10})\s{1,8}(?:den\s{1,3})?$")
_FRACTION_AFTER = re.compile(r"\)?\s{0,2}(?:dag|del|tjanst|timme|ar\b|av\b|%)")
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|[^a-z])(?P<p>i|under|till|infor|fore|efter|senast i|fran och med|sedan)\s{1,3}"
    r"(?:(?:slutet|borjan|mitten)\s{1,3}av\s{1,3})?$")


def _gap_read_as_mark(match: re.Match[str], folded: str) -> bool:
    """OCR (or a typist) read the gap before a date as a mark: "22/9.18/10", "måndagen.17.8.2020", "från och med-8
    oktober", "2 november,23 november"."""
    start = match.start()
    mark, word_before = folded[start - 1], folded[start - 2:start - 1].isalpha()
    if mark == ".":
        return bool(match.group("sm") or match.group("dy") and word_before)
    return mark in "-," and bool(match.group("m1")) and word_before  # "2 november,23 november": a missing space


def find_dates(folded: str) -> list[DateMention]:
    """Non-overlapping date mentions, earliest first; the longest wins where two overlap."""
    candidates: list[tuple[int, int, int, DateMention]] = []
    for name, pattern, not_after in _PATTERNS:
        matches = pattern.finditer(folded)
        if name == "monthword":
            first = _MONTH_AT_START.match(folded)
            matches = chain([first], matches) if first else matches
        for match in matches:
            start = match.start()
            if start and folded[start - 1] in not_after and not (name == "number" and _gap_read_as_mark(match, folded)):
                continue
            mention = _build(name, match, folded)
            if mention is not None and name == "number" and match.group("m1") and _cell_then_month(match, folded):
                continue
            if mention is not None:
                while mention.end > mention.start and folded[mention.end - 1] in " \t\n":
                    mention.end -= 1
                candidates.append((mention.start, -(mention.end - mention.start), _PRIORITY[name], mention))
                if name == "monthword" and mention.precision == "day":
                    more = _more_days(mention, folded)
                    candidates += [(d.start, -(d.end - d.start), _PRIORITY[name], d) for d in more]
                elif name == "number" and mention.precision == "day" and not mention.end_day:
                    more = _days_before(mention, folded)
                    candidates += [(d.start, -(d.end - d.start), _PRIORITY[name], d) for d in more]
    candidates += [(d.start, -(d.end - d.start), len(_PATTERNS), d) for d in dotted_rows(folded)]
    candidates.sort(key=itemgetter(0, 1, 2))
    chosen: list[DateMention] = []
    last_end = -1
    for start, _, _, mention in candidates:
        if start >= last_end:
            chosen.append(mention)
            last_end = mention.end
    if "flytt" in folded:
        chosen = [part for mention in chosen for part in _split_move(mention, folded)]
    chosen = _iso_ranges(chosen, folded)
    if "/" in folded:
        chosen = [mention for mention in chosen if not _year_pair(mention, folded)]
    for mention in chosen:
        if mention.precision == "day" and "dag" in folded[max(0, mention.start - 24):mention.start]:
            before = _WEEKDAY_BEFORE.search(folded, max(0, mention.start - 24), mention.start)
            if before:
                mention.weekday = weekday_number(before.group(1))
    return chosen


# "verksamhetsåret 07/08", "styrelseledamot 06/07": two years, the second the next, both written with two digits.
_YEAR_PAIR = re.compile(r"(?P<a>\d\d)/(?P<b>\d\d)(?![\d/.:-])")
_SEASON_BEFORE = re.compile(r"(?:ar|aret|arets|sasong|sasongen|termin|terminen|period|perioden)\s{1,3}$")


def _year_pair(mention: DateMention, folded: str) -> bool:
    pair = _YEAR_PAIR.fullmatch(folded, mention.start, mention.end)
    if pair is None or mention.year or int(pair.group("b")) != int(pair.group("a")) + 1 \
            or folded[max(0, mention.start - 4):mention.start] == "den ":
        return False  # ("den 06/07": a day)
    return pair.group("a")[0] == "0" or _SEASON_BEFORE.search(folded, max(0, mention.start - 20),
                                                               mention.start) is not None


# "2025-01-01--2027-12-31", "2024-12-01 – 2025-01-31": a period written in ISO dates.
_ISO_TAIL = re.compile(r"[ \t]{0,2}(?:-{1,2}|–|—|till)[ \t]{0,2}(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                       r"(?!\d)")


_DOTTED_TAIL = re.compile(r"(?:-{1,2}|–|—)(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)")
_ISO_DAY_TAIL = re.compile(r"[ \t]?(?:–|—|--)[ \t]?(?P<d>[0-3]?\d)(?![\d:\-/]|[.:]\d)")


def _iso_ranges(chosen: list[DateMention], folded: str) -> list[DateMention]:
    result: list[DateMention] = []
    for mention in chosen:
        if result and result[-1].end > mention.start:
            continue  # the end of the range before
        if mention.year and not mention.end_day and folded[mention.start:mention.start + 2] in ("19", "20") \
                and (hit := _ISO_TAIL.match(folded, mention.end)) is not None:
            end = (int(hit.group("y")), int(hit.group("m")), int(hit.group("d")))
            if _valid_day(end[2], end[1]) and end > (mention.year, mention.month, mention.day):
                mention = replace(mention, end=hit.end(), end_year=end[0], end_month=end[1], end_day=end[2])
        elif mention.year and not mention.end_day and folded[mention.start:mention.start + 2] in ("19", "20") \
                and (day := _ISO_DAY_TAIL.match(folded, mention.end)) is not None \
                and mention.day < int(day.group("d")) and _valid_day(int(day.group("d")), mention.month):
            mention = replace(mention, end=day.end(), end_year=mention.year, end_month=mention.month,
                              end_day=int(day.group("d")))  # "2019-03-14—15"
        elif mention.year and not mention.end_day and (hit := _DOTTED_TAIL.match(folded, mention.end)) is not None \
                and _valid_day(int(hit.group("d")), int(hit.group("m"))) \
                and (int(hit.group("y")), int(hit.group("m")), int(hit.group("d"))) \
                > (mention.year, mention.month, mention.day):  # "1.6.2023-31.5.2025": the dash hides the end
            mention = replace(mention, end=hit.end(), end_year=int(hit.group("y")), end_month=int(hit.group("m")),
                              end_day=int(hit.group("d")))
        elif result and _dated_pair(result[-1], mention, folded):
            # "1.8.2021 – 31.5.2025", "17.8.2020–20.8.2020": two whole dates joined by a dash are one period
            first = result.pop()
            mention = replace(first, end=mention.end, end_year=mention.year, end_month=mention.month,
                              end_day=mention.day)
        result.append(mention)
    return result


def _dated_pair(first: DateMention, second: DateMention, folded: str) -> bool:
    return bool(first.year and second.year and first.precision == second.precision == "day" and not first.end_day
                and not second.end_day and folded[first.end:second.start].strip(" \t") in ("-", "--", "–", "—")
                and (second.year, second.month, second.day) > (first.year, first.month, first.day))


def _cell_then_month(match: re.Match[str], folded: str) -> bool:
    """"15" alone on its line, a blank line, then "februari": a table's cell and the next row's month (after OCR),
    not a date. "… blir den 5" and "januari." a paragraph apart, as OCR breaks a wrapped line, still is one."""
    if "\n\n" not in folded[match.end("d1"):match.start("m1")]:
        return False
    line_start = folded.rfind("\n", 0, match.start()) + 1
    return not folded[line_start:match.start()].strip()


# "Oktober 8, 29", "Maj 7 och 21": more days of a month-led row.
# … also past the first day's time and a note: "oktober 13:e 17:40 och 27:e 17:00", "10:e 17:00 (inställt) och 24:e".
_MORE_DAY = re.compile(r"(?:[ \t]{1,2}\d{1,2}[.:]\d\d)?(?:[ \t]{0,2}\([a-zåäö ]{1,20}\))?"
                       r"[ \t]{0,2}(?:,|och|&)[ \t]{0,2}(\d{1,2})(?::[ae])?(?![\d.:/]|[ \t]{0,3}[a-z])")


def _more_days(mention: DateMention, folded: str) -> list[DateMention]:
    found, pos = [], mention.end
    while (hit := _MORE_DAY.match(folded, pos)) is not None and _valid_day(int(hit.group(1)), mention.month):
        found.append(DateMention(hit.start(1), hit.end(), "day", mention.month, int(hit.group(1)), mention.year))
        pos = hit.end()
    return found


# "3, 17 och 31 januari": days listed before the month they share, rising.
# ("den 3 och den 17 september", "den 3, den 10 och den 17 september": each day with its own "den")
_DAY_BEFORE = re.compile(r"(?<![\d.:/,-])(\d{1,2})[ \t]{0,2}(?:,|och|&)[ \t]{0,2}(?:och[ \t]{1,2})?(?:den[ \t]{1,2})?$")


def _days_before(mention: DateMention, folded: str) -> list[DateMention]:
    found: list[DateMention] = []
    pos, last = mention.start, mention.day
    while (hit := _DAY_BEFORE.search(folded, max(0, pos - 16), pos)) is not None:
        day = int(hit.group(1))
        if not day < last or not _valid_day(day, mention.month):
            break
        found.append(DateMention(hit.start(1), hit.end(1), "day", mention.month, day, mention.year))
        pos, last = hit.start(1), day
    if found and _NUMBERED.search(folded, max(0, pos - 14), pos):
        return []  # "punkt 5, 31 januari": a numbered item, then the date
    return found


_NUMBERED = re.compile(r"(?<![a-z])(?:punkt|punkterna|paragraf|paragraferna|nr|sida|sidan|kap|bilaga|bilagor|p|pkt)"
                       r"\.?[ \t]{0,2}$|§[ \t]{0,2}$")


_TILL = re.compile(r"\s{1,3}till\s{1,3}")


def _split_move(mention: DateMention, folded: str) -> list[DateMention]:
    """"flyttas från 13 mars till 20 mars" is two dates, the old and the new one, not a period."""
    if not mention.end_day or "flytt" not in folded[max(0, mention.start - 40):mention.start]:
        return [mention]
    sep = _TILL.search(folded, mention.start, mention.end)
    if sep is None:
        return [mention]
    old = replace(mention, end=sep.start(), end_day=None, end_month=None, end_year=None)
    new = replace(mention, start=sep.end(), day=mention.end_day, month=mention.end_month or mention.month,
                  year=mention.end_year or mention.year, end_day=None, end_month=None, end_year=None)
    return [old, new]


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _year(match: re.Match[str]) -> int | None:
    # The two groups asked for by name, not every group's value in a dict (the number pattern has thirty).
    names = match.re.groupindex
    if "y" in names and (year := match.group("y")):
        return int(year)
    if "yy" in names and (short := match.group("yy")):
        return _century(int(short))
    return None


_PIVOT = 40  # a two-digit year past it is of the 1900s: "Rösebo 28/8-90" is 1990


def _century(short: int) -> int:
    return 1900 + short if short > _PIVOT else 2000 + short


_PAGE_BEFORE = re.compile(r"(?<![a-z])(?:sid|sida|sidan|s\.|page|blad)\.?[ \t]{0,2}$")
_CLOCK_BEFORE = re.compile(r"(?<![a-z])(?:kl|klockan)\.?\s{0,2}$")
_DAY_LED_ROW = re.compile(r"[ \t]{1,3}\d{1,2}(?!\d)")


def _number(m: re.Match[str], folded: str) -> DateMention | None:
    start, end = m.start(), m.end()
    d1 = int(m.group("d1"))
    if m.group("sm"):  # 16/5 …
        month = int(m.group("sm"))
        if not _valid_day(d1, month):
            return None
        if m.group("sd2"):
            sd2, sm2 = int(m.group("sd2")), int(m.group("sm2"))
            return DateMention(start, end, "day", month, d1, None, sd2, sm2, None) if _valid_day(sd2, sm2) else None
        year = int(m.group("sy")) if m.group("sy") else _century(int(m.group("syy"))) if m.group("syy") else None
        if year is None and (_FRACTION_AFTER.match(folded, end)
                             or _PAGE_BEFORE.search(folded, max(0, start - 8), start)):
            return None  # "en tiondel (1/10) av", "Sid 2/8": a fraction, a page of a document
        return DateMention(start, end, "day", month, d1, year)
    if m.group("rd"):  # 6-7/11
        month, last = int(m.group("rm") or m.group("rdm")), int(m.group("rd"))
        if not (_valid_day(d1, month) and _valid_day(last, month) and d1 < last) or _FRACTION_AFTER.match(folded, end) \
                or _CLOCK_BEFORE.search(folded, max(0, start - 6), start):
            return None  # "1-2/3 av ledamöterna", "kl 9-10.15": a fraction or a clock, no days
        year = _int(m.group("ry") or m.group("rdy"))
        return DateMention(start, end, "day", month, d1, year, last, month, year)
    if m.group("dm"):  # 16.5.2024
        month = int(m.group("dm"))
        return DateMention(start, end, "day", month, d1, int(m.group("dy"))) if _valid_day(d1, month) else None
    word1, word2 = m.group("m1"), m.group("m2") or m.group("m2x")
    if word1 is None and word2 is None or _CLOCK_BEFORE.search(folded, max(0, start - 6), start):
        return None  # "kl. 14 - 16.\n\nMars": a clock's hours before a month's heading
    if word1 and "\n" in folded[m.end("d1"):m.start("m1")] and _DAY_LED_ROW.match(folded, m.end("m1")):
        return None  # "Oktober 8, 29\nNovember 26": the next row's month leads its own days
    m1 = month_number(word1) if word1 else None
    if word2 is None:
        if not m1 or not _valid_day(d1, m1):
            return None
        return DateMention(start, end, "day", m1, d1, _year(m))
    m2 = month_number(word2)
    m1 = m1 if word1 else m2
    d2 = int(m.group("d2") or m.group("d2x"))
    if not m1 or not m2 or not _valid_day(d1, m1) or not _valid_day(d2, m2):
        return None
    year = _year(m)
    return DateMention(start, end, "day", m1, d1, year, d2, m2, year, year_at_end=year is not None)


def _worded_before(folded: str, start: int) -> bool:
    """Whether a letter stands before the 1-5 blanks (whitespace, "_", "*") that end folded[:start]: what both
    _ORDINAL_BEFORE ("[\\s_*]{1,4}$" after a word) and _PREPOSITION_BEFORE ("\\s{1,3}$" after a word) need
    ($ also matches before a last newline: one blank more)."""
    k = start
    while k > 0 and start - k <= 5 and (folded[k - 1].isspace() or folded[k - 1] in "_*"):
        k -= 1
    return 0 < start - k <= 5 and k > 0 and "a" <= folded[k - 1] <= "z"


def _build(name: str, m: re.Match[str], folded: str) -> DateMention | None:
    start, end = m.start(), m.end()
    month: int | None
    year: int | None
    if name == "monthword":
        start = m.start("m")
    if name == "number":
        return _number(m, folded)
    if name == "isoshort":
        day, month = int(m.group("d") or m.group("dc")), int(m.group("m") or m.group("mc"))
        year = 2000 + int(m.group("yy"))
        return DateMention(start, end, "day", month, day, year) if _valid_day(day, month) else None
    if name == "iso":
        day, month = int(m.group("d")), int(m.group("m"))
        return DateMention(start, end, "day", month, day, int(m.group("y"))) if _valid_day(day, month) else None
    if name == "monthword":
        word = m.group("m")
        if m.group("meet") is None:
            for tail in ("motet", "mote", "metet", "mete"):
                if word.endswith(tail) and len(word) > len(tail) + 2:
                    word, meeting = word[: -len(tail)], True
                    break
            else:
                meeting = False
        else:
            meeting = True
        month = month_number(word, abbreviations=False)
        if month is None and m.group("y") and not meeting:
            month = month_number(word)
        if not month:
            return None
        if meeting:
            stop = m.end("meet") if m.group("meet") else m.end("m")
            year = int(m.group("y")) if m.group("y") else None  # "marsmötet 2007"
            return DateMention(start, m.end() if year else stop, "month", month, year=year, month_meeting=True)
        # An ordinal or a preposition before the word ends in a letter and 1-4 blanks ("tredje mars", "i mars"); most
        # month words follow a day number ("6 december") and need neither search.
        worded = _worded_before(folded, start)
        ordinal = _ORDINAL_BEFORE.search(folded, max(0, start - 20), start) if start and worded else None
        if ordinal is not None and (ordinal.group("o") != "andra" or folded.endswith("den ", 0, ordinal.start())):
            # "tredje mars"; "andra" is also "other": only "den andra maj" is a date
            return DateMention(ordinal.start(), m.end("m"), "day", month, _ORDINALS[ordinal.group("o")])
        if m.group("y"):
            return DateMention(start, end, "month", month, year=int(m.group("y")))
        after = _DAY_AFTER.match(folded, m.end("m"))
        if after and _valid_day(int(after.group(1)), month):  # "November 30", "May 5th, 2021"
            year = int(after.group("y")) if after.group("y") else None
            return DateMention(start, after.end(), "day", month, int(after.group(1)), year)
        if worded and (lead := _PREPOSITION_BEFORE.search(folded, max(0, start - 40), start)) is not None:
            return DateMention(start, m.end("m"), "month", month, since=lead.group("p") == "sedan")
        return None
    if name == "week":
        w1, w2 = int(m.group("w1")), _int(m.group("w2"))
        if not 1 <= w1 <= 53 or (w2 is not None and not w1 < w2 <= 53):
            return None
        return DateMention(start, end, "week", week=w1, end_week=w2)
    return None
