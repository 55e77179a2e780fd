"""Whether a proposed meeting is called off: "inställt", "ställs in", "utgår", a plan's "Inhiberade" rows, the old
day of a moved meeting."""

from __future__ import annotations

import re

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.sentences import sentence_of


def called_off(ctx: Context, m: DateMention, s0: int, s1: int) -> bool:
    """Cancelled or moved away from, unless this is the new date ("flyttas till den 25 april")."""
    if _CANCELLED_AFTER.match(ctx.doc.folded, m.end):
        return True  # "november 10:e 17:00 (inställt)": said of this date alone
    if _planned_before_move(ctx, m, s0):
        return True  # "Årsmötet som var planerat till den 17-18 mars är avlyst"
    if _first_under_cancel_title(ctx, m):
        return True  # "ÅRSMÖTET INSTÄLLT / … hade planerat att inbjuda till ÅRSMÖTE söndagen den 26 april"
    line = ctx.doc.line_of(m.start)
    if line in _cancelled_rows(ctx):
        return True  # "INHIBERADE PROGRAM: / 16.03 Swing it / … / April / 06.04 Besök på Fazers fabrik"
    if line in ctx.plan_lines:  # "Tisdag 18 mars – inställt" under rows with no full stops: each row for itself
        s0, s1 = ctx.doc.starts[line], ctx.doc.starts[line] + len(ctx.doc.lines[line])
    if not ctx.sentence_has(s0, s1, cues.CANCELLED) and not ctx.sentence_has(s0, s1, cues.CANCELLED_SPLIT):
        # "… sammanträden den 18 augusti och den 8 september ställs in. Samma sak sker med fullmäktiges möte den 24
        # september": the sentence says the one before it again
        if s0 > 0 and _SAME_AGAIN.match(ctx.doc.folded, s0):
            p0, p1 = sentence_of(ctx.bounds, s0 - 1, len(ctx.doc.folded))
            return ctx.sentence_has(p0, p1, cues.CANCELLED) and not cues.MOVED_TO.search(ctx.doc.folded, p0, p1)
        return False
    folded = ctx.doc.folded
    cue = ctx.first_cue(s0, s1, cues.CANCELLED)
    own_cue = cues.CANCELLED.search(folded, m.end, s1) \
        if cue is not None and cue.start() < m.start and mentions_between(ctx, cue.end(), m.start) else None
    if own_cue is not None and not mentions_between(ctx, m.end, own_cue.start()):
        # "… sammanträdet den 10 mars flyttas till den 31 mars och fullmäktige den 17 mars flyttas till den 21
        # april": each day's own verb, right after it
        cue = own_cue
    if cue is not None and ("(" in folded[max(s0, cue.start() - 2):cue.start()]
                            or _IN_DATED_NOTE.search(folded, max(s0, cue.start() - 16), cue.start())):
        return False  # the sentence's "(inställt)", "(3.6 inhiberat)" notes another date, one by one
    if cue is not None and _AGENDA_ITEM_DROPPED.search(folded, max(s0, cue.start() - 40), cue.end()):
        return False  # "Ärende nr 11 utgår och behandlas vid styrelsens sammanträde den 12 november": a point
    if cue is not None and cue.end() <= m.start and (cues.NEW_DATE.search(folded, cue.end(), m.start)
                                                     or cues.NEW_DATE.search(cue.group(0))):
        return False  # "… flyttas. Nytt datum är den 23 juni": the cue names the new date
    # A headline above the sentence ("Ändrade mötesdagar", no full stop) is no verb of it
    para = folded.rfind("\n\n", s0, m.start)
    own = para + 2 if para != -1 else s0
    if cue is not None and cue.start() >= m.end and (cues.HELD.search(folded, own, m.start)
                                                     or _past_verb(folded, own, m.start)
                                                     or cues.AFTER_IT.search(folded, max(m.end, cue.start() - 30),
                                                                         cue.start())):
        return False  # "Styrelsen fattade på sitt möte den 7 april beslut om att flytta …": the meeting that decided
    return not cues.MOVED_TO.search(folded, max(s0, m.start - 20), m.start)


def _past_verb(folded: str, start: int, end: int) -> bool:
    """A verb in the past before the day, not a participle after an article ("Det planerade sammanträdet den 7
    april flyttas"): the meeting that decided, not the one moved."""
    return any(not _ARTICLE_BEFORE.search(folded, max(0, hit.start() - 6), hit.start())
               for hit in cues.PAST_FORM.finditer(folded, start, end))


_ARTICLE_BEFORE = re.compile(r"(?<![a-z])(?:det|den|de)\s{1,2}$")
_IN_DATED_NOTE = re.compile(r"\([ \t]{0,2}\d{1,2}[./]\d{1,2}\.?[ \t]{1,3}$")
# A heading that cancels the rows below it: "Inställda möten:", "INHIBERADE PROGRAM:", "Inställda sammanträden".
_CANCEL_HEADING = re.compile(r"[ \t*#]{0,4}(?:installda|inhiberade|avlysta|installt|inhiberat)\s{1,3}[a-z]{3,20}"
                             r"[ \t]{0,2}:?[ \t]*")
_CANCEL_HEADING_LINE = re.compile(r"(?m)^[ \t*#]{0,4}(?:installda|inhiberade|avlysta|installt|inhiberat)\s")
_MONTH_HEADING = re.compile(r"[ \t*#]{0,4}(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
                            r"|november|december)(?:\s{1,3}(?:19|20)\d\d)?[ \t:]*")


def _cancelled_rows(ctx: Context) -> set[int]:
    """The dated rows under a heading that cancels them, down past month headings to the first other line."""
    rows = ctx.doc.memo.get("cancelled rows")
    if rows is None:
        rows = ctx.doc.memo["cancelled rows"] = set()
        doc = ctx.doc
        if "inst" in doc.folded or "inhib" in doc.folded or "avlyst" in doc.folded:
            starts = set(ctx.mention_starts)
            for hit in _CANCEL_HEADING_LINE.finditer(doc.folded):  # one scan for the headings, not one per line
                index = doc.line_of(hit.start())
                if len(doc.lines[index]) > 40 or not _CANCEL_HEADING.fullmatch(doc.folded_line(index)):
                    continue
                for below in range(index + 1, len(doc.lines)):
                    text = doc.folded_line(below)
                    lead = doc.starts[below] + len(text) - len(text.lstrip(" \t*•-"))
                    if not text.strip() or _MONTH_HEADING.fullmatch(text):
                        continue
                    if lead not in starts:
                        break  # a line not led by its date: the list has ended
                    rows.add(below)
    return rows


_SAME_AGAIN = re.compile(r"\s{0,3}(?:samma\s{1,3}sak\s{1,3}(?:sker|galler|hander)|detsamma\s{1,3}galler"
                         r"|(?:det\s{1,3})?samma\s{1,3}galler)(?![a-z])")
# "Ärende nr 11 utgår", "Punkt 7 utgår", "§ 12 utgår", "Frågan utgår": an agenda point dropped, the meeting stays.
_AGENDA_ITEM_DROPPED = re.compile(r"(?<![a-z])(?:[aeiouyd]{1,2}rende(?:t|na)?|punkt(?:en|erna)?|fr[aeiouyd]{1,2}gan"
                                  r"|§|paragraf(?:en)?)"
                                  r"(?:\s{1,3}(?:nr\.?\s{0,2})?\d{1,3}(?:\s{0,2}(?:och|,|-)\s{0,2}\d{1,3})*)?\s{1,3}utg[aeiouyd]{1,2}r(?![a-z])")


def _first_under_cancel_title(ctx: Context, m: DateMention) -> bool:
    """A notice titled by a cancellation that names no day ("Föreningsstämma inställd"): the first meeting's day
    of its text is the one called off, unless the text then names another one to come in its stead."""
    doc = ctx.doc
    memo = ctx.memo.get("cancel_title")
    if memo is None:
        first = doc.first_nonblank(1)
        title = doc.folded_line(first[0]) if first else ""
        days = [d for d in ctx.mentions if d.precision == "day" and doc.line_of(d.start) != (first or [-1])[0]
                and cues.MEETING_OR_COUNCIL.search(doc.folded, max(0, d.start - 50), d.start)]
        own = len(title) < 60 and not any(c.isdigit() for c in title) and cues.CANCELLED.search(title) \
            and not cues.MOVED_TO.search(title) and not cues.NEW_DATE.search(title)
        memo = ctx.memo["cancel_title"] = days[0].start if own and days else -1
    return m.start == memo and not cues.MOVED_TO.search(doc.folded, max(0, m.start - 20), m.start)


def _planned_before_move(ctx: Context, m: DateMention, s0: int) -> bool:
    """In a text about a move or a cancellation, "… planerades tidigare att hållas den 13-14 juni" gives the date
    moved away from, "… skulle ägt rum den 18 mars" the one called off."""
    cue = cues.WAS_PLANNED.search(ctx.doc.folded, max(s0, m.start - 60), m.start)
    if cue is None:
        return False
    between = mentions_between(ctx, cue.end(), m.start)
    if between and cues.MOVED_TO.search(ctx.doc.folded, between[-1].end, m.start):
        return False  # "… som var planerat till den 18 december flyttas till den 15 december": the 15th is the new one
    return changes(ctx)


def changes(ctx: Context) -> bool:
    """The text moves or cancels a meeting somewhere."""
    if "changes" not in ctx.memo:
        ctx.memo["changes"] = bool(cues.MOVE_VERB.search(ctx.doc.folded) or cues.CANCELLED.search(ctx.doc.folded))
    return ctx.memo["changes"]


# A cancellation said of one date: "10:e 17:00 (inställt)", "7 maj – inställt".
# Finland-Swedish writes "inhiberat" and "har annullerats" for a cancelled meeting.
_CANCEL_NOTE = "installt|installd|installda|avlyst|avlysts|utgar|inhiberat|inhiberad|inhiberade|annullerat|annulerat"
_CANCELLED_AFTER = re.compile(r"[ \t,]{0,3}(?:(?:kl\.?\s{0,2})?\d{1,2}[.:]\d\d(?:\s{0,2}[-–]\s{0,2}\d{1,2}[.:]\d\d)?)?"
                              r"(?:[ \t]{0,3}(?:\(|[-–][ \t]{0,2})[ \t]{0,2}(?:" + _CANCEL_NOTE + r")(?![a-z])"
                              # "(3.6 inhiberat)": the note closes the bracket the date opened
                              r"|[ \t]{1,3}(?:" + _CANCEL_NOTE + r")[ \t]{0,2}\))")
