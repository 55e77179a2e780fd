"""What the item stages share about one document: its mentions, times, sentences and the facts read once."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from planner.extract import cues
from planner.extract.dates import DateMention
from planner.extract.normalize import Doc
from planner.extract.ocrwords import diacritics_lost
from planner.extract.times import TimeMention


@dataclass
class Context:
    """One document as the item stages read it; `memo` keeps what a sentence or the text was asked once."""

    doc: Doc
    mentions: list[DateMention]
    mention_starts: list[int]
    times: list[TimeMention]
    time_starts: list[int]
    bounds: list[int]
    ref: dt.date | None
    body: str | None = None
    memo: dict = field(default_factory=dict)
    pieces: set[str] = field(default_factory=set)  # title words seen, to bound repair work per document
    plan_lines: dict[int, int] = field(default_factory=dict)  # a plan page's lines of listed meeting dates → how many
    sections: dict[int, str] = field(default_factory=dict)  # plan line → the body its section heading names
    # When the text was written, where that differs from ref: a kallelse's ref is the meeting it calls, and the
    # days before that meeting are still to come ("… ordföranden tillhanda … den 14/3" before an April meeting).
    written: dt.date | None = None
    written_known: bool = False

    def sentence_has(self, s0: int, s1: int, pattern: re.Pattern[str]) -> bool:
        """Whether a sentence contains a cue; asked once per sentence and cue, however many dates share it."""
        key = (s0, pattern.pattern)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = pattern.search(self.doc.folded, s0, s1) is not None
        return found

    def first_cue(self, s0: int, s1: int, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of a cue in folded[s0:s1], searched once however many dates ask."""
        key = ("cue", s0, s1, pattern.pattern)
        if key not in self.memo:
            self.memo[key] = pattern.search(self.doc.folded, s0, s1)
        return self.memo[key]

    @property
    def lost_diacritics(self) -> bool:
        """Whether the text writes "pa", "ar", "mote" for "på", "är", "möte" (then plain words may be repaired)."""
        found = self.memo.get("lost")
        if found is None:
            found = self.memo["lost"] = diacritics_lost(self.doc.original)
        return found

    def sentence_kind(self, s0: int, s1: int) -> str:
        key = (s0, "kind")
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = cues.kind_from_context(self.doc.folded[s0:s1])
        return found


def mentions_between(ctx: Context, start: int, end: int) -> list[DateMention]:
    i = bisect.bisect_left(ctx.mention_starts, start)
    j = bisect.bisect_left(ctx.mention_starts, end)
    return ctx.mentions[i:j]
