"""What a sentence says about its dates: next meeting, cancelled, past mention, deadline, meeting, holiday.

All patterns are general Swedish meeting vocabulary, written once with their diacritics and
matched OCR-tolerantly (fuzzy.kw).
"""

from __future__ import annotations

import re

from planner.extract.fuzzy import kw, words

MEETING_NOUN = "(?:" + "|".join(kw(w) for w in ("möte", "sammanträde", "träff")) + ")"
NEXT = re.compile(
    r"n(?<![a-z]n)[aeiouyd]{1,2}st(?:[aeiouy]|kommande):?\s{1,3}(?:(?:[a-z]{1,20}[- ]?)?" + MEETING_NOUN
    + r"|(?:[a-z]{1,20}s)?" + MEETING_NOUN + ")"
    + r"|k(?<![a-z]k)ommande\s{1,3}(?:[a-z]{1,20}[- ]?)?" + MEETING_NOUN + r"(?:et|e)?(?![a-z])")
# "Nästa distriktsstämma … blir den 4 april": a coming assembly (the meeting nouns above leave "stämma" out, since
# "nästa extra stämma" heads a brf's summons to the one it calls).
NEXT_ASSEMBLY = re.compile(r"n(?<![a-z]n)[aeiouyd]{1,2}sta\s{1,3}(?:[a-z]{1,20}[- ]?)?"
                           r"(?:stamma|stamman|kongress|kongressen)(?![a-z])")
# "nästa PKS", "Nästa LG-möte": an acronym after "nästa", read on the original text.
NEXT_ACRONYM = re.compile(r"[Nn](?<![^\W\d_][Nn])\w{1,3}sta\s{1,3}[A-ZÅÄÖ]{2,6}(?![a-zåäö])")
# "Nästa möte", and "Återstående styrelsemöten (och protokoll)" over a list whose first date is the next one.
NEXT_HEADING = re.compile(
    r"^[\s#*>\\{}a-z]{0,8}?(?:\d{1,2}\s{0,2}[.):]?\s{0,3}|§\s{0,2}\d{1,3}\s{0,3})?"
    r"(?:n[aeiouyd]{1,2}st[aeiouy]\s{1,3}(?:[a-z]{1,20}[- ]?)?" + MEETING_NOUN + r"[a-z]{0,4}"
    r"|(?:[aeiouyd]{1,2}terst[aeiouyd]{1,2}ende|kommande)\s{1,3}(?:[a-z]{1,20}[- ]?)?" + MEETING_NOUN
    + r"n(?:\s{1,3}och\.?\s{1,3}[a-z]{3,20})?)"
    r"[\s*:}]{0,6}$")

# "Nätverket träffas nästa gång …", "Vi ses igen den 9 april": the body's next meeting when the subject is the body
# itself.
NEXT_TIME = re.compile(r"(?<![a-z])(?P<subj>[a-z]{2,30})\s{1,3}(?:" + kw("träffas") + "|" + kw("ses") + "|"
                       + kw("möts") + "|" + kw("samlas") + r")\s{1,3}(?:" + kw("nästa gång") + r"|igen(?![a-z]))")
# A cheap literal-led test before NEXT_TIME's scan of every word.
NEXT_TIME_TAIL = re.compile(kw("nästa gång") + r"|igen(?![a-z])")
# "ett extra fullmäktige som planeras att hållas den 22 december", "extrainsatt sammanträde": the body meets again.
EXTRA = re.compile(r"(?<![a-z])extra(?:insatt|inkallat|inkallad)?[a-z]{0,2}[\s-]{1,3}(?P<noun>[a-z]{3,30})")
WITH_OTHERS = re.compile(r"\s{1,3}(?:med|mellan)\s{1,3}(?!oss(?![a-z]))[a-z]")
# The new date of a moved meeting: "flyttat till den 25 april".
MOVED_TO = re.compile(r"(?:till|istallet|i stallet)\s{1,3}(?:den\s{1,3})?$")
# (not "kalla till"); "Årsstämman flyttas fram – genomförs preliminärt 26 maj": where it is held now
NEW_DATE = re.compile(r"(?<![a-z])(?:(?<!kalla\s)till|istallet|i stallet|ersatts|nytt|ny|genomfors|halls|preliminart)"
                      r"(?![a-z])")
# The particle after what is cancelled: "… så ställs nätverksträffen i Täby den 17/3 in." (on folded text).
CANCELLED_SPLIT = re.compile(r"s(?<![a-z]s)tall(?:s|es|des|ts)\s[^.\n!?]{1,120}?\sin(?=\s{0,2}[.!,;]|\s{0,2}$)", re.M)
CANCELLED = words("inställt", "inställd", "ställs in", "ställts in", "ställdes in", "ställer in", "utgår", "flyttas",
                  "flyttat", "flyttad", "avbokas", "avbokat", "avlyst", "ställa in", "inget sammanträde", "inget möte",
                  "inga sammanträden", "inga möten", "senareläggs", "tidigareläggs", "skjuts upp", "framflyttat",
                  "framflyttad", "flyttas fram", "flyttat fram", "tidigarelagt", "tidigarelagd", "senarelagt",
                  "senarelagd", "uppskjutet", "uppskjuten", "ändrat datum", "nytt datum", "skjuta fram", "skjuts fram",
                  "skjutits fram", "skjutas fram", "flytta fram", "inte hållas", "inte att hållas", "hålls inte",
                  "inte äga rum", "äger inte rum", "inte genomföras", "ändra datum", "byta datum", "senarelägga",
                  "tidigarelägga", "skjuta upp", "blev inställd", "blev inställt", "inget fullmäktige",
                  "inget kommunfullmäktige", "inget regionfullmäktige", "inget årsmöte", "ingen årsstämma",
                  "ingen stämma", "annulleras", "annullerat", "inte kalla till", "uppskjut", "skjutas upp",
                  "skjutits upp", "skjutit upp", "sköts upp", "skjuter upp", "ställs tyvärr in", "ställs därför in",
                  "ställs dock in", "ställs nu in", "ställdes tyvärr in", "ställts tyvärr in", "ställas in",
                  "ställes in", "inställes", "inställas", "avlyses", "avlysas", "avlysts", "ställ in",
                  "inhiberat", "inhiberad", "inhiberade", "inhiberas", "annullerats", "annulerats")
# The date a moved meeting had before: "Förbundskongressen planerades tidigare att hållas den 13-14 juni".
# "Socialnämndens sammanträde skulle ägt rum den 18 mars" in a text that cancels it: the date it would have had.
WAS_PLANNED = words("planerades", "var planerad", "var planerat", "var planerade", "ursprungligen", "skulle ha hållits",
                    "skulle hållits", "skulle hållas", "skulle ha ägt rum", "skulle ägt rum", "var tänkt",
                    "var inplanerad", "var inplanerat", "var utlyst", "var utsatt", suffix=r"(?![a-z])")
# A move in progress, for a period's "från 28 februari till 31 mars": the end is the new date.
# "21 augusti kommer årsmötet hållas, efter att det har skjutits upp": the new date, the move is its past.
AFTER_IT = re.compile(r"(?<![a-z])efter\s{1,3}att\s{1,3}(?:[a-z]{2,12}\s{1,3})?(?:har|hade|blivit)\s{1,3}$")
MOVE_VERB = words("skjuta fram", "skjuts fram", "skjutits fram", "skjutas fram", "flyttas", "flyttat", "flytta",
                  "senareläggs", "tidigareläggs", "ändras", "ändrats", "förskjuts", "ändra datum", "byta datum")
# A meeting announced, not held: a notice's title line with it records no meeting of its own.
ANNOUNCED = words("extra", "extrainsatt", "extrainkallat", "kommande", "inbjudan", "välkommen", "välkomna",
                  "kallelse", "kommer att hållas", "planeras", "anmälan", "anmäl", "ändrad tid", "byter", "äger rum",
                  "hålls", "kommer att")
# "Presidentskifte 24 juni 2020", "Ordförandeskifte den 1 juli": the occasion of a handover, held that day.
HANDOVER_EVENT = re.compile(r"(?:ordf[a-z]{1,3}r[aeiouy]nde|president|styrelse)s?skifte(?![a-z])")
# Verbs that report a meeting held: "Vid årets första sammanträde den 1 februari valdes …".
# "hölls" (was held) spelled out, OCR's "hdlls", "hdélls" and "hoells" too: kw()'s OCR-tolerant ö would also read
# the present "hålls" (is held) as the past.
HOLL = r"h(?:o|oe|do|d)ll"  # "höll" (hölls: HOLL + "s")
# (kw()'s OCR-tolerant ö reads the noun "beslut" as "beslöt": the noun is no verb of a held meeting)
HELD = re.compile(r"(?!beslut(?![a-z]))(?:"
                  + words("valdes", "valde", "beslutade", "beslutades", "beslöt", "hade", "genomfördes", "genomförde",
                          "ägde", "samlades", "träffades", "möttes", "sammanträdde", "i dag", "idag", "antogs",
                          "utsågs", "godkände", "godkändes", "tog", suffix=r"(?![a-z])").pattern
                  + r"|(?<![a-z])(?:av)?" + HOLL + r"s?(?![a-z]))")  # "höll", "hölls", "avhölls"
# A sentence that gives the time of every meeting in a plan.
PLAN_TIME = words("sammanträder", "sammanträdena", "sammanträdet", "mötena", "möten", "träffas", "samlas", "börjar",
                  "startar", "påbörjas", "påbörjar", "hålls", "hålles", "alla möten", "samtliga", "vanligtvis",
                  "klockan",
                  "sammanträdestid", "mötestid")
# What minutes call themselves in a title.
MINUTES_TITLE = words("protokoll", "minnesanteckning", "mötesanteckning", "anteckningar", "mötesprotokoll",
                      "meeting agenda", "meeting minutes", "sammanträdesprotokoll", "justerat protokoll",
                      "sammanfattning",
                      prefix=False)
# A page's own dates: when it was published or changed, never a schedule item.
PUBLISHED = words("publicerad", "publicerat", "publicerades", "publiceringsdatum", "uppdaterad", "uppdaterat",
                  "uppdaterades", "senast ändrad", "skrevs",
                  "senast granskad", "sidan ändrades", "sidan uppdaterades", "skapad", "skapat", "daterad", "nyheter",
                  "nyhet", "pressmeddelande", "artikeln är skriven", "sidansvarig", "last updated", "posted",
                  "published", "editerad", "editerat", "redigerad", "redigerat", suffix=r"(?![a-z])")
PAST = words("beslutade", "beslutades", "beslutats", "beslutat", "antogs", "antagits", "antog", "inleddes",
             "godkändes", "fastställdes", "genomfördes", "hölls", "skedde", "daterad", "sedan",
             "anteckningarna från", "protokollet från", "protokoll från", "justera", "avsändare",
             "tidigare", "bifoga", "hade", "i måndags", "i tisdags", "i onsdags", "i torsdags", "i fredags",
             "i lördags", "i söndags", "i förrgår",
             "bilaga", "uppgick", "uppgår", "ökade", "minskade", "tillgångarna", "protokolljustering")
# Rules and terms of office: "mandatperioden … från första juli till sista juni", "enligt 5 kap kommunallagen …
# räknat från och med den 15 oktober valåret". Their dates bound a period, they are no events.
TERM = words("mandatperiod", "mandattid", "verksamhetsår", "räkenskapsår", "kalenderår", "stadgar", "kommunallag",
             "valåret", "valår", "arbetsordning", "reglemente")
# The end of a chair's term: "… väljer NN till ordförande fram till 14 oktober 2026".
TERM_UNTIL = re.compile(r"(?<![a-z])(?:fram\s{1,3}till|till\s{1,3}och\s{1,3}med|t\.?\s?o\.?\s?m\.?|intill)\s{1,3}"
                        r"(?:den\s{1,3})?$")
CHAIR_WORD = re.compile(r"ordf[a-z]{1,3}r[aeiouy]nde|president")
# A chair who steps down: "Lena Svensson (S) avgår som kommunstyrelsens ordförande den 31 oktober".
LEAVES_CHAIR = words("avgår som", "avgick som", "slutar som", "slutade som", "lämnar sitt uppdrag",
                     "lämnar uppdraget", "lämnar posten", "avsäger sig")
# A bound of a period right before the date.
PERIOD_BOUND = re.compile(r"(?<![a-z])(?:fran(?:\s{1,3}och\s{1,3}med)?|fr\.?\s?o\.?\s?m\.?|till\s{1,3}och\s{1,3}med"
                          r"|t\.?\s?o\.?\s?m\.?|till(?:\s{1,3}att\s{1,3}vara)?|raknat\s{1,3}fran(?:\s{1,3}och\s{1,3}med)?)"
                          r"\s{1,3}(?:den\s{1,3})?$")
# A death: "vår ordförande Lars Hedlund som avled den 4 september" (a date to mourn, not to put in the calendar).
DIED = re.compile(r"(?<![a-z])(?:avled|avlidit|gick\s{1,3}bort|gatt\s{1,3}bort|somnade\s{1,3}in)(?![a-z])")
# Administrative dates of a protocol (justering, anslag): never schedule items.
ADMIN = words("justera", "justering", "anslag", "uppsättande", "nedtagande", "förvaringsplats", "underskrift",
              "avsändare", "utskriftsdatum", "diarienummer", "dnr", "protokolljustering", "protokolljusterare",
              # Finnish-Swedish protocols: "Sammanträdet är kungjort Jomala 05.10.2018", "framlagt till påseende"
              "kungjort", "kungjord", "kungjordes", "till påseende", "utsändningsdag")
# Past and passive verb forms ("diskuterades", "beslutade", "hölls", "genomförts").
# A whole word is taken at once (possessive) and its ending checked behind it: no backtracking per letter.
PAST_FORM = re.compile(
    r"(?<![a-z])(?:[a-z]{3,}+(?<=[adti][a-z]s|[adlmg]de|[kp]te)"
    # "besökte", "tryckte": the past of a verb whose stem ends voiceless
    r"(?:(?<=[a-z]{3}ades)|(?<=[a-z]{3}ddes)|(?<=[a-z]{3}[adlmg]de)|(?<=[a-z]{3}des)|(?<=[a-z]{3}[kp]te)"
    # "sammanträde", "tillträde", "mötesplats": nouns
    r"|(?<=[a-z]{3}tes)|(?<=[a-z]{3}its)|(?<=[a-z]{3}tts)|(?<=[a-z]{3}ats)(?<!plats))(?<!trade)"
    r"|(?:holls|var|blev)(?![a-z]))")
# (a building, ground or demolition permit, "bygglov", "marklov", "rivningslov", is no holiday)
HOLIDAY = re.compile(r"(?<![a-z])(?:(?!bygg|mark|rivn)[a-z]{2,7}[li1]ov(?:et|en)?|semester[a-z]{0,8}"
                     r"|jul-? och nyarshelg[a-z]*)(?![a-z])")
# ("de senaste dagarna", "senaste nytt": the adjective is no deadline; "senast den 5 maj" is)
DEADLINE_STRONG = re.compile(words("deadline", "sista dag", "sista anmälningsdag", "sista svarsdag",
                                   "sista inlämningsdag", "löper ut", "löpa ut", "går ut", "till handa", "tillhanda",
                                   "ska vara inne", "ska vara klar", "förfaller").pattern
                             + r"|(?<![a-z])s[aeiouy]n[aeiouy]st(?![aeiouy][a-z]?(?![a-z]))[a-z]{0,12}")
# Meeting nouns also end compounds ("planeringskonferens", "heldagsmöte"), so no word-start anchor.
# Branches are grouped by first letter so that the engine tries few of them at each position.
MEETING = re.compile(
    r"(?:m(?:[aeiouyd]{1,2}t(?:e|et|en|ena|es|estider|estiderna)|iddag)"
    r"|s(?:ammantr[aeiouyd]{1,2}d[a-z]{0,14}|eminari[a-z]{0,4})"
    r"|t(?:r[aeiouyd]{1,2}ff[a-z]{0,4}|emadag[a-z]{0,2})"
    r"|k(?:onferens[a-z]{0,4}|ick-?off)"
    r"|workshop[a-z]{0,3}|bes[aeiouyd]{1,2}k[a-z]{0,4}|h(?:eldag|alvdag)[a-z]{0,2}|dialog[a-z]{0,4}"
    r"|f[aeiouyd]{1,2}rel[aeiouyd]{1,2}sning[a-z]{0,3}|utbildning[a-z]{0,3}|n[aeiouyd]{1,2}tverksdag[a-z]{0,2}"
    r"|planeringsdag[a-z]{0,2}"
    r"|k(?<![a-z]k)ommer till|s(?<![a-z]s)es|m(?<![a-z]m)[aeiouyd]{1,2}ss[aeiouy]n?)(?![a-z])")
DEADLINE_WEAK = words("synpunkter", "tilldelningsbeslut", "beslutet", "rapport", "beslut i", "beslut om",
                      "beslut fattas", "beslutas", "besluta ",
                      "inkomma", "inkommer", "lämna", "skicka", "mejla",
                      "maila", "anmälan", "anmäla", "bokning", "avtal", "yttrande", "remiss", "svar",
                      "underlag", "fastställ", "klart", "redovis")


def has(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


def kind_from_context(sentence: str) -> str:
    """deadline or meeting from the sentence's own words; a plain dated plan is a meeting."""
    if has(DEADLINE_STRONG, sentence):
        return "deadline"
    if has(MEETING, sentence):
        return "meeting"
    if has(DEADLINE_WEAK, sentence):
        return "deadline"
    return "meeting"


# School holidays by the consonants of their first part, which survive OCR's vowel damage.
HOLIDAY_TITLES = {"sprt": "Sportlov", "psk": "Påsklov", "hst": "Höstlov", "jl": "Jullov",
                  "smmr": "Sommarlov", "vntr": "Vinterlov"}


def holiday_title(word: str) -> str:
    if word.startswith("semester"):
        return "Semester"
    stem = re.split(r"[li1]ov", word)[0]
    skeleton = re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", stem)
    return HOLIDAY_TITLES.get(skeleton, stem.capitalize() + "lov")


# A body that meets, named by its council word: "Värmlandsrådets", "Kommunfullmäktige", "Direktionen".
COUNCIL = re.compile(r"[a-z]{2,}(?:rad|radet|fullmaktige|forbund|forbundet|stamma|stamman)(?![a-z])"
                     r"|(?<![a-z])(?:fullmaktige|direktion|direktionen|forbund|forbundet)(?![a-z])")
# A meeting, or the council that meets ("på kommunfullmäktige den 17 oktober").
MEETING_OR_COUNCIL = re.compile(MEETING.pattern + r"|fullm[aeiouyd]{1,2}ktige|[aeiouyd]{1,2}rsm[aeiouyd]{1,2}te"
                                r"|st[aeiouyd]{1,2}mm")
# "Fortsättning på det ajournerade mötet kommer hållas torsdag 23 mars": the adjourned meeting goes on, the next one.
RESUMED = re.compile(r"(?<![a-z])(?:forts[aeiouyd]{1,2}ttning(?:en)?\s{1,3}(?:p[aeiouy]|av)\s{1,3}"
                     r"(?:det\s{1,3}|den\s{1,3})?(?:ajournerade\s{1,3})?|ajournerade\s{1,3})(?:[aeiouyd]{1,2}rs)?(?:m[aeiouyd]{1,2}tet"
                     r"|st[aeiouyd]{1,2}mman|s[aeiouy]mm[aeiouy]ntr[aeiouyd]{1,2}det)(?![a-z])")  # OCR's vowels too
