"""Notices and news items: what the page says of itself is no event (extract/dockind.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.extract import extract


def test_a_yearless_publication_line_dates_the_page_and_is_no_meeting() -> None:
    text = ("Årsmötet 2021 uppskjutet\n\nPublicerad fredag 12 mar, 15:42\n\nMed hänvisning till rådande pandemi "
            "kommer årsmötet att hållas när vädret tillåter. Tid och plats meddelas senare.\n")
    items = extract(text)["items"]
    assert [(i["kind"], i["date"]) for i in items if i["date"].startswith("2021-03")] == [("reference", "2021-03-12")]


def test_news_of_a_new_chair_reports_the_meeting_that_chose_them() -> None:
    text = ("Anna Berg ny ordförande i förbundet\n\nPublicerad: 2023-03-27\n\nPå söndagens förbundsmöte valdes "
            "Anna Berg, Avesta RK, till ny ordförande.\n")
    assert extract(text)["meeting"]["date"] == "2023-03-26"


def test_a_chair_who_starts_later_dates_no_meeting_of_the_news() -> None:
    text = ("Ny ordförande\n\nPublicerad: 2023-03-27\n\nStyrelsen meddelar att Anna Berg tar över ordförandeskapet "
            "från den 1 juli 2023.\n")
    result = extract(text)
    assert [i["date"] for i in result["items"] if i["kind"] == "chair_handover"] == ["2023-07-01"]
    assert result["meeting"] is None


def test_a_recent_event_the_minutes_say_was_cancelled_is_proposed_cancelled() -> None:
    text = ("Protokoll styrelsemöte 2014-11-12\n\nArbetsgruppsmötet blev inställt pga. sjukdom. Pubaftonen den 8 nov "
            "blev också inställd. Styrelsen träffas igen.\n")
    items = [(i["kind"], i["date"], i["status"], i["title"]) for i in extract(text)["items"]]
    assert items == [("meeting", "2014-11-08", "cancelled", "Pubaftonen")]


def test_a_run_in_datum_label_dates_the_meeting_with_the_year_of_the_file() -> None:
    text = ("Transkript\n\n1 Plats och tid Folkets Hus i Hamburgsund, kl ) Datum 10 december (13) Se "
            "deltagarförteckning s. 13 Övriga deltagande Tom Granquist Justerande Per Dahl Paragrafer 1-20\n\n"
            "2 1 Sammanträdet öppnas 2 Val av två justerare 3 Godkännande av dagordningen. Gruppen kommer den "
            "17 januari 2011 bereda ärendet.\n")
    assert extract(text, "kontakt_hamburgsund_2010.txt")["meeting"]["date"] == "2010-12-10"


def test_front_matter_that_lost_its_fences_still_dates_the_page_not_the_meeting() -> None:
    text = ("title: Arsmétet 2013\n\nlastmod: 2013-03-12\n\ndate: 2013-03-12\n\nsummary: Referat fran arsmétet 2013\n\n"
            "Den 8 mars genomfördes 2013 års årsmöte i förbundet. Plats var Stadshotellet i Hudiksvall.\n")
    assert extract(text)["meeting"]["date"] == "2013-03-08"


def test_planned_meetings_wrapped_over_two_lines_and_read_by_ocr_keep_their_year_and_title() -> None:
    text = ("Rapport fran styrelseméte 2023-09-12\n\nVice ordförande öppnade mötet. Planerade styrelseméten under "
            "2024 ar den 6 februari, 14 maj,\n20 augusti, 12 november och den 10 december.\n")
    got = [(i["date"], i["title"]) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert got == [(f"2024-{d}", "Styrelsemöte") for d in ("02-06", "05-14", "08-20", "11-12", "12-10")]


def test_a_kallelse_s_letter_date_and_a_past_decision_are_no_events_and_the_call_names_the_meeting() -> None:
    text = ("Kallelse till extra föreningsstämma\n\n06 september 2023 KALLELSE TILL EXTRA FÖRENINGSSTÄMMA DEN "
            "5 OKTOBER 2023 Medlemmarna i föreningen kallas till extra föreningsstämma klockan 18.30 i Lokalen "
            "Badviken.\n\n"
            "Godkännande av föreningsstämmans beslut den 2023-05-11 att anta nya stadgar.\n\n"
            " 1. Föreningsstämmans öppnande\n 2. Val av stämmoordförande\n 3. Godkännande av dagordning\n")
    result = extract(text)
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2023-10-05", "18:30")
    assert [i["kind"] for i in result["items"]] == ["reference", "reference"]


def test_a_see_also_pointer_to_an_earlier_post_dates_no_event() -> None:
    # A real notice (tests/data/real): "Se även tidigare [NYHETER](…) på hemsidan från 14 Sep 2025."
    path = Path(__file__).parent / "data" / "real" / "text" / "g033_hbgsamfall_informationsmote_kallvatten_2026.txt"
    items = extract(path.read_text(encoding="utf-8"), path.name)["items"]
    assert [i["kind"] for i in items if i["date"] == "2025-09-14"] == ["reference"]


def test_a_page_of_minutes_by_date_is_a_meeting_on_every_date() -> None:
    text = ("Politik\n\nHär kommer du löpande att kunna hitta protokoll från direktionens möten.\n\n2021\n\n"
            "Protokoll Direktionen 2021-11-25\n\nProtokoll direktionen 2021-09-30\n\nOmedelbar justering §35\n\n"
            "Protokoll direktionen 2021-05-27\n\n2020\n\nProtokoll direktionen 2020-11-26\n")
    result = extract(text)
    assert result["doc_kind"] == "plan" and result["meeting"] is None
    assert [(i["date"], i["title"]) for i in result["items"]] == [
        (day, "Direktionens sammanträde") for day in ("2021-11-25", "2021-09-30", "2021-05-27", "2020-11-26")]


def test_dates_under_a_heading_of_signed_minutes_are_the_body_s_meetings() -> None:
    text = ("Protokoll och styrande dokument\n\nDirektionen är förbundets högsta beslutande organ.\n\n"
            "Signerade protokoll\n\n2021\n\n2021-01-26\n2021-03-23\n\n2020\n2020-01-28\n2020-03-31\n")
    result = extract(text)
    assert result["doc_kind"] == "plan" and result["meeting"] is None
    assert [i["date"] for i in result["items"] if i["kind"] == "meeting"] == [
        "2021-01-26", "2021-03-23", "2020-01-28", "2020-03-31"]


def test_an_arendelista_is_the_agenda_of_its_meeting_and_the_decisions_it_reviews_are_history() -> None:
    text = ("Transkript\n\n1 Kommunstyrelsen 3 (22) Ärendelista 11 maj 2015 Ärenden till kommunfullmäktige: 12-13, "
            "Upprop och val av justerare 2. Anmälan om delegationsbeslut 16. Laglighetsprövning av kommunstyrelsens "
            "beslut 12 maj 2014 och 10 november 2014 yttrande till förvaltningsrätten 17. Rapporter\n")
    result = extract(text)
    assert result["doc_kind"] == "kallelse" and result["meeting"]["date"] == "2015-05-11"
    assert {i["kind"] for i in result["items"]} == {"reference"}


def test_inget_kommunfullmaktige_on_a_day_is_that_meeting_cancelled_not_the_notice_s_own() -> None:
    text = ("Inställt - Kommunfullmäktige\n\nInget kommunfullmäktige 23 mars 2020\n\nPå grund av det låga antalet "
            "ärenden kommer detta sammanträde att ställas in. Nästa KF är planerat till den 27 april.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["date"], i["status"], i["title"]) for i in result["items"] if i["date"] == "2020-03-23"] == [
        ("2020-03-23", "cancelled", "Kommunfullmäktiges sammanträde")]


def test_deciding_not_to_call_the_annual_meeting_cancels_it() -> None:
    text = ("Årsmötet 2021\n\nStyrelsen beslöt därför att inte kalla till något årsmöte i april 2021.\n")
    assert [(i["date"], i["status"]) for i in extract(text)["items"]] == [("2021-04", "cancelled")]


def test_the_time_a_body_usually_sits_at_is_its_next_meeting_s_time() -> None:
    text = ("Inställt - Kommunfullmäktige\n\nInget kommunfullmäktige 23 mars 2020\n\nNästa KF är planerat till den "
            "27 april.\n\nKommunfullmäktige sammanträder normalt sista måndagen i varje månad med start klockan 18.30 "
            "i Kunskapens hus.\n")
    assert [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"] == [
        ("2020-04-27", "18:30")]


def test_the_continuation_of_an_adjourned_meeting_is_the_next_meeting() -> None:
    text = ("Ajournerat årsmöte 2023\n\nVid årsmötet som hölls torsdag 2 mars beslutade mötet att ajournera det.\n\n"
            "Fortsättning på det ajournerade mötet kommer hållas torsdag 23 mars kl. 19:00.\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2023-03-02"
    assert [(i["kind"], i["date"], i["start"], i["title"]) for i in result["items"]] == [
        ("next_meeting", "2023-03-23", "19:00", "Fortsättning på det ajournerade mötet")]


def test_a_held_extra_meeting_is_the_news_meeting_and_a_proposed_one_is_not() -> None:
    held = ("Nya stadgar beslutade\n\nPa det extra Arsmétet den 17 juni 2023 beslutades om nya stadgar. Detta gér "
            "att arsméten framéver kommer att hallas pa varen.\n")
    assert extract(held)["meeting"]["date"] == "2023-06-17"
    proposed = ("Nytt sammanträde\n\nPå mötet föreslog presidiet ett extrainsatt sammanträde den 28 december 2023, "
                "vilket godkändes.\n")
    assert extract(proposed)["meeting"] is None


def test_minutes_whose_text_dates_nothing_take_the_date_of_their_file_name_with_underscores_too() -> None:
    text = "# Sammanfattning\n\n## Mötesfokus\n\nMötet ägnades åt diskussioner kring öppen källkod.\n"
    assert extract(text, "digg_samverkansplattform_os_2024_12_06.txt")["meeting"]["date"] == "2024-12-06"


def test_a_report_of_the_annual_meeting_is_dated_by_the_meeting_it_held_not_by_its_post() -> None:
    # A real report (tests/data/real): "… höll sitt årsmöte på Best Western i / Söderhamn på fredagseftermiddagen den
    # 24 mars", posted with front matter "date: 2023-03-28".
    path = Path(__file__).parent / "data" / "real" / "text" / "g036_sssf_arsmote_rapport_2023.txt"
    assert extract(path.read_text(encoding="utf-8"), path.name)["meeting"]["date"] == "2023-03-24"


def test_minutes_that_date_themselves_only_by_their_linked_file_have_that_meeting() -> None:
    text = ("Här kan du hitta protokollet i sin helhet samt en sammanfattning:\n\nStyrelsemöte 2022-05-03.pdf\n\n"
            "§ 3.1 Kassören informerar om sektionernas ekonomi.\n§ 4.1 Punkten bordlades till nästa ordinarie "
            "styrelsemöte.\n§ 5 Mötet avslutas.\n")
    result = extract(text)
    assert result["doc_kind"] == "minutes" and result["meeting"]["date"] == "2022-05-03"


def test_a_notice_that_opens_with_the_date_a_meeting_was_planned_for_reports_it_moved_away_from() -> None:
    text = ("Enligt stadgarna ska årsstämman hållas före sommaren. Årsstämman var planerad till den 12 maj 2026.\n\n"
            "Med tanke på läget vill styrelsen uppskjuta stämman till hösten. Handlingarna skickas ut i god tid.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["date"], i.get("status")) for i in result["items"] if i["date"] == "2026-05-12"] == [
        ("2026-05-12", "cancelled")]


def test_news_that_a_meeting_is_held_later_reports_no_meeting_of_its_own_and_titles_the_coming_one() -> None:
    # "hålls" (is held) is not "hölls" (was held), though OCR-tolerant matching reads å and ö alike.
    text = ("Årsmöte och vatten 2026\n\nStyrelsen har under veckan haft sitt första möte. Mest diskuterades hur "
            "årsmötet ska ordnas.\n\nPlanen är att årsmötet hålls 28 april och sker digitalt. Mer info kommer.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["kind"], i["date"], i["title"]) for i in result["items"]] == [("meeting", "2026-04-28", "Årsmöte")]


def test_news_whose_headline_moves_a_meeting_reports_the_new_date_as_a_meeting_not_as_its_own() -> None:
    text = ("Förbundsmötet flyttas fram till 12-13 september 2026\n\nFörbundsmötet har tidigare flyttats fram till den "
            "3 juni 2026. Styrelsen beslutade vid sitt senaste sammanträde att ändra detta till den 12-13 september "
            "2026.\nDetta innebär att den 12-13 september genomförs förbundsmöte för 2025 och 2026.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert ("meeting", "2026-09-12", "2026-09-13") in [(i["kind"], i["date"], i["end_date"]) for i in result["items"]]


def test_a_letter_signed_with_its_place_and_month_proposes_no_event_that_month() -> None:
    text = ("Kallelse till föreningsstämma\n\nStämman hålls lördagen den 21 mars 2026 kl 10.00 i skolans matsal.\n\n"
            "Nacka i februari 2026\n\nStyrelsen\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-03-21"
    assert [i["kind"] for i in result["items"] if i["date"] == "2026-02"] == ["reference"]


def test_a_month_named_in_a_sentence_in_the_supine_passive_is_past_and_no_deadline() -> None:
    text = ("Protokoll fört vid årsmöte 2026-03-09 kl 18.00\n\n§ 6 Kallelsen har skickats ut i slutet av januari "
            "med vårprogrammet.\n")
    result = extract(text)
    assert [(i["kind"], i["date"]) for i in result["items"] if i["date"] == "2026-01"] == [("reference", "2026-01")]


def test_a_club_report_of_the_evening_it_changed_presidents_records_that_evening() -> None:
    text = ("Presidentskifte och avslutning inför sommaren\n\ntorsdag 18 juni 2026\n\nEva Ek\n\n\n"
            "Presidentskifte och avslutning inför sommaren\n\n\nTisdagen den 16/6 avslutade vi klubbens verksamhetsår "
            "med presidentskifte och en kort sammanfattning av året. Först visades bilder då vår president Anna Berg "
            "överlämnade, till tillträdande president Per Holm, presidentkedjan. Han övertar formellt presidentrollen "
            "med ny styrelse från den 1 juli.\n")
    assert extract(text)["meeting"]["date"] == "2026-06-16"


def test_a_line_that_says_from_when_something_holds_is_no_event_when_a_heading_runs_into_it() -> None:
    text = ("Nyheter 2025\n\nDatum:\nVårt växelnummer upphör\nFrån och med den 26 maj nås vi enbart på våra "
            "personliga telefonnummer.\n")
    assert [i["kind"] for i in extract(text)["items"] if i["date"].endswith("-05-26")] == ["reference"]


def test_a_report_from_the_annual_meeting_which_was_held_on_a_day_records_it_and_its_new_chair() -> None:
    text = ("Information från årsmötet\n\nBara 11 personer hade hörsammat kallelsen till årsmötet som hölls i "
            "föreningslokalen lördagen den 28 mars 2026: här kommer det viktigaste.\n"
            "– Medlemsavgiften är oförändrad.\n– Eva Lind efterträder Per Holm som ordförande (på 1 år)\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-03-28"
    assert [(i["date"], i["from"], i["to"]) for i in result["items"] if i["kind"] == "chair_handover"] == [
        ("2026-03-28", "Per Holm", "Eva Lind")]


def test_news_that_the_council_decided_on_a_day_reports_that_sitting() -> None:
    text = ("Så blir den politiska ledningen från 5 januari\n\nI går onsdag 9 december beslutade kommunfullmäktige "
            "om förändringar i alla nämnder och till viss del i kommunstyrelsen. Kommunfullmäktiges beslut innebär "
            "bland annat att kommunstyrelsens ordförande från och med 5 januari 2027 fortsatt kommer att vara Eva Lind "
            "(S).\n")
    assert extract(text)["meeting"]["date"] == "2026-12-09"


def test_a_signed_notice_that_announces_a_coming_meeting_proposes_it_and_dates_itself_by_the_signature() -> None:
    text = ("Förbundsmöte 2026 lördagen 23 maj\n\nFörbundet inbjuder till förbundsmöte lördagen 23 maj i Göteborg.\n\n"
            "Motioner ska vara inne senast 45 dagar före mötet, dvs 8 april.\n\nStyrelsen\nDen 12 mars 2026\n")
    result = extract(text)
    assert result["meeting"] is None
    kinds = {i["date"]: i["kind"] for i in result["items"]}
    assert kinds["2026-05-23"] == "meeting" and kinds["2026-03-12"] == "reference"


@pytest.mark.parametrize(("ending", "signed"), [
    ("Styrelsen\nDen 12 mars 2026\n", ["2026-03-12"]),
    ("Styrelsen genom Eva Lind\n\nPer Holm   12 mars 2026 20:52\n", ["2026-03-12"]),  # a post's stamp
    ("Styrelsen\n\nNästa möte 12 mars 2026 18:00\n", []),
    ("Beslutet gäller från och med att stämman har hållits och fram till\nden 12 mars 2026.\n", []),
    ("Beslutet gäller från\nden 17:e augusti t.o.m den 31:a december 2026.\n", []),
])
def test_a_date_alone_under_a_signature_dates_the_notice_and_a_sentence_s_end_does_not(ending: str,
                                                                                        signed: list) -> None:
    from planner.extract.dates import find_dates
    from planner.extract.dockind import publication_dates
    from planner.extract.normalize import Doc

    doc = Doc.from_text("Ny ordförande\n\nDirektionen har valt en ny ordförande.\n\n" + ending)
    found = publication_dates(doc, find_dates(doc.folded), "notice", 2026)
    assert sorted(d.isoformat() for d in found.values()) == signed


def test_minutes_that_say_when_the_summons_had_gone_out_propose_no_meeting_that_week() -> None:
    text = ("Protokoll fört vid årsmöte 2026-05-23 kl 14.00\n\nNärvarande: 40 medlemmar\n\n"
            "§ 3 Kallelse hade gått ut med brev till samtliga medlemmar i vecka 17.\n")
    assert [i["kind"] for i in extract(text)["items"] if i["date"] == "2026-W17"] == ["reference"]


def test_the_new_date_of_a_meeting_held_after_it_was_postponed_is_not_cancelled() -> None:
    text = ("Årsmöte 2026\n\nNyheter 2026-06-01\n\nDen 22 augusti 2026 kommer vårt årsmöte att hållas, efter att det "
            "har skjutits upp på grund av vattenskadan.\n")
    assert [(i["date"], i.get("status")) for i in extract(text)["items"] if i["date"] == "2026-08-22"] == [
        ("2026-08-22", None)]


def test_a_programme_heading_that_calls_its_event_off_cancels_the_dated_row_under_it() -> None:
    text = ("Program 2026\n\nValborgsfirande – ställs tyvärr in p.g.a. vattenskadan\n"
            "30/4 Kl 19.00 Kören sjunger in våren. Efter det blir det vårtal och brasa.\n\n"
            "Midsommarfirande\n19/6 Kl 14.00 Vi klär stången.\n")
    status = {i["date"]: i.get("status") for i in extract(text)["items"]}
    assert status["2026-04-30"] == "cancelled" and status["2026-06-19"] is None


def test_news_that_the_annual_meeting_is_done_is_a_report_not_a_summons() -> None:
    text = ("Förbundets årsmöte 2026 är genomfört\n\nDen 7 mars genomfördes förbundets årsmöte. Föredragningslistan "
            "godkändes och 17 personer från 9 föreningar deltog.\n")
    result = extract(text, "arsmote_2026.txt")
    assert result["doc_kind"] == "notice" and result["meeting"]["date"] == "2026-03-07"


def test_a_date_said_to_be_last_wednesday_is_past_and_no_meeting() -> None:
    text = ("Nominering klar\n\nPublicerad 2026-11-27\n\nFram till och med i onsdags, den 25 november, kunde "
            "förbunden nominera kandidater. Stämman hålls den 23 januari 2027.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2026-11-25") in (None, "reference") and kinds["2027-01-23"] == "meeting"


@pytest.mark.parametrize("sentence, title", [
    ("Nästa distriktsstämma, som även blir distriktets 60-årsjubileum, blir den 4 april 2027.", "Distriktsstämma"),
    ("Om ett år är det dags för förbundets nästa kongress som hålls i Malmö den 4 april 2027.",
     "Förbundets nästa kongress i Malmö"),
])
def test_news_of_the_next_assembly_names_it_the_next_meeting_not_the_news_own(sentence: str, title: str) -> None:
    result = extract(f"Distriktsstämma 2027\n\n{sentence}\n\nAlla medlemmar är välkomna.\n")
    nexts = [(i["date"], i["title"]) for i in result["items"] if i["kind"] == "next_meeting"]
    assert result["meeting"] is None and nexts == [("2027-04-04", title)]


def test_the_date_a_planned_meeting_is_moved_to_is_not_cancelled() -> None:
    text = ("Kommunfullmäktiges sammanträde flyttas\n\nPublicerad: 2025-11-20\n\nKommunfullmäktiges sammanträde som "
            "var planerat till den 18 december flyttas till den 15 december klockan 18.00.\n")
    status = {i["date"]: i.get("status") for i in extract(text)["items"] if i["kind"] != "reference"}
    assert status == {"2025-12-18": "cancelled", "2025-12-15": None}


@pytest.mark.parametrize("stamp", ["2020-04-20 10:29Pressmeddelande", "Strängnäs2020-04-20 19:43",
                                   "2020-04-20 Av Peter A Rosén"])
def test_a_news_stamp_near_the_top_dates_the_page_and_a_heading_s_stall_in_cancels(stamp: str) -> None:
    text = (f"Regionfullmäktige 29 april ställ in\n\n{stamp}\n\nFullmäktiges ordförande har bestämt att ställa in "
            "nästa fullmäktigemöte.\n")
    items = [(i["kind"], i["date"], i.get("status")) for i in extract(text)["items"] if i["kind"] != "reference"]
    assert items == [("meeting", "2020-04-29", "cancelled")]


_RELATED_NEWS = ("Fler nyheter\n\n4 mars 2026\n\nNämnden sammanträder den 10 mars\n\n"
                 "Den 10 mars klockan 13 sammanträder tekniska nämnden i stadshuset. Mötet är öppet för alla.\n\n"
                 "Relaterade nyheter\n\nNämnden sammanträder den 21 april\n\n14 april 2026\n\n"
                 "Den 21 april klockan 13 sammanträder tekniska nämnden. Kallelsen finns på webbplatsen.\n\n"
                 "Ny taxa för bygglov beslutad\n\n26 februari 2026\n\n"
                 "Nämnden beslutade om en ny taxa som gäller från sommaren. Läs mer om beslutet.\n")


def test_a_news_lists_post_days_are_no_meetings_and_make_no_plan() -> None:
    result = extract(_RELATED_NEWS)
    assert result["doc_kind"] == "notice"
    kinds = {i["date"]: i["kind"] for i in result["items"]}
    assert kinds["2026-03-10"] in ("meeting", "next_meeting") and kinds["2026-04-21"] in ("meeting", "next_meeting")
    assert all(kinds.get(day, "reference") == "reference" for day in ("2026-03-04", "2026-04-14", "2026-02-26"))


def test_days_listed_one_a_line_are_not_taken_for_post_days() -> None:
    text = ("Inställda möten\n\nFöljande sammanträden med tekniska nämnden ställs in\n\n12 maj 2026\n\n"
            "19 maj 2026\n\nNämnden återkommer med nya datum\n")
    items = extract(text)["items"]
    assert {i["date"]: i.get("status") for i in items if i["date"] in ("2026-05-12", "2026-05-19")} == {
        "2026-05-12": "cancelled", "2026-05-19": "cancelled"}


def test_the_same_again_carries_the_cancellation_of_the_sentence_before() -> None:
    text = ("2026-07-31 06:00\n\nÄndrade mötesdagar\n\nKommunstyrelsens sammanträde den 18 augusti ställs in. "
            "Samma sak sker med kommunfullmäktiges möte den 24 september. Nämnden sammanträder den 1 oktober.\n")
    status = {i["date"]: i.get("status") for i in extract(text)["items"]}
    assert status["2026-08-18"] == status["2026-09-24"] == "cancelled"
    assert status["2026-10-01"] is None


def test_a_headline_in_the_past_form_does_not_keep_a_cancellation_from_its_news() -> None:
    text = "2026-07-31\n\nÄndrade mötesdagar\n\nKommunstyrelsens sammanträde den 18 augusti ställs in.\n"
    assert [i.get("status") for i in extract(text)["items"] if i["date"] == "2026-08-18"] == ["cancelled"]


_KUNGORELSE = ("Kungörelse: Stadsfullmäktige sammanträder 16.11\n\n9.11.2026\n\n"
               "Stadsfullmäktige i Jakobstad sammankommer till möte måndag 16 november 2026 kl. 18.00. "
               "Vid mötet behandlas budgeten.\n\nJakobstad 6.11.2026\n\nAnna Berg\nStadsfullmäktiges ordförande\n")


def test_a_kungorelse_calls_its_meeting_and_its_own_dates_are_the_letters() -> None:
    result = extract(_KUNGORELSE)
    assert result["doc_kind"] == "kallelse"
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2026-11-16", "18:00")
    assert {i["date"]: i["kind"] for i in result["items"]} == {"2026-11-09": "reference", "2026-11-06": "reference"}


def test_a_kallelse_calls_the_announced_meeting_not_last_years_held_one() -> None:
    text = ("Årsmöte 2027\n\n21 augusti kommer vårt årsmöte hållas, efter att det har skjutits upp på grund av "
            "renoveringen. Rätt att rösta har alla medlemmar. Se mer information i kallelsen.\n\n"
            "Lokal: Folkets hus.\nTid: mötet börjar klockan 13.00.\n\nÅrsmötesprotokoll 2026\n\n"
            "Lördag 19 september 2026 hölls vårt årsmöte på Folkets hus.\n\nLänk: Årsmötesprotokoll_2026-09-19\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"]) == ("2027-08-21", "13:00")


def test_when_the_call_is_due_is_a_deadline_not_the_meeting_it_calls() -> None:
    text = ("2017-03-22\n\nFöreningsstämma den 21-23 september i Stockholm\n\nFöreningens stadgar ligger till grund "
            "för de datum som följer.\n\n  • Stämmoombud ska kallas till stämman senast 2 månader (21 juli) före "
            "stämman.\n"
            "  • Motioner kan skickas in till föreningen senast 5 veckor (17 augusti) före stämman.\n")
    result = extract(text)
    assert (result["meeting"] or {}).get("date") != "2017-07-21"
    assert {i["date"]: i["kind"] for i in result["items"] if i["date"] in ("2017-07-21", "2017-08-17")} == {
        "2017-07-21": "deadline", "2017-08-17": "deadline"}


def test_when_the_meeting_starts_in_a_sentence_of_its_own_times_the_meeting_the_notice_names() -> None:
    text = ("Följ kommunfullmäktiges sammanträde\n\nKommunfullmäktige sammanträder måndagen den 28 november 2022. "
            "Du kan följa sammanträdet via webben.\n\nInterpellationer besvaras mellan klockan 17.00 och 18.00. "
            "Sammanträdet startar klockan 18.00.\n\nSenast uppdaterad 24 november 2022\n")
    timed = {i["date"]: i["start"] for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}
    assert timed == {"2022-11-28": "18:00"}


def test_a_cancellation_whose_particle_stands_after_what_is_cancelled() -> None:
    text = ("Kurser och resor\n\nPublicerad 2020-03-12\n\nPå grund av rådande pandemi så ställs nätverksträffen "
            "Offentlig konst i Täby den 17/3 in. Anmälda har informerats.\n")
    assert [(i["date"], i.get("status")) for i in extract(text)["items"] if i["date"] == "2020-03-17"] == [
        ("2020-03-17", "cancelled")]


def test_a_name_after_the_bodys_sentence_is_not_its_organization() -> None:
    """"… efter valet till ny kommunstyrelse. Elof Hansjons blir förste vice ordförande": the sentence names the body
    and ends; the capitalized words after its full stop begin the next sentence, not the body's organization."""
    text = ("Nytt styre\n\nBoel Godner fortsätter som ordförande efter gårdagens val till ny kommunstyrelse. "
            "Elof Hansjons blir förste vice ordförande.\n")
    assert "Hansjons" not in (extract(text)["organization"] or "")


def test_what_is_done_about_an_extra_meeting_does_not_date_it() -> None:
    """The request's day, the board meeting that decided to call it, the day the call goes out and the ordinary
    meeting named after it are none of them the extra meeting; "en tiondel (1/10) av rösterna" is no date."""
    text = ("Information om extra förbundsmöte\n\n"
            "Styrelsen ska kalla till extra förbundsmöte om det begärs av en tiondel (1/10) av rösterna.\n\n"
            "Den 31 januari 2024 inkom en begäran om extra förbundsmöte från föreningarna.\n\n"
            "Förbundsstyrelsen har på styrelsemöte den 3 februari 2024 beslutat att kalla till ett extra "
            "förbundsmöte.\n\n"
            "Förbundsstyrelsen avser att den 12 februari 2024 skicka ut kallelsen till extra förbundsmöte.\n\n"
            "Digital närvaro är önskvärd på det extra förbundsmötet, eftersom det redan är inplanerat ett ordinarie "
            "förbundsmöte 28-29 september 2024.\n")
    items = extract(text)["items"]
    assert not [i for i in items if i["kind"] == "next_meeting"]
    assert "2024-10-01" not in {i["date"] for i in items}


def test_an_extra_meeting_called_for_a_day_is_the_next_meeting() -> None:
    text = ("Extra förbundsmöte\n\nFörbundsstyrelsen kallar härmed till extra förbundsmöte den 14 mars 2024 "
            "kl. 18.00 i Stockholm.\n")
    nexts = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert nexts == [("2024-03-14", "18:00")]


def test_the_year_a_headline_names_places_the_news_items_yearless_days() -> None:
    text = ("Mälardalsrådets Rådsmöte 2020\n\nVi ställer om! Rådsmötet den 21 augusti hålls digitalt. "
            "Mälartinget i Eskilstuna flyttas istället fram till maj 2021.\n\n"
            "Rådsmötet hålls digitalt den 21 augusti kl 12.00.\n")
    dates = {i["date"] for i in extract(text)["items"]}
    assert "2020-08-21" in dates and "2021-05" in dates


@pytest.mark.parametrize("said", ["Nästa år", "Nasta 4r"])  # and as OCR reads it
def test_a_news_item_whose_one_full_date_is_next_year_speaks_from_the_year_before(said: str) -> None:
    text = ("Styrelsen möts i Karlsborg i nästa vecka\n\nDen 16-17 augusti är det dags för styrelsemöte. "
            "På dagordningen står planering av höstmötet den 22-23 november.\n\n"
            f"{said} fyller föreningen 30 år. Vi firar vid rikskonferensen, som äger rum den 24-26 april 2019.\n")
    dates = sorted(i["date"] for i in extract(text)["items"] if i["kind"] != "reference")
    assert dates == ["2018-08-16", "2018-11-22", "2019-04-24"]


def test_the_next_meeting_with_the_body_itself_is_its_own_next_meeting() -> None:
    """"nästa möte med arbetsgruppen" is another group's; "med kommunstyrelsen" in news of Kommunstyrelsen is not."""
    text = ("Extrainsatt sammanträde\n\nKommunstyrelsen kommer att ha ett extrainsatt sammanträde den 29 december "
            "2017. Nästa ordinarie möte med kommunstyrelsen är den 30 januari 2018.\n")
    nexts = [i["date"] for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert "2018-01-30" in nexts


def test_a_month_named_meeting_that_starts_at_an_hour_times_that_months_meeting() -> None:
    text = ("Kommunfullmäktige ställer in\n\nPubliceringsdatum: 2020-05-04\n\nKommunfullmäktiges möte den 14 maj "
            "ställs in. De få ärendena flyttas till nästa möte, den 11 juni.\n\n"
            "Juni månads möte, det sista innan sommaren, börjar klockan 18.\n")
    nexts = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert nexts == [("2020-06-11", "18:00")]


def test_a_cookie_notice_above_a_pages_headline_is_no_part_of_it() -> None:
    """OCR wraps the banner onto two lines; the headline below still heads the page (a summons of the council)."""
    text = ("Cookie-installningar Var webbplats anvander cookies for att webbplatsen ska fungera korrekt och\n"
            "for att din anvandarupplevelse ska bli annu battre. Las mer om vara principer for dataskydd.\n\n"
            "flags\n\nFullmaktige sammantrader 14.10.2021 kl. 11:00\n\n"
            "Fullmaktige sammantrader 14.10.2021 kl. 11:00 via elektronisk forbindelse. Motet kommer att livestreamas."
            "\n\nI ar sammankallas det gamla fullmaktige till budgetmotet.\n")
    meeting = extract(text)["meeting"]
    assert meeting is not None and (meeting["date"], meeting["start"]) == ("2021-10-14", "11:00")


def test_a_meeting_moved_to_a_year_is_dated_in_that_year_in_the_same_paragraph() -> None:
    text = ("Förbundsmötet flyttas\n\nPublicerad 2020-05-12\n\nPå grund av osäkerheten flyttas årets förbundsmöte "
            "till 2021. Mötet kommer att genomföras i Gävle under april.\n\n"
            "Ett årsmöte kommer att genomföras digitalt den 28 augusti kl. 10.00.\n")
    dates = {i["date"] for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}
    assert dates == {"2021-04", "2020-08-28"}


def test_viktiga_datum_heads_a_list_and_labels_no_meeting() -> None:
    text = ("Förbundsmöte 2023\n\nViktiga datum\n\n16 januari\nSista dag att meddela tid och plats för mötet.\n\n"
            "6 mars\nAlla medlemmar ska ha fått sin valsedel.\n\n13-22 oktober\nFörbundsmötesvecka i Göteborg.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert "2023-10-13" in {i["date"] for i in result["items"]}


@pytest.mark.parametrize("sentence", [
    "På sammanträdet den 17 december beslutas vilka personer som ska ingå i nämnderna från den 1 januari 2019.",
    "Detta innebär att den nya styrelsen sitter från 1 januari 2019 och två år framåt.",
])
def test_the_day_a_term_runs_from_is_no_meeting(sentence: str) -> None:
    text = "Nytt presidium\n\nPublicerad 2018-10-20\n\n" + sentence + "\n"
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2019-01-01") == "reference"


def test_news_whose_post_stamp_stands_in_its_own_paragraph_reports_the_meeting_below_it() -> None:
    # OCR and web pages set the stamp apart with a blank line; the stamp is the page's, the report below its own.
    text = ("Förbundet inför nya rutiner\n\nNyhet 2021-03-12\n\n"
            "Vid direktionssammanträdet fredag den 12 mars beslutade direktionen för förbundet att nya\n"
            "rutiner ska gälla från och med 1 maj 2021.\n")
    assert extract(text)["meeting"]["date"] == "2021-03-12"


def test_a_cancelled_meeting_whose_sentence_wraps_onto_the_next_line_is_no_meeting() -> None:
    text = ("Inställt - Kommunfullmäktige\n\nInget kommunfullmäktige 22 mars\n\n"
            "På grund av det låga antalet ärenden till kommunfullmäktige den 22 mars, kommer detta\n"
            "sammanträde att ställas in efter beslut av presidiet.\n\nNästa KF är planerat till den 26 april 2021.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["date"], i.get("status")) for i in result["items"] if i["date"] == "2021-03-22"] == \
        [("2021-03-22", "cancelled")]


def test_an_extra_meeting_announced_for_today_is_no_meeting_the_news_reports_held() -> None:
    # "idag" in the headline is not said of the paragraph below, whose sentence tells what is to come.
    text = ("Extrainsatt regionfullmäktige idag 20 december från klockan 15.00\n\n"
            "Pressmeddelande - 20 december 2024\n\n"
            "Den 20 december är det ett extrainsatt sammanträde för regionfullmäktige med start\n"
            "klockan 15.00 på Regionens hus.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert ("2024-12-20", "15:00") in {(i["date"], i["start"]) for i in result["items"]}


def test_a_report_under_a_heading_that_names_the_meeting_is_read_with_its_heading() -> None:
    # The heading alone above the paragraph names the meeting the paragraph reports as held: it is the news's own
    # meeting, not a meeting to come.
    text = ("Aktuellt startsida\n\nAnna Ek, Per Holm och Eva Lind\n\nFullmäktigesammanträde\n\n"
            "Torsdagen den 14 januari samlades Norra Länets Kommunalförbunds fullmäktige till sitt första möte "
            "den här mandatperioden.\n\nAnna Ek, Skara, valdes till ordförande i förbundet.\n")
    result = extract(text, "news_2021_01.txt")
    assert result["meeting"]["date"] == "2021-01-14"
    assert [(i["kind"], i["date"]) for i in result["items"]] == [("chair_handover", "2021-01-14")]


@pytest.mark.parametrize("text, day", [
    ("Avdelningsstyrelsens sammanträde\n\nPublicerad 2027-02-20\n\nSammanträdet den 2 mars kommer bland annat att "
     "behandla styrelsens förslag till representantskapets årssammanträde den 25 mars.\n", "2027-03-02"),
    ("Resultatet i kårvalet 2027\n\nRösterna har räknats.\n\nValfullmäktige 24 maj\n\nDen 24 maj sammanträder de "
     "nyvalda ledamöterna i fullmäktige för första gången. Mötet börjar klockan 18:00.\n", "2027-05-24"),
    ("Valresultat 2027\n\nVad händer nu?\n\nLedamöterna tillträder på konstituerande fullmäktige – Konst-FUM – som "
     "äger rum tisdag 11 maj 2027 i Markan.\n", "2027-05-11"),
])
def test_news_of_the_body_s_meeting_to_come_names_its_next_meeting(text: str, day: str) -> None:
    assert [i["date"] for i in extract(text)["items"] if i["kind"] == "next_meeting"] == [day]


def test_news_of_a_meeting_held_names_no_next_meeting() -> None:
    text = ("Nytt från styrelsen\n\nPublicerad 2027-03-05\n\nSammanträdet den 2 mars beslutade att anta "
            "verksamhetsplanen.\n")
    assert [i for i in extract(text)["items"] if i["kind"] == "next_meeting"] == []


def test_a_deadline_reckoned_back_from_the_called_meeting_is_dated() -> None:
    text = ("Årsmöte 2027\n\nKallelse till Årsmöte 28/3 kl 19:00 för alla medlemmar, plats klubbens lokal.\n\n"
            "Obs. Motioner ska vara inkomna senast 4 veckor före årsmötet enligt föreningens stadgar.\n\n"
            "Handlingar ska finnas tillgängliga senast en vecka innan årsmötet, dvs. 21 mars.\n")
    items = extract(text)["items"]
    assert [i["date"] for i in items if i["kind"] == "deadline"][:1] == ["2027-02-28"]
    assert [i["date"] for i in items].count("2027-03-21") == 1  # "dvs. 21 mars": the text's own day, once


def test_a_moved_stamma_s_new_preliminary_day_is_not_cancelled() -> None:
    # "flyttas fram – genomförs preliminärt 26 maj": the day it is held now, not the one moved from
    text = ("Årsstämman flyttas fram – genomförs preliminärt 26 maj\n\nStyrelsen väljer att följa uppmaningen från "
            "HSB. Nytt preliminärt datum för stämman är 26 maj.\n")
    items = [i for i in extract(text, "brf_2027_03.txt")["items"] if i["date"] == "2027-05-26"]
    assert [i.get("status") for i in items] == [None]


def test_three_meetings_moved_in_two_sentences_each_leave_their_old_day_cancelled() -> None:
    # Each old day has its own "flyttas" right after it; "Det planerade sammanträdet" is the planned one, not one
    # that decided; "de beslut som" is a noun and "de senaste dagarna" no deadline; how long the notice stands is
    # no meeting.
    text = ("Sammanträden flyttas\n\nPublicerad 2.3.2031 11:32\n\nMeddelandet är tillgängligt t.o.m. 28.4.2031 "
            "23:59\n\nMed anledning av de beslut som regeringen tagit de senaste dagarna har ordföranden beslutat "
            "meddela att styrelsesammanträdet den 10 mars flyttas till den 31 mars och fullmäktigesammanträdet den "
            "17 mars flyttas till den 21 april. Det planerade styrelsesammanträdet den 7 april flyttas till den "
            "28 april.\n")
    items = {(i["date"], i.get("status")) for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert items == {("2031-03-10", "cancelled"), ("2031-03-31", None), ("2031-03-17", "cancelled"),
                     ("2031-04-21", None), ("2031-04-07", "cancelled"), ("2031-04-28", None)}


def test_a_byline_that_prints_its_month_twice_gives_no_meeting_of_that_month() -> None:
    text = ("Förbundet\n\nHär är frågorna på kongressen\n\nPublicerad 15 juni jun 2031\nFoto: Per Ek\n\n"
            "Den 17–19 juni samlas 240 ombud från hela landet för att delta i kongressen.\n")
    assert [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"] == ["2031-06-17"]


def test_a_page_s_machine_stamps_are_no_events_and_an_event_s_own_timestamp_gives_its_time() -> None:
    text = ("Poesi och litteratur.\nNu startar vi vår studiecirkel. Torsdagen den 12 februari 2031 kl. 10-12 och "
            "varannan vecka.\n- Läs mer\n- 2031-01-25T16:51:33.0000000+00:00\nQuiz 20 feb\nDen 20 februari klockan "
            "18.00 träffas vi på Trädgården.\n- Läs mer\n- 2031-01-22T10:50:39.0000000+00:00\nÅrsmöte\n"
            "  • 2031-02-17T15:00:00.0000000\nVälkomna till årsmötet.\n")
    meetings = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")]
    assert sorted(meetings) == [("2031-02-12", "10:00"), ("2031-02-17", "15:00"), ("2031-02-20", "18:00")]


def test_a_notice_titled_by_a_cancellation_calls_off_the_meeting_its_text_names_first() -> None:
    # The title names no day; the text tells of the planned meeting, the board's decision day and the page's edit.
    text = ("HÖSTMÖTET INSTÄLLT\n\nFöreningen hade planerat att som vanligt inbjuda till HÖSTMÖTE söndagen den 15 "
            "november kl 15.00 i Bygdegården i enlighet med gammal sed: År 1937 bildades föreningen och då beslutades "
            "att mötet skulle hållas i Bygdegården.\n\nMed anledning av rekommendationerna har styrelsen den 2 "
            "november beslutat att ställa in mötet.\n\nEditerad av: Per Ek (2031-10-30 14:24:15)\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["date"], i.get("status")) for i in result["items"] if i["kind"] in ("meeting", "next_meeting")] == [
        ("2031-11-15", "cancelled")]


def test_news_that_the_council_sits_on_a_day_makes_that_day_its_meeting_unless_the_meeting_moved() -> None:
    text = ("Kommunfullmäktige sammanträder\n\nMåndagen den 12 december sammanträder kommunfullmäktige på "
            "Kulturhuset, klockan 18.00. Du är välkommen på mötet.\n\nFullmäktige väljer ledamöter för perioden "
            "2031-2034.\n")
    assert extract(text, "kf_2030_12.txt")["meeting"]["date"] == "2030-12-12"
    moved = ("Fullmäktige flyttas en vecka framåt\n\nFullmäktiges möte som skulle ha hållits i kväll flyttas en vecka "
             "framåt. Stadsfullmäktige sammanträder i stället tisdagen den 16 juni 2020 i ett elektroniskt möte.\n")
    assert extract(moved)["meeting"] is None
