"""One diacritic folder for everything that compares names: the extractor, matching, slugs.

Folding is length-preserving (one character out per character in: lower case, the base letter of
its NFKD form, a combining mark or an odd line break as a space), so the extractor can cut evidence
at an offset found in the folded text. Pure: no Flask, no planner imports.
"""

from __future__ import annotations

import unicodedata

_FOLDED: dict[str, str] = {}
_SPACES = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def fold_char(char: str) -> str:
    """One character's folded form, always exactly one character: 'Ö' → 'o', 'é' → 'e'."""
    out = _FOLDED.get(char)
    if out is None:
        low = char.lower()
        if len(low) != 1:
            low = char
        decomposed = unicodedata.normalize("NFKD", low)
        out = decomposed[0] if decomposed else " "
        if unicodedata.combining(out) or out in _SPACES:
            out = " "
        if len(_FOLDED) < 100_000:
            _FOLDED[char] = out
    return out


def fold_text(text: str) -> str:
    """'Göteborgsregionen' → 'goteborgsregionen', the same length as the text."""
    return "".join(map(fold_char, text))
