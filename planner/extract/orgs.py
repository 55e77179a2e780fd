"""Which organization and body the minutes come from, read from the title lines and letterhead."""

from __future__ import annotations

import re

from planner.extract.normalize import Doc, fold
from planner.extract.places import county, municipality, restore

BODY_WORDS = {
    "styrgrupp": "Styrgrupp", "ledningsgrupp": "Ledningsgrupp", "arbetsgrupp": "Arbetsgrupp",
    "beredningsgrupp": "Beredningsgrupp", "samverkansgrupp": "Samverkansgrupp",
    "kommundirektorsgrupp": "Kommundirektörsgrupp", "direktorsgrupp": "Direktörsgrupp",
    "kommunchefsnatverk": "Kommunchefsnätverket", "natverk": "Nätverket", "samverkansorgan": "Samverkansorgan",
    "forbundsstyrelse": "Förbundsstyrelsen", "styrelse": "Styrelsen", "presidium": "Presidiet", "presidie": "Presidiet",
    "direktion": "Direktionen",
    "beredning": "Beredningen", "utskott": "Utskottet", "kommitte": "Kommittén",
    "samarbetskommitte": "Samarbetskommittén",
    "namnd": "Nämnden", "fullmaktige": "Fullmäktige", "kommunfullmaktige": "Kommunfullmäktige",
    "regionfullmaktige": "Regionfullmäktige", "forbundsfullmaktige": "Förbundsfullmäktige",
    "kommunstyrelse": "Kommunstyrelsen", "regionstyrelse": "Regionstyrelsen",
    "samradsgrupp": "Samrådsgrupp", "referensgrupp": "Referensgrupp",
    # Councils of a municipality and its associations ("Kommunala pensionärsrådet (KPR)"); not "regionråd" or
    # "kommunalråd", which are also the titles of politicians.
    "pensionarsrad": "Pensionärsrådet", "funktionshinderrad": "Funktionshinderrådet", "handikapprad": "Handikapprådet",
    "tillganglighetsrad": "Tillgänglighetsrådet", "samverkansrad": "Samverkansrådet",
}
BODY = re.compile(r"(?<![a-z])([a-z]{0,30}?)(" + "|".join(sorted(BODY_WORDS, key=len, reverse=True))
                   + r")(?:en|et|ens|ets|s|n|t)?(?![a-z])")
_WORD = re.compile(r"[^\W_][\w&-]*")
# Every BODY match holds one of these (the body words that contain no other): a cheap substring test first.
BODY_HINTS = tuple(w for w in BODY_WORDS if not any(o != w and o in w for o in BODY_WORDS))
HEADER_LINES = 15


def find_org_body(doc: Doc) -> tuple[str | None, str | None]:
    top = []
    for index, line in enumerate(doc.lines):
        if line.strip() and index not in doc.furniture:
            top.append(index)
        if len(top) >= HEADER_LINES:
            break
    org = body = body_line = None
    # The hints the header holds at all (every line below is a piece of it): each line is tested for these only.
    region = doc.folded[doc.starts[top[0]]:doc.starts[top[-1]] + len(doc.lines[top[-1]])] if top else ""
    hints = [hint for hint in BODY_HINTS if hint in region]
    for index in top if hints or "radet for" in region else ():
        folded, original = doc.folded_line(index)[:300], doc.lines[index][:300]
        council = _COUNCIL_FOR.match(folded) if body is None else None
        if council is not None:  # "Rådet för funktionsnedsättning", "Rådet för funktionshinderfrågor sammanträder …"
            body, body_line = " ".join(original[council.start("name"):council.end("name")].split()), index
            continue
        for m in _first_body(folded, hints):
            stem = m.group(2)
            before = original[:m.start()].split()
            after = original[m.end():].split()
            org_here = _genitive_org(before) or _org_after(after)
            if body is None:
                body = _body_name(stem, before, m.group(1), original[m.start():m.end()])
                body_line = index
            org = org or org_here
            break
        if body and org:
            break
    org = org or _letterhead(doc, top) or _name_above(doc, top, body_line)
    if body is None:
        body = body_from_text(doc)
    if org is None:
        org = org_from_attendees(doc)
    return org, body


# A council named by what it is for, alone on its line or as the subject of its meetings.
_COUNCIL_FOR = re.compile(r"\s{0,4}(?P<name>radet\s{1,3}for\s{1,3}[a-z-]{3,30}"
                          r"(?:\s{1,3}(?:och|med|[a-z-]{3,30})){0,3}?)"
                          r"(?:\s{0,3}$|s?\s{1,3}(?:sammantrader|motes|moten|sammantraden|sammantradesdagar|motestider))")


def _first_body(folded: str, hints: list[str]) -> list[re.Match[str]]:
    """BODY's first match in a line, as its scan would find it (at most one). A match is a whole word (no letter
    before or after it) that holds a hint, so BODY is tried only at the starts of such words, in order: its scan
    tries some thirty prefixes and every body word at each word start (about 100 ns a character)."""
    starts = set()
    for hint in hints:
        at = folded.find(hint)
        while at != -1:
            start = at
            while start and folded[start - 1] in _LETTER_SET:
                start -= 1
            starts.add(start)
            at = folded.find(hint, at + 1)
    for start in sorted(starts):
        hit = BODY.match(folded, start)
        if hit is not None:
            return [hit]
    return []


# The words body names end in; only their definite singular forms count (found by plain substring search).
_HEADS = ("grupp", "natverk", "organ", "styrelse", "beredning", "utskott", "kommitte", "namnd")
_DEFINITE_END = re.compile(r"(?:en|et|n|t)(?![a-z])")


def _head_spans(folded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for head in _HEADS:
        pos = folded.find(head)
        while pos != -1 and len(spans) < 1000:
            end = pos + len(head)
            if _DEFINITE_END.match(folded, end):
                spans.append((pos, end))
            pos = folded.find(head, end)
    return sorted(spans)


def body_from_text(doc: Doc) -> str | None:
    """A header that names no body: the body the text calls itself most often ("nätverket" … "kommunchefsnätverket").

    Only definite singular forms count ("nätverket", "styrgruppen"): that is how minutes speak of
    the group that meets. The most specific compound of the most frequent head word wins.
    """
    folded = doc.folded[:_TEXT_LIMIT]
    counts: dict[str, int] = {}
    forms: dict[str, tuple[str, str]] = {}
    stems: dict[str, tuple[str | None, str | None]] = {}  # word → its body word and that word's head (read once)
    for head_start, head_end in _head_spans(folded):
        lead = folded[max(0, head_start - 30):head_start]  # the word's letters before the head, at most 30
        start = head_start - (len(lead) - len(lead.rstrip(_LETTERS)))
        word = folded[start:head_end]
        if word not in stems:
            found = max((k for k in BODY_WORDS if word.endswith(k)), key=len, default=None)
            stems[word] = (found, found and next((k for k in BODY_WORDS if found.endswith(k) and k != found), found))
        stem, head = stems[word]
        if stem is None or head is None:
            continue
        counts[head] = counts.get(head, 0) + 1
        prefix = doc.original[start:start + len(word) - len(stem)]
        if len(prefix + stem) > len("".join(forms.get(head, ("", "")))):
            forms[head] = (prefix, stem)
    if not counts:
        return None
    head = max(counts, key=lambda k: (counts[k], len(k)))
    if counts[head] < 2:
        return None
    prefix, stem = forms[head]
    name = BODY_WORDS[stem] if not prefix else prefix.capitalize() + BODY_WORDS.get(stem, stem).lower()
    if prefix and not name.endswith(("en", "et", "n", "t")):
        name = BODY_WORDS.get(prefix.lower() + stem, name)
    return name


# "Lisa Berg, UR (p 1)": the name and the organization a person attends for.
_ATTENDEE = re.compile(r"^\s{0,4}[A-ZÅÄÖ][\w-]+(?:\s[A-ZÅÄÖ][\w-]+){1,3},\s{0,3}"
                       r"(?P<aff>[A-ZÅÄÖ][\w&-]*(?:\s[A-ZÅÄÖ][\w&-]*){0,3})\s*(?:\(|$)")
_TEXT_LIMIT = 200_000
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LETTER_SET = frozenset(_LETTERS)
_ATTENDEE_LINES = 120


def org_from_attendees(doc: Doc) -> str | None:
    """A header that names no organization: the affiliation, other than a municipality, that several attendees share.

    Members come from their municipalities; the staff who run the cooperation are listed with its
    name ("Lisa Berg, UR"), and that name is the organization.
    """
    counts: dict[str, int] = {}
    for line in doc.lines[:_ATTENDEE_LINES]:
        hit = _ATTENDEE.match(line.rstrip()) if "," in line else None
        if hit is None:
            continue
        affiliation = hit.group("aff").strip()
        if municipality(affiliation) or municipality(affiliation.split()[0]) or county(affiliation):
            continue
        counts[affiliation] = counts.get(affiliation, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 2 else None


def _body_name(stem: str, before: list[str], prefix: str, written: str) -> str:
    name = BODY_WORDS[stem]
    if prefix:
        name = written[:len(prefix)].capitalize() + stem.lower()
        name = BODY_WORDS.get(prefix + stem, name)
        if (parts := _joined_parts(before)) is not None:  # "Miljö- och byggnadsnämnden", "Barn-, kultur- och …"
            return f"{parts} {name[0].lower()}{name[1:]}"
    if before and re.fullmatch(r"[A-ZÅÄÖ][a-zåäöé]+(?:t|a|ala|iska)", before[-1]) and not before[-1].endswith("s"):
        return f"{before[-1]} {name[0].lower()}{name[1:]}"
    return name


def _joined_parts(before: list[str]) -> str | None:
    """The first parts of a compound joined by "och" ("Vård- och" before "omsorgsnämnden"), capitalized as a name."""
    if len(before) < 2 or before[-1].lower() != "och" or not before[-2].endswith("-"):
        return None
    parts = [before[-1]]
    for word in reversed(before[:-1]):
        if not word.rstrip(",").endswith("-") or len(word) < 3 or not word[0].isalpha():
            break
        parts.insert(0, word)
    text = " ".join(parts)
    return text[0].upper() + text[1:]


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
        if not word and raw[-1] in ".;":
            break  # "… till ny kommunstyrelse. Elof Hansjons blir …": the body's sentence ends, a name begins
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


def _name_above(doc: Doc, top: list[int], body_line: int | None) -> str | None:
    """A title line naming the organization just above the body's line ("Göteborgsregionen" / "Förbundsstyrelsen")."""
    if body_line is None:
        return None
    for index in reversed([i for i in top if i < body_line][-3:]):
        line = doc.lines[index].strip()[:100]
        words = _WORD.findall(line)
        if len(words) == 1 and _DOC_TYPE.fullmatch(fold(words[0])):
            continue
        if 1 <= len(words) <= 3 and line[0].isupper() and not re.search(r"[\d:]", line):
            return restore(line)
        return None
    return None


_DOC_TYPE = re.compile(r"[a-z]{0,14}(?:protokoll|anteckningar|kallelse|dagordning|foredragningslista)")


def _letterhead(doc: Doc, top: list[int]) -> str | None:
    """All-capital lines at the top that are not a list of member municipalities."""
    parts = []
    for index in top[:4]:
        line = doc.lines[index].strip()[:200]
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            break
        words = _WORD.findall(line)
        if len(words) == 1 and _DOC_TYPE.fullmatch(fold(words[0])):
            continue  # "PROTOKOLL" names the document, not who wrote it
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
