"""A page's own list of abbreviations ("KF Kommunfullmäktige", "KSAU – Kommunstyrelsens arbetsutskott"):
what a table's "KS AU" stands for, so the calendar shows the body's name."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc

_ENTRY = re.compile(r"^\s*(?P<abbr>[A-ZÅÄÖ][A-ZÅÄÖ0-9&]{1,7})\s*(?:[-–—:=]\s*)?\s"
                    r"(?P<name>[A-ZÅÄÖ][\wåäöé ,-]{3,60}?)\s*$")
MIN_ENTRIES = 3


def glossary(doc: Doc) -> dict[str, str]:
    """Abbreviation (spaces left out) → name, from runs of at least three entry lines."""
    found: dict[str, str] = {}
    run: list[tuple[str, str]] = []
    for line in [*doc.lines, ""]:
        hit = _ENTRY.match(line) if line.strip() else None
        if hit is not None and any(c.islower() for c in hit.group("name")):
            run.append((hit.group("abbr"), hit.group("name").strip()))
            continue
        if len(run) >= MIN_ENTRIES:
            found.update(run)
        run = []
    return found


# What every Swedish municipality and region means by these, when the page has no list of its own.
STANDARD = {"KF": "Kommunfullmäktige", "KS": "Kommunstyrelsen", "KSAU": "Kommunstyrelsens arbetsutskott",
            "RF": "Regionfullmäktige", "RS": "Regionstyrelsen", "RSAU": "Regionstyrelsens arbetsutskott"}


def expand(label: str, names: dict[str, str]) -> str:
    """"KS AU" → "Kommunstyrelsens arbetsutskott" when the page says so, or when it is one of the abbreviations
    every municipality uses; else the label as written."""
    key = label.replace(" ", "").upper() if len(label) <= 8 else ""
    return names.get(key) or STANDARD.get(key, label) if key else label
