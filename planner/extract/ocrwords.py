"""Readable words for titles and locations: OCR damage undone where a Swedish word list is sure.

Evidence keeps the line as written; only the short texts a person reads in a calendar go
through here. A word is changed only when a candidate made by the usual OCR substitutions
(é for ö/ä, 6 for ö, 1 and | for l, lost å/ä/ö, …) is clearly more frequent in Swedish than
the word as written (wordfreq's Swedish list, shipped with the package, read offline). Words
the list does not know are tried as compounds: both parts must be common words. Candidates are
not generated one by one: the list is grouped once by each word's letters with every swappable
letter read as one, and a word's candidates are looked for in its group. Results are cached per
token, so a title costs dictionary look-ups only the first time a word is seen.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, islice, product

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


# Every letter a repair may read or write, read as one letter: a candidate has the same length as its word (no
# dropped mark) and the same letters elsewhere, so it reads the same as the word under this key.
_ANY_SWAP = frozenset(c for table in (_STRONG, _UNKNOWN, _LOST) for key, alts in table.items() for c in (key, *alts)
                      if c)
_SWAP_KEY = str.maketrans({c: "*" for c in _ANY_SWAP})


@lru_cache(maxsize=1)
def _by_key() -> dict[str, list[str]]:
    """Every listed word under _SWAP_KEY, most frequent first (built once, like the list): a word's same-length
    candidates that the list knows are among the few words of its key (about 10), so they are looked up there
    instead of generated, and only as far down as a word could still win."""
    frequencies = _frequencies()
    listed = list(frequencies)
    if not all(map(operator.ge, frequencies.values(), islice(frequencies.values(), 1, None))):
        listed.sort(key=frequencies.__getitem__, reverse=True)  # wordfreq lists its words most frequent first
    keys = "\n".join(listed).translate(_SWAP_KEY).split("\n")  # one translation for all (no word holds a newline)
    groups: dict[str, list[str]] = {}
    for key, word in zip(keys, listed, strict=True):
        groups.setdefault(key, []).append(word)
    return groups


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
    return " ".join(repaired_pieces(text, lost, seen))


def repaired_pieces(text: str, lost: bool = False, seen: set[str] | None = None) -> Iterator[str]:
    """The space-separated pieces repair_text joins, each repaired only when it is asked for: a reader that stops
    at its first answer ("is every word a place?") repairs no more. `seen` counts every piece at once, as
    repair_text does, so the bound on a document's work is the same however far the pieces are read."""
    plan = []
    for piece in text.split(" "):
        if seen is not None and piece not in seen:
            if len(seen) >= MAX_PIECES:
                plan.append((piece, False))
                continue
            seen.add(piece)
        plan.append((piece, True))
    return (_repair_piece(piece, lost) if fix else piece for piece, fix in plan)


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
    # A word of plain ASCII letters holds no suspect mark (every mark is a digit, a sign or a non-ASCII letter).
    marks = 0 if word.isascii() and word.isalpha() else len(_SUSPECT_IN_TOKEN.findall(word))
    if token[0].isupper() and marks == 1 and _NAME_ACUTE.search(word):
        return token  # "Randén", "André": a final é is how Swedish names are spelt
    if 3 * marks > len(word):
        return token  # more marks than a word has damage: debris, not a word to guess at
    suspect = marks > 0
    base = zipf(word)  # looked up once: the list is large, and each look-up is a miss in the processor's caches
    if not suspect and not lost and base > 0:
        return token  # a known plain word in a text that kept its å/ä/ö ("till handa")
    # An unknown plain word in such a text is still OCR damage ("triffas"), if a common word is near.
    fixed = _best(word, suspect, floor=_MIN_ZIPF if suspect or lost else _CLEAN_TEXT_ZIPF, base=base)
    if fixed is None and (suspect or base == 0) and 7 <= len(word) <= _MAX_COMPOUND:
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


def _best(word: str, suspect: bool, limit: int = _MAX_CANDIDATES, floor: float = 1.0,
          base: float | None = None) -> str | None:
    """The most frequent candidate when it beats the word as written by the margin, else None. `base`: the
    word's zipf, when the caller has it."""
    base = zipf(word) if base is None else base
    margin = _MARGIN_SUSPECT if suspect or base < _RARE_ZIPF else _MARGIN_LOST
    # Only a candidate of zipf max(floor, base + margin) or more can win, so only such words are looked at (a hair
    # below that frequency, so that none that reaches it is left out; the test below is the exact one).
    cut = 10 ** (max(floor, base + margin) - 9) * (1 - 1e-9)
    if "é" not in word and "6" not in word:
        # No mark to drop (only é and 6 may go): _best_listed would look among the word's own key alone, most
        # frequent first, and find nothing when even the first is below the cut (most unknown words and the parts
        # _compound tries), so the table of positions is not built for it.
        listed = _by_key().get(word.translate(_SWAP_KEY))
        if listed is None or _frequencies()[listed[0]] < cut:
            return None
    table = _table(word, suspect, base)
    if table is None:
        return None
    best = _best_listed(word, table, limit, cut)
    best_zipf = zipf(best) if best is not None else 0.0
    if best is not None and best_zipf >= floor and best_zipf - base >= margin:
        return best
    return None


def _table(word: str, suspect: bool, base: float) -> list[tuple[int, tuple[str, ...]]] | None:
    """Which positions may change, and to what."""
    if not suspect and base >= 5.5:
        return None  # a common word as it stands
    choices = _UNKNOWN if base < _RARE_ZIPF else _LOST
    table = []
    wordy = None  # "16per" is a damaged word, "3K" is not: asked only of a word with a digit
    for i, char in enumerate(word):
        if char in _STRONG and (char.isalpha() or char in "|!¢®" or char.isdigit() and (
                wordy if wordy is not None else (wordy := sum(c.isalpha() for c in word) >= 3))):
            table.append((i, _STRONG[char]))
        elif char in choices:
            table.append((i, choices[char]))
    return table or None  # None: nothing to change


def _best_listed(word: str, table: list[tuple[int, tuple[str, ...]]], limit: int, cut: float) -> str | None:
    """The first of the most frequent listed words among what _candidates(word, table, limit) would yield, if its
    frequency reaches `cut` (else None), found among the listed words of the word's key instead of generated:
    one that differs only where `table` allows, by at most as many changes as _candidates makes, and that comes
    among its first `limit` (_rank). A dropped mark ("" in a position's alternatives) shortens the word: each set
    of dropped marks is looked up under the key of what remains."""
    most = _MAX_CHANGES if len(table) <= _MANY_POSITIONS else _MAX_CHANGES - 1
    droppable = [(j, i, alts.index("")) for j, (i, alts) in enumerate(table) if "" in alts]
    by_key, frequencies = _by_key(), _frequencies()
    alts_at = None
    best, best_freq, best_rank = None, 1e-9, limit
    for dropped_count in range(min(most, len(droppable)) + 1):
        for dropped in combinations(droppable, dropped_count) if dropped_count else ((),):
            if dropped:
                gone = {i for _, i, _ in dropped}
                rest = "".join(c for i, c in enumerate(word) if i not in gone)
                where = [i for i in range(len(word)) if i not in gone]
            else:
                rest, where = word, None
            listed_words = by_key.get(rest.translate(_SWAP_KEY))
            if not listed_words:
                continue
            if alts_at is None:
                alts_at = {i: (j, alts) for j, (i, alts) in enumerate(table)}
            for listed in listed_words:
                value = frequencies[listed]
                if value < cut or value < best_freq:
                    break  # the rest are rarer still
                if not dropped and listed == rest:
                    continue  # the word as written: no change, no candidate (the loop below would find none)
                chosen = [(j, alt) for j, _, alt in dropped]  # (table index, index of the alternative)
                for k, (new, old) in enumerate(zip(listed, rest, strict=True)):
                    if new != old:
                        at = alts_at.get(k if where is None else where[k])
                        if at is None or new not in at[1] or len(chosen) == most:
                            break
                        chosen.append((at[0], at[1].index(new)))
                else:
                    if not chosen:
                        continue
                    rank = _rank(table, sorted(chosen))
                    if rank < limit and (value > best_freq or rank < best_rank):
                        best, best_freq, best_rank = listed, value, rank
    return best


def _rank(table: list[tuple[int, tuple[str, ...]]], chosen: list[tuple[int, int]]) -> int:
    """The position of a candidate in _candidates' order: by number of changes, then the changed positions as
    itertools.combinations gives them, then the alternatives as itertools.product gives them."""
    sizes = [len(alts) for _, alts in table]
    count = len(chosen)
    # ways[r][s]: candidates changing r positions among table[s:] (elementary symmetric sums of the sizes)
    ways = [[1] * (len(sizes) + 1)] + [[0] * (len(sizes) + 1) for _ in range(count)]
    for r in range(1, count + 1):
        for s in range(len(sizes) - 1, -1, -1):
            ways[r][s] = ways[r][s + 1] + sizes[s] * ways[r - 1][s + 1]
    rank = sum(ways[r][0] for r in range(1, count))
    prefix, after = 1, 0
    for t, (j, _) in enumerate(chosen):
        for x in range(after, j):
            rank += prefix * sizes[x] * ways[count - t - 1][x + 1]
        prefix *= sizes[j]
        after = j + 1
    index = 0
    for j, alt in chosen:
        index = index * sizes[j] + alt
    return rank + index


def _candidates(word: str, table: list[tuple[int, tuple[str, ...]]], limit: int):
    """Words with one to three positions changed; strong suspects always count among them. The rule _best_listed
    follows without generating them (its order and limit); tests score these to check it."""
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
    suspect = not (part.isascii() and part.isalpha()) and _SUSPECT_IN_TOKEN.search(part) is not None
    base = zipf(part)
    if base >= _PART_ZIPF and not suspect:
        return part
    # a part below _PART_ZIPF is no part
    fixed = _best(part, suspect, _MAX_PART_CANDIDATES, floor=_PART_ZIPF, base=base)
    return fixed if fixed is not None and zipf(fixed) >= _PART_ZIPF else None
