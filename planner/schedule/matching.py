"""Finding the event that new minutes talk about, so a moved or cancelled meeting updates it.

A proposal matches an event of the same organization, body and kind whose date lies within
WINDOW_DAYS of the proposed one (for a month- or week-only proposal: inside that month or week),
and whose title says the same thing (shared words, or both are the body's ordinary meeting:
"Nästa möte", "Möte: Styrgrupp"). The closest date wins.
"""

from __future__ import annotations

import datetime as dt
import re

from planner.db import db
from planner.folding import fold_text
from planner.models import Event, Proposal
from planner.schedule.datefmt import date_range
from planner.schedule.kinds import EVENT_KIND

WINDOW_DAYS = 21
STOP_WORDS = {"och", "i", "med", "for", "om", "pa", "av", "till", "den", "det", "kl"}
# Words that say "the body's meeting" or how it changed, not which meeting it is.
GENERIC = {"mote", "motet", "moten", "nasta", "sammantrade", "ordinarie", "extra", "flyttas", "flyttat",
           "flyttad", "installt", "installs", "installd", "ny", "nytt", "tid", "datum"}


def words(title: str) -> set[str]:
    folded = fold_text(title or "")
    return {w for w in re.findall(r"[a-z0-9]+", folded) if w not in STOP_WORDS}


def specific_words(title: str, body_name: str = "") -> set[str]:
    """The words that tell one meeting from another: not generic, not the body's own name."""
    own = words(body_name)
    return {w for w in words(title) - GENERIC
            if not any(w.startswith(o) and len(o) >= 4 for o in own)}  # "styrgruppens" is the body


def generic_title(title: str | None) -> bool:
    """A title of only generic words ("Nästa möte", "Mötet") names no meeting in particular."""
    return not (words(title or "") - GENERIC)


def titles_match(a: str, b: str, body_name: str = "") -> bool:
    """Same words (Jaccard ≥ 0.5 after dropping generic ones), or both the body's plain meeting."""
    wa, wb = specific_words(a, body_name), specific_words(b, body_name)
    if not wa and not wb:
        return True
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.5


def _event_day(event: Event) -> dt.date | None:
    from planner.schedule.datefmt import STOCKHOLM

    if event.start_at is not None:
        return event.start_at.astimezone(STOCKHOLM).date()
    return event.start_date


def candidates(proposal: Proposal, organization_id: int | None, event_kind: str,
               held_before: dt.date | None = None, loose: bool = False) -> list[tuple[int, Event]]:
    """(days apart, event) for every event this proposal may move, cancel or repeat, closest first.

    Events before `held_before` (the minutes' own meeting date) have already taken place: they
    match only on their own date (a late note of a cancellation), never as a move.
    """
    from planner.schedule.datefmt import vague_date_text
    if proposal.start_date is None or organization_id is None:
        return []
    vague = proposal.kind != "holiday" and vague_date_text(proposal.date_text) is not None
    if vague:  # "i december": any event inside the month (or week) it names, never outside
        lo, hi = date_range(proposal.date_text, None)
        assert lo is not None and hi is not None
    else:
        lo = proposal.start_date - dt.timedelta(days=WINDOW_DAYS)
        hi = proposal.start_date + dt.timedelta(days=WINDOW_DAYS)
    lo_at = dt.datetime.combine(lo, dt.time(), dt.UTC)
    hi_at = dt.datetime.combine(hi + dt.timedelta(days=1), dt.time(), dt.UTC)
    query = db.select(Event).where(
        Event.organization_id == organization_id,
        Event.kind == event_kind,
        Event.series_id.is_(None),
        Event.deleted_at.is_(None),
        Event.rrule.is_(None),
        Event.body_id.is_(None) if proposal.body_id is None else Event.body_id == proposal.body_id,
        db.or_(Event.start_at.between(lo_at, hi_at), Event.start_date.between(lo, hi)),
    )
    body_name = proposal.body.name if proposal.body else ""
    found = []
    for event in db.session.scalars(query):
        day = _event_day(event)
        if day is None:
            continue
        distance = abs((day - proposal.start_date).days)
        if vague and not lo <= day <= hi:
            continue
        if held_before is not None and day < held_before and (distance or vague):
            continue
        if titles_match(event.title, proposal.title or "", body_name) or (
                (vague or loose) and about_the_meeting(proposal.title or "", event.title, body_name)):
            found.append((distance, event))
    found.sort(key=lambda c: (c[0], c[1].id))
    return found


MEETING_WORDS = {"mote", "motet", "sammantrade", "sammantradet"}


def about_the_meeting(title: str, event_title: str, body_name: str = "") -> bool:
    """'Planen fastställs på styrgruppens möte' (in the month it names) is the body's plain meeting."""
    return not specific_words(event_title, body_name) and bool(words(title) & MEETING_WORDS)


def same_day_event(proposal: Proposal, organization_id: int | None) -> Event | None:
    """The existing event on the day a person just gave a month-only proposal, if its title fits."""
    if proposal.kind not in EVENT_KIND:
        return None
    found = [e for d, e in candidates(proposal, organization_id, EVENT_KIND[proposal.kind], loose=True) if d == 0]
    return found[0] if found else None


def link_matches(proposals: list[Proposal], organization_id: int | None, held_before: dt.date | None) -> None:
    """Point each new proposal at the event it changes; each event goes to its closest proposal only."""
    pairs = []
    for proposal in proposals:
        if proposal.kind in EVENT_KIND and proposal.event_id is None:
            for distance, event in candidates(proposal, organization_id, EVENT_KIND[proposal.kind], held_before):
                pairs.append((distance, proposal.id or 0, proposal, event))
    pairs.sort(key=lambda p: (p[0], p[1]))
    taken_events: set[int] = set()
    done: set[int] = set()
    for _distance, _pid, proposal, event in pairs:
        if event.id in taken_events or id(proposal) in done:
            continue
        proposal.event = event
        taken_events.add(event.id)
        done.add(id(proposal))
