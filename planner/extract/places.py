"""Sweden's municipalities and counties (planner/data/municipalities.txt): names with their diacritics."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from planner.extract.normalize import fold


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    text = resources.files("planner.data").joinpath("municipalities.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, str], dict[str, str]]:
    """Folded key → name. Keys can collide ("Habo"/"Håbo"): the first listed wins a lookup."""
    municipalities: dict[str, str] = {}
    counties: dict[str, str] = {}
    for line in _names():
        if line.startswith("# ") and line.endswith(" län"):
            counties.setdefault(_key(line[2:]), line[2:])
        elif not line.startswith("#"):
            municipalities.setdefault(_key(line), line)
    return municipalities, counties


_NOT_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return _NOT_KEY.sub("", fold(name))


_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=1)
def _by_skeleton() -> dict[tuple[str, int], str | None]:
    """Consonants and length → municipality, for names whose vowels OCR damaged ("Nynishamn")."""
    index: dict[tuple[str, int], str | None] = {}
    for key, name in _load()[0].items():
        slot = (_VOWELS.sub("", key), len(key))
        index[slot] = None if slot in index and index[slot] != name else name
    return index


def _fuzzy(key: str) -> str | None:
    if len(key) < 5:
        return None
    return _by_skeleton().get((_VOWELS.sub("", key), len(key)))


def municipalities() -> list[str]:
    return [line for line in _names() if not line.startswith("#")]


def municipality(name: str) -> str | None:
    """The proper spelling of a municipality written with or without diacritics, or None."""
    key = _key(name)
    found = _load()[0].get(key)
    if found is None and key.endswith("s"):
        found = _load()[0].get(key[:-1])
    return found


def county(name: str) -> str | None:
    return _load()[1].get(_key(name))


def restore(name: str) -> str:
    """Restore diacritics in municipality and county names inside a phrase ("Jonkopings lan")."""
    tokens = name.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i:i + 2])
        county_name = county(pair) if i + 1 < len(tokens) else None
        if county_name:
            out.append(county_name)
            i += 2
            continue
        word = tokens[i]
        core = word.strip(".,;:()")
        key = _key(core)
        proper = _load()[0].get(key)
        if proper is None and key.endswith("s") and _load()[0].get(key[:-1]):
            proper = _load()[0][key[:-1]] + "s"
        if proper is None and core[:1].isupper():
            proper = _fuzzy(key)
        out.append(word.replace(core, proper) if proper and core else word)
        i += 1
    return " ".join(out)
