"""Readable words for titles and locations: OCR damage undone where a Swedish word list is sure.

Evidence keeps the line as written; only the short texts a person reads in a calendar go
through here. A word is changed only when a candidate made by the usual OCR substitutions
(é for ö/ä, 6 for ö, 1 and | for l, lost å/ä/ö, …) is clearly more frequent in Swedish than
the word as written (wordfreq's Swedish list, shipped with the package, read offline). Words
the list does not know are tried as compounds: both parts must be common words. Results are
cached per token, so a title costs dictionary look-ups only the first time a word is seen.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import combinations, product

# OCR-suspect characters: what they usually stand for ("" = a stray mark to drop).
_STRONG: dict[str, tuple[str, ...]] = {
    "é": ("ö", "ä", "e", "å", ""), "è": ("ö", "ä", "e"), "ë": ("ä", "ö", "e"), "ê": ("ä", "ö", "e"),
    "6": ("ö", "o", ""), "0": ("o", "ö"), "1": ("l", "i"), "|": ("l", "i"), "!": ("l", "i"),
    "¢": ("ö", "c", "o"), "®": ("ö", "ä"), "ï": ("i", "ä"), "í": ("i", "ä"), "ú": ("ö", "u"),
}
# Lost diacritics: tried on every word, accepted only on a wide margin.
_LOST: dict[str, tuple[str, ...]] = {"a": ("ä", "å"), "o": ("ö",)}
# Letters OCR makes of å/ä/ö, and l/i swaps: tried only on words the list does not know or hardly knows.
_UNKNOWN: dict[str, tuple[str, ...]] = {
    "a": ("ä", "å"), "o": ("ö",), "i": ("ä", "å", "l"), "l": ("i",), "d": ("ä", "å", "ö"), "b": ("ö",), "e": ("ä",),
}
_MAX_CHANGES = 3
_MANY_POSITIONS = 10
MAX_PIECES = 600
_MAX_CANDIDATES = 800
_MAX_PART_CANDIDATES = 60
_MAX_COMPOUND = 30
# Zipf margins: how much more frequent (log10) a candidate must be than the word as written.
_MARGIN_SUSPECT = 1.0
_MARGIN_LOST = 2.0
_MIN_ZIPF = 1.0
_RARE_ZIPF = 2.0
_CLEAN_TEXT_ZIPF = 3.0
_PART_ZIPF = 2.5
_TOKEN = re.compile(r"(?:[0-9]{1,2}(?=[^\W\d_]{2}))?[^\W\d_][^\s,.;:()\"'/–—-]*[^\W_]|[^\W\d_]")
_NAME_ACUTE = re.compile(r"é(?:n|ns|s)?$")
_SUSPECT_IN_TOKEN = re.compile(r"[éèëêï휢®|!]|(?<=[^\W\d_])[0-9]|[0-9](?=[^\W\d_])")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's Swedish word frequencies (loaded once, on the first title that needs them)."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("sv")


# Words at least this common (zipf) in smaller tables of their own: a repair that must reach zipf 3 looks its
# candidates up among 31,000 words instead of 340,000 (the look-ups are most of a new word's cost).
_TIERS = (5.0, 4.0, 3.0, 2.0)


@lru_cache(maxsize=1)
def _tiers() -> list[tuple[float, dict[str, float]]]:
    """(zipf, the words at least that common with their frequencies), most common tier first; built once."""
    tiers: list[tuple[float, dict[str, float]]] = []
    words = _frequencies()
    for tier in reversed(_TIERS):  # each table filtered from the larger one before it
        cut = 10 ** (tier - 9) * (1 - 1e-9)  # a hair below, so that no word whose zipf reaches the tier is left out
        words = {w: f for w, f in words.items() if f >= cut}
        tiers.insert(0, (tier, words))
    return tiers


def _known_at_least(need: float) -> dict[str, float]:
    """The smallest table that holds every word of zipf `need` or more."""
    for tier, table in _tiers():
        if tier <= need:
            return table
    return _frequencies()


# Each class of letters that _UNKNOWN or _LOST swaps, read as one letter.
_UNKNOWN_KEY = str.maketrans({c: "*" for c in "aäåoöildbe"})
_LOST_KEY = str.maketrans({"ä": "a", "å": "a", "ö": "o"})
_KEYS: dict[tuple[int, int], tuple[dict[str, float], set[str]]] = {}


def _keys(table_id: int, key: dict, words: dict[str, float]) -> set[str]:
    """The words of a table with `key` applied; built once per table and key (load-time data, like the list)."""
    found = _KEYS.get((table_id, id(key)))
    if found is None or found[0] is not words:
        found = _KEYS[(table_id, id(key))] = (words, {w.translate(key) for w in words})
    return found[1]


def zipf(word: str) -> float:
    """log10 of occurrences per billion words; 0 for a word the list does not know."""
    freq = _frequencies().get(word)
    return math.log10(freq) + 9 if freq else 0.0


_LOST_SAMPLE = 20_000
# Swedish prose has å, ä or ö in about 3 of every 100 characters; OCR that loses them leaves almost none.
_LOST_DENSITY = 0.008


def diacritics_lost(text: str) -> bool:
    """Whether a text lost its å/ä/ö (to a/o or to é) often enough that plain words may be repaired."""
    sample = text[:_LOST_SAMPLE]
    marked = sum(sample.count(c) for c in "åäöÅÄÖ")
    if len(sample) >= 300 and marked < _LOST_DENSITY * len(sample):
        return True
    # OCR that reads ö and ä as é: a few é in names ("Randén") are normal, many among few å/ä/ö are not.
    acute = sample.count("é")
    return acute >= 3 and acute >= 0.25 * marked and marked < 2 * _LOST_DENSITY * len(sample)


def repair_text(text: str, lost: bool = False, seen: set[str] | None = None) -> str:
    """Every word of a title or location repaired where the word list is sure; the rest untouched.

    Words with OCR-suspect characters are always tried; plain words ("mote", "pa") only when the
    document has `lost` its diacritics, so that a clean text's rare words ("till handa") stay.
    `seen` is the document's set of pieces so far: past MAX_PIECES distinct pieces (a document
    full of debris) the rest stay as written, so one document's cost stays bounded.
    """
    if not text:
        return text
    pieces = text.split(" ")
    out = []
    for piece in pieces:
        if seen is not None and piece not in seen:
            if len(seen) >= MAX_PIECES:
                out.append(piece)
                continue
            seen.add(piece)
        out.append(_repair_piece(piece, lost))
    return " ".join(out)


@lru_cache(maxsize=20_000)
def _repair_piece(piece: str, lost: bool) -> str:
    """A space-separated piece ("(Géteborg),") with its words repaired, cached as a whole."""
    return _TOKEN.sub(lambda m: repair_word(m.group(0), lost), piece) if piece else piece


@lru_cache(maxsize=20_000)
def repair_word(token: str, lost: bool = True) -> str:
    """One token with its capitalisation kept: "Géteborgsregionen" → "Göteborgsregionen"."""
    if len(token) < 2 or len(token) > 40 or token.isupper() and len(token) <= 5:
        return token  # acronyms (SKR, KSO) are not words to repair
    word = token.lower()
    if token[0].isupper() and _NAME_ACUTE.search(word) and len(_SUSPECT_IN_TOKEN.findall(word)) == 1:
        return token  # "Randén", "André": a final é is how Swedish names are spelt
    marks = len(_SUSPECT_IN_TOKEN.findall(word))
    if 3 * marks > len(word):
        return token  # more marks than a word has damage: debris, not a word to guess at
    suspect = marks > 0
    if not suspect and not lost and zipf(word) > 0:
        return token  # a known plain word in a text that kept its å/ä/ö ("till handa")
    # An unknown plain word in such a text is still OCR damage ("triffas"), if a common word is near.
    fixed = _best(word, suspect, floor=_MIN_ZIPF if suspect or lost else _CLEAN_TEXT_ZIPF)
    if fixed is None and (suspect or zipf(word) == 0) and 7 <= len(word) <= _MAX_COMPOUND:
        fixed = _compound(word)
    if fixed is None or fixed == word:
        return token
    return _case_like(token, fixed)


def _case_like(token: str, word: str) -> str:
    if token.isupper():
        return word.upper()
    letters = [c for c in token if c.isalpha()]
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def _best(word: str, suspect: bool, limit: int = _MAX_CANDIDATES, floor: float = 1.0) -> str | None:
    """The most frequent candidate when it beats the word as written by the margin, else None."""
    base = zipf(word)
    table = _table(word, suspect, base)
    if table is None:
        return None
    margin = _MARGIN_SUSPECT if suspect or base < _RARE_ZIPF else _MARGIN_LOST
    # Only a candidate of zipf max(floor, base + margin) or more can win, so only such words are looked up; the
    # first most frequent of them is the first candidate of the highest zipf, as when every candidate is scored.
    words = _known_at_least(max(floor, base + margin))
    if words is not _frequencies() and not any(word[i] in _STRONG for i, _ in table):
        # Without OCR marks a candidate only swaps letters within one class (a/ä/å, o/ö, …): when no word of the
        # (smaller, common-word) table reads the same with each class as one letter, no candidate is among them.
        key = _UNKNOWN_KEY if base < _RARE_ZIPF else _LOST_KEY
        if word.translate(key) not in _keys(id(words), key, words):
            return None
    known = words.get
    best, best_freq = None, 1e-9  # zipf 0
    for candidate in _candidates(word, table, limit):
        value = known(candidate, 0.0)
        if value > best_freq:
            best, best_freq = candidate, value
    best_zipf = zipf(best) if best is not None else 0.0
    if best is not None and best_zipf >= floor and best_zipf - base >= margin:
        return best
    return None


def _table(word: str, suspect: bool, base: float) -> list[tuple[int, tuple[str, ...]]] | None:
    """Which positions may change, and to what."""
    choices = _UNKNOWN if base < _RARE_ZIPF else _LOST
    table = []
    wordy = sum(c.isalpha() for c in word) >= 3  # "16per" is a damaged word, "3K" is not
    for i, char in enumerate(word):
        if char in _STRONG and (char.isalpha() or char in "|!¢®" or wordy and char.isdigit()):
            table.append((i, _STRONG[char]))
        elif char in choices:
            table.append((i, choices[char]))
    if not table or (not suspect and base >= 5.5):
        return None  # nothing to change, or a common word as it stands
    return table


def _candidates(word: str, table: list[tuple[int, tuple[str, ...]]], limit: int):
    """Words with one to three positions changed; strong suspects always count among them."""
    produced = 0
    chars = list(word)
    most = _MAX_CHANGES if len(table) <= _MANY_POSITIONS else _MAX_CHANGES - 1  # long words: fewer at once
    for count in range(1, min(most, len(table)) + 1):
        for positions in combinations(table, count):
            for replacement in product(*(alts for _, alts in positions)):
                out = chars[:]
                for (i, _), new in zip(positions, replacement, strict=True):
                    out[i] = new
                yield "".join(out)
                produced += 1
                if produced >= limit:
                    return


def _compound(word: str) -> str | None:
    """A compound the list does not know: split where both repaired parts are common words."""
    best, best_score = None, -math.inf
    for cut in range(max(4, len(word) - 14), len(word) - 3):  # the last part of a compound: 4 to 14 letters
        head, tail = word[:cut], word[cut:]
        tail_word = _known_part(tail)
        if tail_word is None:
            continue
        head_word = _known_part(head)
        if not head_word and head.endswith("s"):  # a linking s ("sammanträdes|tider")
            stem = _known_part(head[:-1])
            head_word = stem + "s" if stem else None
        if head_word is None:
            continue
        if head_word + tail_word == word:
            return None  # already a sound compound as written ("sammanträdes|tider", not "…de|städer")
        joined = head_word + tail_word
        changes = sum(a != b for a, b in zip(joined, word, strict=False)) + abs(len(joined) - len(word))
        # Fewer repairs win among equally common splits ("sammantrades|tider", not "sammantrade|städer").
        score = min(zipf(head_word.removesuffix("s")) or zipf(head_word), zipf(tail_word)) - 0.5 * changes
        if score > best_score:
            best, best_score = head_word + tail_word, score
    return best


@lru_cache(maxsize=20_000)
def _known_part(part: str) -> str | None:
    """A compound part as a common word, repaired if need be."""
    if len(part) < 3:
        return None
    if zipf(part) >= _PART_ZIPF and _SUSPECT_IN_TOKEN.search(part) is None:
        return part
    suspect = _SUSPECT_IN_TOKEN.search(part) is not None
    fixed = _best(part, suspect, _MAX_PART_CANDIDATES, floor=_PART_ZIPF)  # a part below _PART_ZIPF is no part
    return fixed if fixed is not None and zipf(fixed) >= _PART_ZIPF else None
