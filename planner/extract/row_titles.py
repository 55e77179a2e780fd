"""A dated row's title from the heading of its section: "ÅRSSTÄMMA / Onsdag 13 november Lokalen klockan 19.00" is
"Årsstämma", "Styrelsemöten / 10 januari / 3 april (budgetmöte)" are "Styrelsemöte" and "Styrelsemöte (budgetmöte)",
"STÄDDAGAR / Lördag 20 april Vårstädning" is "Vårstädning (städdag)".

A row is a short line led by its date (dockind.listed_lines); its heading is the nearest short line above it, past
its sibling rows and at most two lines of notes (a time, who is called), that names a kind of meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.dockind import listed_lines
from planner.extract.months import month_number
from planner.extract.normalize import fold
from planner.extract.table_items import body_heading

# The nouns a heading names its rows' meetings by, plural or singular, as compounds ("styrelsemöten", "årsstämma",
# "medlemsträffar", "städdagar"): each folded ending, the letters to cut and what to add for the singular.
_FORMS = [(end + tail, len(tail), add) for end, tails, add in [
    ("mote", ("na", "n", "t", ""), ""), ("sammantrade", ("na", "n", "t", ""), ""),
    ("traff", ("arna", "ar", "en", ""), ""), ("konferens", ("erna", "er", "en", ""), ""),
    ("dag", ("arna", "ar", "en", ""), "")] for tail in tails]
_FORMS += [("stammorna", 4, "a"), ("stammor", 2, "a"), ("stamman", 1, ""), ("stamma", 0, "")]
_FORMS.sort(key=lambda form: -len(form[0]))
_WEEKDAY_STEMS = ("man", "tis", "ons", "tors", "fre", "lor", "son", "i", "to")
_HEADING_MAX = 60
_NOTES_MAX = 2
_REACH = 30
# A row's words that only say where: "Områdeslokalen", "Stora salen", "Folkets hus".
_PLACE = re.compile(r"(?:^|\s)[a-zåäö]*(?:lokal|lokalen|sal|salen|rummet|huset|hus|garden|gard|kyrkan|skolan"
                    r"|biblioteket|stugan|kontoret)$")


def section_title(ctx: Context, m: DateMention, rest: Callable[[int, int], str]) -> str | None:
    """The row's title from its section heading, or None when the date leads no row or no heading names a meeting.
    `rest(a, b)` gives the row's own words in a span, without dates and time (asked only of rows)."""
    doc = ctx.doc
    line = doc.line_of(m.start)
    rows = _rows(ctx)
    if line not in rows:
        return None
    start, end = doc.starts[line], doc.starts[line] + len(doc.lines[line])
    dated = mentions_between(ctx, start, end)
    if rows[line] == 1 and dated and dated[0] is not m:
        return None  # "2019-03-07 (vid behov inför årsmötet 12 mars)": the row's date leads it, a later one is a note
    if doc.folded.count("(", start, m.start) > doc.folded.count(")", start, m.start):
        return None  # "Torsdag 19 jan (KF 23 jan)": a date in the row's note is another body's
    heading = _heading_above(ctx, line, rows)
    if heading is None:
        return None
    if rows[line] > 1:  # "28 jan, 25 feb, 23 april (OBS tisdag), 27 maj": each date's own words follow it
        later = [d.start for d in dated if d.start > m.start]
        stop = later[0] if later else end
        close = doc.folded.find(")", m.end, stop)
        comma = doc.folded.find(",", close if close != -1 else m.end, stop)  # "(onsdag-torsdag, heldagar)" is one
        stop = comma if comma != -1 else stop
        raw = doc.folded[m.end:stop]
        note = "" if raw.count("(") > raw.count(")") else rest(m.end, stop).strip(" ,")
    else:
        note = rest(start, end)
    note = note.strip(" +•·*-–")
    if not _JOINERS.sub("", fold(note)):
        note = ""  # "8:e 17:00 och 22:a": only what joins the dates
    if note.endswith(")") and "(" not in note:  # the title's cleaning took the opening bracket: "bokslut)"
        note = "(" + note
    elif note.startswith("(") and ")" not in note:
        note = ""  # "19 jan (KF 23 jan)": the bracket holds another date, cut off
    bracketed = note.startswith("(") and note.endswith(")")
    if note and not bracketed and cues.MEETING_OR_COUNCIL.search(fold(note)):
        return None  # "13-14 september Styrelsemöte": the row names its meeting itself
    if not note or _PLACE.search(fold(note).lower()):
        return heading
    if bracketed:
        inner = note[1:]
        return f"{heading} ({inner[:1].lower() + inner[1:] if inner[1:2].islower() else inner}"
    return f"{note[:1].upper()}{note[1:]} ({heading[:1].lower()}{heading[1:]})"


def _rows(ctx: Context) -> dict[int, int]:
    rows = ctx.memo.get("rows")
    if rows is None:
        rows = ctx.memo["rows"] = ctx.plan_lines or listed_lines(ctx.doc, ctx.mentions)
    return rows


def _heading_above(ctx: Context, line: int, rows: dict[int, int]) -> str | None:
    key = ("row heading", line)
    if key in ctx.memo:
        return ctx.memo[key]
    doc = ctx.doc
    found, notes, index = None, 0, line - 1
    while index >= 0 and line - index <= _REACH:
        text = doc.lines[index].strip()
        start = doc.starts[index]
        if index in rows and ("row heading", index) in ctx.memo:
            found = ctx.memo[("row heading", index)]  # a sibling row above: the same section's heading
            break
        if not text or index in rows:
            index -= 1
            continue
        if mentions_between(ctx, start, start + len(doc.lines[index])):
            break  # a dated line that is no row: another part of the text
        if len(text) <= _HEADING_MAX and text.rsplit(" ", 1)[-1].lower() not in _GOES_ON:
            found = _meeting_name(text)  # "… läggas fram på konferensen i / september": a wrapped sentence, no heading
            if found is not None:
                break
            if body_heading(text):
                break  # "Ledningsgruppen / 28 januari kl 13.30 via Teams": the section names its body; a meeting's
                # name further up ("Handlingar finns på sidan Styrelsemöten") is another section's
        notes += 1
        if notes > _NOTES_MAX:
            break
        index -= 1
    ctx.memo[key] = found
    return found


@lru_cache(maxsize=4096)
def _meeting_name(heading: str) -> str | None:
    """"Styrelsemöten (kallade: …)" → "Styrelsemöte", "Tider för föräldrarådets möten läsåret 19/20" →
    "Föräldrarådets möte", "Gruppmöten inför Kommunstyrelsen" → "Gruppmöte inför Kommunstyrelsen",
    "STÄDDAGAR/MEDLEMSTRÄFFAR" → "Städdag/medlemsträff"; None when no word names a meeting."""
    text = heading.split("(")[0].strip(" #*:\t")
    words = text.split()
    for k, word in enumerate(words):
        parts = [_split(part) for part in word.strip(",.;:").split("/")]
        if not parts or None in parts:
            continue
        stems = [split[0] for split in parts if split]
        named = "/".join(_as_words(split) for split in parts if split)
        if not stems[0] and k and fold(words[k - 1]).endswith("s"):
            named = f"{words[k - 1]} {named}"  # "föräldrarådets möten": whose meetings
        elif not stems[0]:
            continue  # "Kommande möten": no kind of meeting named
        tail = words[k + 1:k + 4]
        if tail and fold(tail[0]) in _TAIL_WORDS:
            kept = [tail[0]] + [w for w in tail[1:] if not any(c.isdigit() for c in w)][:2]
            named = " ".join([named, *kept])  # "… inför Kommunstyrelsen": which meetings
        named = named.lower() if heading.isupper() or named.isupper() else named
        return named[:1].upper() + named[1:]
    return None


_JOINERS = re.compile(r"[\s,;:.&/()-]|(?<![a-z])(?:och|samt|den|kl)(?![a-z])")
_GOES_ON = {"i", "på", "pa", "till", "och", "för", "for", "med", "om", "av", "den", "vid", "inför", "infor", "efter",
            "under", "från", "fran", "mellan", "samt", "att", "en", "ett"}
_TAIL_WORDS = {"infor", "med", "for", "mellan", "hos"}


def _as_words(split: tuple[str, str]) -> str:
    """"Fullmäktigesammanträde" as the council's meeting: "Fullmäktiges sammanträde" (the council's name has no
    inflected form to join); other compounds stay as written ("Styrelsemöte")."""
    stem, singular = split
    if stem.endswith("fullmaktige") and len(singular) > len(stem):
        return f"{singular[:len(stem)]}s {singular[len(stem):].lower()}"
    return singular


def _has_stem(word: str) -> bool:
    split = _split(word.split("/")[0].strip(",.;:"))
    return split is not None and bool(split[0])


def _split(word: str) -> tuple[str, str] | None:
    """The folded stem before a meeting noun, and the noun in the singular as written; None for other words."""
    folded = fold(word)
    if len(folded) != len(word):
        return None
    for ending, cut, add in _FORMS:
        if folded.endswith(ending):
            stem = folded[:-len(ending)]
            if ending.startswith("dag") and (not ending.startswith("dagar") or not stem or stem in _WEEKDAY_STEMS
                                             or stem.endswith("s")):
                return None  # "Måndagar", "Sammanträdesdagar", "eftermiddagen": weekdays, a plan's days, a time of day
            singular = word[:len(word) - cut] + (add.upper() if word.isupper() else add)
            return stem, singular
    return None


def _singular(word: str) -> str | None:
    """A meeting noun in the singular, as written ("STÄDDAGAR" → "STÄDDAG"); None for any other word."""
    split = _split(word)
    return split[1] if split else None


def due_clause(ctx: Context, m: DateMention, clean: Callable[[int, int], str]) -> str | None:
    """"Beslutsunderlag senast 31 maj, övriga underlag senast 6 juni": on a line of several things due, each date's
    title is its own clause, from the separator after the date before it. None unless the line holds such clauses."""
    doc = ctx.doc
    line = doc.line_of(m.start)
    start, end = doc.starts[line], doc.starts[line] + len(doc.lines[line])
    dated = mentions_between(ctx, start, end)
    if len(dated) < 2 or sum(bool(_DUE_BEFORE.search(doc.folded, max(start, d.start - 12), d.start)) for d in dated) \
            < len(dated):
        return None
    k = dated.index(m)
    lead = dated[k - 1].end if k else start
    cut = max(doc.folded.rfind(",", lead, m.start), doc.folded.rfind(";", lead, m.start))
    if k and cut == -1:
        return None  # "senast 31 maj och 6 juni": one clause, two dates
    text = clean(cut + 1 if cut != -1 else lead, m.start)
    return text if len(text) >= 3 else None


_DUE_BEFORE = re.compile(r"(?<![a-z])(?:senast|deadline|sista\s{1,2}dag)\s{0,2}:?\s{1,3}(?:den\s{1,3})?$")


# A meeting noun's definite form, by its folded ending: "styrelsemöte" → "styrelsemötet", "årsstämma" → "årsstämman".
_DEFINITE = (("mote", "t"), ("sammantrade", "t"), ("stamma", "n"), ("traff", "en"), ("konferens", "en"))
_DUE_REACH = 6


def due_for_meeting(ctx: Context, m: DateMention, title: str) -> str:
    """In a plan, a thing due that names no meeting ("Underlag", "Övriga underlag") under a row of a meeting
    ("13-15 juni Styrelsemöte") is due to that meeting: "Underlag till styrelsemötet"."""
    if len(title.split()) > 2 or any(c.isdigit() for c in title) or cues.MEETING_OR_COUNCIL.search(fold(title)):
        return title
    doc = ctx.doc
    line = doc.line_of(m.start)
    for index in range(line - 1, max(-1, line - _DUE_REACH), -1):
        start, end = doc.starts[index], doc.starts[index] + len(doc.lines[index])
        dated = mentions_between(ctx, start, end)
        if not dated:
            continue
        if index not in ctx.plan_lines:
            return title  # the dated line above is another thing due, no meeting's row
        words = doc.original[dated[-1].end:end].split()
        noun = words[-1].strip(".,:;") if len(words) == 1 else ""
        folded = fold(noun)
        for ending, add in _DEFINITE:
            if folded.endswith(ending):
                return f"{title} till {noun[:1].lower()}{noun[1:]}{add}"
        return title
    return title


_KIND_MAX = 40


def kind_below(ctx: Context, line: int) -> str | None:
    """"4.6.2026 Stadsfullmäktige / Seminarium": under a row that is a date and its body alone, a short line of its
    own (no date, no digit, no label, no body's name) says what kind of meeting that is; None when none does."""
    doc = ctx.doc
    below = doc.next_nonblank(line)
    if below is None or below in _rows(ctx):
        return None
    text = doc.lines[below].strip()
    start = doc.starts[below]
    if not text or len(text) > _KIND_MAX or not text[0].isupper() or any(c.isdigit() or c in ":;=" for c in text) \
            or mentions_between(ctx, start, start + len(doc.lines[below])) or body_heading(text) \
            or month_number(fold(text).rstrip(" .:")) is not None:  # the next month's heading ("Februari")
        return None
    return text.rstrip(".")
