"""Keyword patterns that survive OCR: `kw("möte")` also matches "mote", "méte", "moete", "mdte"."""

from __future__ import annotations

import re
from functools import lru_cache

_SPECIAL = "[aeiouyd]{1,2}"
_MAP = {
    "å": _SPECIAL, "ä": _SPECIAL, "ö": _SPECIAL, "é": _SPECIAL,
    "a": "[aeiouy]", "e": "[aeiouy]", "o": "[aeiouy]", "u": "[aeiouyni]", "y": "[aeiouy]",
    "i": "[aeiouyl1]", "l": "[li1t]",
}


def kw(word: str) -> str:
    """Regex source for a Swedish keyword on folded text; spaces match any run of whitespace."""
    return "".join(_parts(word))


def _parts(word: str) -> list[str]:
    parts = []
    for char in word.lower():
        if char == " ":
            parts.append(r"[\s-]{1,3}")  # OCR joins words with a hyphen: "staller-in"
        else:
            parts.append(_MAP.get(char, re.escape(char)))
    return parts


@lru_cache(maxsize=256)
def words(*keywords: str, prefix: bool = True, suffix: str = "[a-z]{0,12}") -> re.Pattern[str]:
    """One compiled pattern for several keywords, anchored at a word start."""
    # Keywords grouped by their first character: the engine tries one branch per group, not one per keyword.
    groups: dict[str, list[str]] = {}
    for keyword in keywords:
        parts = _parts(keyword)
        groups.setdefault(parts[0], []).append("".join(parts[1:]))
    body = "|".join(first + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
                    for first, rests in groups.items())
    end = suffix if suffix else ""
    lead = r"(?<![a-z])" if prefix else ""
    return re.compile(f"{lead}(?:{body}){end}")
