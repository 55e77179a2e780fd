"""Calendar titles as a secretary writes them: repaired words, short, no leftovers of the sentence.

The raw title is the date's sentence with the dates and times cut out (items.py). Here it is
made readable: OCR damage repaired (ocrwords), stray marks and clock times dropped, an
invitation reduced to what one is invited to, "… mötet med X" to "Möte med X", a trailing place
that is already the item's location dropped, and long sentences cut at a clause boundary.
"""

from __future__ import annotations

import re

from planner.extract.ocrwords import repair_text

MAX_TITLE = 60
_HAS_DIGIT = re.compile(r"[0-9]")
_CLOCK = re.compile(r"(?<![\w.:])(?:kl\.?\s?)?\d{1,2}[.:]\d\d(?:\s?[-–]\s?\d{1,2}[.:]\d\d)?(?![\w.:])", re.IGNORECASE)
# OCR debris: a number glued to one or two letters ("9K"), lone marks, empty brackets.
_DEBRIS = re.compile(r"(?<!\S)(?:\d{1,2}[^\W\d_]{1,2}|[^\w\s]{1,3}|\S*\\\S*)(?!\S)|\(\s*\)")
_INVITED = re.compile(
    r"^.{0,60}?\b(?:bjuder in|inbjuder|bjuds in|välkomnar)\s+(?:\w+\s+)?till\s+(?:en\s+|ett\s+)?(?=\w)", re.IGNORECASE)
_MEETING_WITH = re.compile(r"\b(?:ett\s+|nytt\s+)?möte(?:t)?\s+(?P<with>med|mellan)\s+(?P<rest>.+)$", re.IGNORECASE)
_SAID_OF_EVENT = re.compile(
    r"^((?:[\w-]+\s+){0,3}?[\w-]*(?:möte|mötet|sammanträde|sammanträdet|träff|träffen|konferens|konferensen"
    r"|workshop|workshopen|seminarium|seminariet|utbildning|utbildningen|heldag|halvdag|besök|besöket|stämma|stämman)"
    r"(?:\s+(?:med|om|för|i)\s+[^,.;:]{2,40}?)?)\s+(?:ligger|är|blir|hålls|äger|kommer|ska|skall|har|planeras|genomförs"
    r"|sker|börjar|startar|flyttas|inleds)\b", re.IGNORECASE)
# "… dags för Livs nästa kongress som kommer att hållas i Malmö": the event a sentence says will be held, and where.
_EVENT_HELD = re.compile(
    r"(?:^|\s(?:för|till|om|inför|på|är|blir)\s)((?:[\w-]+\s+){0,2}?[\w-]*(?:kongress|konferens|möte|stämma|sammanträde"
    r"|träff|seminarium)\w{0,3})\s+som\s+(?:kommer\s+att\s+|ska\s+|skall\s+|planeras\s+)?(?:hållas|hålls|äga\s+rum"
    r"|äger\s+rum|genomföras|genomförs|anordnas)(\s+i\s+[A-ZÅÄÖ][\wåäö-]+)?", re.IGNORECASE)
_EVENTISH = re.compile(r"möte|sammanträde|stämma|fullmäktige|kongress|konferens|styrelse|nämnd|råd|utskott|träff"
                       r"|direktion|beredning|årsmöte", re.IGNORECASE)
_TOPIC = re.compile(r"^((?:[\w-]+\s){0,3}[\w-]+):\s")
# What is due, with what it is about: "synpunkter på utkastet", "yttrande över remissen".
_DUE_THING = re.compile(
    r"\b((?:synpunkter|yttrande|remissvar|svar|anmälan|ansökan|rapport|underlag|redovisning|förslag|motioner"
    r"|nomineringar|budgetunderlag|handlingar)\w{0,4}(?:\s+(?:på|om|till|kring|för|över)\s+[^,.;:()]{3,40}?)?)"
    r"(?=$|[,.;:()]|\s(?:och|den|senast|under|i|kl|som|ska)\b)", re.IGNORECASE)
# An event introduced by an indefinite article deep in a sentence: "så att ett digitalt möte", "att en workshop om X".
_INDEFINITE_EVENT = re.compile(
    r"\b(?:ett|en)\s+((?:[a-zåäö]+\s+){0,2}?[\w-]*(?:möte|träff|konferens|workshop|seminarium|heldag|halvdag"
    r"|utbildning|dialog|besök)\w{0,3}(?:\s+(?:med|mellan|om|för|tillsammans med)\s+[^,.;:()]{3,40}?)?)"
    r"(?=$|[,.;:()]|\s(?:den|i|på|kl|som|där|och)\b)",
    re.IGNORECASE)
_TAKES_PLACE = re.compile(r"\s+(?:hålls|äger rum|genomförs|anordnas|arrangeras|går av stapeln)$", re.IGNORECASE)
_JOINERS = {"och", "samt", "i", "för", "&"}
_CLAUSE = re.compile(r";|,\s|\s[–—-]\s|:\s|\s(?:och|samt|men|så)\s")
_DANGLING = {"i", "på", "av", "under", "den", "från", "till", "om", "vid", "med", "och", "samt", "att", "som", "efter",
             "för"}
_LEADING_WORD = re.compile(r"^(?:(?:att|och|samt|men)\s+|(?:därefter|sedan|därför|vidare|dessutom)\s+(?=[a-zåäö]))",
                           re.IGNORECASE)
# "Genomgång av ärenden på Kommunalt forums dagordning": the event is the body whose agenda it is.
_AGENDA_OF = re.compile(r"\b(?:på|till|inför|vid)\s+(?P<name>[A-ZÅÄÖ][\w-]*(?:\s+[\w-]+){0,3}?)s\s+"
                        r"(?:dagordning|föredragningslista)(?:en)?\b")
# What the text says happens to the event is its status, not its title: "Förbundskongressen 2020 flyttas",
# "Kommunfullmäktige är inställt", "Det extra fullmäktige är framflyttat".
_STATUS_TAIL = re.compile(r"\s+(?:är|har|blir|blev|har blivit)?(?:\s+(?:också|även|dock|tyvärr))?\s*"
                          r"(?:inställt|inställd|inställda|ställs in|ställts in|utgår"
                          r"|flyttas|flyttat|flyttad|framflyttat|framflyttad|senarelagt|senarelagd|tidigarelagt"
                          r"|tidigarelagd|uppskjutet|uppskjuten)(?:\s.*)?$", re.IGNORECASE)
_STATUS_HEAD = re.compile(r"^(?:inställt|inställd|inställda|flyttat|framflyttat|datum för"
                          r"|(?:inget|ingen)(?!\s+(?:sammanträde|möte))"
                          r"|(?:det|den)(?=\s+(?:extra|ordinarie|konstituerande)\s))\s+(?=\w{3})", re.IGNORECASE)
_NO_MEETING_IN = re.compile(r"^(?:inget|inga)\s+(?:sammanträde|sammanträden|möte|möten)\s+(?:i|för)\s+", re.IGNORECASE)
_COUNCIL_ONLY = re.compile(r"(?:kommun|region|förbunds|landstings)?fullmäktige|kommunstyrelsen|regionstyrelsen"
                           r"|förbundsstyrelsen|direktionen", re.IGNORECASE)
_FILLER_END = re.compile(r"\s+(?:nästa|till nästa|en gång till|igen)\s+gång$|\s+igen$", re.IGNORECASE)


def tidy_title(raw: str, kind: str, location: str | None = None, lost: bool = False,
               seen: set[str] | None = None) -> str:
    """A raw sentence title made short and readable. `lost`, `seen`: see ocrwords.repair_text."""
    text = repair_text(raw, lost, seen)
    if _HAS_DIGIT.search(text):
        text = _CLOCK.sub(" ", text)
    text = _DEBRIS.sub(" ", text)
    text = " ".join(text.split()).strip(" ,.;:-–(")
    if text.endswith(")") and "(" not in text:  # "23 maj (heldag)" cut before its parenthesis opened
        text = text[:-1].rstrip()
    text = _LEADING_WORD.sub("", text)
    agenda = _AGENDA_OF.search(text) if "dagordning" in text or "föredragningslist" in text else None
    if agenda is not None:
        text = agenda.group("name")
    low = text.lower()
    invited = _INVITED.match(text) if "bjud" in low or "välkomna" in low else None
    if invited and len(text) > invited.end() + 3:
        text = text[invited.end():]
    if kind == "meeting" and (" med " in low or " mellan " in low):
        text = _meeting_with(text)
    if location:
        for word in ("i", "på", "hos"):
            tail = f" {word} {location}"
            if text.lower().endswith(tail.lower()) and len(text) > len(tail) + 3:
                text = text[: -len(tail)]
    text = _FILLER_END.sub("", _TAKES_PLACE.sub("", text))
    bare = _STATUS_TAIL.sub("", text)
    if bare != text and len(bare) >= 5:
        text = bare
    bare = _STATUS_HEAD.sub("", text)
    if bare != text and len(bare) >= 5 and _EVENTISH.search(bare):
        text = bare[:1].upper() + bare[1:]
    council = _NO_MEETING_IN.sub("", text)
    if kind in ("meeting", "reference") and _COUNCIL_ONLY.fullmatch(council):
        # "Kommunfullmäktige är inställt", "Inget sammanträde i kommunfullmäktige": the council's meeting
        text = body_meeting_title(council[:1].upper() + council[1:], "sammanträde")
    if kind == "meeting":  # "SSKs planeringskonferens ligger nära i tid": the event, not what is said of it
        said = _SAID_OF_EVENT.match(text)
        if said is not None:
            text = said.group(1)
        held = _EVENT_HELD.search(text) if said is None and " som " in text else None
        if held is not None:  # "Det är ett år kvar tills … dags för Livs nästa kongress som kommer att hållas i Malmö"
            text = held.group(1) + (held.group(2) or "")
    if len(text) > 40 and kind in ("meeting", "deadline"):
        # "… beslutas att Therese samordnar så att ett digitalt möte", "Kommuncheferna ger sina synpunkter på utkastet"
        phrase = (_INDEFINITE_EVENT if kind == "meeting" else _DUE_THING).search(text)
        if phrase is not None and phrase.start() > 10:
            topic = _TOPIC.match(text)  # "Nära vård: Ola informerar om att … blir en heldag" → "Nära vård: heldag"
            lead = f"{topic.group(1)}: " if topic and topic.end() <= phrase.start() else ""
            text = lead + phrase.group(1)
    text = _shorten(text)
    if not text.endswith("…"):
        text = _drop_dangling(text)
    if kind == "meeting" and " " not in text:
        text = _INDEFINITE_HEAD.sub(_indefinite, text, count=1)
    return text[:1].upper() + text[1:] if text else raw


# A one-word title that is a meeting noun in its definite form, as a sentence names it ("Årsmötet", "Årsstämman"):
# a calendar names the kind of event ("Årsmöte"). Only nouns of events, never a body's name; two words stay as written.
_INDEFINITE_HEAD = re.compile(r"^(\w*(?:möte|sammanträde))t\b|^(\w*(?:stämma|träff|kongress|konferens|sittning))"
                              r"(?:e?n)\b", re.IGNORECASE)


def _indefinite(hit: re.Match[str]) -> str:
    word = hit.group(1) or hit.group(2)
    return word if len(word) > 4 else hit.group(0)  # "Mötet" stays: "Möte" alone says no more


def _meeting_with(text: str) -> str:
    """"Planering av möte med Trafikverket" → "Möte med Trafikverket" (who one meets is the title)."""
    hit = _MEETING_WITH.search(text)
    if hit is None or hit.start() == 0 and not text.lower().startswith("mötet"):
        return text
    words = hit.group("rest").split()
    taken: list[str] = []
    for word in words[:6]:
        core = word.strip(",.;:")
        if not core:
            break
        if taken and not (core[0].isupper() or core.isupper() or core in _JOINERS):
            break
        taken.append(core)
        if word != core or (not core[0].isupper() and len(taken) == 1):
            break
    while taken and taken[-1] in _JOINERS:
        taken.pop()
    return f"Möte {hit.group('with').lower()} {' '.join(taken)}" if taken else text


def _shorten(text: str) -> str:
    """Cut a long title at the first clause boundary after three words, else at a word boundary."""
    if len(text) <= MAX_TITLE:
        return text
    for cut in _CLAUSE.finditer(text):
        if len(text[:cut.start()].split()) >= 3 and cut.start() <= MAX_TITLE + 10:
            return text[:cut.start()].rstrip(" ,.;:")
    return _drop_dangling(text[:MAX_TITLE].rsplit(" ", 1)[0]).rstrip(" ,.;:") + " …"


def _drop_dangling(text: str) -> str:
    """No title ends on a preposition or conjunction ("… till ledningsgruppen under")."""
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words)


_FORMAL_BODY = re.compile(r"(?:direktion|nämnd|fullmäktige|utskott|kommunstyrelse|regionstyrelse|förbundsstyrelse)"
                          r"(?:en|et|n)?$")


_DEFINITE_BODY = re.compile(r"(?:nämnden|rådet|styrelsen|utskottet|gruppen|beredningen|direktionen|fullmäktige)$")


_JOINED = re.compile(r"(?:\w+-,?\s)+och\s\w+")  # "Vård- och omsorgsnämnd": one compound, whatever its form


def body_meeting_title(body: str | None, noun: str = "möte") -> str:
    """"Styrgrupp" → "Styrgruppens möte" (or "… sammanträde", as the text calls them): a date in the body's plan."""
    if not body:
        return noun.capitalize()
    if noun == "möte" and _FORMAL_BODY.search(body.strip().lower()):
        noun = "sammanträde"  # a direktion, nämnd, fullmäktige or utskott sits in sammanträde, whatever the page says
    if " " in body.strip() and not (_DEFINITE_BODY.search(body.strip().lower()) or _JOINED.fullmatch(body.strip())):
        return f"{noun.capitalize()}, {body}"  # "Primärkommunalt samverkansorgan": an adjective would need inflecting
    last = body.strip()  # "Kommunala pensionärsrådet", "Miljö- och byggnadsnämnden": definite, the last word's genitive
    low = last.lower()
    if low.endswith(("en", "et", "na")):
        genitive = last if low.endswith("s") else last + "s"
    elif low.endswith(("grupp", "nämnd", "beredning")):
        genitive = last + "ens"
    elif low.endswith(("organ", "nätverk", "utskott", "råd", "presidium")):
        genitive = (last[:-2] + "ets") if low.endswith("um") else last + "ets"
    elif low.endswith(("styrelse", "kommitté")):
        genitive = last + "ns"
    elif low.endswith("fullmäktige"):
        genitive = last + "s"
    else:
        return f"{noun.capitalize()}, {body}"
    return f"{genitive} {noun}"
