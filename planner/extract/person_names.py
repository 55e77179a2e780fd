"""A person's name as a text writes it before or after a chairmanship's words: "Anna Svensson (S), Härryda",
"Kristoffer Tamsons (M)"; never a role, a pronoun's clause or a headline's verbs."""

from __future__ import annotations

import re

from planner.extract.normalize import fold
from planner.extract.places import municipality, restore

_PERSON_PLACE = re.compile(r",\s{1,2}([A-ZÅÄÖ][\wåäöé-]+)(?=[.;)]|\s*$|\s*\n)")
_NUMBER = re.compile(r"[\d.:/-]+")  # "2023-03-27 Styrelsen": a date, not the start of a name ("4M" is one)
# "4M" is a name; OCR's "6ppnade" (öppnade) is a verb.
_NAME_TOKEN = re.compile(r"(?:[A-ZÅÄÖÉ]|[0-9](?![a-zåäö]))[\wÅÄÖåäöé&-]*")
# OCR reads a capital I as l: "Anna lwarsson", "lngrid Berg". No Swedish word starts with l and a consonant but j.
_OCR_CAPITAL_I = re.compile(r"^l(?=[bcdfghkmnpqrstvwxz][a-zåäöé]{2})")
_PLACE_NOUNS = {"kommun", "stad", "region"}
_STOP = {"den", "vid", "från", "fran", "och", "i", "på", "pa", "efter", "enligt", "som", "för", "for", "till", "det",
         "då", "nu", "när", "där", "under", "inför", "sedan", "även",
         # verbs and articles a headline runs into a name: "STUDENTKÅREN HAR EN NY ORDFÖRANDE"
         "har", "hade", "en", "ett", "är", "ar", "blir", "blev", "var", "får", "far", "fick"}
_PARTY = re.compile(r"\([A-ZÅÄÖ]{1,3}\)[.,;:]?")


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def name_after(original: str, pos: int) -> str | None:
    """The capitalised words from `pos` on: a name, with its party in brackets or its municipality after a comma."""
    tokens: list[str] = []
    chunk = original[pos:pos + 80]
    if (blank := _BLANK_LINE.search(chunk)) is not None:
        chunk = chunk[:blank.start()]  # a name ends with its paragraph ("… av Zvonko Turujilija\n\nHenrik har …")
    words = chunk.split()[:5]
    for n, word in enumerate(words[:4]):
        if tokens and _PARTY.fullmatch(word):  # "Anna Svensson (S)," keeps her party as written
            tokens.append(word.rstrip(".,;:"))
            break
        core = _OCR_CAPITAL_I.sub("I", word.strip(".,;:()"), 1)
        if not core or core.lower() in _STOP or not _NAME_TOKEN.fullmatch(core) or not n and _NUMBER.fullmatch(core):
            if tokens and core.lower() in _PLACE_NOUNS:  # "Marks kommun", "Mölndals stad"
                tokens.append(core)
            break
        tokens.append(core)
        if word != core or n == 3:
            break
    # "Anna Svensson, Härryda.": a person with the municipality they come from.
    tail = _PERSON_PLACE.match(original, pos + len(" ".join(tokens)), pos + 120) if len(tokens) >= 2 else None
    place = municipality(tail.group(1)) if tail else None
    if place:
        tokens[-1] += ","
        tokens.append(place)
    return restore(" ".join(tokens)) if tokens else None


def name_before(original: str, pos: int) -> str | None:
    """The capitalised words right before `pos`, on its line (or the line above when the cue starts a line)."""
    tokens: list[str] = []
    line_start = original.rfind("\n", 0, pos) + 1
    if not original[line_start:pos].strip() and line_start:  # "… Finland\nÖvertar ordförandeskapet": a wrapped line
        pos = line_start - 1
        line_start = original.rfind("\n", 0, pos) + 1
    before = original[max(line_start, pos - 120):pos].rstrip()
    if before.endswith(")") and "(" not in before and line_start:  # "Jan Lamby (tidigare vice / ordförande)": wrapped
        before = original[max(original.rfind("\n", 0, line_start - 1) + 1, pos - 160):pos].replace("\n", " ").rstrip()
    if before.endswith(")") and "(" in before:  # "Emma Eldevåg (Miljösamverkan Östra Skaraborg, MÖS) tog över"
        before = before[:before.rindex("(")]
    for word in reversed(before.split()[-3:]):
        core = _OCR_CAPITAL_I.sub("I", word.strip(".,;:()"), 1)
        if not core or word.endswith((".", ",", ";", ":")) or core.lower() in _STOP or not _NAME_TOKEN.fullmatch(core):
            break
        tokens.insert(0, core)
    return restore(" ".join(tokens)) if tokens else None


_CLAUSE_START = re.compile(r"(?:[.!?]\s|\n)(?=[^.!?\n]*$)")


def named_subject(original: str, pos: int) -> str | None:
    """The name right before `pos`, else the name its clause opens with; never a role ("Vice ordförande går in …")."""
    subject = name_before(original, pos) or subject_before(original, pos)
    return subject if subject and fold(subject.split()[0]) not in ROLE_WORDS | {"vice"} else None


def subject_before(original: str, pos: int) -> str | None:
    """The name a clause opens with: "Jenny Malmsten, kommundirektör i Malax, efterträder …"."""
    lo = max(0, pos - 160)
    cut = _CLAUSE_START.search(original, lo, pos)
    start = cut.end() if cut else lo
    while start < pos and original[start] in _BULLETS:  # "– Kerstin Hjortsberg efterträder …" in a list
        start += 1
    return name_after(original, start) if start < pos else None


ROLE_WORDS = {"ordforande", "ordforanden", "hon", "han", "de", "den", "det"}
_BULLETS = frozenset(" \t–—-•*·")
