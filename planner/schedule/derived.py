"""Deadlines a body derives from each of its meetings ("kallelse 7 dagar före"), as pure date arithmetic.

They are not stored: every reader (the wheel, the feed) computes them from the meeting's current
date, so they move when the meeting moves and vanish when it is cancelled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

_RULE = re.compile(r"^\s*(?P<label>.+?)\s+(?P<n>\d{1,3})\s*(?P<unit>dagar|dag|veckor|vecka|arbetsdagar)\s+före\s*$",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    label: str  # "Kallelse", "Handlingar till kansliet"
    days: int  # calendar days before the meeting

    def text(self) -> str:
        return f"{self.label} {self.days} dagar före"


class RuleError(ValueError):
    """A rule that does not read as 'text N dagar före'."""


def parse_rules(text: str) -> list[Rule]:
    """'kallelse 7 dagar före; handlingar till kansliet 14 dagar före' (or one per line) → rules.

    Raises RuleError with a Swedish message naming the part that does not read.
    """
    rules = []
    for part in re.split(r"[;\n]", text or ""):
        if not part.strip():
            continue
        m = _RULE.match(part)
        if not m:
            raise RuleError(f"«{part.strip()}» ska skrivas som till exempel «kallelse 7 dagar före»")
        n = int(m["n"]) * (7 if m["unit"].lower().startswith("veck") else 1)
        label = m["label"].strip()
        rules.append(Rule(label[:1].upper() + label[1:], n))
    return rules


def deadline_day(meeting: dt.date, days: int, closed: Container[dt.date] = ()) -> dt.date:
    """`days` before the meeting, moved back to the working day before when that is a weekend or a
    day in `closed` (red days): a kallelse has to be out by then, not after."""
    day = meeting - dt.timedelta(days=days)
    while day.weekday() >= 5 or day in closed:
        day -= dt.timedelta(days=1)
    return day


def red_days(years: list[int]) -> frozenset[dt.date]:
    """Swedish public holidays (röda dagar) of the years: no deadline falls on one."""
    return _red_days(tuple(years))


@lru_cache(maxsize=32)
def _red_days(years: tuple[int, ...]) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.SE(years=list(years), categories=("public",)))
