"""Dates a text tells as its own past: decisions made, papers written, a kallelse's letterhead.

They date what led up to a meeting, so they are references, never schedule items.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.years import safe_date

# "föreningsstämmans beslut den 2023-05-11", "protokollet från 12 mars": a decision or record already made.
# "Arbetsutskottets protokoll 117, 2019-10-03", "protokoll § 45 2019-10-03": the record's number before its day.
# "Föregående mötesprotokoll från 2016-12-09 läggs till handlingarna": the previous minutes, a compound too.
# "… verkställa fullmäktiges beslut från mötet den 17 februari 2026": the meeting that decided.
DECIDED_ON = re.compile(r"(?<![a-z])(?:beslut(?:et)?|[a-z]{0,16}protokoll(?:et)?,?"
                        r"(?:\s{1,3}(?:nr\.?\s{0,2}|§\s{0,2})?\d{1,4},?)?)"
                        r"\s{1,3}(?:(?:fran|vid)\s{1,3}(?:[a-z]{0,20}(?:motet|sammantradet|stamman)\s{1,3})?|den\s{1,3}"
                        r"|av\s{1,3})?(?:den\s{1,3})?"
                        r"(?:\d{1,2}\s{1,2}[a-z]{3,9}\s{1,2}(?:19|20)\d\d\s{1,3}(?:och|samt)\s{1,3})?$")
# "Föreligger tjänsteutlåtande 2005-11-02", "Tjänsteskrivelse från socialförvaltningen daterad 6 februari": the day a
# paper for the meeting was written.
# "en motion inlämnad den 15 februari 2011", "Medborgarförslag inkommet 2019-03-04": the day one was handed in.
_PAPER = re.compile(r"(?<![a-z])(?:tjanste(?:skrivelse|utlatande)|skrivelse|missiv|promemoria|yttrande|motion"
                    r"|medborgarforslag|interpellation)(?:n|en|et|t|r|er|rna|erna)?"
                    r"(?:\s{1,3}fran\s{1,3}[a-z-]{2,30})?\s{1,3}(?:(?:daterad|daterat|inlamnad|inlamnat|inkommen"
                    r"|inkommet|inkom|stalld|lamnad|lamnat)\s{1,3})?(?:den\s{1,3})?$")
# "Enligt årsmötet 31 mars 2019 gavs uppdraget …": what a past meeting decided.
_ACCORDING_TO = re.compile(r"(?<![a-z])enligt\s{1,3}[a-z]{3,25}\s{1,3}(?:den\s{1,3})?$")
# A kallelse's letterhead: "KALLELSE 2018-02-12", "Kallelse, den 12 februari 2018".
_LETTERHEAD = re.compile(r"\s{0,4}(?:kallelse|kungorelse|underrattelse)\s{0,3}[,:]?\s{0,3}(?:den\s{1,3})?")


def told_as_past(doc: Doc, m: DateMention, s0: int) -> bool:
    """A decision or a paper that the date belongs to, named right before it."""
    lo = max(s0, m.start - 50)
    return any(p.search(doc.folded, lo, m.start) is not None for p in (DECIDED_ON, _PAPER, _ACCORDING_TO))


_TOP = 4  # lines at the top of a letter where its date stands alone


def letterhead_dates(doc: Doc, mentions: list[DateMention], called: dt.date) -> dict[int, dt.date]:
    """Mentions (by id) that head a kallelse with the day it was sent, before the meeting it calls."""
    found: dict[int, dt.date] = {}
    top = set(doc.first_nonblank(_TOP))
    for m in mentions:
        if m.precision != "day" or not m.year or m.end_day:
            continue
        line = doc.line_of(m.start)
        if doc.folded[m.end:doc.starts[line] + len(doc.lines[line])].strip(" .,"):
            continue
        before = doc.folded[doc.starts[line]:m.start]
        # "KALLELSE 2018-02-12", or "2025-05-02" alone under the summons' headline
        if _LETTERHEAD.fullmatch(before) is None and not (line in top and not before.strip()):
            continue
        date = safe_date(m.year, m.month, m.day)
        if date is not None and date < called:
            found[id(m)] = date
    return found
