"""Which organization and body the minutes come from, read from the title lines and letterhead."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc
from planner.extract.places import county, municipality, restore

BODY_WORDS = {
    "styrgrupp": "Styrgrupp", "ledningsgrupp": "Ledningsgrupp", "arbetsgrupp": "Arbetsgrupp",
    "beredningsgrupp": "Beredningsgrupp", "samverkansgrupp": "Samverkansgrupp",
    "kommundirektorsgrupp": "Kommundirektörsgrupp", "direktorsgrupp": "Direktörsgrupp",
    "kommunchefsnatverk": "Kommunchefsnätverket", "natverk": "Nätverket", "samverkansorgan": "Samverkansorgan",
    "forbundsstyrelse": "Förbundsstyrelsen", "styrelse": "Styrelsen", "presidium": "Presidiet",
    "beredning": "Beredningen", "utskott": "Utskottet", "kommitte": "Kommittén",
    "samarbetskommitte": "Samarbetskommittén",
    "namnd": "Nämnden", "samradsgrupp": "Samrådsgrupp", "referensgrupp": "Referensgrupp",
}
_BODY = re.compile(r"(?<![a-z])([a-z]{0,30}?)(" + "|".join(sorted(BODY_WORDS, key=len, reverse=True))
                   + r")(?:en|et|ens|ets|s|n|t)?(?![a-z])")
_WORD = re.compile(r"[^\W_][\w&-]*")
HEADER_LINES = 15


def find_org_body(doc: Doc) -> tuple[str | None, str | None]:
    top = []
    for index, line in enumerate(doc.lines):
        if line.strip() and index not in doc.furniture:
            top.append(index)
        if len(top) >= HEADER_LINES:
            break
    org = body = None
    for index in top:
        folded, original = doc.folded_line(index)[:300], doc.lines[index][:300]
        for m in _BODY.finditer(folded):
            stem = m.group(2)
            before = original[:m.start()].split()
            after = original[m.end():].split()
            org_here = _genitive_org(before) or _org_after(after)
            if body is None:
                body = _body_name(stem, before, m.group(1), original[m.start():m.end()])
            org = org or org_here
            break
        if body and org:
            break
    return org or _letterhead(doc, top), body


def _body_name(stem: str, before: list[str], prefix: str, written: str) -> str:
    name = BODY_WORDS[stem]
    if prefix:
        name = written[:len(prefix)].capitalize() + stem.lower()
        name = BODY_WORDS.get(prefix + stem, name)
    if before and re.fullmatch(r"[A-ZÅÄÖ][a-zåäöé]+(?:t|a|ala|iska)", before[-1]) and not before[-1].endswith("s"):
        return f"{before[-1]} {name[0].lower()}{name[1:]}"
    return name


def _genitive_org(before: list[str]) -> str | None:
    if before:
        word = before[-1].strip(",.:;")
        if len(word) > 3 and word.endswith("s") and word[0].isupper():
            return restore(word[:-1])
    return None


def _org_after(after: list[str]) -> str | None:
    words = []
    for raw in after[:4]:
        word = raw.strip(",.:;–-")
        if word:
            words.append(word)
        if raw.endswith((",", ".", ";", ":")) and words:
            break
    if words and words[0].lower() in ("för", "for", "inom") and len(words) > 1:
        words = words[1:]
    name = []
    for word in words:
        if not (word[0].isupper() or word[0].isdigit()) or re.match(r"\d{4}", word):
            break
        name.append(word)
    return restore(" ".join(name)) if name else None


def _letterhead(doc: Doc, top: list[int]) -> str | None:
    """All-capital lines at the top that are not a list of member municipalities."""
    parts = []
    for index in top[:4]:
        line = doc.lines[index].strip()[:200]
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            break
        words = _WORD.findall(line)
        is_county = any(county(" ".join(words[i:i + 2])) for i in range(len(words)))
        if not is_county and len(words) > 1 and sum(1 for w in words if municipality(w)) >= len(words) - 1:
            continue
        parts.append(line)
    if not parts:
        return None
    text = " ".join(parts).lower()
    text = text[0].upper() + text[1:]
    restored = restore(text)
    tokens = restored.split()
    for i in range(len(tokens) - 1):
        found = county(" ".join(tokens[i:i + 2]))
        if found:
            tokens[i:i + 2] = [found]
            break
    return " ".join(tokens)
