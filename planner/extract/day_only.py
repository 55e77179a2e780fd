"""A next meeting named by its day alone: "Nästa möte blir den 24:e kl 18", "bokat in 31:a 10:00 för nästa möte".

Swedish says "den 24:e" for a day of this month, or of the next once this month's has passed; minutes say it of the
month they were held in. Read only in a sentence that names the next meeting and no full date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from planner.extract import cues
from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.sentences import sentence_of
from planner.extract.years import safe_date

_DAY_ONLY = re.compile(r"(?<![\w/.:-])(?:den\s{1,2}(?P<a>[1-3]?\d)(?::[ae])?|(?P<b>[1-3]?\d):[ae])(?![\w/:-]|\.\w)")


def day_only_next(doc: Doc, bounds: list[int], mention_starts: list[int], held: dt.date) -> DateMention | None:
    """The next meeting's date from its day, counted from the day the minutes were `held`."""
    for cue in cues.NEXT.finditer(doc.folded):
        s0, s1 = sentence_of(bounds, cue.start(), len(doc.folded))
        if bisect.bisect_left(mention_starts, s0) != bisect.bisect_left(mention_starts, s1):
            continue  # the sentence has a date of its own
        hit = _DAY_ONLY.search(doc.folded, s0, s1)
        if hit is None:
            continue
        day = int(hit.group("a") or hit.group("b"))
        year, month = held.year, held.month
        if day <= held.day:  # that day of this month has passed: the next month's
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        if safe_date(year, month, day) is not None:
            return DateMention(hit.start(), hit.end(), "day", month, day, year)
    return None
