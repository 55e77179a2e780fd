"""Minutes' administrative dates (the adjustment, the notice board) are no meetings (extract/items.py)."""

from __future__ import annotations

import pytest

from planner.extract import extract


def test_the_place_and_time_under_the_adjuster_are_the_adjustment_s_not_a_meeting() -> None:
    text = ("Protokoll Tekniska nämnden\n\nPlats och tid Stadshuset, 2026-05-12 kl 18.00-19.30\n\n"
            "Beslutande Anna Berg (S), ordförande\n\nUtses att justera Bo Ek (V)\n\n"
            "Plats och tid Stadshuset, 2026-05-19\n\nParagrafer §§ 19-33\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-05-12"
    assert [i["kind"] for i in result["items"] if i["date"] == "2026-05-19"] == ["reference"]


def test_an_agenda_point_that_utgar_goes_to_the_bodys_next_meeting_which_is_not_cancelled() -> None:
    text = ("Protokoll Miljö- och byggnämnden\n\nSammanträdesdatum 2026-03-10\n\n"
            "§ 20 Fastställande av föredragningslista\n"
            "Ärende nr 6 utgår och behandlas vid nämndens sammanträde den 14 april.\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-03-10"
    nxt = [i for i in result["items"] if i["date"] == "2026-04-14"]
    assert [(i["kind"], i.get("status")) for i in nxt] == [("next_meeting", None)]


def test_a_meeting_that_utgar_is_still_cancelled() -> None:
    text = ("Protokoll Miljö- och byggnämnden\n\nSammanträdesdatum 2026-03-10\n\n"
            "§ 21 Sammanträdet den 14 april utgår.\n")
    items = extract(text)["items"]
    assert [i.get("status") for i in items if i["date"] == "2026-04-14"] == ["cancelled"]


# A § of a municipal protocol, copied out on its own: the page's furniture ("Mötesdatum", "Justerandes sign",
# "Utdragsbestyrkande") says minutes, though the § lists next year's meeting dates like a plan.
_PLAN_PARAGRAPH = ("Tekniska nämnden - Preliminär plan för sammanträden 2027 (TN 2026/087)\n\nShare\n\nFull text\n\n"
                   "(1)\n\nMÖTESPROTOKOLL\n\nMötesdatum\n\n"
                   "Tekniska nämnden (TN) 2026-10-15\n\nJusterandes sign Utdragsbestyrkande\n\n§ 88\n\n"
                   "Beslut\n\nTekniska nämnden beslutar att ha 4 sammanträden under 2027.\n\n"
                   "Sammanträdestid är kl. 13:00.\n\n"
                   "Datum för sammanträden är 4 februari, 6 maj, 16 september och 2 december.\n\n"
                   "Beslutsunderlag\n\nTekniska nämndens berednings protokoll 71, 2026-10-01\n")


def test_a_protocol_paragraph_that_fixes_next_years_dates_is_minutes_with_the_decided_time() -> None:
    result = extract(_PLAN_PARAGRAPH)
    assert result["doc_kind"] == "minutes"
    assert result["meeting"]["date"] == "2026-10-15"
    meetings = [(i["date"], i["start"]) for i in result["items"] if i["kind"] == "meeting"]
    assert meetings == [("2027-02-04", "13:00"), ("2027-05-06", "13:00"), ("2027-09-16", "13:00"),
                        ("2027-12-02", "13:00")]


def test_a_numbered_protocol_in_the_decision_papers_is_no_meeting() -> None:
    items = extract(_PLAN_PARAGRAPH)["items"]
    assert [i["kind"] for i in items if i["date"] == "2026-10-01"] == ["reference"]


# A Finnish-Swedish kallelse page and its protocol in one transcript.
_FINNISH_PROTOCOL = ("STYRELSEN KALLELSE 12.11.2026 Nr 6 Tid Torsdagen den 12.11.2026 kl. 10.00 Plats Kommunkansliet "
                     "Ärenden: 40 SAMMANTRÄDETS LAGLIGHET 41 PROTOKOLLJUSTERARE Denna möteskallelse har utfärdats "
                     "samt anslagits på förbundets anslagstavla 06.11.2026 Protokollet är framlagt till påseende vid "
                     "förbundskansliet 20.11.2026.\n"
                     "STYRELSEN PROTOKOLL 12.11.2026 Nr 6 Tid Torsdagen den 12.11.2026. kl. 10.00 12.15 Plats "
                     "Kommunkansliet Ärenden 40-41 Sammanträdet är kungjort Jomala 06.11.2026\n"
                     "Styrelsen 40-41 41 Protokoll 6/12.11.2026 Sid 3 40 SAMMANTRÄDETS LAGLIGHET\n")


def test_a_finnish_protocols_notices_and_paragraph_numbers_are_no_meetings() -> None:
    result = extract(_FINNISH_PROTOCOL)
    assert (result["meeting"]["date"], result["meeting"]["start"], result["meeting"]["end"]) == (
        "2026-11-12", "10:00", "12:15")
    assert all(i["kind"] == "reference" for i in result["items"]), result["items"]
    assert not any(i["date"].endswith("-12-06") for i in result["items"])  # "6/12.11.2026" is no 6 December


def test_a_kallelses_sending_week_is_no_meeting() -> None:
    text = ("Antal: Utsändningsdag: 2026 V 34 Kallelse/Underrättelse till Sammanträde Kommunstyrelsen\n\n"
            "Tid: Tisdag 25 augusti 2026 kl 08.15\n\nPlats: Kommunhuset\n")
    items = extract(text)["items"]
    assert [i["kind"] for i in items if "W34" in i["date"]] in ([], ["reference"])
    assert not [i for i in items if i["kind"] == "meeting"]


def test_a_justering_label_wrapped_after_its_first_word_is_no_meeting() -> None:
    text = ("UN260502\nPlats och tid Stadshuset, Norrtälje, kl\n15.00-16.00\n\nBeslutande Se närvarolista\n\n"
            "Justeringens \nplats och tid Förvaltningskontoret 2026-05-12, kl. 15.00\n\n"
            "ANSLAG/BEVIS\nProtokollet är justerat.\n\nOrgan Utbildningsnämnden\n\nSammanträdesdatum 2026-05-04\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2026-05-04"
    assert [i["kind"] for i in result["items"] if i["date"] == "2026-05-12"] == ["reference"]


def test_a_days_programme_gives_the_meetings_start_and_end() -> None:
    text = ("Möte 2027-02-23\n-\nTisdag 23 februari\n08.30 Sammanträdet startar\n- Formalia\n"
            "- Interpellationer behandlas fram till kl 11\n- Ärenden enligt lista12.00-13.00 (ca) Lunch\n"
            "13.00 Sammanträdet fortsätter\n- Ärenden17.00 Sammanträdet avslutas för dagen\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2027-02-23", "08:30", "17:00")


@pytest.mark.parametrize(("line", "start"), [
    (" • Förbundsmötet kl. 10:00.", "10:00"),  # the meeting leads its line in the practical programme
    ("Själva årsmötet börjar kl. 19 i lokalen.", "19:00"),  # said with its verb, anywhere
    ("Efter mötet kl. 20.00 serveras smörgåstårta för alla som stannar kvar.", None),  # not the meeting's start
])
def test_the_meeting_named_with_its_hour_in_a_programme_gives_its_start(line: str, start: str | None) -> None:
    text = ("Välkommen till förbundsmötet den 23 mars\n\nDen 23 mars 2023 sammanträder förbundsmötet.\n\n"
            "Här finns förbundsmötets handlingar.\n\nPraktisk information inför dagen\n\n"
            "Mötet är fysiskt på plats i Mässhallen. Handlingarna skickades till ombuden i god tid.\n\n"
            " • Från klockan 08.00 kan du registrera dig och få din namnskylt.\n"
            " • Klockan 09:00 är det partigruppsmöten.\n" + line + "\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"]) == ("2023-03-23", start)


def test_a_deadline_in_a_flattened_decision_is_not_made_administrative_by_the_next_clause() -> None:
    filler = "Förbundsstyrelsen har tidigare behandlat ärendet och kansliet har berett underlaget vidare. " * 3
    text = ("Styrelseärende Till Förbundsstyrelsen 2026-02-08 " + filler + "Förbundsstyrelsen föreslås besluta att "
            "översända underlaget till medlemskommunerna med hemställan om synpunkter senast den 6 april 2026, samt "
            "att förklara protokollet under denna paragraf för omedelbart justerat. " + filler + "\n")
    items = extract(text)["items"]
    assert [i["kind"] for i in items if i["date"] == "2026-04-06"] == ["deadline"]


def test_the_notice_board_box_one_field_a_line_dates_no_meeting_and_sammantradesdag_labels_the_meeting() -> None:
    text = ("Miljönämnden\n\nSAMMANTRÄDESPROTOKOLL\n\n§ 70 Miljöpris 2012\n\nNämnden utser årets pristagare.\n\n"
            "ANSLAG/BEVIS\n\nProtokollet är justerat\n\nOrgan Miljönämnden\n\nSammanträdesdag 2012-09-26\n\n"
            "Datum då anslaget sätts upp\n\n2012-09-27\n\nDatum då anslaget\n\ntas ned 2012-10-19\n\n"
            "Förvaringsplats för protokollet\n\nMiljökontoret\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2012-09-26"
    assert {i["date"]: i["kind"] for i in result["items"] if i["date"] != "2012-09-26"} == {
        "2012-09-27": "reference", "2012-10-19": "reference"}


def test_a_bare_tid_label_in_a_flattened_protocol_page_dates_the_meeting() -> None:
    # docplayer's "Download" title names the adjustment's day (2013-04-02); the page's own "Tid" field the meeting
    text = ("Kommunhuset. se nästa sida. Miljö- och byggnadsnämnden\n\nDownload \"Kommunhuset. se nästa sida. "
            "Bengt Rask Miljö- och byggförvaltningen 2013-04-02. Miljö- och byggnadsnämnden\"\n\nTranskript\n\n"
            "1 Sammanträdesdatum s. 1 (57) Plats Stora sessionssalen, Kommunhuset Tid Tisdagen den 26 februari 2013, "
            "kl Beslutande se nästa sida Övriga deltagande se nästa sida Utses att justera Justeringens plats och tid "
            "Bengt Rask Miljö- och byggförvaltningen Underskrifter Sekreterare Paragrafer\n")
    assert extract(text)["meeting"]["date"] == "2013-02-26"


FORM_HEADER = ("Nämnd:Omvårdnadsnämnden\nTitel:2019-01-30 Protokoll  Nämnd\n\n  Sammanträdesdatum\n\n  Plats och tid\n"
               "  Omvårdnadsnämnden\n\n  2019-01-30\n\n  Faxepark, konferenslokal Europa, kl. 13:15 {dash}15:20\n"
               "  Utses att justera\n  Lennart Gard\n  Justeringens\n  plats och tid\n"
               "  Omvårdnadsförvaltningen, 2019-02-06, kl. 09:00\n  Paragrafer\n  1 - 22\n")


@pytest.mark.parametrize("dash", ["– ", "-."])  # "-." as OCR reads a dash
def test_a_protocol_form_with_its_labels_above_its_values(dash: str) -> None:
    """The labels stand in a column above the values: the day alone on its line, the place and hours below it.
    "Justeringens / plats och tid" wrapped after its first word is the adjustment's, on its own line too."""
    result = extract(FORM_HEADER.format(dash=dash))
    meeting = result["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2019-01-30", "13:15", "15:20")
    assert [i["kind"] for i in result["items"] if i["date"] == "2019-02-06"] == ["reference"]


def test_a_conference_of_two_days_from_the_meetings_day_on_is_its_own_item() -> None:
    text = ("Medlemmarna kallas härmed till årsmöte torsdagen den 14 mars 2019, kl. 16.30 på Scandic Hasselbacken.\n\n"
            "Årsmötet hålls i samband med föreningens årliga konferens, Miljöchefsmötet 2019, den 14-15 mars 2019. "
            "Särskild inbjudan har gått ut till konferensen.\n")
    result = extract(text)
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2019-03-14", "16:30")
    assert [(i["kind"], i["date"], i["end_date"]) for i in result["items"]] == [("meeting", "2019-03-14", "2019-03-15")]


def test_minutes_held_at_a_two_day_conference_keep_the_conference() -> None:
    text = ("Protokoll fört vid årsmöte torsdagen den 14 mars 2019 kl. 16.30 på Scandic Hasselbacken.\n\n"
            "§ 1 Årsmötet hölls i samband med föreningens årliga konferens den 14-15 mars 2019.\n")
    items = extract(text)["items"]
    assert [(i["kind"], i["date"], i["end_date"]) for i in items] == [("meeting", "2019-03-14", "2019-03-15")]


def test_a_transcripts_title_cut_from_the_adjustment_field_does_not_date_the_meeting() -> None:
    """docplayer's title line is the protocol's first words, here the adjustment's field; the flattened page below
    says "Plats och tid <place>, <room> måndagen den 16 februari 2015"."""
    title = "Justeringens plats och tid Förvaltningsbyggnaden, onsdagen den 18 februari 2015, kl"
    text = (f"{title}\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n"
            "1 SAMMANTRÄDESPROTOKOLL Sid 101 (157) Plats och tid Förvaltningsbyggnaden, sammanträdesrum 1 Måndagen "
            "den 16 februari 2015, kl 13.00-16.00 Beslutande Jeanette Wäppling (v), ordförande Lars Alatalo (v) och "
            "övriga ledamöter enligt närvarolistan\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2015-02-16", "13:00", "16:00")


def test_an_inline_plats_och_tid_label_with_the_place_before_the_day() -> None:
    text = ("Lena Fagerlund, kommunsekreterare. Justerare Mats Eriksson och Gösta Frost Kansliet, 2014-10-22, kl. "
            "15:00.\n\nTranskript\n\n1 Kommunfullmäktige Sammanträdesdatum Sida 1-17 Plats och tid Moraparken, Mora, "
            "måndagen den 20 oktober 2014, kl. 18:30-19:25. Beslutande Ordförande Bernt Persson (S) och ledamöterna\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2014-10-20", "18:30", "19:25")


def test_a_flattened_form_gives_its_hours_with_its_place_before_its_date() -> None:
    text = ("SAMMANTRÄDESPROTOKOLL sid 1(10) Plats och tid Tolkförmedlingen, Borlänge kommun kl. 13:30 15:30 "
            "Beslutande Ledamöter Per-Inge Nyberg, Landstinget Dalarna Sonja Johansson, Borlänge kommun Organ "
            "Sammanträdesdatum 2016-09-29 Bevis Justeringen har tillkännagivits genom anslag\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2016-09-29", "13:30", "15:30")


def test_a_document_templates_time_and_location_fields_give_the_meetings() -> None:
    text = ('#import "../Template/DVD.typ": setupDocument\n\n#let time = "17:31"\n#show: setupDocument.with(\n'
            '  time: time,\n  location: "EA",\n  date: datetime(year: 2024, month: 03, day: 26),\n)\n\n'
            "= Formalia\nStämman valde Anna till mötesordförande.\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["location"]) == ("2024-03-26", "17:31", "EA")


def test_the_adjusters_field_block_on_a_flattened_page_times_the_adjustment() -> None:
    text = ("Protokoll Miljönämnden 2014-11-11 kl. 09:00-12:10 Plats: Sessionssalen\n\n"
            "2 Val av protokollsjusterare Dagens protokoll ska justeras av ordförande och av en utsedd justerare. "
            "Justerare: Lasse Lennart Gustafsson (FP) Ersättare: Eva Hesse Almqvist (M) Tid: Tisdagen den 18 november "
            "2014, kl. 08:30 Plats: Förvaltningskontor samhällsbyggnad, Stadsbyggnadshus I, Åbylundsgatan 8 A "
            "Omedelbar justering Ärendet om bygglov justeras omedelbart.\n")
    assert [i["kind"] for i in extract(text)["items"] if i["date"] == "2014-11-18"] == ["reference"]


def test_the_notice_boxs_dates_one_a_line_under_its_label_are_the_boxs() -> None:
    text = ("Protokoll Direktionen 2015-05-28 kl. 08:30-12:00\n\n§ 1 Mötet öppnas\n\nANSLAG/BEVIS\n"
            "Justeringen har tillkännagivits genom anslag\nDirektionen vid Nerikes Brandkår\n2015-05-28\n2015-06-15\n"
            "2015-07-13\nKommunkansliet i respektive medlemskommun\n")
    assert [i["kind"] for i in extract(text)["items"] if i["kind"] != "reference"] == []


def test_a_date_with_its_paragraph_is_a_decision_not_a_meeting() -> None:
    text = ("Kallelse till förbundsfullmäktige 2015-10-23 kl. 10.00\n\nÄrenden\n 7. Reseersättning för förtroendevalda "
            "(Protokollsutdrag från fullmäktige 2015-05-08 §26, Protokollsutdrag från förbundsstyrelse 2015-05-29 "
            "§18)\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2015-05-08") == "reference" and kinds.get("2015-05-29") == "reference"


@pytest.mark.parametrize(("header", "want"), [
    ("Ägarrådets protokoll 13 oktober 2023\n\nOrgan\n\nÄgarråd.\n\nDatum, tid och plats\n\n30 oktober 2023, klockan "
     "13.00-15.00. Hotell Höga Kusten respektive digitalt.\n", ("2023-10-30", "13:00", "15:00")),
    ("Direktionsprotokoll 2017-11-10\n\nMeddelande 1\n\nDirektionsprotokoll 2017-11-10\n\nOmfattning §§ 72-86\n\n"
     "Beslutande Ulf Olsson (S) ordförande\n\nMeddelande 2\n\nMeddelande 3\n\n"
     "Plats och tid Landvetter air port hotell Landvetter, kl 9,30 – 12,00\n", ("2017-11-10", "09:30", "12:00")),
])
def test_protocol_headers_as_written(header: str, want: tuple[str, str, str]) -> None:
    """"Datum, tid och plats" as one label; "kl 9,30 – 12,00" with commas for the minutes."""
    meeting = extract(header + "\n§ 13 Sammanträdets öppnande\n\nSammanträdet öppnades.\n")["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == want
