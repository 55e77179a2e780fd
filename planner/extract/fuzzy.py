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
    parts = []
    for char in word.lower():
        if char == " ":
            parts.append(r"\s{1,3}")
        else:
            parts.append(_MAP.get(char, re.escape(char)))
    return "".join(parts)


@lru_cache(maxsize=256)
def words(*keywords: str, prefix: bool = True, suffix: str = "[a-z]{0,12}") -> re.Pattern[str]:
    """One compiled pattern for several keywords, anchored at a word start."""
    body = "|".join(kw(k) for k in keywords)
    end = suffix if suffix else ""
    lead = r"(?<![a-z])" if prefix else ""
    return re.compile(f"{lead}(?:{body}){end}")
