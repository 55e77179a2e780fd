"""Which date of a sentence is the next meeting: the one a "nästa möte" cue, the body's "träffas nästa gång" or an
extra meeting owns."""

from __future__ import annotations

import re

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.normalize import fold


def next_cue_owns(ctx: Context, m: DateMention, s0: int, s1: int) -> bool:
    key = (s0, "next")
    if key not in ctx.memo:
        sentence = ctx.doc.folded[s0:s1]
        cue = cues.NEXT.search(sentence) or cues.NEXT_ACRONYM.search(ctx.doc.original, s0, s1) \
            or cues.NEXT_ASSEMBLY.search(sentence)
        if cue is not None and cue.re is cues.NEXT and cues.WITH_OTHERS.match(sentence, cue.end()) \
                and not _with_itself(ctx, sentence, cue.end()):
            cue = None  # "nästa möte med arbetsgruppen": another group's meeting
        if cue is None:
            ctx.memo[key] = _body_meets_next(ctx, sentence, s0)
            if ctx.memo[key] is None and not _names_next(ctx):
                ctx.memo[key] = extra_meeting(sentence, s0)
        else:
            ctx.memo[key] = cue.start() + (0 if cue.re is cues.NEXT_ACRONYM else s0)
    cue_pos = ctx.memo[key]
    if cue_pos is None or _DATE_NOTE_OPENS.search(ctx.doc.folded, max(0, cue_pos - 12), cue_pos):
        return False  # "6.5 (extrainsatt sammanträde)  13.5": the note of the date before, no next meeting
    found = mentions_between(ctx, s0, s1)
    # a week stands for the next meeting only where no day does ("Nästa möte: v. 15")
    in_sentence = [d for d in found if d.precision != "week"] or found
    after = [d for d in in_sentence if d.start >= cue_pos]
    owner = after[0] if after else (in_sentence[-1] if in_sentence else None)
    if owner is m and (extra := cues.EXTRA.match(ctx.doc.folded, cue_pos)) is not None:
        return _extra_owns(ctx.doc.folded, extra, m)
    return owner is m


_DATE_NOTE_OPENS = re.compile(r"\d[ \t]{0,3}\([ \t]{0,2}$")
# What is done about an extra meeting, not the meeting: "inkom en begäran om", "beslutat att kalla till",
# "skicka ut kallelsen till" (a date before these is the request's, the decision's, the letter's).
_EXTRA_ACT = re.compile(r"(?<![a-z])(?:begaran|begara|begart|begar|kalla|kallar|kallat|kallas|kallelse|kallelsen|"
                        r"inbjudan|inbjudningen)(?:\s{1,3}(?:om|till|att))?(?:\s{1,3}(?:ett|en|det))?\s{1,3}$")


def _extra_owns(folded: str, extra: re.Match[str], m: DateMention) -> bool:
    """An extra meeting's day: not one before the act of asking or calling for it, nor one after another meeting
    named between them ("… det extra förbundsmötet, … inplanerat ett ordinarie förbundsmöte 28-29 september")."""
    if m.start < extra.start():
        return _EXTRA_ACT.search(folded, max(m.end, extra.start() - 40), extra.start()) is None
    return cues.MEETING.search(folded, extra.end(), m.start) is None


def _with_itself(ctx: Context, sentence: str, pos: int) -> bool:
    """"Nästa ordinarie möte med kommunstyrelsen" in news of Kommunstyrelsen: the body's own meeting after all."""
    other = re.match(r"\s{1,3}(?:med|mellan)\s{1,3}([a-z]{4,30})", sentence[pos:pos + 60])
    body = fold(ctx.body or "").split()
    return bool(other and body and _stem(other.group(1)) == _stem(body[-1]))


def _names_next(ctx: Context) -> bool:
    """The text says "nästa möte" somewhere: then that is the next meeting, and an extra one just a meeting."""
    if "names_next" not in ctx.memo:
        ctx.memo["names_next"] = cues.NEXT.search(ctx.doc.folded) is not None
    return ctx.memo["names_next"]


def extra_meeting(sentence: str, s0: int) -> int | None:
    """Position of "ett extra fullmäktige", "extrainsatt sammanträde": an extra meeting of the body is its next."""
    if "extra" not in sentence:
        return None
    for hit in cues.EXTRA.finditer(sentence):
        if cues.MEETING_OR_COUNCIL.search(hit.group("noun")):
            return s0 + hit.start()
    return None


def _stem(word: str) -> str:
    return re.sub(r"(?:en|et|n)$", "", word)


def _body_meets_next(ctx: Context, sentence: str, s0: int) -> int | None:
    """Position of "X träffas nästa gång" when X is the body itself ("Nätverket", "Gruppen", "Vi")."""
    hit = cues.NEXT_TIME.search(sentence) if cues.NEXT_TIME_TAIL.search(sentence) else None
    if hit is None:
        return None
    subject = _stem(hit.group("subj"))
    body = _stem(fold(ctx.body or "").replace(" ", ""))
    if subject == "vi" or (len(subject) >= 4 and body and (body.endswith(subject) or subject.endswith(body))):
        return s0 + hit.start()
    return None
