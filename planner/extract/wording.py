"""Wordings that make a date no event of the calendar: a period, a cutoff, a pointer, a letter's own date.

Pure tests on the folded text around a date, asked by items.classify.
"""

from __future__ import annotations

import re

from planner.extract.dates import DateMention
from planner.extract.months import month_number
from planner.extract.normalize import Doc

REPORT_PERIOD = re.compile(r"(?<![a-z])(?:manads|kvartals|delars|tertial|halvars|ars)(?:rapport|bokslut|prognos)"
                            r"(?:en)?(?:\s{1,3}(?!senast|sista|inlamn|lamnas|ska|skall|in(?![a-z]))[a-z]{1,12}){0,3}?\s{1,3}(?:per|for|avseende|t\.?o\.?m\.?)?\s{0,3}(?:den\s{1,3})?$")

LONGEST_EVENT = 120  # days: a summer holiday is shorter; a longer span is a term, an agreement, a budget year
SIGNED_MONTH = re.compile(r"[\s*-]{0,4}[a-z][a-z .-]{1,40},\s{0,3}(?:i\s{1,3})?")  # "Styrelsen, januari 2025"
AS_OF = re.compile(r"(?<![a-z])per\s{1,3}(?:den\s{1,3})?$")  # "Budgetuppföljning per 30 november": a cutoff
SEE_ALSO = re.compile(r"[\s*>#-]{0,6}(?:se|las)\s{1,3}(?:aven|mer|ocksa)(?![a-z])")


def month_span_line(folded: str) -> bool:
    """"Januari - juli 2023": the months a plan covers, a heading and no event."""
    hit = MONTH_SPAN.fullmatch(folded.strip(" #*()"))
    return hit is not None and bool(month_number(hit.group(1))) and bool(month_number(hit.group(2)))


MONTH_SPAN = re.compile(r"([a-z]{3,9})\.?\s{0,2}[-–]\s{0,2}([a-z]{3,9})\.?\s{1,2}(?:19|20)\d\d")



VALID_FROM = re.compile(r"[\s\-*•]{0,4}(?:fran\s{1,3}och\s{1,3}med|fr\.?\s?o\.?\s?m\.?|fran)(?:\s{1,3}|-)"
                         r"(?:den\s{1,3})?$")
DATES_IN = re.compile(r"(?<![a-z])(?:datum|datumen|datumet|dagarna|dagen|tiderna|tider)\s{1,3}(?:i|for|under)\s{1,3}"
                       r"(?:[a-z]{3,9}\s{0,2}(?:och|,)\s{1,3})?$")


# "Andra söndagen i september hålls allmänna val": a day by rule, said of a date the text gives (or not) elsewhere.
NTH_WEEKDAY_IN = re.compile(r"(?<![a-z])(?:forsta|andra|tredje|fjarde|femte|sista|1:a|2:a|3:e|4:e)\s{1,3}"
                            r"(?:man|tis|ons|tors|fre|lor|son)dag(?:en|ar|arna)?\s{1,3}i\s{1,3}$")
# "Förbundsmötet sammanträder senast i april varje år": a rule of the statutes, no event of one year.
RECURRING = re.compile(r"(?<![a-z])(?:varje|vart|varenda)\s{1,3}(?:ar|manad|vecka|host|var)(?![a-z])"
                       r"|(?<![a-z])arligen(?![a-z])")


def event_before(doc: Doc, m: DateMention, s0: int) -> bool:
    """A month is when something happens ("annonseras i maj"), unless it only places dates ("ändring av
    datumen i maj och december") or is a weekday's by rule ("andra söndagen i september")."""
    lo = max(s0, m.start - 40)
    return DATES_IN.search(doc.folded, lo, m.start) is None and NTH_WEEKDAY_IN.search(doc.folded, lo, m.start) is None


def recurring_after(doc: Doc, m: DateMention, s1: int) -> bool:
    """"… senast i april varje år": the month the statutes fix, every year."""
    return RECURRING.search(doc.folded, m.end, min(s1, m.end + 16)) is not None


def alone_on_line(doc: Doc, m: DateMention, line: int) -> bool:
    """A past numeric date standing alone on its line: a letterhead or template date, not a plan.

    Written-out dates alone on a line ("17 mars 2025") are left alone: årshjul tables use them.
    """
    if any(c.isalpha() for c in doc.folded[m.start:m.end]):
        return False
    start = doc.starts[line]
    rest = doc.folded[start:m.start] + doc.folded[m.end:start + len(doc.lines[line])]
    return not rest.strip(" \t.,:;()")
