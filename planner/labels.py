"""The words people read for stored codes: one place, so a page, a mail, a feed and the wheel agree.

Every label is a Swedish catalog msgid (marked with N_, translated where it is shown), and one word
names one thing everywhere: "Deadline" (never "Sista dag"), "Lov", "inställd". Pure: no Flask, so
mails, feeds, the wheel and the CLI use the same words; `label(…, lang)` reads the English catalog
itself, and the pages pass their language (or use Flask-Babel's gettext on the same msgids).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from planner.translations import N_

# What an event, a proposal or a wheel mark is.
KINDS: dict[str, str] = {
    "meeting": N_("Möte"),
    "next_meeting": N_("Nästa möte"),
    "deadline": N_("Deadline"),
    "chair_handover": N_("Ordförandeskifte"),
    "holiday": N_("Lov"),
    "period": N_("Period"),
    "reference": N_("Omnämnande (ej i kalendern)"),
}
# The kinds a reviewed event can have (a proposal may also be a next_meeting or a reference).
EVENT_KINDS = ("meeting", "deadline", "chair_handover", "holiday")
PROPOSAL_KINDS = ("meeting", "next_meeting", "deadline", "chair_handover", "holiday", "reference")
# What a reminder delivery is.
DELIVERY_KINDS: dict[str, str] = {
    "reminder": N_("påminnelse"), "cancel_notice": N_("besked om inställt"), "digest": N_("veckobrev"),
}
# An event's status, lower case as it stands in a sentence ("preliminär", "inställd").
EVENT_STATUSES: dict[str, str] = {
    "confirmed": N_("bekräftad"), "tentative": N_("preliminär"), "cancelled": N_("inställd"),
}
# Every other stored status a page shows: reminder deliveries and proposals.
STATUSES: dict[str, str] = {
    **EVENT_STATUSES,
    "pending": N_("väntar"), "claimed": N_("skickas nu"), "sent": N_("skickad"), "failed": N_("misslyckad"),
    "expired": N_("för sent, skickades inte"), "accepted": N_("godkänt"), "rejected": N_("avvisat"),
}
FALLBACK_KIND = N_("Händelse")

CATALOG_DIR = Path(__file__).resolve().parent / "translations"


def _english(lang: str | None) -> bool:
    return (lang or "sv").lower().startswith("en")


@cache
def _catalog() -> gettext.NullTranslations:
    """The English catalog the pages use (planner/translations/en), read once."""
    return gettext.translation("messages", str(CATALOG_DIR), languages=["en"], fallback=True)


def translate(msgid: str, lang: str | None = "sv") -> str:
    """A Swedish msgid in the reader's language: itself in Swedish, the catalog's English otherwise."""
    return _catalog().gettext(msgid) if _english(lang) else msgid


def capitalized(text: str) -> str:
    """'inställd' → 'Inställd' for a heading or a form's choice (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def kind_label(kind: str | None, lang: str | None = "sv") -> str:
    """'Möte', 'Deadline', 'Lov' …; a delivery kind ('påminnelse'); an unknown code as itself."""
    if kind in KINDS:
        return translate(KINDS[kind], lang)
    if kind in DELIVERY_KINDS:
        return translate(DELIVERY_KINDS[kind], lang)
    return kind or translate(FALLBACK_KIND, lang)


def kind_or_event(kind: str | None, lang: str | None = "sv") -> str:
    """What an item without a title is called: its kind's word, 'Händelse' for a kind without one."""
    return translate(KINDS[kind] if kind in KINDS else FALLBACK_KIND, lang)


def status_label(status: str | None, lang: str | None = "sv") -> str:
    """'bekräftad', 'preliminär', 'inställd', 'skickad' …; an unknown code as itself."""
    if status in STATUSES:
        return translate(STATUSES[status], lang)
    return status or ""


def choices(labels: dict[str, str], codes: tuple[str, ...] | None = None, lang: str | None = "sv",
            capital: bool = False) -> dict[str, str]:
    """A form's select options, code → label in the reader's language, in the labels' order."""
    out = {}
    for code, msgid in labels.items():
        if codes is None or code in codes:
            text = translate(msgid, lang)
            out[code] = capitalized(text) if capital else text
    return out


# Lead times: how long before an occurrence a reminder goes out, and how a mail says it.
LEAD_WORDS = {
    "digest": N_("veckobrev"), "same_day": N_("samma dag"), "one_day": N_("1 dag före"),
    "days": N_("%(n)s dagar före"), "one_hour": N_("1 timme före"), "hours": N_("%(n)s timmar före"),
    "hours_minutes": N_("%(h)s tim %(m)s min före"),
    "today": N_("i dag"), "tomorrow": N_("i morgon"), "in_days": N_("om %(n)s dagar"),
}


def lead_words(days: int, minutes: int | None, lang: str | None = "sv") -> str:
    """A lead of `days` calendar days, or an exact span of `minutes`: '7 dagar före', '2 timmar före'."""
    if minutes is None:
        if days == 0:
            return translate(LEAD_WORDS["same_day"], lang)
        if days == 1:
            return translate(LEAD_WORDS["one_day"], lang)
        return translate(LEAD_WORDS["days"], lang) % {"n": days}
    hours, rest = divmod(minutes, 60)
    if rest:
        return translate(LEAD_WORDS["hours_minutes"], lang) % {"h": hours, "m": rest}
    if hours == 1:
        return translate(LEAD_WORDS["one_hour"], lang)
    return translate(LEAD_WORDS["hours"], lang) % {"n": hours}


def days_ahead_words(days: int, lang: str | None = "sv") -> str:
    """'i dag', 'i morgon', 'om 7 dagar': how far off an occurrence is from the day a mail is sent."""
    if days <= 0:
        return translate(LEAD_WORDS["today"], lang)
    if days == 1:
        return translate(LEAD_WORDS["tomorrow"], lang)
    return translate(LEAD_WORDS["in_days"], lang) % {"n": days}
