"""Chair news in the wordings newspapers and associations use (extract/handover.py), and how such news is dated."""

from __future__ import annotations

import pytest

from planner.extract import extract
from planner.extract.handover import find_handovers
from planner.extract.normalize import fold


@pytest.mark.parametrize(("text", "giver", "taker"), [
    ("Kommunstyrelsens ordförande Anders Berg (S) tackade för sig och hans post togs över av Eva Lind (S).",
     "Anders Berg (S)", "Eva Lind (S)"),
    ("Lars Ek har svingat ordförandeklubban i fullmäktige. När fullmäktige möts igen är det Anna Holm som håller i "
     "klubban.", None, "Anna Holm"),
    ("Dick Ström blir vice ordförande medan Gunnar Selberg tar över som kommunalråd och ordförande i kommunstyrelsen.",
     None, "Gunnar Selberg"),
    ("Fram tills dess att ny ordförande kan väljas så går vice ordförande Per Sörlin som ordförande.",
     None, "Per Sörlin"),
    ("Istället kommer Emma Ankargren i sin roll som vice ordförande att ta över ordförandeskapet fram till stämman.",
     None, "Emma Ankargren"),
    ("Efter Olles avgång har Eva Lind tillsatts som ordförande.", None, "Eva Lind"),
    # the supine after "har": "har valt X till ny förbundsordförande"
    ("Förbundet har valt Eva Lind till ny förbundsordförande under sin kongress. Hon efterträder Per Holm.", None,
     "Eva Lind"),
    # The role first, the one who becomes it after "blir"; a vice chair so named is no new chair.
    ("Ordförande i kommunstyrelsen för 2020–2021 blir Mats Ekholm, med Sven Blomberg som personlig ersättare.", None,
     "Mats Ekholm"),
    ("Till ordförande för 2024 valdes Anna Berg.", None, "Anna Berg"),
    ("Under mötet valdes också ett nytt presidium till kommunfullmäktige där Peter Friström (S) blev "
     "kommunfullmäktiges ordförande.", None, "Peter Friström (S)"),
    ("Kongressen röstade fram en ny styrelse. Som ordförande valdes Anna Berg (M).", None, "Anna Berg (M)"),
    ("Styrelsen har idag beslutat att Eva Lind tjänstgör som ordförande till dess en ny ordförande utsetts.", None,
     "Eva Lind"),
    ("Eva Lind är förste vice ordförande och går nu in som ställföreträdande ordförande.", None, "Eva Lind"),
    ("Vid fullmäktiges möte valdes två regionråd. Anna Berg (S) blir regionstyrelsens ordförande.", None,
     "Anna Berg (S)"),
    # Inversion after a fronted time, with the party and the home municipality between the name and "över".
    ("Från och med den 1 januari 2025 tar Anna Svensson (S), Huddinge, över ordförandeskapet efter Per Olsson (M).",
     "Per Olsson (M)", "Anna Svensson (S)"),
    ("Ordförandeskapet övergår den 1 januari 2025 från Eksjö kommun till Vetlanda kommun.",
     "Eksjö kommun", "Vetlanda kommun"),
    ("Ordförande är Mikael Ekvall (M), som efterträder Ann-Marie Nilsson (C) från Gislaved.",
     "Ann-Marie Nilsson (C)", "Mikael Ekvall (M)"),
    ("Den 1 juli lämnar Nacka ordförandeskapet till Tyresö.", "Nacka", "Tyresö"),
    ("Lena Svensson (S) avgår som kommunstyrelsens ordförande den 31 oktober. Hon efterträds av Jonas Berg (S).",
     "Lena Svensson", "Jonas Berg (S)"),
    ("Förbundsstyrelsen har fått ny ordförande. Från årsskiftet leds styrelsen av Axel Josefson (M).",
     None, "Axel Josefson (M)"),
    ("Ordförandeskapet i nätverket roterar. Under 2025 är Mölndal ordförande, därefter tar Partille över från 1 "
     "januari 2026.", "Mölndal", "Partille"),
    ("Vid förbundsfullmäktiges sammanträde den 13 juni valdes Per Larsson (M) till ny ordförande i "
     "förbundsstyrelsen efter Axel Josefson (M).", "Axel Josefson (M)", "Per Larsson (M)"),
    ("Sedan dess har vice ordförande Eva Lind (C) klivit in som tillfällig ordförande.", None, "Eva Lind"),
    # OCR wrapped the line after the verb, and read "öppnade" as "6ppnade" (no part of her name).
    ("Vice ordférande Eva Lind 6ppnade métet.\nFram till arsmétet évertar\nvice ordférande ordférandeskapet.",
     None, "Eva Lind"),
    ("§ 9. Val av styrelse.\nOrdförande, vald på ett år: Per Holm, nyval.\nKassör: Eva Lind, omval.", None, "Per Holm"),
    # OCR wrapped the line inside the parenthesis that follows the name.
    ("Efter Olles avgang har Eva Lind (tidigare vice\nordférande) tillsatts som ordférande.", None, "Eva Lind"),
    # A chair proposed or nominated, with the one leaving named after "efter avgående".
    ("En enig valberedning föreslår Anders Sundström till ny ordförande efter avgående Nina Jarlbäck.",
     "Nina Jarlbäck", "Anders Sundström"),
    ("Johan Nilsson (M) är därför från och med november ordförande i Älvsjö stadsdelsnämnd och Stefan Johansson (S) "
     "är vice ordförande.", None, "Johan Nilsson (M)"),
    ("Till föreningsordförande valdes Eija Räty på ett år.", None, "Eija Räty"),  # a chair as a compound
    ("Till styrelseordförande valdes Anna Berg (S) på två år.", None, "Anna Berg (S)"),  # joined without an s
    ("Moderaternas valberedning har nu enhälligt nominerat Anders Knape till ordförande för det nya förbundet.",
     None, "Anders Knape"),
])
def test_the_new_chair_in_news_wordings(text: str, giver: str | None, taker: str) -> None:
    found = [(h.from_party, h.to_party) for h in find_handovers(fold(text), text)]
    assert (giver, taker) in found


@pytest.mark.parametrize("text", [
    "§ 3 Val av ordförande och sekreterare för mötet\n\nTill ordförande valdes Per Holm och till sekreterare Bo Ek.",
    "2. Val av mötesordförande\nPer Holm valdes till ordförande för årsmötesförhandlingarna.",
    "Eva Lind fick förnyat förtroende och valdes till ordförande för ytterligare en mandatperiod.",
    "Till ordförande på årsmötet valdes Per Holm och till sekreterare Bo Ek.",
    "Till hedersordförande valdes enhälligt Lena Ringstedt på ett år.",  # an honorary chair
    # the candidate speaking in a quote: a pronoun is nobody's name
    "– Jag är glad över förfrågan och har tackat ja till att bli föreslagen som ordförande i förbundet.",
])
def test_the_meeting_s_own_chair_and_a_chair_re_elected_are_no_handover(text: str) -> None:
    assert find_handovers(fold(text), text) == []


def test_a_chair_taking_over_as_the_annual_meeting_decided_is_a_handover() -> None:
    text = "I augusti slutade Per Holm som ordförande. Eva Lind tog över ordförandeskapet enligt beslutet vid årsmötet."
    assert [h.to_party for h in find_handovers(fold(text), text)] == ["Eva Lind"]


def test_a_re_election_in_the_next_sentence_leaves_the_new_chair_a_handover() -> None:
    text = "Per Holm valdes till ny ordförande. Eva Lind och Bo Ek omvaldes och fortsätter i styrelsen."
    assert [h.to_party for h in find_handovers(fold(text), text)] == ["Per Holm"]


def test_a_chair_re_elected_in_the_election_list_is_no_handover() -> None:
    text = "§ 9. Val av styrelse.\nOrdförande, vald på ett år: Per Holm, omval.\nKassör: Eva Lind, nyval."
    assert find_handovers(fold(text), text) == []


def test_a_vice_chair_heading_names_nobody() -> None:
    text = "Vice ordförande går in som ordförande"
    assert find_handovers(fold(text), text) == []


def _handovers(text: str) -> list[tuple[str, str | None]]:
    return [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]


def test_news_that_dates_the_change_no_other_way_is_dated_by_the_page_s_month() -> None:
    text = (" date 2020-11 I torsdags hände mycket i stadshuset. Kommunstyrelsens ordförande Anders Berg (S) tackade "
            "för sig och hans post togs över av Eva Lind (S).\n")
    assert _handovers(text) == [("2020-11", "Eva Lind (S)")]


def test_a_start_after_new_year_in_the_next_paragraph_dates_the_change() -> None:
    text = (" date 2018-10 Kommunens nästa styre presenterades.\n\nGunnar Selberg tar över som kommunalråd och "
            "ordförande i kommunstyrelsen.\n\nDen nya kommunledningen påbörjar sitt uppdrag efter årsskiftet.\n")
    assert _handovers(text) == [("2019-01-01", "Gunnar Selberg")]


def test_the_meeting_a_term_runs_to_does_not_date_the_change() -> None:
    text = ("Publicerad 2016-11-20\n\nStyrelsen har valt att inte utlysa en extra stämma. Istället kommer Emma "
            "Ankargren i sin roll som vice ordförande att ta över ordförandeskapet fram till nästa stämma i mars "
            "2017.\n")
    assert _handovers(text) == [("2016-11-20", "Emma Ankargren")]


def test_the_event_the_sentence_before_dates_is_when_the_chain_passed() -> None:
    text = ("Presidentskifte\n\nPublicerad 18 juni 2020\n\nTisdagen den 16/6 avslutade vi klubbens år. Vår president "
            "Eva Berg överlämnade kedjan till tillträdande president Lars Holm.\n")
    assert _handovers(text) == [("2020-06-16", "Lars Holm")]


def test_a_headline_naming_the_new_chair_is_not_a_second_change_on_the_publication_day() -> None:
    text = ("Anna Berg ny ordförande i förbundet\n\nPå söndagens förbundsmöte valdes Anna Berg, Avesta RK, till ny "
            "ordförande.\n\nPublicerad: 2023-03-27\n")
    assert _handovers(text) == [("2023-03-26", "Anna Berg")]


def test_the_vice_chair_who_takes_over_is_the_one_the_text_names_so_until_the_annual_meeting() -> None:
    text = ("Rapport från styrelsemöte 2023-09-12\n\nVice ordförande Olov Nilsson Sträng öppnade mötet. Fram till "
            "årsmötet i Järvsöbaden den 20 februari övertar vice ordförande ordförandeskapet.\n")
    assert _handovers(text) == [("2023-09-12", "Olov Nilsson Sträng")]


def test_a_report_headed_by_its_occasion_dates_the_handover_by_that_heading_not_by_the_publication() -> None:
    text = ("Publicerad av Per Holm den 16 jun 2026\nI år träffades vi digitalt.\n\nPresidentskifte 12 juni 2026\n\n"
            "Anna Berg berättade om året som gått. Hon önskade den tillträdande presidenten Eva Lind lycka till.\n")
    result = extract(text)
    assert _handovers(text) == [("2026-06-12", "Eva Lind")]
    assert result["meeting"]["date"] == "2026-06-12"


def test_a_chair_who_left_the_post_to_one_who_takes_over_on_a_coming_day_hands_over_that_coming_day() -> None:
    text = ("Sommaravslutning\n\nfredag 19 juni 2026\n\nVår president Anna Berg lämnade över till tillträdande "
            "president Per Holm, som tar över den 1 juli.\n")
    assert _handovers(text) == [("2026-07-01", "Per Holm")]


def test_the_end_of_the_new_chair_s_term_is_no_meeting() -> None:
    text = ("Protokoll regionfullmäktige 2026-10-20\n\nNärvarande: se bilaga\n\n§ 3 Regionfullmäktige väljer Eva "
            "Lind (S) till ordförande i regionfullmäktige fram till 14 oktober 2030.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2030-10-14") == "reference"


def test_a_stand_in_since_a_month_already_past_dates_from_that_month() -> None:
    text = ("Nyheter\n\nPublicerad 2026-11-20\n\nPer Holm lämnar uppdraget som ordförande i december. Han har varit "
            "frånvarande sedan april, sedan dess har vice ordförande Eva Lind (C) klivit in som tillfällig "
            "ordförande.\n")
    assert _handovers(text) == [("2026-04", "Eva Lind")]


def test_chair_news_with_a_fronted_date_proposes_the_handover_on_that_day() -> None:
    text = ("Ny ordförande i samarbetsrådet\n\nPublicerad 2024-12-20\n\nFrån och med den 1 januari 2025 tar Anna "
            "Svensson (S), Huddinge, över ordförandeskapet efter Per Olsson (M), Nacka.\n")
    items = extract(text)["items"]
    handovers = [(i["date"], i["to"]) for i in items if i["kind"] == "chair_handover"]
    assert handovers == [("2025-01-01", "Anna Svensson (S)")]


def test_a_headline_and_its_sentence_naming_the_same_new_chair_give_one_name() -> None:
    text = ("Nyheter\n2024-06-14\nPer Larsson ny ordförande för Göteborgsregionen\nVid förbundsfullmäktiges "
            "sammanträde den 13 juni valdes Per Larsson (M) till ny ordförande i förbundsstyrelsen.\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2024-06-13", "Per Larsson (M)")]


def test_the_new_chair_named_in_the_sentence_after_a_dated_change_is_that_change() -> None:
    text = ("Ordförandeskifte i samarbetsrådet\n\nDen 1 juli lämnar Nacka ordförandeskapet till Tyresö. Ny ordförande "
            "blir Fredrik Saweståhl (M).\n\nPublicerad 28 juni 2024\n")
    handovers = [(i["date"], i["from"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2024-07-01", "Nacka")]


def test_the_day_a_chair_steps_down_is_no_meeting() -> None:
    text = ("Kommunstyrelsens ordförande avgår\n\n2023-10-05\n\nLena Svensson (S) avgår som kommunstyrelsens "
            "ordförande den 31 oktober. Hon efterträds av Jonas Berg (S) som tillträder den 1 november.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds["2023-11-01"] == "chair_handover" and kinds.get("2023-10-31") in (None, "reference")


def test_a_stated_rotation_gives_a_handover_each_new_year() -> None:
    text = ("Protokoll\nStyrgruppen\nDatum: 2025-03-12\n\n§ 9 Ordförandeskap\nKommunerna roterar ordförandeskapet: "
            "2025 Eksjö, 2026 Vetlanda, 2027 Nässjö.\n")
    handovers = [(i["date"], i["from"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2026-01-01", "Eksjö", "Vetlanda"), ("2027-01-01", "Vetlanda", "Nässjö")]


def test_from_new_year_it_is_x_who_leads_is_a_handover_on_1_january() -> None:
    text = "Protokoll\nStyrgruppen\nDatum: 2025-03-12\n\n§ 9 Övrigt\nFrån nyår är det Anna Ek som leder nätverket.\n"
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2026-01-01", "Anna Ek")]


def test_a_place_before_blir_ordforande_is_no_new_chair() -> None:
    # "… från Skövde blir ordförande i kraft av sitt uppdrag": the place is not the one who becomes chair
    assert find_handovers(fold("Hon från Skövde blir ordförande i kraft av sitt uppdrag."),
                          "Hon från Skövde blir ordförande i kraft av sitt uppdrag.") == []


def test_a_vice_chair_who_becomes_so_is_no_new_chair() -> None:
    text = "Vice ordförande blir Linda Nordmyr (personlig ersättare Nina Öström)."
    assert find_handovers(fold(text), text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # A term of whole years still to come begins on 1 January of its first year ...
    ("Nya namn i kommunledningen\n\nPublicerad 2019-12-12\n\nOrdförande i kommunstyrelsen för 2020–2021 blir Mats "
     "Ekholm.\n", [("2020-01-01", "Mats Ekholm")]),
    ("Protokoll\nÅrsmöte 2023-11-12\n\n§ 5 Till ordförande för 2024 valdes Anna Berg.\n",
     [("2024-01-01", "Anna Berg")]),
    # ... a term under way began at the meeting that elected the chair.
    ("Protokoll\nÅrsmöte 2023-03-12\n\n§ 5 Till ordförande för 2023 valdes Anna Berg.\n",
     [("2023-03-12", "Anna Berg")]),
    # A day the sentence gives dates the change itself.
    ("Publicerad 2019-12-12\n\nOrdförande i kommunstyrelsen från 1 januari 2020 blir Mats Ekholm.\n",
     [("2020-01-01", "Mats Ekholm")]),
])
def test_a_term_of_whole_years_dates_the_change_by_its_first_new_year(text: str, expected: list) -> None:
    assert _handovers(text) == expected


def test_a_proposed_chair_is_dated_by_the_meeting_that_will_elect_them() -> None:
    """News of a valberedning's proposal names the electing meeting later, after the candidate's quote."""
    text = ("Anders Sundström ny KF-ordförande\n"
            "En enig valberedning föreslår Anders Sundström till ny ordförande efter avgående Nina Jarlbäck.\n"
            "– Jag är glad över förfrågan och har tackat ja till att bli föreslagen som ordförande. Det är en stor "
            "verksamhet. Om jag blir vald hoppas jag kunna bidra, säger Anders Sundström.\n"
            "Valberedningen kommer att presentera ett samlat förslag inför förbundets stämma den 16 april 2013.\n")
    handovers = [i for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert [(h["date"], h["from"], h["to"]) for h in handovers] == [("2013-04-16", "Nina Jarlbäck", "Anders Sundström")]


def test_a_new_chair_is_dated_by_the_day_they_took_office_a_few_sentences_on() -> None:
    text = ("Rapport från Mälartinget 2019\n\nKristoffer Tamsons (M) vald till ny ordförande för Mälardalsrådet\n\n"
            "Kristoffer Tamsons (M), trafikregionråd i Stockholm, har valts till ny ordförande för Mälardalsrådet. "
            "Tillsammans med den nya styrelsen tillträdde han under Mälartinget i Örebro den 10 maj.\n")
    handovers = [i for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert [(h["date"], h["to"]) for h in handovers] == [("2019-05-10", "Kristoffer Tamsons (M)")]


@pytest.mark.parametrize(("text", "date"), [
    ("SOK väljer ny ordförande i april\n\nKommittén kommer att välja en ny ordförande i samband med det ordinarie "
     "årsmötet den 20 april 2023.\n", "2023-04-20"),
    ("Regionstyrelsens ordförande lämnar\n\n2019-11-01 Pressmeddelande\n\nOrdförande Stefan Olsson (M) lämnar sitt "
     "uppdrag från den 1 januari 2020.\n\nPartiet inleder nu en process för att välja en ny ordförande.\n",
     "2020-01-01"),
])
def test_a_chair_not_yet_named_is_a_handover_on_the_day_the_text_gives(text: str, date: str) -> None:
    handovers = [i for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert [(h["date"], h["to"]) for h in handovers] == [(date, "ny ordförande")]


def test_a_chair_to_be_elected_at_a_meeting_without_a_day_is_no_handover_yet() -> None:
    """Minutes of 31 January: the new chair is elected at a stämma to come, on no day the text gives."""
    text = ("Styrelsemöte 2023-01-31\n\n§ 5 Ordförande\n\nDivisionen vill ha en ny stämma för att välja en ny "
            "ordförande, helst under andra halvan av februari.\n")
    assert not [i for i in extract(text)["items"] if i["kind"] == "chair_handover"]


def _handovers(text: str) -> list[tuple[str, str | None]]:
    return [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]


def test_a_chair_who_has_been_voted_in_as_chair_is_the_new_chair_not_the_headline_s_words() -> None:
    # "HAR EN" of a capitals headline is no name; "har valts in som ordförande" is an election.
    text = ("NOTIS: FÖRENINGEN HAR EN NY ORDFÖRANDE\n\nKarin Berg har valts in som ordförande för föreningen under "
            "verksamhetsåret 27/28.\n\nStyrelsen bokade in ett extrainsatt möte som hölls den 14 juni 2027.\n")
    assert _handovers(text) == [("2027-06-14", "Karin Berg")]


def test_a_new_chair_is_dated_by_the_day_the_new_board_takes_office_further_on() -> None:
    text = ("Karin Berg (S) blir ny ordförande för studentkåren läsåret 2027/2028.\n\n"
            "Kårfullmäktige valde styrelsen i förra veckan. Övriga ledamöter blir Per Holm och Eva Lind.\n\n"
            "Studentkårens nya styrelse tillträder formellt den 1 juli 2027.\n")
    result = extract(text)
    assert _handovers(text) == [("2027-07-01", "Karin Berg")]
    assert [i for i in result["items"] if i["kind"] == "meeting"] == []
    assert result["meeting"] is None  # a sentence among the first lines is no title that records a meeting


@pytest.mark.parametrize(("text", "expected"), [
    # "blir SFS nästa ordförande": the body's abbreviation and "nästa" before the chair
    ("På förbundets fullmäktigesammanträde den 6 maj 2027 valdes organisationens nya presidium. Per Ek blir SFS "
     "nästa ordförande och Eva Lind blir vice ordförande.\n", [("2027-05-06", "Per Ek")]),
    # "Ny ordförande, Gary A, valdes på 1 år": the name between commas
    ("Årsmötet\n\nI söndags den 14 mars 2027 höll vi årsmöte utomhus.\n\nNy ordförande, Gary A, valdes på 1 år. "
     "Ny kassör, Kjell H, valdes på 2 år.\n", [("2027-03-14", "Gary A")]),
])
def test_a_new_chair_in_the_wordings_of_unions_and_clubs(text: str, expected: list) -> None:
    assert _handovers(text) == expected


def test_a_new_chair_is_dated_by_the_day_they_take_office_said_right_after_the_election() -> None:
    text = ("Publicerad: 2027-06-25\n\nKarin Berg ny ordförande i kommunstyrelsen\n\n"
            "Vid gårdagens möte med kommunfullmäktige valdes Karin Berg (M) till ny ordförande i kommunstyrelsen. "
            "Hon tillträder uppdraget den 1 juli 2027 och är vald för den pågående mandatperioden.\n")
    result = extract(text)
    assert _handovers(text) == [("2027-07-01", "Karin Berg (M)")]
    assert result["meeting"]["date"] == "2027-06-24"
    assert [i for i in result["items"] if i["kind"] == "meeting"] == []


def test_a_past_weekday_with_its_date_after_it_is_dated_by_the_date() -> None:
    # OCR's "| söndags" for "I söndags", the year's full stop spaced off: the date written after it names the day.
    text = ("Årsmötet\n\n| söndags den 14 mars 2027 kunde vi hålla årsmöte utomhus . Inga motioner\nhade inkommit.\n\n"
            "Ny ordförande, Gary A, valdes på 1 år.\n")
    assert _handovers(text) == [("2027-03-14", "Gary A")]


def test_a_chair_who_has_taken_office_told_as_a_cleft_sentence() -> None:
    text = ("Byte av kommunstyrelsens ordförande\n\n1 december 2027 fick kommunen en ny ordförande för "
            "kommunstyrelsen. Det är Eva Lind (S) som tillträtt, samtidigt som Per Holm (M) lämnat uppdraget.\n")
    assert [(day, to) for day, to in _handovers(text)] == [("2027-12-01", "Eva Lind")]


def test_two_chairs_of_two_bodies_elected_on_one_day_are_two_changes() -> None:
    text = ("Nytt styre i regionen\n\nPå regionfullmäktige den 14 oktober 2027 blev det klart vem som leder.\n\n"
            "Anna Berg (M) valdes till ordförande för regionstyrelsen, Per Ek (C) till vice ordförande. "
            "Karin Holm (L) blev utsedd till ordförande för regionfullmäktige.\n")
    assert sorted((day, to.split(" (")[0]) for day, to in _handovers(text)) == [("2027-10-14", "Anna Berg"),
                                                                                ("2027-10-14", "Karin Holm")]


def test_one_change_told_twice_stays_one_handover() -> None:
    # The municipality and its chair: one change of one body, its names joined.
    text = ("Protokoll 2027-12-06\n\nÖrebro överlämnar i samband med mötet sitt ordförandeskap till Eskilstuna.\n\n"
            "Anna Berg överlämnar ordförandeskapet för nätverket till Per Ek.\n")
    assert len(_handovers(text)) == 1


def test_the_chair_of_the_meeting_is_no_new_chair_of_the_association() -> None:
    text = ("Årsmöte\n\nFöreningen höll årsmöte den 4 februari 2027.\n\nTill mötets ordförande valdes Eva Lind. "
            "Per Ek valdes till sekreterare.\n\nNy ordförande är Per Holm.\n")
    assert _handovers(text) == [("2027-02-04", "Per Holm")]


def test_a_chair_called_re_elected_further_on_is_no_new_chair() -> None:
    text = ("Förbundet har inlett mandatperioden\n\nPublicerad 15 april 2027\n\n"
            "Vid förbundsstyrelsens sammanträde utsågs Anna Berg (M) till styrelseordförande för förbundet.\n\n"
            "– Jag är hedrad över förtroendet, säger Anna Berg (M), omvald styrelseordförande.\n")
    assert _handovers(text) == []


def test_a_new_chair_of_a_compound_title_is_dated_by_the_day_the_new_term_starts() -> None:
    # "ny kårordförande": the chair word glued to what it chairs; "från första juli" the day they take over,
    # also in the photo caption, which is no meeting.
    text = ("2031-04-03\n\nEva Lind ny kårordförande\n\nFrån och med första juli har kåren ny ledning. I veckan "
            "valdes Eva Lind, 25 år, till att ta över efter Per Holm.\n\nEva Lind är ny kårordförande från första "
            "juli. Bild: Per Ek\n")
    result = extract(text)
    assert _handovers(text) == [("2031-07-01", "Eva Lind")]
    assert [i for i in result["items"] if i["kind"] == "meeting"] == []


def test_a_new_chair_after_one_who_declined_re_election_is_a_change_dated_by_the_meeting_two_sentences_back() -> None:
    text = ("Föreningens årsmöte\n\nFöreningens årsmöte den 11 mars 2031 i bygdegården samlade hela 14 intresserade. "
            "Några av deltagarna ser ni på bilden. Till ny ordförande för föreningen valdes Per Ek (efter Eva Lind som "
            "avböjt omval), kassör Anna Berg.\n")
    assert _handovers(text) == [("2031-03-11", "Per Ek")]


def test_a_presidentskifte_heading_over_who_is_succeeded_by_whom_is_a_handover_on_the_heading_s_day() -> None:
    text = ("Presidentskifte – 8/7 – Mötesreferat\n\nPresidentskifte\n\nHenrik Berg efterträds av Eva Lind\n\n"
            "Henrik har under året haft tre mål med presidentskapet.\n")
    result = extract(text, "presidentskifte_2031_07.txt")
    handovers = [(i["date"], i["from"], i["to"]) for i in result["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2031-07-08", "Henrik Berg", "Eva Lind")]
