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


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


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
    out, i = [], 0
    while i < len(tokens):
        pair = " ".join(tokens[i:i + 2])
        if i + 1 < len(tokens) and county(pair):
            out.append(county(pair))
            i += 2
            continue
        word = tokens[i]
        core = word.strip(".,;:()")
        proper = _load()[0].get(_key(core))
        if proper is None and _key(core).endswith("s") and _load()[0].get(_key(core)[:-1]):
            proper = _load()[0][_key(core)[:-1]] + "s"
        out.append(word.replace(core, proper) if proper and core else word)
        i += 1
    return " ".join(out)
