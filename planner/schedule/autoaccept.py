"""Which proposals "Godkänn alla" (and `planner import --accept-all`) may accept without a person.

One rule for the web and the command line. A proposal is held for a person when accepting it
unseen could put something wrong in every subscriber's calendar: a mention rather than an item,
a date that has passed (an OCR'd årshjul's old year), a month or week without a day, a year the
minutes never write, or a title mostly made of repaired OCR words that the evidence line does not
contain. Each hold has a Swedish reason the review pages show.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.models import Proposal
from planner.schedule.datefmt import WEEKDAYS, vague_date_text
from planner.schedule.kinds import EVENT_KIND
from planner.schedule.matching import specific_words, words

# Below this share of its telling words found in the evidence line, a title is the repair's, not the minutes'.
MIN_TITLE_EVIDENCE_SHARE = 0.5
MENTION_KINDS = {"reference"}

def N_(text: str) -> str:
    """A catalog msgid: the review pages translate these reasons where they show them."""
    return text


HOLD_REASONS = {
    "mention": N_("är ett omnämnande, inte en händelse"),
    "no_date": N_("saknar datum"),
    "vague": N_("har bara månad eller vecka: ange dag"),
    "past": N_("datumet har redan passerat"),
    "year": N_("året står inte i protokollet"),
    "ocr": N_("rubriken är mest reparerad OCR-text"),
    "confidence": N_("säkerheten är under gränsen"),
}
# For `planner import --accept-all`, whose output is English like the rest of the command line.
HOLD_REASONS_EN = {
    "mention": "mentions", "no_date": "no date", "vague": "only a month or week given", "past": "date has passed",
    "year": "year not in the minutes", "ocr": "title mostly repaired OCR", "confidence": "low confidence",
}
DEFAULT_MIN_CONFIDENCE = 0.8


def hold_reason(proposal: Proposal, today: dt.date, min_confidence: float = 0.0) -> str | None:
    """The key in HOLD_REASONS that keeps this pending proposal from bulk acceptance; None if it may go."""
    if proposal.kind in MENTION_KINDS or proposal.kind not in EVENT_KIND:
        return "mention"
    if proposal.start_date is None:
        return "no_date"
    if proposal.kind != "holiday" and vague_date_text(proposal.date_text):
        return "vague"
    if (proposal.end_date or proposal.start_date) < today:
        return "past"
    if proposal.confidence < min_confidence:
        return "confidence"
    if year_inferred(proposal):
        return "year"
    if title_mostly_repaired(proposal):
        return "ocr"
    return None


def year_inferred(proposal: Proposal) -> bool:
    """The year is written neither on the evidence line nor in its paragraph ("Sammanträdestider 2027"),
    no written weekday confirms it, and it is not within a year after the minutes' own meeting date
    (which is how "Nästa möte fredagen den 4 december" is read)."""
    day = proposal.start_date
    if day is None or not proposal.evidence_text:
        return False  # typed by a person, or the minutes' own header date
    context = paragraph_of(proposal)
    if str(day.year) in context or re.search(rf"[-/.']\s?{day.year % 100:02d}\b", context):
        return False
    weekday = words(WEEKDAYS["sv"][day.weekday()]).pop()
    if any(re.fullmatch(rf"{weekday}(en)?", word) for word in words(proposal.evidence_text)):
        return False
    held = proposal.document.meeting_date if proposal.document is not None else None
    return held is None or not dt.timedelta(0) <= day - held <= dt.timedelta(days=366)


def paragraph_of(proposal: Proposal, most: int = 4) -> str:
    """The evidence line and the lines above it up to a blank line (at most `most` of them)."""
    lines = proposal.document.text.splitlines() if proposal.document is not None and proposal.document.text else []
    number = proposal.evidence_line or 0
    if not 1 <= number <= len(lines):
        return proposal.evidence_text or ""
    first = number - 1
    while first > 0 and number - first < most and lines[first - 1].strip():
        first -= 1
    return "\n".join(lines[first:number] + [proposal.evidence_text or ""])


def title_mostly_repaired(proposal: Proposal) -> bool:
    """Few of the title's telling words (folded) occur in the evidence line: the title is a guess."""
    body = proposal.body.name if proposal.body else ""
    telling = specific_words(proposal.title or "", body)
    if not telling or not proposal.evidence_text:
        return False  # a generic or body title ("Nästa möte", "Möte: Styrgrupp") repairs nothing
    evidence = " ".join(words(proposal.evidence_text))
    found = sum(1 for word in telling if word in evidence)
    return found / len(telling) < MIN_TITLE_EVIDENCE_SHARE


def split_for_bulk(proposals: list[Proposal], today: dt.date,
                   min_confidence: float = 0.0) -> tuple[list[Proposal], list[tuple[Proposal, str]]]:
    """(what bulk acceptance takes, [(held proposal, reason key)]) among the pending proposals."""
    take, held = [], []
    for proposal in proposals:
        if proposal.status != "pending":
            continue
        reason = hold_reason(proposal, today, min_confidence)
        if reason is None:
            take.append(proposal)
        else:
            held.append((proposal, reason))
    return take, held
