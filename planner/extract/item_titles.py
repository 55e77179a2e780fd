"""Titles a secretary would type, for the items that survive merging: the meeting as the sentence names it, the
body whose plan lists the date, the list item a date belongs to, or the sentence itself made short (titles.py)."""

from __future__ import annotations

import re
from operator import itemgetter

from planner.extract import cues
from planner.extract.context import Context, mentions_between
from planner.extract.dates import DateMention
from planner.extract.front_matter import CHANGE_KEYS, front_matter_lines
from planner.extract.items import BULLET, NUMBERED
from planner.extract.list_titles import NOTE_AFTER, date_list, listed_title, listing_subject
from planner.extract.months import month_number
from planner.extract.next_cues import extra_meeting
from planner.extract.normalize import MARKUP_TAG, Doc, fold
from planner.extract.ocrwords import repaired_pieces
from planner.extract.orgs import BODY
from planner.extract.places import municipality
from planner.extract.row_titles import due_clause, due_for_meeting, kind_below, section_title
from planner.extract.sentences import sentence_of
from planner.extract.times import TimeMention
from planner.extract.titles import body_meeting_title, tidy_title

_DANGLING = re.compile(r"[\s,;:](?:[\s,;:]|och(?![a-zåäö]))*(?=[,.;:]|$)")
_BODY_NOTE = re.compile(r"([^()]{3,40}?)\s{0,2}\(([^()]{2,40})\)?")
_DEFAULT_TITLE = {"meeting": "Möte", "next_meeting": "Nästa möte", "deadline": "Deadline", "holiday": "Lov",
                  "reference": "Datum som nämns"}


_MARKUP = re.compile(r"\*{1,3}|_{2,}|`")
_MINUTES_OF = re.compile(r"(?:signerat?\s)?(?:protokoll|motesprotokoll|sammantradesprotokoll)\s([a-z -]{3,40})")
_TITLE_JUNK = re.compile(r"^(?:[\s.)§:*•·-]|\d+(?![^\W_])|o\s)+(?=\S)|^(?:(?:beslut|besiut):?\s+)?att\s+"
                         r"|^(?:summary|title|description|excerpt|lead)\s{0,2}[:=]\s*", re.IGNORECASE)
_TRAILING_WORDS = {"i", "på", "pa", "under", "den", "från", "fran", "till", "senast", "om", "vid", "med", "kl", "kl.",
                   "och", "samt", "alla", "samtliga", "t.o.m", "fr.o.m"}

# A list row led by its own label: "- **Halvtidsavstämning:** 2024-11-29 kl 09:20".
_ROW_LABEL = re.compile(r"[\s*#>•-]{0,8}(?P<t>[a-z][a-z /-]{2,40}?)[\s*]{0,3}:[\s*]{0,3}"
                        r"(?:[a-z]{2,8}dag(?:en)?\s{1,2})?")
_PLAN_HEAD = re.compile(r"[\s#*]{0,4}(?:sammantrades|motes)(?:tider|dagar|datum|plan)\s{0,3}(?:(?:19|20)\d\d)?\s{0,3}:")
# A heading that announces a body's dates ("Förslag till sammanträdestider för 2025", "Mötesdatum under hösten").
_PLAN_PHRASE = re.compile(r"(?:forslag\s{1,3}till\s{1,3})?(?:nya\s{1,3})?(?:sammantrades|motes)"
                          r"(?:tider|tidpunkter|dagar|datum|plan)(?![a-z])")
_GENERIC_LABEL = re.compile(r"(?:datum|tid|tidpunkt|nar|dag|plats|nasta\s{1,3}[a-z ]{0,20}|kommande\s{1,3}[a-z ]{0,20}"
                            r"|[a-z]{0,20}(?:mote|moten|sammantrade|sammantraden|traff)(?:t|et|n|na)?)")


def _next_title(ctx: Context, words: str) -> str:
    """The next meeting as the text calls it ("Nästa styrelsemöte" → "Styrelsemöte"), else as the body's meeting."""
    noun = words.split()[-1].strip(":") if words else ""
    bare = ("mote", "motet", "sammantrade", "traff")
    if fold(noun).endswith(bare) and fold(noun) not in bare:  # a compound: "husmöte", "styrelsemöte"
        return noun[0].upper() + noun[1:]
    if ctx.body:
        return body_meeting_title(ctx.body, "sammanträde" if "sammantr" in fold(noun) else "möte")
    return "Nästa möte"


_MEETING_WORD = re.compile(r"(?<![a-z])[a-z]{2,20}(?:mote|sammantrade)(?:t)?(?![a-z])")


def _meeting_word_before(doc: Doc, s0: int, pos: int) -> str:
    """The last compound meeting noun of the sentence before the date, indefinite ("årsmötet" → "årsmöte")."""
    hits = list(_MEETING_WORD.finditer(doc.folded, max(s0, pos - 80), pos))
    if not hits:
        return ""
    word = doc.original[hits[-1].start():hits[-1].end()]
    return word[:-1] if fold(word).endswith("t") else word


# The event a long sentence dates, named right before its date: "… planering av höstmötet den 22-23 november",
# "… inplanerat ett ordinarie förbundsmöte 28-29 september", "2019 års rikskonferens, som äger rum den 24-26 april".
_EVENT_BEFORE = re.compile(
    r"(?<![a-z])(?P<t>(?:(?:19|20)\d\d\s{1,2}ars\s{1,2})?(?:(?:ordinarie|extra|extrainsatt|gemensamt?|arliga?|forsta)"
    r"\s{1,2})?[a-z]{2,25}(?:mote|sammantrade|stamma|konferens|kongress|traff|ting|seminari)"
    r"(?P<def>et|t|n|en|um)?)(?![a-z])(?P<gap>[^.\n;:]{0,24})$")
_OWNER_BEFORE = re.compile(r"(?<![\w:])((?:[A-ZÅÄÖ][\wåäöé-]*\s)?[A-ZÅÄÖ][\wåäöé:-]*s)\s{1,2}$")
_EVENT_GAP = re.compile(r"(?:\s{1,3}(?:i|pa)\s{1,3}[a-z]{3,20})?,?(?:\s{1,3}som\s{1,3}(?:ager\s{1,3}rum|hålls|halls))?"
                        r"(?:\s{1,3}(?:pa\s{1,3})?[a-z]{3,9}dag(?:en)?)?(?:\s{1,3}den)?\s{0,3}")


def _event_before(ctx: Context, m: DateMention, s0: int) -> str | None:
    """The event a sentence of more than a few words names right before its date, as a noun phrase."""
    doc = ctx.doc
    if m.start - s0 < 40:
        return None  # a short sentence is its own title
    hit = _EVENT_BEFORE.search(doc.folded, max(s0, m.start - 90), m.start)
    if hit is None or not _EVENT_GAP.fullmatch(hit.group("gap")):
        return None
    words = " ".join(doc.original[hit.start("t"):hit.end("t")].split())
    ending = hit.group("def") or ""
    if ending and not fold(words).endswith("tinget"):  # "Mälartinget" is a name
        words = words[:len(words) - len(ending)]  # "höstmötet" → "höstmöte", "stämman" → "stämma"
    words = words[0].upper() + words[1:] + ("um" if fold(words).endswith("seminari") else "")
    owner = _OWNER_BEFORE.search(doc.original, max(s0, hit.start("t") - 40), hit.start("t"))
    if owner is not None:  # "vid ISGR:s bolagsstämma", "SmåKoms höstmöte": whose event it is
        words = f"{owner.group(1)} {words[0].lower()}{words[1:]}"
    place = re.match(r"\s{1,3}(?:i|på)\s{1,3}([A-ZÅÄÖ][\wåäö-]{2,20})", doc.original[hit.end("t"):m.start])
    return f"{words} i {place.group(1)}" if place else words


def _page_noun(ctx: Context) -> str:
    """The word the page itself uses for a meeting; read once per document, not once per title (a 100-page text
    without it was searched to its end for every title)."""
    noun = ctx.memo.get("noun")
    if noun is None:
        noun = ctx.memo["noun"] = "sammanträde" if "sammantr" in ctx.doc.folded else "möte"
    return noun


def title_for(ctx: Context, m: DateMention, t: TimeMention | None, kind: str) -> str:
    doc = ctx.doc
    if kind == "next_meeting":
        n0, n1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
        sentence = doc.folded[n0:n1]
        named = cues.NEXT.search(sentence)
        resumed = None if named else cues.RESUMED.search(sentence)
        if resumed is not None:  # "Fortsättning på det ajournerade mötet": that meeting, not the body's next one
            words = doc.original[n0 + resumed.start():n0 + resumed.end()]
            return words[0].upper() + words[1:]
        assembly = None if named or resumed else cues.NEXT_ASSEMBLY.search(sentence)
        if assembly is not None:
            # "förbundets nästa stämma som kommer att hållas i Luleå …": the assembly as the sentence names it, else
            # as "Nästa distriktsstämma, som även blir …" calls it
            title = title_for(ctx, m, t, "meeting")
            noun = assembly.group(0).split()[-1]
            if noun not in fold(title) or fold(title).startswith(assembly.group(0)):
                title = doc.original[n0 + assembly.start():n0 + assembly.end()].split()[-1]
            return title[0].upper() + title[1:]
        label = None if named else _ROW_LABEL.fullmatch(doc.folded, doc.starts[doc.line_of(m.start)], m.start)
        if label is not None and not _GENERIC_LABEL.fullmatch(label.group("t")):
            # "## Kommande möten / - **Halvtidsavstämning:** 2024-11-29": the row names its meeting
            words = doc.original[label.start("t"):label.end("t")]
            return words[0].upper() + words[1:]
        extra = None if named else extra_meeting(sentence, n0)
        if extra is None and named is None and (noun := _meeting_word_before(doc, n0, m.start)):
            return _next_title(ctx, noun)  # "Preliminärt nytt datum för årsmötet är 5 september": "Årsmöte"
        if extra is None:
            return _next_title(ctx, doc.original[n0 + named.start():n0 + named.end()] if named else "")
        # "… hålla ett extra fullmäktige som planeras …": titled as the meeting it is, in the text's own words
        hit = cues.EXTRA.match(doc.folded, extra)
        words = doc.original[hit.start():hit.end()] if hit else "Extra möte"
        return words[0].upper() + words[1:]
    if kind == "reference" and (field := _page_field(doc, m)) is not None:
        return field
    if kind == "holiday":
        line = doc.line_of(m.start)
        for index in [line, *doc.prev_nonblank(line, 1)]:
            hits = list(cues.HOLIDAY.finditer(doc.folded, doc.starts[index], doc.starts[index] + len(doc.lines[index])))
            if hits:
                before = [h for h in hits if h.start() < m.start]
                return cues.holiday_title((before[-1] if before else hits[0]).group(0))
    s0, s1 = sentence_of(ctx.bounds, m.start, len(doc.folded))
    # A clause after a semicolon is its own statement: "Budgeten beslutas …; underlag ska vara inne senast …".
    s0 = max(s0, doc.folded.rfind(";", s0, m.start) + 1)
    semicolon = doc.folded.find(";", m.end, s1)
    s1 = semicolon if semicolon != -1 else s1
    line = doc.line_of(m.start)
    line_start, line_end = doc.starts[line], doc.starts[line] + len(doc.lines[line])
    noun = _page_noun(ctx)
    if kind == "meeting" and (own := section_title(ctx, m, lambda a, b: _clean_title(ctx, a, b, t))):
        return own  # "ÅRSSTÄMMA / Onsdag 13 november Lokalen kl 19": the row's section heading names its meeting
    if kind == "meeting" and date_list(ctx, line_start, line_end, t):
        # "5/2, 19/3, 7/5 och 10/12": the body's own meeting plan, or the run a sentence above began
        listing = listing_subject(ctx, m, s0, s1) if s0 < line_start and line not in ctx.sections else None
        if listing is not None:
            return listed_title(ctx, *listing, noun)
        title = _section_body(ctx, line) or body_meeting_title(ctx.sections.get(line) or ctx.body, noun)
        note = NOTE_AFTER.match(doc.original, m.end)
        return f"{title} ({note.group(1).strip()})" if note and not cues.CANCELLED.search(doc.folded, *note.span()) \
            else title
    named = None
    if kind == "meeting":
        named = (_NAMED_BEFORE.search(doc.folded, max(s0, m.start - 70), m.start)
                 or _COUNCIL_BEFORE.search(doc.folded, max(s0, m.start - 40), m.start)
                 or _SUBJECT_HELD.search(doc.folded, max(s0, m.start - 60), m.start))
    if named is not None:
        # "… ställa in fullmäktiges sammanträde den 30 mars", "… på kommunfullmäktige den 17 oktober": the meeting
        # as the sentence names it
        words = " ".join(doc.original[named.start("t"):named.end("t")].split())
        return words[0].upper() + words[1:]
    listing = listing_subject(ctx, m, s0, s1) if kind == "meeting" else None
    if listing is not None:
        # "Regionfullmäktige sammanträder följande datum under 2020: 4 februari, 21 april, 19 maj …";
        # "Planerade styrelsemöten under 2024 är 6 februari, 14 maj …": each a "Styrelsemöte"
        subject, is_meeting = listing
        return listed_title(ctx, subject, is_meeting, noun)
    if kind == "meeting" and line_end - line_start <= 80:
        cleaned = _clean_title(ctx, line_start, line_end, t).strip(" ()+")
        minutes_of = _MINUTES_OF.fullmatch(fold(cleaned))
        if minutes_of is not None and BODY.fullmatch(minutes_of.group(1)):
            # "Protokoll direktionen 2021-09-30" in a list of minutes by date: the body's meeting that day
            return body_meeting_title(cleaned[minutes_of.start(1):], noun)
    head = _PLAN_HEAD.match(doc.folded, line_start, line_end) if kind == "meeting" and line in ctx.plan_lines else None
    if kind == "meeting" and line in ctx.plan_lines and (head or not cues.MEETING.search(doc.folded, line_start,
                                                                                          line_end)):
        # "2 februari (obs torsdag)", "12 maj + Direktionen för delregionala utvecklingsmedel"; after the plan's own
        # heading on its line ("Sammanträdestider 2025: 8/2 15/3"), what is left of the line
        rest = _clean_title(ctx, head.end() if head else line_start, line_end, t).strip(" ()+")
        if len(rest.split()) <= 3 and BODY.fullmatch(fold(rest)):
            # "Kommunstyrelsen kl 13.00: 19 januari, …": the line's own body, as a table's row names it; the line
            # below a row of a date and its body may say what meeting it is ("Seminarium")
            below = kind_below(ctx, line) if doc.folded[m.end:line_end].strip(" ,:–-") == fold(rest) else None
            return f"{rest}: {below}" if below else body_meeting_title(rest, noun)
        noted = _BODY_NOTE.fullmatch(rest)
        if noted is not None and BODY.fullmatch(fold(noted.group(1))):
            # "31.3: stadsstyrelsen (bokslut)": the row's own body, with its note
            return f"{body_meeting_title(noted.group(1), noun)} ({noted.group(2)})"
        base = _section_body(ctx, line) or body_meeting_title(ctx.sections.get(line) or ctx.body, noun)
        return f"{base} ({rest})" if len(rest) >= 3 else base
    if kind == "deadline" and (clause := due_clause(ctx, m, lambda a, b: _clean_title(ctx, a, b, t))):
        return clause  # "Beslutsunderlag senast 31 maj, övriga underlag senast 6 juni": each date its own thing due
    block = _block_title(ctx, line, t)
    if block:
        return block
    if kind == "meeting" and (event := _event_before(ctx, m, s0)) is not None:
        return event  # "På dagordningen står planering av höstmötet den 22-23 november": "Höstmöte"
    spans = [(max(s0, line_start), min(s1, line_end))]
    parent = _parent_item(doc, line)
    if parent is not None:  # "- Advent of Code hype-event\n  - November 30": the item it belongs to
        spans.insert(0, (doc.starts[parent], doc.starts[parent] + len(doc.lines[parent])))
    previous = doc.prev_nonblank(line, 1)
    own = doc.lines[line].strip()
    # "… Nuvarande avtalsperiod / 16per ut 2024-07-14": the line goes on the sentence (OCR may turn its first
    # letter into a digit)
    goes_on = own[:1].islower() or (own[:1].isdigit() and own.lstrip("0123456789")[:1].islower())
    wrapped = (previous and len(doc.lines[previous[0]].strip()) > 30 and goes_on
               and not NUMBERED.match(doc.folded_line(previous[0])))
    if s0 < line_start and wrapped:
        # The sentence began on the line above: "… en workshop om nya busslinjer tisdagen / den 8 september …".
        spans.insert(0, (max(s0, doc.starts[previous[0]]), min(s1, line_end)))
    nxt = doc.next_nonblank(line)
    if nxt is not None:
        both = (max(s0, line_start), min(s1, doc.starts[nxt] + len(doc.lines[nxt])))
        third = doc.next_nonblank(nxt)
        if third is not None and doc.lines[nxt].rstrip().rsplit(" ", 1)[-1].lower() in _CONTINUES:
            # "… bli ett / heldagsmöte tillsammans med / kommundirektörerna": the sentence wraps twice
            both = (both[0], min(s1, doc.starts[third] + len(doc.lines[third])))
        last = doc.lines[line].rstrip().rsplit(" ", 1)[-1].lower()
        # "Boka nytt möte den 22 augusti kl 15.30-16.30 mellan / Samarbetskommittén och Regionen"
        line_span = (max(s0, line_start), min(s1, line_end))
        if last in _CONTINUES and line_span in spans:
            spans[spans.index(line_span)] = both
        else:
            spans.append(both)
    spans.append((s0, s1))
    for number, (a, b) in enumerate(spans):
        text = _clean_title(ctx, a, b, t)
        if text and all(month_number(word) for word in re.findall(r"[a-z]+", fold(text))):
            continue  # "februari 19.2. / mars 25.3.": the months the rows repeat, no title
        if len(text) >= (5 if number == 0 else 12):
            if kind == "meeting" and ctx.body and _PLAN_PHRASE.match(fold(text)):
                # "Förslag till sammanträdestidpunkter för nämnden vårperioden 2019:" above the rows: each the
                # body's meeting
                return body_meeting_title(ctx.body, noun)
            return text
    if kind == "meeting" and ctx.body:
        return body_meeting_title(ctx.body, noun)  # a plan's date with no words of its own: the body's meeting
    return _DEFAULT_TITLE.get(kind, "Möte")


def _block_title(ctx: Context, line: int, t: TimeMention | None) -> str | None:
    """A date line with nothing else on it, in a block of short lines: "6 Maj 2025 15.00-16.00 / Digitalt /
    Tema kompetensförsörjning". The title is the first line below that is more than a time or a place."""
    doc = ctx.doc
    own = _clean_title(ctx, doc.starts[line], doc.starts[line] + len(doc.lines[line]), t)
    if len(own) >= 5 and not _only_place(ctx, own):
        return None
    index = line
    for _ in range(3):
        index += 1
        if index >= len(doc.lines) or not doc.lines[index].strip() or len(doc.lines[index]) > 60:
            return None
        start, end = doc.starts[index], doc.starts[index] + len(doc.lines[index])
        if mentions_between(ctx, start, end):
            return None  # the next date's block
        text = _clean_title(ctx, start, end, t)
        if t is None or not start <= t.start < end:
            text = _CLOCK_ONLY.sub("", text).strip(" ,.;:-–")
        if len(text) >= 5 and not _only_place(ctx, text):
            return text
    return None


_CLOCK_ONLY = re.compile(r"(?:kl\.?\s?)?\d{1,2}[.:]\d\d(?:\s?[-–]\s?\d{1,2}[.:]\d\d)?")
_PLACE_WORDS = {"digitalt", "digital", "teams", "zoom", "distans", "online", "webb", "lokal"}


_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def _only_place(ctx: Context, text: str) -> bool:
    """"3 Västerås", "Digitalt": a place (and OCR debris), no title. Words are repaired one piece at a time, up to
    the first that is no place (most texts' first word)."""
    words = False
    for piece in repaired_pieces(text, ctx.lost_diacritics, ctx.pieces) if text else ():
        for word in _LETTER_RUN.findall(piece):
            if not (fold(word) in _PLACE_WORDS or municipality(word)):
                return False
            words = True
    return words


_CONTINUES = {"mellan", "med", "för", "om", "till", "och", "samt", "i", "på", "av", "hos", "inför", "kring", "en",
              "ett", "den", "det", "att"}
def _parent_item(doc: Doc, line: int) -> int | None:
    """The less indented list item a nested item belongs to, when the nested one names no event itself."""
    own = BULLET.match(doc.lines[line])
    if own is None:
        return None
    if not own.group("indent"):
        # "- Advent of Code hype event / - November 30" after OCR lost the nesting: a date alone under an item
        previous = line - 1  # the line right above, no blank between
        if previous >= 0 and _date_alone(doc.folded_line(line)[own.end() - 1:]) \
                and BULLET.match(doc.lines[previous]) and not any(c.isdigit() for c in doc.lines[previous]):
            return previous
        return None
    depth = len(own.group("indent").expandtabs(4))
    for index in range(line - 1, max(-1, line - 12), -1):
        above = BULLET.match(doc.lines[index])
        if above is None:
            continue
        if len(above.group("indent").expandtabs(4)) < depth:
            return index if not cues.MEETING.search(doc.folded_line(line)) else None
    return None


def _date_alone(folded: str) -> bool:
    words = folded.replace(",", " ").replace(".", " ").split()
    return 0 < len(words) <= 3 and all(w.isdigit() or w == "den" or month_number(w) for w in words) \
        and any(w.isdigit() for w in words)


_BROKEN_WORD = re.compile(r"(?<=[a-zåäö])- (?=[a-zåäö])")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:])")
_GROUP_1 = itemgetter(1)  # a callable replacement skips re's per-call template parsing of r"\1"
_QUOTES = re.compile(r"[\"'<>“”«»]")
# A weekday before the date, in full, cut ("tis", "tors") or in the two letters of Finnish-Swedish rows ("to", "lö").
_BEFORE_DATE = re.compile(r"(?:(?<![a-z])(?:man|tis|ons|tors?|fre|lor|son|ma|ti|on|to|fr|lo|so)(?:dag(?:en)?)?\.?"
                          r"\s{1,3})?(?:den\s{1,3})?$")


_NAMED_BEFORE = re.compile(r"(?<![a-z])(?P<t>[a-z]{3,30}s\s{1,2}(?:(?:ordinarie|extra|extrainsatta|konstituerande)"
                           r"\s{1,2})?(?:sammantrade|mote|styrelsemote|arsmote|stamma|traff|motet|sammantradet))"
                           r"\s{1,2}(?:(?:pa\s{1,2})?[a-z]{3,9}dag(?:en)?\s{1,2})?(?:den\s{1,2})?$")
_COUNCIL_BEFORE = re.compile(r"(?<![a-z])(?:pa|vid|infor)\s{1,2}(?P<t>(?:kommun|region|forbunds)?fullmaktige"
                             r"|(?:kommun|region|forbunds)?styrelsen|direktionen|arsmotet|(?:forenings)?stamman)"
                             r"\s{1,2}(?:den\s{1,2})?$")
# "… att årsmötet hålls 31 mars", "Stämman äger rum lördagen den 4 maj", "kallelsen till årsmötet som hålls
# tisdagen den 10/11": the meeting that is the subject.
_SUBJECT_HELD = re.compile(r"(?<![a-z])(?P<t>[a-z]{0,20}(?:mote|sammantrade|stamma|traff))(?:t|n|en|et)?\s{1,2}"
                           r"(?:som\s{1,2})?(?:halls|ager\s{1,2}rum|kommer\s{1,2}att\s{1,2}hallas|ska\s{1,2}hallas)\s{1,2}"
                           r"(?:(?:pa\s{1,2})?[a-z]{3,9}dag(?:en)?\s{1,2})?(?:den\s{1,2})?$")
# A page's date fields as the secretary reads them: "date: 2020-11-05 22:42:00 CET", "lastmod = 2013-03-12".
_FIELD_KEY = re.compile(r"[\s.#*>-]{0,6}(?:\w+\s{1,3}){0,6}?(?P<k>" + CHANGE_KEYS + r"|date)\s{0,2}[:=]")
_FIELD_TITLES = {"lastmod": "Senast ändrad", "last_modified": "Senast ändrad", "modified": "Senast ändrad",
                 "updated": "Senast ändrad", "created": "Sidan skapad"}


def _page_field(doc: Doc, m: DateMention) -> str | None:
    """"Publiceringsdatum" for the date a page's front matter gives, not the field's raw line."""
    line = doc.line_of(m.start)
    if line not in front_matter_lines(doc):
        return None
    key = _FIELD_KEY.match(doc.folded, doc.starts[line], m.start)
    return _FIELD_TITLES.get(key.group("k"), "Publiceringsdatum") if key else "Publiceringsdatum"


def _section_body(ctx: Context, line: int) -> str | None:
    """On a plan page of several bodies, each under its own heading ("Kommunstyrelsen", "IT-nämnden"), a row's meeting
    is called by its heading as written, as the page's reader and the secretary call it."""
    section = ctx.sections.get(line)
    if section is None:
        return None
    if "bodies" not in ctx.memo:  # "Byggnadsnämnden" and "Byggnadsnämndens arbetsutskott" are one body and its part
        names = set(ctx.sections.values())
        ctx.memo["bodies"] = sum(not any(name.startswith(other + "s ") for other in names) for name in names)
    return section if ctx.memo["bodies"] >= 2 else None


def _clean_title(ctx: Context, a: int, b: int, t: TimeMention | None) -> str:
    """The span's text as a title, without its dates and time; asked once per span and time, however many of a
    line's dates ask."""
    key = ("clean", a, b, t.start if t else -1, t.end if t else -1)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = _cleaned(ctx, a, b, t)
    return found


def _cleaned(ctx: Context, a: int, b: int, t: TimeMention | None) -> str:
    doc = ctx.doc
    cut = []
    for d in mentions_between(ctx, a, b):
        window = doc.folded[max(a, d.start - 20):d.start]
        lead = _BEFORE_DATE.search(doc.folded, max(a, d.start - 20), d.start) if window.endswith((" ", "\t")) else None
        cut.append((lead.start() if lead else d.start, d.end))
    if t is not None and a <= t.start < b:
        cut.append((t.start, t.end))
    pieces, pos = [], a
    for x, y in sorted(cut):
        pieces.append(doc.original[pos:x])
        pos = max(pos, y)
    pieces.append(doc.original[pos:b])
    text = "".join(pieces)
    if "<" in text:
        text = MARKUP_TAG.sub(" ", text)
    if "*" in text or "__" in text or "`" in text:  # markdown emphasis: "FÖRANMÄLAN SENAST.**"
        text = _MARKUP.sub("", text)
    text = " ".join(text.split())
    if "- " in text:
        text = _BROKEN_WORD.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(_GROUP_1, text)
    text = _DANGLING.sub("", text)
    text = _TITLE_JUNK.sub("", text).strip(" ,.;:-–(")
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _TRAILING_WORDS:
        words.pop()
    text = " ".join(words).strip(" ,.;:-–(")
    text = text.replace("&", "och")
    if not text.isalnum():
        text = _QUOTES.sub("", text)
    if len(text) > 160:  # tidy_title shortens further; the cut here only bounds the work
        text = text[:160].rsplit(" ", 1)[0] + " …"
    return text[:1].upper() + text[1:]


_BARE_ADVERBS = {"darefter", "sedan", "darpa", "dessutom", "aven", "samt", "och", "ocksa"}


def finish_titles(ctx: Context, items: list[dict]) -> None:
    """Titles are the costly part of an item; only the merged, final items get one."""
    for item in items:
        pending = item.pop("_title", None)
        if pending is not None:
            title = title_for(ctx, pending[0], pending[1], item["kind"])
            # An extra meeting is the body's next one, titled as the meeting it is ("Extrainsatt regionfullmäktige").
            kind = item["kind"]
            if kind == "next_meeting" and title != _DEFAULT_TITLE[kind]:
                kind = "meeting"
            if kind in ("meeting", "deadline", "reference"):
                # The same raw title gets the same tidy one within a document (a piece's repair is settled the
                # first time the document meets it), so it is tidied once.
                key = ("tidy", title, kind, item.get("location"))
                tidy = ctx.memo.get(key)
                if tidy is None:
                    tidy = ctx.memo[key] = tidy_title(title, kind, item.get("location"), ctx.lost_diacritics,
                                                      ctx.pieces)
                title = tidy
            if kind == "meeting" and fold(title) in _BARE_ADVERBS:  # "Därefter 17 januari": the body's next ones
                title = body_meeting_title(ctx.body, _page_noun(ctx)) if ctx.body else _DEFAULT_TITLE["meeting"]
            if kind == "deadline" and ctx.plan_lines:
                title = due_for_meeting(ctx, pending[0], title)  # "Underlag" under "13 juni Styrelsemöte"
            item["title"] = title
