"""Chairmanship handovers: "X lämnar över ordförandeskapet till Y", "Y tar över ordförandeskapet"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.extract.cues import HANDOVER_EVENT
from planner.extract.normalize import fold
from planner.extract.person_names import ROLE_WORDS, name_after, name_before, named_subject, subject_before
from planner.extract.places import restore

CHAIR = r"ordf[a-z]{1,3}r[aeiouy]nde(?:skap|post|klubb)[a-z]{0,4}"
GIVE = (r"(?<![a-z])(?:[aeiouyd]{1,2}v[aeiouy]r)?[li1t][aeiouyd]{1,2}mn(?:ar|ade|at|a)"
        r"(?:\s{1,3}[aeiouyd]{1,2}v[aeiouy]r)?(?![a-z])")
GIVE_TO = re.compile(GIVE + r"(?:\s{1,3}[a-z0-9-]{1,15}){0,6}?\s{1,3}" + CHAIR
                     + r"(?:\s{1,3}[a-z0-9-]{1,20}){0,3}?\s{1,3}till\s{1,3}")
TAKE = re.compile(r"(?<![a-z])(?:(?:tar|tog|tagit)\s{1,3}[aeiouyd]{1,2}ver|[aeiouyd]{1,2}vert(?:ar|og|agit)"
                  r"|tilltrader|tilltradde)\s{1,3}"
                  r"(?:[a-z]{1,10}\s{1,3}){0,2}?" + CHAIR + r"(?:\s{1,3}(?:fran|efter)\s{1,3})?")
# Swedish inversion: "Enligt rotationen tar Halmstad över ordförandeskapet (från Kungsbacka)".
# "Från den 1 januari tar Anna Svensson (S), Huddinge, över ordförandeskapet": a party and a place after the name.
TAKE_INVERTED = re.compile(r"t(?<![a-z]t)(?:ar|og)\s{1,3}(?P<to>[a-z0-9-]{2,20}(?:\s{1,3}[a-z0-9-]{2,20})?)"
                           r"(?:\s{0,3}\([a-z]{1,4}\))?(?:,\s{1,3}[a-z-]{2,20}(?:\s{1,3}kommun)?,?)?\s{1,3}"
                           r"[aeiouyd]{1,2}ver\s{1,3}" + CHAIR + r"(?:\s{1,3}(?:fran|efter)\s{1,3})?")
# "Ordförandeskapet övergår den 1 januari 2025 från Eksjö kommun till Vetlanda kommun": the day between.
# "Under 2025 är Mölndal ordförande, därefter tar Partille över från 1 januari 2026": the chair named before.
TAKE_OVER_BARE = re.compile(r"t(?<![a-z]t)ar\s{1,3}(?P<to>[a-z0-9-]{2,20}(?:\s{1,3}(?:kommun|stad|region))?)\s{1,3}"
                            r"[aeiouyd]{1,2}ver\s{1,3}(?=fran|den|vid|efter|[0-9])")
_GIVER_INVERTED = re.compile(GIVE + r"\s{1,3}(?:[aeiouyd]{1,2}ver\s{1,3})?(?P<who>[a-z0-9-]{2,20})\s{1,3}" + CHAIR)
# "Hon efterträds av Jonas Berg (S)", "Från årsskiftet leds styrelsen av Axel Josefson (M)": the passive.
SUCCEEDED_BY = re.compile(r"(?:e(?<![a-z]e)ftertr[aeiouyd]{1,2}d(?:s|es)"
                          r"|l(?<![a-z]l)e(?:d|dd)e?s(?:\s{1,3}[a-z]{2,20})?)\s{1,3}av\s{1,3}(?=[a-z])")
# "Ordförande är Mikael Ekvall (M), som efterträder …", "Ny ordförande blir …": the chair named after the verb.
CHAIR_IS = re.compile(r"(?<![a-z])ordf[a-z]{1,3}r[aeiouy]nde(?:n)?\s{1,3}(?:ar|blir)\s{1,3}(?=[a-z])")
_LEAVING = re.compile(r"(?<![a-z])(?:avgar|avgick|lamnar|lamnade|slutar|slutade)\s{1,3}som\s")
_IS_CHAIR = re.compile(r"(?<![a-z])(?:ar|var)\s{1,3}(?P<who>[a-z0-9-]{2,20})\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
PASSES = re.compile(CHAIR + r"\s{1,3}(?:gar|[oe6]vergar|gar\s{1,3}[oe6]ver)\s{1,3}(?:[a-z0-9]{1,15}\s{1,3}){0,4}?"
                    r"(?:fran\s{1,3}(?P<frm>[a-z0-9-]{2,20})(?:\s{1,3}(?:kommun|stad|region))?\s{1,3})?till\s{1,3}")
# "Ny ordförande från 1 januari är Halmstad", "Halmstad blir ny ordförande".
# "Ny ordförande från 1 juli: Anna Svensson, Härryda": a colon introduces the new chair too.
NEW_CHAIR = re.compile(r"n(?<![a-z]n)ya?\s{1,3}ordf[a-z]{1,3}r[aeiouy]nden?(?:\s{1,3}[a-z0-9.-]{1,15}){0,5}?"
                       r"(?:\s{1,3}(?:ar|blir)\s{1,3}|:\s{1,3}"
                       # "Ny ordförande, Gary A, valdes på 1 år": the name between commas, then the election
                       r"|,\s{1,3}(?=[a-z][a-z -]{1,40},\s{1,3}(?:valdes|utsags|blev)(?![a-z])))")
# "Ordförande i kommunstyrelsen för 2020–2021 blir Mats Ekholm": the role first, the one who becomes it after "blir".
ROLE_BECOMES = re.compile(r"o(?<![a-z]o)(?<!vice\so)rdf[a-z]{1,3}r[aeiouy]nden?(?:\s{1,3}(?:i|for|pa|fran)"
                          r"(?:\s{1,3}[a-z0-9.–-]{1,25}){1,6}?)?\s{1,3}blir\s{1,3}(?=[a-z])")
# "Halmstad blir ny ordförande", "Harald Bohlin blir därmed t f ordförande".
BECOMES_CHAIR = re.compile(r"\s{1,3}(?:blir|ar)\s{1,3}(?:darmed\s{1,3}|nu\s{1,3})?(?:ny|t\.?\s?f\.?|tf|tillforordnad)"
                           r"\s{1,3}ordf(?:[a-z]{1,3}r[aeiouy]nde|\.)(?![a-z])")
# "Andreas Svahn blir regionstyrelsens ordförande", "… där Peter Friström (S) blev kommunfullmäktiges ordförande":
# becoming it is the change.
BECOMES_BODY_CHAIR = re.compile(r"\s{1,3}(?:blir|blev)\s{1,3}(?:darmed\s{1,3}|nu\s{1,3})?"
                                # "blir SFS nästa ordförande"
                                r"(?:[a-z]{2,25}(?:ens|ets|ns|s)\s{1,3})?(?:nasta\s{1,3})?"
                                r"ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
_FULL_NAME_BEFORE = re.compile(r"(?<![\wåäöé])[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s[A-ZÅÄÖ][a-zåäöé-]+"
                               r"(?:\s(?P<party>\([A-ZÅÄÖ]{1,3}\)))?$")
# "Från och med 1 januari 2026 är Mölndals kommun ordförande": a dated start with the new chair before the title.
FROM_IS = re.compile(r"f(?<![a-z]f)(?:ran\s{1,3}och\s{1,3}med|r\.?\s?o\.?\s?m\.?|ran)\s{1,3}[a-z0-9 .:-]{1,30}?\s{1,3}"
                     r"(?:ar|blir)\s{1,3}(?P<to>[a-z-]{2,20}(?:\s{1,3}[a-z-]{2,20}){0,2}?)\s{1,3}"
                     r"(?:ny\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
# "Johan Nilsson (M) är därför från och med november ordförande i Älvsjö stadsdelsnämnd": the one named before.
IS_FROM = re.compile(r"(?<![a-z])(?:ar|blir)\s{1,3}(?:(?:darfor|nu|numera|alltsa|sedan)\s{1,3})?"
                     r"(?:fran\s{1,3}och\s{1,3}med|fr\.?\s?o\.?\s?m\.?)\s{1,3}[a-z0-9 .:-]{1,30}?\s{1,3}"
                     r"(?:ny\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
# Elections: "Barbro Larsson valdes till avdelningens ordförande", "valdes Henrik Thureson till ordförande",
# "Förbundsdirektionen har beslutat att välja Emma Feldman (M), Järfälla kommun som Ordförande".
_ELECT = (r"(?:valdes|valjs|valts|vald|valt|utsags|utses|utsetts|utsett|utsedd|valja|valde|valjer|utse|utsag|utser"
          r"|tillsatts|tillsattes|tillsatt"
          # a proposed or nominated chair: "Valberedningen föreslår Anders Sundström till ny ordförande"
          r"|foreslar|foreslas|foreslogs|foreslagits|foreslagen"
          r"|nominerar|nomineras|nominerades|nominerad|nominerats|nominerat)")
# "föreningsordförande", "förbundsordförande": a chair as a compound (an honorary or a meeting's chair is none)
_COMPOUND = r"(?:(?!heders|motes|arsmotes|dagens|vice)[a-z]{3,20}[se])?"  # "fullmäktigeordförande" too
_GLUED = r"(?:(?!heders|motes|arsmotes|dagens|vice)[a-z]{2,20})?"  # … and after "ny": "ny kårordförande"
_AS_CHAIR = (r"\s{1,3}(?:till|som)\s{1,3}(?:ny\s{1,3})?(?:[a-z]{1,25}s\s{1,3})?(?:ny\s{1,3})?" + _COMPOUND
             + r"ordf(?:[a-z]{1,3}r[aeiouy]nde|\.)(?![a-z])"
             r"(?!\s{1,3}(?:for|i|pa|vid)\s{1,3}(?:dagens|detta|motet|mote|sammantradet|arsmotet|stamman))")
ELECTED_BEFORE = re.compile(r"(?<![a-z])(?:har\s{1,3}|blev\s{1,3}|blivit\s{1,3}|har\s{1,3}blivit\s{1,3})?" + _ELECT
                            + r"(?:\s{1,3}(?:enhalligt|formellt|idag|i dag|sedan|nu|in))?"  # "har valts in som …"
                            + _AS_CHAIR)
# An annual meeting's election list: "Ordförande, vald på två år: Bitte Holmquist, nyval" ("omval": the same chair).
ELECTED_LISTED = re.compile(r"o(?<![a-z]o)rdf[a-z]{1,3}r[aeiouy]nde(?:,?\s{1,3}vald[^:\n]{0,30})?:\s{1,3}"
                            r"(?P<who>[a-z][a-z-]{1,20}(?:\s{1,3}[a-z][a-z-]{1,20}){0,2}),?\s{1,3}\(?nyval(?![a-z])")
# "Den nya styrelsen består av Susanne Degerstedt ny ordförande, …": the name right before "ny ordförande".
NAMED_NEW = re.compile(r"(?<=[a-z)])\s{1,3}(?:som\s{1,3})?(?:ny|nyvald)\s{1,3}" + _GLUED
                       + r"ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])"
                       r"(?!\s{1,3}(?:ar|blir|for\s{1,3}(?:dagens|motet))(?![a-z]))")
# "Till (ny) ordförande valdes Tomas Törnros", "Som ordförande valdes Anders Knape (M)": the inverted order.
ELECTED_INVERTED = re.compile(r"(?:t(?<![a-z]t)ill|s(?<![a-z]s)om)\s{1,3}(?:ny\s{1,3})?(?:[a-z]{1,25}s\s{1,3})?"
                              + _COMPOUND + r"ordf[a-z]{1,3}r[aeiouy]nde"
                              r"(?:\s{1,3}(?:i|for|pa)(?:\s{1,3}[a-z0-9-]{2,25}){1,4}?)?\s{1,3}(?:om)?" + _ELECT
                              + r"\s{1,3}(?:enhalligt\s{1,3}|aterigen\s{1,3})?")
ELECTED_AFTER = re.compile(r"(?<![a-z])" + _ELECT + r"(?:\s{1,3}(?:enhalligt|aterigen|aven|formellt|dessutom))?"
                           r"\s{1,3}(?=[^\n.]{3,90}?" + _AS_CHAIR + ")")
# "Jenny Malmsten, kommundirektör i Malax, efterträder Sibbos kommundirektör Mikael Grannas".
# "Annette Fransson har blivit vald … att överta uppdraget" where the text is about a chair.
TAKES_ROLE = re.compile(r"(?<![a-z])(?:[aeiouyd]{1,2}verta|ta\s{1,3}[aeiouyd]{1,2}ver|[aeiouyd]{1,2}vertar|tar\s{1,3}"
                        r"[aeiouyd]{1,2}ver|[aeiouyd]{1,2}vertog)\s{1,3}(?:[^\sa-z]{1,3}\s{1,3})?(?:uppdraget|posten|rollen|klubban)(?![a-z])")
# "Kroatien, som tar över efter Finland" in a text about a chairmanship.
TAKES_AFTER = re.compile(r"t(?<![a-z]t)(?:ar|og)\s{1,3}[aeiouyd]{1,2}ver\s{1,3}efter\s{1,3}(?=[a-z])")
_WHO = re.compile(r",?\s{1,3}(?:som|vilken|vilket)\s{1,3}$")
# An acting chair: "till dess tjänstgör vice ordförande Torbjörn Jansson",
# "Tills vidare är det kommunstyrelsens 1:e vice ordförande, Karola Svensson (C), som har uppdraget som ordförande".
ACTING = re.compile(r"t(?<![a-z]t)(?:janstgor|janstgjorde)\s{1,3}"
                    r"(?:(?:som\s{1,3})?(?:forste\s{1,3}|1:e\s{1,3})?vice\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde[n]?\s{1,3}(?=[a-z])")
CLEFT_CHAIR = re.compile(r",?\s{1,3}som\s{1,3}(?:har\s{1,3}uppdraget\s{1,3}som\s{1,3}ordf|leder\s{1,3}"
                         r"(?:arbetet|styrelsen|motena|gruppen|natverket)|ar\s{1,3}ordf"
                         r"|haller\s{1,3}i\s{1,3}(?:ordforande)?klubban"  # "… är det X som håller i klubban"
                         r"|(?:har\s{1,3})?tilltratt(?![a-z])|tilltrader(?![a-z]))")  # "Det är X som tillträtt"
# "Kommunstyrelsens ordförande A (S) tackade för sig och hans post togs över av B (S)": B, after A.
POST_TAKEN = re.compile(r"(?<![a-z])(?:post|uppdrag|roll|plats|klubba)(?:en|et|n)?\s{1,3}(?:togs|tas|har\s{1,3}tagits"
                        r"|kommer\s{1,3}att\s{1,3}tas)\s{1,3}[aeiouyd]{1,2}ver\s{1,3}av\s{1,3}(?=[a-z])")
_CHAIR_NAMED = re.compile(r"ordf[a-z]{1,3}r[aeiouy]nde(?:n)?\s{1,3}(?=[a-z])")
# "Gunnar Selberg tar över som kommunalråd och ordförande i kommunstyrelsen": the one named before.
TAKES_AS = re.compile(r"t(?<![a-z]t)(?:ar|og)\s{1,3}[aeiouyd]{1,2}ver\s{1,3}som\s{1,3}"
                      r"(?:[a-z]{2,20}\s{1,3}(?:och\s{1,3})?){0,3}?(?:ny\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
# "så går vice ordförande Per Sörlin (in) som ordförande": the vice chair named after the verb steps in.
VICE_STEPS_IN = re.compile(r"g(?<![a-z]g)(?:ar|ick)\s{1,3}(?:in\s{1,3})?(?:(?:forste|andre|1:e|2:e)\s{1,3})?vice\s{1,3}"
                           r"ordf[a-z]{1,3}r[aeiouy]nde(?:n)?\s{1,3}(?P<who>[a-z-]{2,20}(?:\s{1,3}[a-z-]{2,20}){0,2}?)"
                           r"\s{1,3}(?:in\s{1,3})?som\s{1,3}(?:ny\s{1,3})?ordf")
# "Istället kommer Emma Ankargren i sin roll som vice ordförande att ta över ordförandeskapet".
WILL_TAKE = re.compile(r"k(?<![a-z]k)ommer\s{1,3}(?P<who>[a-z-]{2,20}(?:\s{1,3}[a-z-]{2,20}){0,2}?)\s[^.\n]{0,80}?"
                       r"(?<![a-z])att\s{1,3}ta\s{1,3}[aeiouyd]{1,2}ver\s{1,3}" + CHAIR)
# A new chair not yet named: "kommer att välja en ny ordförande i samband med årsmötet den 20 april", "… fram tills
# dess att ny ordförande utses". The change is on the calendar before the name is.
UNNAMED = "ny ordförande"
UNNAMED_NEW = re.compile(r"(?<![a-z])(?:valja|utse)\s{1,3}(?:en\s{1,3})?ny\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])"
                         r"|(?<![a-z])ny\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde\s{1,3}(?:(?:ska|skall|kan)\s{1,3})?"
                         r"(?:valjas|valjs|utses)(?![a-z])")
_CLEFT_START = re.compile(r"(?<![a-z])(?:(?:ar|blir)\s{1,3}det|det\s{1,3}(?:ar|blir))\s{1,3}")
SUCCEEDS = re.compile(r"e(?<![a-z]e)ftertr[aeiouyd]{1,2}d(?:er|de|t|a)\s{1,3}")  # "kommer att efterträda"
# "föreslår att Magnus Berntsson (KD) går in som ordförande": the one who steps in, named before.
# "… har vice ordförande Anna Ljungberg (C) klivit in som tillfällig ordförande".
# "… beslutat att Carola Gunnarsson tjänstgör som ordförande till dess …", "går nu in som ställföreträdande ordförande".
STEPS_IN = re.compile(r"(?:g(?<![a-z]g)(?:ar|ick)|k(?<![a-z]k)l(?:ivit|iver|ev))\s{1,3}(?:nu\s{1,3})?in\s{1,3}"
                      r"som\s{1,3}"
                      r"(?:(?:ny|tillfallig|tf|tillforordnad|stallforetradande)\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])"
                      r"|t(?<![a-z]t)janstg(?:or|jorde)\s{1,3}som\s{1,3}(?:(?:tillfallig|tf|tillforordnad"
                      r"|stallforetradande)\s{1,3})?ordf[a-z]{1,3}r[aeiouy]nde(?![a-z])")
_ELECT_NEAR = re.compile(_ELECT + r"(?![a-z])|eftertr[aeiouyd]{1,2}d|(?:tog|togs|tagit)\s{1,3}[aeiouyd]{1,2}ver"
                         r"|tar\s{1,3}[aeiouyd]{1,2}ver\s{1,3}som"
                         r"|[aeiouyd]{1,2}vertog|[aeiouyd]{1,2}verta\s{1,3}uppdraget|\sin\s{1,3}som\s")
# Every match of _ELECT_NEAR holds one of these: a substring test is much cheaper than the scan.
_ELECT_HINTS = ("val", "uts", "tills", "fores", "nomin", "eftertr", "tog", "tagit", "vert", "tar", "in som")


# _ELECT_NEAR's alternatives one by one, each led by a literal: _ELECT_NEAR matches in a window exactly when one of
# them does, and this is all its caller asks. One alternation of them all (some led by a vowel class or a blank) runs
# at about 60 ns a character, these together at a fourth of that. The two led by a letter class or a blank look
# behind for it instead, from one character into the window.
_PROPOSE_WORDS = r"fores(?:lar|las|logs|lagits|lagen)|nominer(?:ar|as|ades|ad|ats|at)"
# A chair proposed or nominated, not yet elected (handover_items dates it by the meeting that will elect).
PROPOSED = re.compile(r"(?<![a-z])(?:" + _PROPOSE_WORDS + r")(?![a-z])")
_ELECT_NEAR_PARTS = tuple(re.compile(part) for part in (
    r"val(?:des|js|ts|d|t|ja|de|jer)(?![a-z])", r"uts(?:ags|es|etts|ett|edd|e|ag|er)(?![a-z])",
    r"tillsatt(?:s|es)?(?![a-z])",
    r"(?:" + _PROPOSE_WORDS + r")(?![a-z])",
    r"eftertr[aeiouyd]{1,2}d", r"(?:tog|togs|tagit)\s{1,3}[aeiouyd]{1,2}ver", r"tar\s{1,3}[aeiouyd]{1,2}ver\s{1,3}som"))
_ELECT_NEAR_BEHIND = (re.compile(r"(?<=[aeiouyd])vert(?:og|a\s{1,3}uppdraget)"), re.compile(r"(?<=\s)in\s{1,3}som\s"))


def _elect_near(folded: str, lo: int, hi: int) -> bool:
    """Whether _ELECT_NEAR matches in folded[lo:hi]."""
    return any(folded.find(hint, lo, hi) != -1 for hint in _ELECT_HINTS) and (
        any(part.search(folded, lo, hi) for part in _ELECT_NEAR_PARTS)
        or any(part.search(folded, lo + 1, hi) for part in _ELECT_NEAR_BEHIND))


_IS_BEFORE = re.compile(r"(?<![a-z])(?:ar|blir|blev)\s[^.\n]{0,40}$")
# "– Jag är glad över förfrågan och … att bli föreslagen som ordförande": the speaker of a quote is named elsewhere.
_PRONOUNS = {"jag", "du", "han", "hon", "hen", "vi", "ni", "de", "dom", "man"}


# "till tillträdande president Lars Schennings", "den nyvalda ordföranden Anna Berg": the incoming chair by name.
# Clubs (Rotary, Lions) call their chair president; only with "tillträdande"/"nyvald"/"blivande" is it one.
INCOMING = re.compile(r"(?:t(?<![a-z]t)illtradande|n(?<![a-z]n)yvald[ae]?|b(?<![a-z]b)livande)\s{1,3}"
                      r"(?:ordf[a-z]{1,3}r[aeiouy]nden?|president(?:en)?)\s{1,3}(?=[a-z])")
_INCOMING_HINTS = ("illtradande", "yvald", "livande")  # every INCOMING match holds one
# "vår president Eva B Henriksson överlämnade", "avgående ordförande Anna Berg": the outgoing chair before it.
OUTGOING = re.compile(r"(?:a(?<![a-z]a)vgaende|v(?<![a-z]v)ar|f(?<![a-z]f)rantradande)\s{1,3}"
                      r"(?:ordf[a-z]{1,3}r[aeiouy]nden?|president(?:en)?)\s{1,3}(?=[a-z])")


@dataclass
class Handover:
    start: int
    end: int
    from_party: str | None
    to_party: str | None


# Patterns led by a word start ("(?<![a-z])tar") are written with the first letter before the check
# ("t(?<![a-z]t)ar"): a literal first lets the regex engine skip ahead by substring search.
# Windows open only where a chairmanship word occurs, not at every "ordförande" in a list of names.
# The literal "ordf" leads so that the regex engine skips ahead by substring search.
_ANCHOR = re.compile(r"ordf(?P<word>[a-z]{1,3}r[aeiouy]nde(?:skap|post|klubb))?")
_NEW_BEFORE = re.compile(r"(?<![a-z])nya?\s{1,3}" + _GLUED + "$")  # "ny ordförande", "ny kårordförande"
WINDOW = 200


def find_handovers(folded: str, original: str) -> list[Handover]:
    """Handovers, searched only in windows around chairmanship words so the scan stays cheap on long texts."""
    spans: list[tuple[int, int]] = []
    for anchor in _ANCHOR.finditer(folded):
        new = _NEW_BEFORE.search(folded, max(0, anchor.start() - 26), anchor.start())
        if new is not None:  # "ny ordförande"
            spans.append((new.start(), anchor.start() + 4))
        elif anchor.group("word"):
            spans.append(anchor.span())
        elif _IS_BEFORE.search(folded, max(0, anchor.start() - 45), anchor.start()) \
                or folded.find(" blir ", anchor.end(), anchor.end() + 80) != -1 \
                or _elect_near(folded, max(0, anchor.start() - 140), anchor.start() + 200):
            spans.append((max(0, anchor.start() - 100), anchor.start() + 4))
    # "Från nyår är det Anna Ek som leder nätverket": a cleft that names no chair word
    spans += [cleft.span() for cleft in _CLEFT_LEADS.finditer(folded)] if "som leder" in folded else []
    # "Presidentskifte / Henrik Gustafsson efterträds av Zvonko Turujilija": the occasion's heading, then the change
    at = folded.find("skifte")
    while at != -1:  # (a substring search first: the pattern itself has no literal to skip ahead by)
        if (event := HANDOVER_EVENT.search(folded, max(0, at - 20), at + 6)) is not None:
            spans.append(event.span())
        at = folded.find("skifte", at + 6)
    windows: list[list[int]] = []
    for start, end in sorted(spans):  # overlapping windows are read as one
        lo, hi = max(0, start - WINDOW), min(len(folded), end + WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    found: list[Handover] = []
    for lo, hi in windows:
        found += [h for h in _find_in(folded, original, lo, hi)
                  if _a_change(folded, h) and (h.to_party or "").lower() not in _PRONOUNS]
    again = _reelected_chairs(folded) if found else ""
    found = [h for h in found if not again or not _named_in(h.to_party, again)]
    for m in INCOMING.finditer(folded) if any(map(folded.__contains__, _INCOMING_HINTS)) else ():
        if any(h.start <= m.start() < h.end + 40 for h in found):
            continue  # already read by a pattern in its window
        to_party = name_after(original, m.end())
        outgoing = [o for o in OUTGOING.finditer(folded, max(0, m.start() - 200), m.start())]
        from_party = name_after(original, outgoing[-1].end()) if outgoing else None
        if to_party:
            found.append(Handover(m.start(), m.end(), from_party, to_party))
    return sorted(found, key=lambda h: h.start)


# What every match of a window pattern holds: for each group, one of its strings. A pattern runs only where its window
# holds them (substring tests are much cheaper than the scans; tests/test_extract_fastpaths.py checks every match of
# the corpora against them, so a pattern that learns a new form without a new hint fails there).
_ELECT_WORD = ("val", "uts", "tills", "fores", "nomin")  # every _ELECT word holds one
_HINTS: dict[re.Pattern[str], tuple[tuple[str, ...], ...]] = {
    GIVE_TO: (("mn",), ("till",)),
    TAKE: (("ver", "tilltrad"),),
    TAKE_INVERTED: (("ver",),),
    TAKE_OVER_BARE: (("ver",),),
    SUCCEEDED_BY: (("av",),),
    PASSES: (("gar",), ("till",)),
    NEW_CHAIR: (("ny",),),
    ROLE_BECOMES: (("blir",),),
    FROM_IS: (("fr",),),
    IS_FROM: (("fr",),),
    ELECTED_BEFORE: (_ELECT_WORD,),
    NAMED_NEW: (("ny",),),
    ELECTED_INVERTED: (_ELECT_WORD, ("till", "som")),
    ELECTED_AFTER: (_ELECT_WORD,),
    TAKES_ROLE: (("ver",),),
    TAKES_AFTER: (("ver",), ("efter",)),
    ACTING: (("janstg",),),
    CLEFT_CHAIR: (("som",),),
    SUCCEEDS: (("eftertr",),),
    STEPS_IN: (("som",),),  # both alternatives
    BECOMES_CHAIR: (("ordf",),),
    BECOMES_BODY_CHAIR: (("blir", "blev"),),
    POST_TAKEN: (("ver",), ("av",)),
    TAKES_AS: (("ver",), ("som",)),
    VICE_STEPS_IN: (("vice",), ("som",)),
    WILL_TAKE: (("kommer",), ("ver",)),
    UNNAMED_NEW: (("ny",),),
    ELECTED_LISTED: (("nyval",),),
}


# The same chair again: "Margareta Johansson omvaldes", "fick förnyat förtroende och valdes till ordförande".
_REELECTED = re.compile(r"(?<![a-z])(?:omvald[a-z]*|omval(?![a-z])|atervald[a-z]*|valdes\s{1,3}om(?![a-z])"
                        r"|fornyat\s{1,3}fortroende|sitter\s{1,3}kvar|kvarstar\s{1,3}som)")
_DECLINED = re.compile(r"(?<![a-z])(?:avbojt|avbojde|avboja|avsagt\s{1,3}sig|avsade\s{1,3}sig|undanbett\s{1,3}sig"
                       r"|undanbad\s{1,3}sig|inte|ej)\s{1,3}(?:[a-z]{1,12}\s{1,3})?$")
# The chair of the meeting itself: "§ 3 Val av ordförande och sekreterare för mötet / Till ordförande valdes NN",
# "Till ordförande på årsmötet valdes NN" (but "… tog över ordförandeskapet enligt beslutet vid årsmötet" is a change).
_CHAIRS_MEETING = re.compile(r"(?<![a-z])(?:ordf[a-z]{1,3}r[aeiouy]nde\s{1,3}(?:pa|vid)\s{1,3}"
                             r"(?:motet|arsmotet|stamman)(?![a-z])|for\s{1,3}(?:motet|dagens\s{1,3}mote|arsmotet|stamman|sammantradet"
                             r"|(?:arsmotes|motes|stammo)?forhandlingarna)(?![a-z])|motesordforande|dagens\s{1,3}ordforande"
                             r"|(?<![a-z])(?:motets|arsmotets|stammans|sammantradets)\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde)")


_AS_CHAIR_AHEAD = re.compile(_AS_CHAIR)
# "… till ny ordförande efter avgående Nina Jarlbäck": the one the new chair follows.
_AFTER_GIVER = re.compile(r"\s{1,3}efter\s{1,3}(?:(?:avgaende|tidigare|forre|nuvarande|sittande)\s{1,3})?"
                          r"(?:ordforande(?:n)?\s{1,3})?(?=[a-z])")


def _giver_after(folded: str, original: str, pos: int) -> str | None:
    """The outgoing chair named after the elected one's chair word ("… till ny ordförande efter avgående X")."""
    chair = _AS_CHAIR_AHEAD.search(folded, pos, pos + 90)
    after = _AFTER_GIVER.match(folded, chair.end()) if chair is not None else None
    return name_after(original, after.end()) if after is not None else None


_TWO_SENTENCES = re.compile(r"[a-z]\.\s")  # ("1. Val av ordförande för stämman." is one)


def _a_change(folded: str, h: Handover) -> bool:
    """Not the same chair re-elected, nor the chair of the meeting: its line and the heading above it say so."""
    line_start = folded.rfind("\n", 0, h.start) + 1
    line_end = folded.find("\n", h.end)
    line_end = len(folded) if line_end == -1 else line_end
    above = folded.rfind("\n", 0, max(0, line_start - 1)) + 1
    if not folded[above:line_start].strip() and above:  # a blank line between heading and text (OCR, web pages)
        above = folded.rfind("\n", 0, above - 1) + 1
    stop = folded.find(". ", h.end, line_end)
    again = _REELECTED.search(folded, max(line_start, folded.rfind(". ", line_start, h.start) + 1),
                              line_end if stop == -1 else stop)
    if again is not None and not _DECLINED.search(folded, max(0, again.start() - 24), again.start()):
        return False  # in the sentence of the change (but "efter X som avböjt omval" is one)
    heading = folded[above:line_start].strip()  # the line above, past one blank line (two sentences are no heading)
    return not (_CHAIRS_MEETING.search(folded, line_start, line_end)
                or len(heading) < 80 and not _TWO_SENTENCES.search(heading) and _CHAIRS_MEETING.search(heading))


# "… säger Ola Karlsson (M), omvald styrelseordförande": re-elected as chair, told apart from where the election is.
_REELECTED_CHAIR = re.compile(r"(?<![a-z])(?:omval|atervald|valdes\s{1,3}om)[a-z]*\s{1,3}(?:(?:som|till)\s{1,3})?"
                              r"[a-z]{0,12}ordf[a-z]{1,3}r[aeiouy]nde")
_REELECTED_HINTS = ("omval", "atervald", "valdes om")


def _reelected_chairs(folded: str) -> str:
    """The text just before each "omvald ordförande": where the name of a chair who stays is written."""
    if not any(hint in folded for hint in _REELECTED_HINTS):
        return ""
    return " ".join(folded[max(0, m.start() - 60):m.start()] for m in _REELECTED_CHAIR.finditer(folded))


def _named_in(name: str | None, text: str) -> bool:
    words = [w for w in fold(re.sub(r"\(.*?\)", " ", name or "")).split() if len(w) > 2]
    return bool(words) and all(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", text) for w in words)


def _may_match(pattern: re.Pattern[str], window: str) -> bool:
    for group in _HINTS[pattern]:
        for hint in group:
            if hint in window:
                break
        else:
            return False
    return True


def _find_in(folded: str, original: str, lo: int, hi: int) -> list[Handover]:
    found = []
    # Each pattern runs only where its window holds the letters every match of it holds (_HINTS).
    window = folded[lo:hi]
    for m in GIVE_TO.finditer(folded, lo, hi) if _may_match(GIVE_TO, window) else ():
        giver = name_before(original, m.start())
        if giver is None and (inverted := _GIVER_INVERTED.match(folded, m.start())):  # "lämnar Nacka ordf… till"
            giver = name_after(original, inverted.start("who"))
        found.append(Handover(m.start(), m.end(), giver, name_after(original, m.end())))
    for m in TAKE.finditer(folded, lo, hi) if _may_match(TAKE, window) else ():
        after = name_after(original, m.end()) if m.group(0).rstrip().endswith(("fran", "efter")) else None
        taker = name_before(original, m.start())
        if taker is None and (_VICE_IN.search(m.group(0)) or _VICE_BEFORE.search(folded, max(0, m.start() - 24),
                                                                                    m.start())):
            taker = _vice_chair(folded, original)  # "… övertar vice ordförande ordförandeskapet": the one named so
        found.append(Handover(m.start(), m.end(), after, taker))
    for m in TAKE_INVERTED.finditer(folded, lo, hi) if _may_match(TAKE_INVERTED, window) else ():
        after = name_after(original, m.end()) if m.group(0).rstrip().endswith(("fran", "efter")) else None
        found.append(Handover(m.start(), m.end(), after, name_after(original, m.start("to"))))
    for m in TAKE_OVER_BARE.finditer(folded, lo, hi) if _may_match(TAKE_OVER_BARE, window) else ():
        if "ordf" in folded[max(lo, m.start() - 150):m.start()] and original[m.start("to")].isupper():
            held = list(_IS_CHAIR.finditer(folded, max(lo, m.start() - 150), m.start()))
            giver = name_after(original, held[-1].start("who")) if held else None
            found.append(Handover(m.start(), m.end(), giver, name_after(original, m.start("to"))))
    for m in SUCCEEDED_BY.finditer(folded, lo, hi) if _may_match(SUCCEEDED_BY, window) else ():
        if "ordf" in folded[max(lo, m.start() - 200):m.start()]:
            left = list(_LEAVING.finditer(folded, max(lo, m.start() - 200), m.start()))
            giver = name_before(original, left[-1].start()) if left else None
            found.append(Handover(m.start(), m.end(), giver, name_after(original, m.end())))
        elif HANDOVER_EVENT.search(folded, max(lo, m.start() - 200), m.start()):
            # "Presidentskifte / Henrik Gustafsson efterträds av Zvonko Turujilija": the one named first leaves
            found.append(Handover(m.start(), m.end(), name_before(original, m.start()), name_after(original, m.end())))
    for m in PASSES.finditer(folded, lo, hi) if _may_match(PASSES, window) else ():
        giver = name_after(original, m.start("frm")) if m.group("frm") else None
        found.append(Handover(m.start(), m.end(), giver, name_after(original, m.end())))
    for m in NEW_CHAIR.finditer(folded, lo, hi) if _may_match(NEW_CHAIR, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.end())))
    for m in ROLE_BECOMES.finditer(folded, lo, hi) if _may_match(ROLE_BECOMES, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.end())))
    for m in IS_FROM.finditer(folded, lo, hi) if _may_match(IS_FROM, window) else ():
        found.append(Handover(m.start(), m.end(), None, subject_before(original, m.start())))
    for m in FROM_IS.finditer(folded, lo, hi) if _may_match(FROM_IS, window) else ():
        named = restore(" ".join(original[m.start("to"):m.end("to")].split()))
        if named[:1].isupper():
            found.append(Handover(m.start(), m.end(), None, named))
    for m in ELECTED_BEFORE.finditer(folded, lo, hi) if _may_match(ELECTED_BEFORE, window) else ():
        if subject := named_subject(original, m.start()):
            found.append(Handover(m.start(), m.end(), None, subject))
    for m in NAMED_NEW.finditer(folded, lo, hi) if _may_match(NAMED_NEW, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_before(original, m.start())))
    for m in ELECTED_INVERTED.finditer(folded, lo, hi) if _may_match(ELECTED_INVERTED, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.end())))
    for m in ELECTED_AFTER.finditer(folded, lo, hi) if _may_match(ELECTED_AFTER, window) else ():
        found.append(Handover(m.start(), m.end(), _giver_after(folded, original, m.end()),
                              name_after(original, m.end())))
    for m in TAKES_ROLE.finditer(folded, lo, hi) if _may_match(TAKES_ROLE, window) else ():
        if "ordf" in folded[max(0, m.start() - 300):m.end() + 60]:
            found.append(Handover(m.start(), m.end(), None, subject_before(original, m.start())))
    for m in TAKES_AFTER.finditer(folded, lo, hi) if _may_match(TAKES_AFTER, window) else ():
        if "ordf" in folded[max(0, m.start() - 300):m.end() + 60]:
            who = _WHO.search(folded, max(0, m.start() - 12), m.start())
            taker = name_before(original, who.start()) if who else name_before(original, m.start())
            found.append(Handover(m.start(), m.end(), name_after(original, m.end()), taker))
    for m in ACTING.finditer(folded, lo, hi) if _may_match(ACTING, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.end())))
    for m in CLEFT_CHAIR.finditer(folded, lo, hi) if _may_match(CLEFT_CHAIR, window) else ():
        if _CLEFT_START.search(folded, max(lo, m.start() - 120), m.start()):
            found.append(Handover(m.start(), m.end(), None, name_before(original, m.start())))
    for m in SUCCEEDS.finditer(folded, lo, hi) if _may_match(SUCCEEDS, window) else ():
        if "ordf" in folded[max(lo, m.start() - 120):m.end() + 120]:
            taker = subject_before(original, m.start())
            chairs = list(CHAIR_IS.finditer(folded, max(lo, m.start() - 100), m.start()))
            if chairs and (taker is None or fold(taker) in ROLE_WORDS):  # "Ordförande är NN, som efterträder …"
                taker = name_after(original, chairs[-1].end())
            found.append(Handover(m.start(), m.end(), name_after(original, m.end()), taker))
    for m in STEPS_IN.finditer(folded, lo, hi) if _may_match(STEPS_IN, window) else ():
        # "Eva Lind är förste vice ordförande och går nu in som …": the clause's subject
        if subject := named_subject(original, m.start()):
            found.append(Handover(m.start(), m.end(), None, subject))
    for m in POST_TAKEN.finditer(folded, lo, hi) if _may_match(POST_TAKEN, window) else ():
        chair = list(_CHAIR_NAMED.finditer(folded, max(lo, m.start() - 160), m.start()))
        found.append(Handover(m.start(), m.end(), name_after(original, chair[-1].end()) if chair else None,
                              name_after(original, m.end())))
    for m in TAKES_AS.finditer(folded, lo, hi) if _may_match(TAKES_AS, window) else ():
        if subject := named_subject(original, m.start()):
            found.append(Handover(m.start(), m.end(), None, subject))
    for m in VICE_STEPS_IN.finditer(folded, lo, hi) if _may_match(VICE_STEPS_IN, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.start("who"))))
    for m in UNNAMED_NEW.finditer(folded, lo, hi) if _may_match(UNNAMED_NEW, window) else ():
        found.append(Handover(m.start(), m.end(), None, UNNAMED))
    for m in WILL_TAKE.finditer(folded, lo, hi) if _may_match(WILL_TAKE, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.start("who"))))
    for m in ELECTED_LISTED.finditer(folded, lo, hi) if _may_match(ELECTED_LISTED, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_after(original, m.start("who"))))
    for m in BECOMES_CHAIR.finditer(folded, lo, hi) if _may_match(BECOMES_CHAIR, window) else ():
        found.append(Handover(m.start(), m.end(), None, name_before(original, m.start())))
    for m in BECOMES_BODY_CHAIR.finditer(folded, lo, hi) if _may_match(BECOMES_BODY_CHAIR, window) else ():
        if hit := _FULL_NAME_BEFORE.search(original, max(0, m.start() - 60), m.start()):  # not "… från Skövde blir"
            taker = name_before(original, m.start())
            found.append(Handover(m.start(), m.end(), None, f"{taker} {hit.group('party')}"
                                  if taker and hit.group("party") else taker))
    return [_with_predecessor(folded, original, h) for h in found if h.to_party]


# "… valdes Per Larsson (M) till ny ordförande i förbundsstyrelsen efter Axel Josefson (M)": the one replaced.
_AFTER_NAME = re.compile(r"[^.\n]{0,60}?\sefter\s{1,3}(?=[a-z])")


def _with_predecessor(folded: str, original: str, h: Handover) -> Handover:
    if h.from_party is not None or "efter" not in folded[h.end:h.end + 80]:
        return h
    hit = _AFTER_NAME.match(folded, h.end)
    name = name_after(original, hit.end()) if hit else None
    if name is None or len(name.split()) < 2 or name == h.to_party:
        return h  # "efter Olles avgång": no full name, no predecessor
    return Handover(h.start, h.end, name, h.to_party)


_CLEFT_LEADS = re.compile(r"som\s{1,3}leder\s{1,3}(?:arbetet|styrelsen|motena|gruppen|natverket)")
_VICE_IN = re.compile(r"\svice\s")  # "övertar / vice ordförande ordförandeskapet", wrapped or not
_VICE_BEFORE = re.compile(r"(?<![a-z])vice\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde(?:n)?\s{1,3}$")
_VICE_NAMED = re.compile(r"(?<![a-z])vice\s{1,3}ordf[a-z]{1,3}r[aeiouy]nde(?:n)?\s{1,3}(?=[a-z])")


def _vice_chair(folded: str, original: str) -> str | None:
    """The person the text names as vice chair ("Vice ordförande Olov Nilsson Sträng öppnade mötet")."""
    for hit in _VICE_NAMED.finditer(folded):
        name = name_after(original, hit.end())
        if name:
            return name
    return None
