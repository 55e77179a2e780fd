"""What kind of text this is: minutes, a kallelse, a meeting plan page or a notice.

The kind decides whether the text records a meeting of its own. Minutes and a kallelse do (the
meeting held, the meeting called); a plan page lists the body's meetings and records none; a
notice or news item reports a change (cancelled, moved, a new chair) and records a meeting
only when it reports on one that was held. The signs are structural (labelled header lines,
attendance lists, § numbers, opening and closing of the meeting), not any one text's words.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from planner.extract.cues import CANCELLED, COUNCIL, HOLL, MINUTES_TITLE, PUBLISHED
from planner.extract.dates import DateMention
from planner.extract.front_matter import TITLE_FIELD, fence_lines, front_matter_lines
from planner.extract.fuzzy import words
from planner.extract.normalize import Doc
from planner.extract.orgs import BODY
from planner.extract.places import municipality
from planner.extract.years import safe_date, weekday_year

MINUTES, KALLELSE, PLAN, NOTICE = "minutes", "kallelse", "plan", "notice"

# Lines that open the parts of minutes: attendance, opening, the adjuster, the agenda.
_STRUCTURE = re.compile(
    r"^[\s#*>|•·-]{0,24}(?:\\?textbf\{|\\item\s)?(?:§?\s{0,2}\d{1,2}\s{0,2}[.):]?\s{0,3})?(?P<w>narvarande|franvarande|beslutande|ledamoter|deltagare|deltagande|kallade|forhindrade"
    r"|ovriga\s+(?:narvarande|deltagare)|participants|present|attendees|sekreterare|ordforande|mot[a-z]{0,3}ordforande"
    r"|justerare|justering|utses\s+att\s+justera|val\s+av\s+(?:justerare|protokolljusterare|sekreterare)"
    r"|motets\s+oppnande|motet\s+oppna[a-z]{0,3}|oppnande|motet\s+avslut[a-z]{0,4}|motets\s+avslutande|avslutning"
    r"|dagordning|fastst[a-z]{0,6}\s+av\s+dagordning|godkannande\s+av\s+dagordning|foregaende\s+protokoll"
    r"|agenda|tid|datum|plats|lokal|tid\s+och\s+plats|datum\s+och\s+tid"
    r"|(?:motes|sammantrades)datum(?!\s{0,3}(?:for\s{1,3})?(?:(?:ar|aret)\s{1,3})?(?:19|20)\d\d(?![\d-])))"
    r"(?![a-z])[^\n]{0,3}")  # "Sammanträdesdatum 2024" heads a plan, "Mötesdatum" alone labels a protocol
# "ledamöter, för en mandatperiod …": a sentence wrapped onto the line, not a label ("Ledamöter: …").
_PROSE_AFTER = re.compile(r",\s{1,2}[a-zåäö]")
_SECTION = re.compile(r"§(?<![\w]§)\s{0,2}\d{1,3}(?!\d)")  # the literal first: a substring search
# The same parts inside a flattened PDF transcript, where lines run together.
_INLINE = words("utses att justera", "val av justerare", "justerare", "fastställande av dagordning",
                "godkännande av dagordning", "sammanträdet öppnas", "mötet öppnas", "mötet öppnades", "mötets öppnande",
                "mötet avslutas", "mötet avslutades", "närvarande", "beslutande", "protokollet justeras",
                "plats och tid", "paragrafer", "föregående protokoll", "föregående mötesprotokoll",
                "justerandes sign", "utdragsbestyrkande")  # the footer of every page of a Swedish protocol
_CALLED = words("kallelse", "föredragningslista", "dagordning", "inbjudan till", "kallas till", "agenda")
# A summons in the text's opening: "Härmed kallas du … till höstmöte, torsdag 26 november 2020 kl. 19.30".
# … and a heading "Kallelse årsmöte", "KALLELSE extra föreningsstämma": the summons word before the meeting.
CALLS = re.compile(words("kallas", "kallelse till", "inbjudan till", "välkommen till", "välkomna till",
                         "bjuder in till", "kallar till").pattern
                   + r"|(?<![a-z])kallelse\s{1,3}(?:[a-z]{1,20}\s{1,3})?[a-z]{0,20}"
                     r"(?:mote|stamma|sammantrade|fullmaktige)(?:t|n|na)?(?![a-z])"
                     # "Kungörelse: Landskapsfullmäktige sammanträder 8.11": the statutory notice of a meeting
                     r"|(?<![a-z])kungorelse[\s:,-]{1,4}(?:[a-z-]{1,30}\s{1,3}){0,3}?[a-z]{0,20}(?:fullmaktige|styrelse|namnd)"
                     r"[a-z]{0,3}\s{1,3}(?:sammantrader|sammankommer|moter)(?![a-z])")
# A page that presents the body's meeting dates.
PLAN_WORDS = words("sammanträdestider", "sammanträdesdatum", "sammanträdesdagar", "sammanträdesplan",
                   "mötestider", "mötesdatum", "mötesdagar", "mötesplan", "sammanträder", "sammanträden", "träffas",
                   "årshjul", "årsplan", "möteskalender", "sammanträdeskalender", "följande datum", "följande dagar",
                   "enligt följande", "planerade möten", "planerade sammanträden", "kommande möten",
                   "kommande styrelsemöten", "kommande sammanträden",
                   # an association's season programme: "Program för hösten 2019", "Vårens program"
                   "program för hösten", "program för våren", "programmet för hösten", "programmet för våren",
                   "höstens program", "vårens program", "höstprogram", "vårprogram", "höstprogrammet",
                   "vårprogrammet")
_TITLE_AREA = 4
# A title "Möten 2023", "Träffar under 2024": the year's meetings.
_MEETINGS_OF_YEAR = re.compile(r"(?<![a-z])(?:moten|traffar|motestider)\s{1,3}(?:under\s{1,3}|for\s{1,3})?"
                               r"(?:19|20)\d\d")


# A title that reports the meeting done: "Södra Svealands årsmöte 2024 är genomfört".
_REPORTED = re.compile(words("genomfört", "genomförd", "genomfördes", "har hållits", "avslutat", "avslutad",
                             suffix=r"(?![a-z])").pattern
                       + r"|(?<![a-z])" + HOLL + r"s(?![a-z])")
# A summons anywhere in the opening; a welcome ("välkommen till Parvaneh") only counts in the title.
_SUMMONS = words("kallas", "kallelse till", "inbjudan till", "kallar till", "ärendelista", "föredragningslista")


def document_kind(doc: Doc, mentions: list[DateMention], table_dates: int = 0) -> str:
    """minutes, kallelse, plan or notice; see the module docstring."""
    top = _title_lines(doc)
    title = "\n".join(doc.folded_line(i) for i in top)
    folded, starts = doc.folded, doc.starts
    structure = {m.group("w").split()[0] for i, line in enumerate(doc.lines)
                 if 0 < len(line) < 120 and (m := _STRUCTURE.match(folded[starts[i]:starts[i] + len(line)]))
                 and not _PROSE_AFTER.match(line, m.end("w")) and not (line.lstrip()[:1].islower() and wrapped(doc, i))}
    if len(structure) <= 1 and _protocol_archive(doc, mentions):
        return PLAN  # a page of the body's minutes by date: no minutes of its own, a meeting on every date
    signs = len(structure) + (len(_SECTION.findall(doc.original)) >= 2) + 3 * _titled(doc, top)
    if signs >= 3:  # minutes or a kallelse whatever else the text shows: its inline signs and listed dates are not read
        return KALLELSE if _CALLED.search(title) and not _titled(doc, top) else MINUTES
    signs += _inline_signs(doc, structure)
    if stamps := _news_list_stamps(doc, mentions):  # a news list's post days are no rows of a plan
        mentions = [m for m in mentions if doc.line_of(m.start) not in stamps]
    listed = _listed_dates(doc, mentions) + table_dates
    if signs >= 3 or (signs >= 2 and listed < 3):
        return KALLELSE if _CALLED.search(title) and not _titled(doc, top) else MINUTES
    if listed >= 3 and (PLAN_WORDS.search(doc.folded) or _MEETINGS_OF_YEAR.search(title)
                        or _body_rows(doc, mentions) >= _MIN_BODY_ROWS):
        return PLAN
    if signs >= 2:
        return MINUTES
    headings = "\n".join(doc.folded_line(i) for i in top if len(doc.lines[i]) <= 100)
    if (CALLS.search(headings) or _SUMMONS.search(doc.folded, 0, 1200)) and signs <= 1 \
            and not CANCELLED.search(doc.folded, 0, 2000) and not _REPORTED.search(headings):
        return KALLELSE  # a news item that calls anew after a cancellation ("Ny kallelse …") is a notice
    return NOTICE


_MIN_BODY_ROWS = 3
_ROW_BODY = re.compile(r"[\s,:–-]{1,4}(?P<b>[a-z][a-z -]{2,50}?)[\s.]*")


def _body_rows(doc: Doc, mentions: list[DateMention]) -> int:
    """Rows that are a date and the body that meets then ("4.6.2026 Stadsfullmäktige", "12 mars – Kommunstyrelsen"):
    a page of the body's meetings by date, whatever it calls itself."""
    count = 0
    for m in mentions:
        if m.precision != "day":
            continue
        line = doc.line_of(m.start)
        start, end = doc.starts[line], doc.starts[line] + len(doc.lines[line])
        if end - start > 60 or doc.folded[start:m.start].strip(" *•-"):
            continue
        hit = _ROW_BODY.fullmatch(doc.folded, m.end, end)
        name = hit.group("b") if hit else ""
        if hit and len(name.split()) <= 3 and (BODY.fullmatch(name) or COUNCIL.fullmatch(name)):
            count += 1
            if count >= _MIN_BODY_ROWS:
                break
    return count


def _protocol_archive(doc: Doc, mentions: list[DateMention]) -> bool:
    """A page of a body's minutes by date ("Protokoll direktionen 2021-09-30", or dates under "Signerade
    protokoll"): each date is a meeting of the body, as on a plan page. Four such lines at least."""
    if "protokoll" not in doc.folded:  # every such page says so; most texts are decided by this test alone
        return False
    lines = {doc.line_of(m.start) for m in mentions if m.precision == "day" and m.year}
    count = 0
    for index in sorted(lines):
        text = doc.folded_line(index).strip(" *•-")
        if len(text) > 60:
            continue
        rest = _ISO_OR_DATE.sub("", text).strip(" ,.:-")
        named = _ARCHIVE_LINE.fullmatch(rest)
        if not named and rest:
            continue
        if not named and not any(_ARCHIVE_HEADING.search(doc.folded_line(i)) for i in range(max(0, index - 30), index)):
            continue  # a date alone counts only under a heading of minutes
        count += 1
    return count >= 4


_ISO_OR_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s[a-z]{3,9}\s(?:19|20)\d\d")
_ARCHIVE_LINE = re.compile(r"(?:signerat?\s)?(?:protokoll|motesprotokoll|sammantradesprotokoll)(?:\s[a-z]{2,25}){0,2}")
_ARCHIVE_HEADING = re.compile(r"(?<![a-z])(?:signerade\s)?protokoll(?![a-z])")


def _inline_signs(doc: Doc, structure: set[str]) -> int:
    """Up to two parts of minutes named inside a flattened transcript's running text that no header line named."""
    heads = structure_heads(structure)
    inline: set[str] = set()
    for m in _INLINE.finditer(doc.folded, 0, 20000):
        if (head := m.group(0)[:6]) not in heads:
            inline.add(head)
            if len(inline) == 2:
                return 2  # the most there are: the rest of the text is not scanned
    if "protok" not in heads and "protok" not in inline and MINUTES_TITLE.search(doc.folded, 0, 3000) \
            and not PLAN_WORDS.search(doc.folded, 0, 3000):
        # "MÖTESPROTOKOLL Sida 2" inside a flattened transcript (a plan page's "protokoll" links are no sign)
        inline.add("protok")
    return len(inline)


def _titled(doc: Doc, top: list[int]) -> bool:
    """A title line that calls the text minutes ("Protokoll", "Minnesanteckningar"), not a page of them."""
    for index in top[:3]:
        line = doc.folded_line(index)
        if len(line) > 120 or wrapped(doc, index):  # a paragraph ("Kallelser och protokoll hittar du …") is no title
            continue
        hit = MINUTES_TITLE.search(line)
        if hit and not PLAN_WORDS.search(line) and not _FILE_NAME_TAIL.match(line, hit.end()):
            return True
    return False


_FILE_NAME_TAIL = re.compile(r"[a-z]{0,12}[-_./][a-z0-9]")  # "protokoll-2020-03-09.pdf": a file, not a title


def wrapped(doc: Doc, index: int) -> bool:
    """The line a sentence wrapped onto: the line before fills a page's width and stops mid-sentence (OCR and PDF
    text keep the page's line breaks, so "… för de kommande" / "ordförande (85%) och …" is no label, no title)."""
    if index == 0:
        return False
    before = doc.lines[index - 1].rstrip()
    return len(before) >= _PAGE_WIDTH and before[-1] not in ".:!?;)"


_PAGE_WIDTH = 70


def structure_heads(structure: set[str]) -> set[str]:
    return {word[:6] for word in structure}


def _title_lines(doc: Doc) -> list[int]:
    """The first lines a reader sees: a leading front-matter block counts only by its title field."""
    top = []
    fence, closed = fence_lines(doc)
    fence = fence if closed else set()
    count = 0
    for index, line in enumerate(doc.lines):
        if index in fence and not TITLE_FIELD.match(doc.folded_line(index)):
            continue
        if line.strip() and index not in doc.furniture:
            top.append(index)
            count += not wrapped(doc, index)  # the lines a sentence wrapped onto are part of the line they continue
            if count >= _TITLE_AREA:
                break
    return top


_LIST_GAP = re.compile(r"[\s\d,;.:()&/*•·–-]|(?<![a-z])(?:och|samt|den|kl|obs|(?:man|tis|ons|tors?|fre|lor|son)"
                       r"(?:dag(?:en|ar)?)?)(?![a-z])")


def _listed_dates(doc: Doc, mentions: list[DateMention]) -> int:
    return sum(listed_lines(doc, mentions).values())


def listed_lines(doc: Doc, mentions: list[DateMention]) -> dict[int, int]:
    """Lines whose day dates stand in a list (a line of dates only, or a short line led by its date),
    with how many dates each lists. Read once per document and list of mentions (the kind and the titles ask)."""
    key = ("listed", id(mentions), len(mentions))
    if key not in doc.memo:
        doc.memo[key] = _listed_lines(doc, mentions)
    return doc.memo[key]


def _listed_lines(doc: Doc, mentions: list[DateMention]) -> dict[int, int]:
    by_line: dict[int, list[DateMention]] = {}
    for m in mentions:
        if m.precision == "day":
            by_line.setdefault(doc.line_of(m.start), []).append(m)
    listed: dict[int, int] = {}
    for index, found in by_line.items():
        line = doc.folded_line(index)
        start = doc.starts[index]
        rest, pos = [], start
        for m in found:
            rest.append(doc.folded[pos:m.start])
            pos = m.end
        rest.append(doc.folded[pos:start + len(line)])
        leftover = _LIST_GAP.sub("", "".join(rest))
        if len(found) >= 2 and len(leftover) <= 12 * len(found):
            listed[index] = len(found)
        elif len(line.strip()) <= 70 and len(_LIST_GAP.sub("", rest[0])) <= 3 and len(leftover) <= 45:
            listed[index] = 1
        elif len(line) <= 400 and (run := _longest_run(rest[1:-1])) >= 3:
            listed[index] = run  # "… sammanträder följande datum under 2020: 4 februari, 21 april och 1 december."
    return listed


_PLACE_LEAD = re.compile(r"\s{0,4}(?P<place>[A-ZÅÄÖ][\wåäöé-]{1,30})\s{0,3},?\s{1,3}(?:(?:den|i)\s{1,3})?")


def place_dateline(doc: Doc, line: int, m: DateMention) -> bool:
    """A letter's place and date opening its line ("Lund  2018-03-01", "Varberg, den 3 mars 2018", "Värmdö i
    februari 2017"): when it was written, not an event."""
    hit = _PLACE_LEAD.fullmatch(doc.original, doc.starts[line], m.start)
    if hit is None or doc.original[m.end:doc.starts[line] + len(doc.lines[line])].strip(" .,"):
        return hit is not None and municipality(hit.group("place")) is not None
    if municipality(hit.group("place")) is not None:
        return True
    # "Vasa 29.10.2021 / Matias Mäkynen / Landskapsfullmäktiges ordförande": a place the list lacks, over a signature
    below = doc.next_nonblank(line)
    return below is not None and _SIGNATURE.fullmatch(doc.lines[below].strip()) is not None


_SIGNATURE = re.compile(r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?(?:\s[A-ZÅÄÖ][a-zåäöéü-]+){1,2}")


def _label_above(doc: Doc, line: int) -> bool:
    """"Publicerad" alone on the line above the date ("Publicerad\nmåndag 10 juni 2019")."""
    above = doc.prev_nonblank(line, 1)
    if not above:
        return False
    text = doc.folded_line(above[0]).strip(" |*-•:")
    return len(text) <= 30 and PUBLISHED.fullmatch(text) is not None


def _longest_run(gaps: list[str]) -> int:
    """The most dates in a row that only list separators part (gaps[i] stands between date i and date i+1)."""
    best = run = 1
    for gap in gaps:
        run = run + 1 if len(gap) <= 12 and not _LIST_GAP.sub("", gap) else 1
        best = max(best, run)
    return best


def publication_dates(doc: Doc, mentions: list[DateMention], kind: str, year: int | None = None
                      ) -> dict[int, dt.date]:
    """Mentions that date the page itself ("Publicerad 2015-03-12", a news item's dateline), by id.

    They are never schedule items, and they tell from when a notice speaks. "Publicerad fredag 12 mar, 15:42"
    leaves its year to the document's `year` (the one its weekday falls in, near it).
    """
    found: dict[int, dt.date] = {}
    top = set(_title_lines(doc)[:3]) if kind == NOTICE else set()
    opening = set(doc.first_nonblank(_OPENING)) if kind == NOTICE else set()
    front = front_matter_lines(doc)
    # "Styrelsen / Den 14 mars 2024" closing a letter or a notice: when it was written (under a signature, a short
    # line, not the end of a sentence wrapped onto it).
    last = doc.prev_nonblank(len(doc.lines), 3) if kind != PLAN else []
    signed = {last[i] for i in range(min(2, len(last) - 1)) if len(doc.lines[last[i + 1]].strip()) <= 40}
    listed_news = _news_list_stamps(doc, mentions) if kind == NOTICE else set()
    listed_days = _day_list_lines(doc, mentions) if kind != PLAN else set()
    for m in mentions:
        if m.precision != "day":
            continue
        line = doc.line_of(m.start)
        before = doc.folded[max(doc.starts[line], m.start - 32):m.start]
        if not m.year:
            if year and PUBLISHED.search(before):
                named = weekday_year(m.month, m.day, m.weekday, year, span=1) if m.weekday is not None else year
                date = safe_date(named or year, m.month, m.day)
                if date:
                    found[id(m)] = date
            continue
        byline = len(doc.lines[line]) < 100 and (PUBLISHED.match(doc.folded_line(line).lstrip(" |*-•"))
                                                 or place_dateline(doc, line, m)
                                                 or len(doc.lines[line].strip()) <= 40 and _label_above(doc, line))
        letter = bool(kind == KALLELSE and not before.strip() and CALLS.match(doc.folded, m.end + 1, m.end + 40)) \
            or kind == PLAN and _memo_date(doc, line)
        letter = letter or (line in signed and not m.end_day
                            and (_SIGNED_ON.fullmatch(doc.folded, doc.starts[line], m.start) is not None
                                 or _SIGNED_BY.fullmatch(doc.original, doc.starts[line], m.start) is not None)
                            and _STAMP_END.fullmatch(doc.folded, m.end, doc.starts[line] + len(doc.lines[line]))
                            is not None)
        # "2020-04-20 10:29Pressmeddelande", "Strängnäs2020-04-22 19:43", "2020-05-11 Av Peter A Rosén": a news
        # item's stamp near its top, the day with its minute or its byline
        stamp = kind == NOTICE and line in opening and len(doc.lines[line]) <= 80 \
            and len(doc.folded[doc.starts[line]:m.start].split()) <= 1 \
            and _STAMP_AFTER.match(doc.folded, m.end) is not None
        # "Nytt styre … / Bild inifrån … / 2022-10-18": a full date alone on its line among a news item's first lines
        stamp = stamp or kind == NOTICE and line in opening and not m.end_day and dateline(doc, line, [m])
        if line in listed_days and not PUBLISHED.search(before) and line not in front:
            continue  # "12 maj 2026 / 19 maj 2026" under "… ställs in:": a list, no dateline or signature
        if PUBLISHED.search(before) or byline or (line in top and dateline(doc, line, [m])) or line in front or letter \
                or stamp or line in listed_news:
            date = safe_date(m.year, m.month, m.day)
            if date:
                found[id(m)] = date
    return found


def _news_list_stamps(doc: Doc, mentions: list[DateMention]) -> set[int]:
    """A news page's list of items ("Relaterade nyheter"), each a headline with its day alone on the line next to
    it: the days the items were posted. Two such lines at least, and text between them. Read once per document
    (the kind and the page's own dates both ask, of the same mentions)."""
    found = doc.memo.get("news_stamps")
    if found is None:
        found = doc.memo["news_stamps"] = _read_news_stamps(doc, mentions)
    return found


def _read_news_stamps(doc: Doc, mentions: list[DateMention]) -> set[int]:
    alone = []
    for m in mentions:
        if m.precision != "day" or not m.year or m.end_day:
            continue
        line = doc.line_of(m.start)
        if not _alone(doc, m, line):
            continue
        nearby = [*doc.prev_nonblank(line, 1), doc.next_nonblank(line)]
        if any(i is not None and _headline_like(doc, i) for i in nearby):
            alone.append(line)
    if len(alone) < 2:
        return set()
    # consecutive stamp lines with nothing but dates between them are a list of days, not posts
    spaced = all(len(" ".join(doc.lines[a + 1:b]).strip()) >= 40 for a, b in itertools.pairwise(alone))
    return set(alone) if spaced else set()


def _day_list_lines(doc: Doc, mentions: list[DateMention]) -> set[int]:
    """Lines that hold a day alone, next to another such line (blank lines between): a list of days."""
    alone = {line for m in mentions if m.precision == "day" and _alone(doc, m, line := doc.line_of(m.start))}
    return {line for line in alone if doc.next_nonblank(line) in alone or any(i in alone for i in
                                                                               doc.prev_nonblank(line, 1))}


def _alone(doc: Doc, m: DateMention, line: int) -> bool:
    """The date is all its line holds, past a bullet."""
    return doc.lines[line].strip(" \t*•-|") == doc.original[m.start:m.end].strip()


def _headline_like(doc: Doc, index: int) -> bool:
    text = doc.lines[index].strip()
    return 8 <= len(text) <= 100 and not text.endswith((".", ":", ",")) and any(c.isalpha() for c in text)


_STAMP_AFTER = re.compile(r"[ \t]{0,3}(?:kl\.?[ \t]{0,2})?\d{1,2}[:.]\d\d(?![\d.:-])"
                          r"|[ \t]{1,3}av[ \t]{1,3}(?:av[ \t]{1,3})?[a-z]")

_OPENING = 8  # lines at the top of a news item where its stamp stands


_SIGNED_ON = re.compile(r"[\s,]{0,4}(?:den\s{1,3})?")
_SIGNED_BY = re.compile(r"\s{0,4}(?:[A-ZÅÄÖ][\w-]+\s{1,4}){2,3}")  # "Peter Tidbeck   01 juni 2023 20:52"
_STAMP_END = re.compile(r"[\s.,]*(?:(?:kl\.?\s{0,2})?\d{1,2}[:.]\d\d[\s.]*)?")
_MEMO_DATE = re.compile(r"\s{0,3}datum\s{0,2}:")
_MEMO_LABEL = re.compile(r"\s{0,3}(?:till|fran|amne|dnr|diarienummer|handlaggare|mottagare)\s{0,2}:")


def _memo_date(doc: Doc, line: int) -> bool:
    """"Till: Styrelsen / Från: Sekretariatet / Datum: 2 april 2008": a memo's header dates the paper, not an event of
    the plan it proposes."""
    if not _MEMO_DATE.match(doc.folded_line(line)):
        return False
    return any(_MEMO_LABEL.match(doc.folded_line(i)) for i in range(max(0, line - 3), min(len(doc.lines), line + 4))
               if i != line)


# A stored page's date field that names only a month: " date 2020-11 Ring in det nya …", "Datum: 2018-10".
_PAGE_MONTH = re.compile(r"^\s{0,3}(?:date|datum|publicerad|publicerat|publiceringsdatum)\s{0,2}:?\s{1,3}"
                         r"((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\d-])")


def page_month(doc: Doc) -> str | None:
    """The month ("2020-11") a page's leading date field gives when it gives no day."""
    for index in range(min(3, len(doc.lines))):
        hit = _PAGE_MONTH.match(doc.folded_line(index))
        if hit:
            return f"{hit.group(1)}-{hit.group(2)}"
    return None


# Front matter of a published page ("date: 2020-11-05 22:42:00 CET", "lastmod = 2013-03-12", ".. date: …"). A plain
# "Date: 23/9-19 8:15-9:15" is a minutes header: "date" counts only with a clock to the second ("T21:30:00").
def dateline(doc: Doc, line: int, found: list[DateMention]) -> bool:
    """A line that is only its date ("2019-12-03", "| 9 mars 2022"): a news item's publication date."""
    if len(doc.lines[line]) > 80:
        return False
    rest = doc.folded_line(line)
    for m in reversed(found):
        start = m.start - doc.starts[line]
        rest = rest[:start] + rest[start + m.end - m.start:]
    return sum(c.isalpha() for c in _WEEKDAY.sub("", rest)) < 3  # "torsdag 18 juni 2020" is a date alone too


_WEEKDAY = re.compile(r"(?<![a-z])(?:man|tis|ons|tors|fre|lor|son)dag(?:en)?(?![a-z])")


def front_matter_meeting(doc: Doc, mentions: list[DateMention]) -> DateMention | None:
    """A blog post of a meeting ("title = "Styrelsemöte augusti"", "date = "2017-08-28T20:12:00"") is dated by
    its front matter when the text dates the meeting nowhere else."""
    from planner.extract.cues import ANNOUNCED, MEETING

    titled = False
    for index in range(min(len(doc.lines), 12)):
        text = doc.folded_line(index)
        if TITLE_FIELD.match(text) and MEETING.search(text) and not (ANNOUNCED.search(text) or CALLS.search(text)):
            titled = True
    if not titled:
        return None
    front = front_matter_lines(doc)
    for m in mentions:
        line = doc.line_of(m.start)
        if line >= 40:
            break
        if m.precision == "day" and m.year and line in front and not TITLE_FIELD.match(doc.folded_line(line)):
            return m
    return None
