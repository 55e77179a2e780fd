"""OCR's text: ö read as é ("ordférande", "bérjar") and a PDF's long lines wrapped anew; the words and cues still
count as what they stand for."""

from __future__ import annotations

from planner.extract import extract
from planner.extract.normalize import fold


def test_an_acute_e_folds_as_the_o_it_stands_for() -> None:
    text = "Ordférandeskapet féreslas"
    assert fold(text) == "ordforandeskapet foreslas"
    assert len(fold(text)) == len(text)
    # Swedish's own é, at a word's end and before its endings, is not OCR's.
    assert fold("Samarbetskommittén idéer kommitté Lindéns") == "samarbetskommitten ideer kommitte lindens"


def test_a_plan_whose_start_and_end_are_said_in_ocr_text_gives_every_date_both() -> None:
    text = ("Styrelseméten 2026\n\n"
            "Métena hålls i Stadshuset och bérjar 18.30 och haller pa langst till kl.\n21.00.\n\n"
            "Féljande datum galler for 2026\n\n"
            "12 jan, 9 feb, 9 mars, 13 april och 11 maj.\n")
    result = extract(text)
    meetings = [(i["date"], i["start"], i["end"]) for i in result["items"] if i["kind"] == "meeting"]
    assert meetings == [(d, "18:30", "21:00") for d in
                        ("2026-01-12", "2026-02-09", "2026-03-09", "2026-04-13", "2026-05-11")]


def test_an_ocr_plan_called_by_the_body_s_sammantrada_is_titled_as_the_body_s_meeting() -> None:
    text = ("FÖREDRAGNINGSLISTA\nOrgan Regionfullmaktige\nPlats Fullmaktigesalen\n\n5 Sammantradesdagar 2027\n"
            "Fullmaktige féreslas sammantrada féljande datum under 4r 2027: 17 februari, 14 april, 16 juni och "
            "20 oktober.\n")
    titles = {i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert titles == {"Regionfullmäktiges sammanträde"}


def test_a_sentence_wrapped_onto_a_line_that_begins_with_ledamoter_is_no_attendance_list() -> None:
    # A body's page: who sits in it, then its dates. "ledaméter, för en …" continues the sentence above.
    text = ("Direktionen\n\n"
            "Direktionen ar forbundets hégsta beslutande organ och bestar av tre\n"
            "ledaméter, for en mandatperiod pa 4 ar.\n\n"
            "Direktionens sammantradesdatum 2026\n\n"
            "9/2 16/3 20/4 25/5 22/6\n\n"
            "Justering av protokoll fran direktionens senaste sammantrade\n\n"
            "Protokollet ar justerat, se anslagstavlan\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    assert result["meeting"] is None
    assert len([i for i in result["items"] if i["kind"] == "meeting"]) == 5


def test_the_adjustment_date_of_minutes_whose_long_header_line_ocr_wrapped_is_no_meeting() -> None:
    text = ("SAMMANTRADESPROTOKOLL Sida 12 Sammantradesdatum: Paragrafer nr Plats och tid Beslutande\n"
            "Kommunhuset, mandagen den 18 maj 2026, kl 18.00 Enligt forteckning (bil. 3) Ovriga deltagande\n"
            "Anna Berg, kommunchef Per Holm, sekreterare Utses att justera Lena Ek (S) Olle Ström (C)\n"
            "Justeringens plats och tid Underskrifter Sekreterare Kommunhuset, manda~\n"
            "en 25 maj 2026, kl 16.00 '-Per Holm p ---- Ordférande\n\n"
            "Justerande ANSLAG/BEVIS Protokollet ar justerat.\n"
            "§ 12 Godkannande av dagordning\n§ 13 Information\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-05-18"
    assert [i["date"] for i in result["items"] if i["kind"] in ("meeting", "next_meeting")] == []



def test_an_ocr_ki_glued_to_the_place_is_cut_from_the_location() -> None:
    from planner.extract import extract

    text = ("PROTOKOLL\nKommunstyrelsens arbetsutskott\nSammantradesdatum 2024-05-13\n\n"
            "Plats och tid KommunhusetkI 08.30-11.45\n\nBeslutande Anna Ek (S), ordforande\n")
    assert extract(text)["meeting"] == {"date": "2024-05-13", "start": "08:30", "end": "11:45",
                                        "location": "Kommunhuset"}


def test_a_report_that_ocr_spelled_hdells_records_its_meeting() -> None:
    from planner.extract import extract

    text = "Vintermöte 2021\n\nLérdagen den 23 januari hdélls ett virtuellt vinterméte via Zoom.\n"
    assert extract(text)["meeting"]["date"] == "2021-01-23"


def test_front_matter_that_lost_its_fences_dates_the_page_not_the_meeting() -> None:
    from planner.extract import extract

    text = ("title: Rapport fran arsmétet 2023\n\ndate: 2023-03-28\n\nForbundet hdll sitt Arsméte pa Best Western i\n"
            "Séderhamn pa fredagseftermiddagen den 24 mars. Ordféranden inledde métet.\n")
    assert extract(text)["meeting"]["date"] == "2023-03-24"


def test_news_whose_ocr_lines_wrap_onto_protokollet_and_ordforande_stays_news() -> None:
    # The page's line breaks survive OCR: "protokollet" and "ordférande (…)" begin lines a sentence wrapped onto,
    # so neither is a minutes title nor a protocol's label; the news keeps its meeting and its new chair.
    text = ("Nytt fran arsmétet\n\n"
            "Tisdagen den 12 mars 2024 samlades drygt 90 medlemmar till arsméte i Folkets hus i Vasteras och\n"
            "Sala. Har kan du lasa om besluten i korthet och ta del av hela protokollet om du vill.\n\n"
            "Arsmétet beslutade att arvodet pa sammanlagt ett prisbasbelopp skulle delas mellan\n"
            "ordférande (80%) och vice ordférande (20%).\n\n"
            "Arsmétet valde Karin Berg till ny ordférande for de kommande tva aren.\n")
    result = extract(text)
    assert result["doc_kind"] == "notice"
    assert result["meeting"]["date"] == "2024-03-12"
    handovers = [(i["date"], i["to"]) for i in result["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2024-03-12", "Karin Berg")]


def test_a_chair_whose_capital_i_ocr_read_as_l_is_named_with_the_i() -> None:
    text = ("Eva lsaksson ny ordférande i férbundet\n\n"
            "Eva lsaksson blir tillférordnad ordférande i férbundet efter att Per Holm har meddelat att han\n"
            "lamnar sin post med omedelbar verkan.\n\nSidan uppdaterades: 6 oktober 2023\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2023-10-06", "Eva Isaksson")]


def test_a_summons_whose_opening_ocr_wrapped_over_lines_is_still_a_kallelse() -> None:
    # The lines a sentence wrapped onto belong to the line they continue: the opening still holds "kallelsen".
    text = ("Arsméte 2024\n\n"
            "24 augusti kommer vart arsméte hallas, efter att det har skjutits upp pa grund av renoveringen.\n"
            "Ratt att narvara har alla medlemmar, och ratt att résta har medlemmar som finns i\n"
            "medlemsregistret for 2023. Arsméteshandlingarna finns att lasa langst ner pa sidan. Den som\n"
            "vill delta i métet ska anmala sig pa férhand, se mer information i kallelsen.\n\n"
            "Lokal: Folkets hus, Storgatan 3.\n\nTid: métet bérjar klockan 13.00.\n")
    result = extract(text)
    assert result["doc_kind"] == "kallelse"
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2024-08-24", "13:00")
