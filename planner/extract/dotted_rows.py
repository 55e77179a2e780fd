"""Yearless day.month rows of plans and programmes: "21.1: stadsstyrelsen", "februari 19.2.", "22.1   12.2   4.3".

Finland-Swedish pages and association programmes write a day and a month with no year, one row or a run a line. A
lone "1.2" is a number; these readers take such days only where many stand together in the calendar's order.
"""

from __future__ import annotations

import re
from itertools import chain

from planner.extract.mention import DateMention, valid_day
from planner.extract.months import month_number

# "Kommande styrelsemöten 2024 / 28.11 / 2025 / 15.2 / 18.3 / 25.3, även fullmäktigemöte": yearless day.month rows,
# each leading its own line; a lone "1.2" is a number, three such rows or more are a list of days.
_DOTTED_ROW = re.compile(r"\n[ \t•*-]{0,4}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)(?=[ \t]*(?:,|\n|$|[ \t]\())")


# "• 2.4. extra mötet har annulerats", "• 10.6 bokslut och ramar": a bullet's day.month with its note after it.
_BULLETED_ROW = re.compile(r"\n[ \t]{0,4}[•*-][ \t]{1,3}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?(?=[ \t]+[a-z])")
# A programme's rows: "13.01    Vårens program presenteras", "03.02  Bingo": a zero-padded day.month leading each row
# with its text after it (a section number "1.2 Bakgrund" is not padded); three rows or more, in the calendar's order.
_PADDED_ROW = re.compile(r"\n[ \t•*-]{0,4}(?P<d>[0-3]\d)\.(?P<m>0[1-9]|1[0-2])\.?(?=[ \t]+[^\d\s])")
# "22.1   12.2   4.3   25.3   6.5 (extrainsatt sammanträde)  13.5": yearless day.month runs, three or more a line
# and nothing else on it but notes in brackets.
_DOTTED_TOKEN = re.compile(r"(?<![\w.,/:-])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?(?![\w,/:-]|\.\d)")
_RUN_REST = re.compile(r"[\s,;]*(?:\([^()\n]{0,40}\)[\s,;]*)*")


# A calendar page's rows: "21.1: stadsstyrelsen", "1.6 utvärderingsseminarium": an unpadded day.month leading each
# row with its text after it; read only as three rows or more in the calendar's order within one year (section numbers
# "3.1 Kassören …", "3.2 Insparken …", "4.1 Punkten …" go back to January).
_NOTED_ROW = re.compile(r"\n[ \t]{0,4}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?:?(?=[ \t]+[a-z(])")
# "februari 19.2.", "november 11.11. kl. 9.30 (budget)": the month's name, then its day.month.
_MONTH_LED_ROW = re.compile(r"\n[ \t•*-]{0,4}(?P<w>[a-z]{3,9})[ \t]{1,3}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.?"
                            r"(?![\d.,/:-])")


def dotted_rows(folded: str) -> list[DateMention]:
    rows = []
    for hit in chain(_DOTTED_ROW.finditer(folded), _BULLETED_ROW.finditer(folded)):
        day, month = int(hit.group("d")), int(hit.group("m"))
        if valid_day(day, month):
            rows.append(DateMention(hit.start("d"), hit.end("m"), "day", month, day, None))
    rows = sorted(rows, key=lambda row: row.start) if len(rows) >= 3 else []
    taken = {row.start for row in rows}
    noted = [DateMention(hit.start("d"), hit.end("m"), "day", int(hit.group("m")), int(hit.group("d")), None)
             for hit in _NOTED_ROW.finditer(folded)
             if hit.start("d") not in taken and valid_day(int(hit.group("d")), int(hit.group("m")))]
    led = [DateMention(hit.start("d"), hit.end("m"), "day", int(hit.group("m")), int(hit.group("d")), None)
           for hit in _MONTH_LED_ROW.finditer(folded)
           if month_number(hit.group("w")) == int(hit.group("m"))
           and valid_day(int(hit.group("d")), int(hit.group("m")))]
    noted = noted if len(noted) >= 3 and _in_order(noted, turns=0) else []
    return rows + noted + led + _padded_rows(folded) + _dotted_runs(folded)


def _in_order(days: list[DateMention], turns: int = 1) -> bool:
    """Each day after the one before, a turn of the year allowed `turns` times: a schedule, not a list of numbers."""
    return sum((b.month, b.day) < (a.month, a.day) for a, b in zip(days, days[1:], strict=False)) <= turns


def _padded_rows(folded: str) -> list[DateMention]:
    rows = [DateMention(hit.start("d"), hit.end("m"), "day", int(hit.group("m")), int(hit.group("d")), None)
            for hit in _PADDED_ROW.finditer(folded) if valid_day(int(hit.group("d")), int(hit.group("m")))]
    return rows if len(rows) >= 3 and _in_order(rows) else []


# "Tisdag 23.1., tisdag 6.2., tisdag 6.3. … kl. 15.00": the Finland-Swedish day.month. with its closing full stop,
# three or more on a line, whatever else the line says.
_CLOSED_DM = re.compile(r"(?<![\w.,/:-])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?=[,;]|\s|$)")


def _dotted_runs(folded: str) -> list[DateMention]:
    # One scan for the tokens of the whole text; only the lines that hold three or more are read again.
    per_line: dict[int, int] = {}
    for hit in _DOTTED_TOKEN.finditer(folded):
        line_start = folded.rfind("\n", 0, hit.start()) + 1
        per_line[line_start] = per_line.get(line_start, 0) + 1
    found: list[DateMention] = []
    for line_start, count in per_line.items():
        if count < 3:
            continue
        end = folded.find("\n", line_start)
        line = folded[line_start:end if end != -1 else len(folded)]
        closed = [DateMention(line_start + h.start("d"), line_start + h.end("m") + 1, "day", int(h.group("m")),
                              int(h.group("d")), None)
                  for h in _CLOSED_DM.finditer(line) if valid_day(int(h.group("d")), int(h.group("m")))] \
            if line.count(".") >= 6 else []
        if len(closed) >= 3 and _in_order(closed):
            found += closed
        elif (hits := list(_DOTTED_TOKEN.finditer(line))) and len(hits) >= 3:
            days = [DateMention(line_start + h.start("d"), line_start + h.end("m"), "day", int(h.group("m")),
                                int(h.group("d")), None)
                    for h in hits if valid_day(int(h.group("d")), int(h.group("m")))]
            rest = _DOTTED_TOKEN.sub(" ", line)
            if len(days) == len(hits) and _RUN_REST.fullmatch(rest) and _in_order(days):
                found += days
    return found
