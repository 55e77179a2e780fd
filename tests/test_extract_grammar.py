"""The pieces of the extractor on their own: folding, the date grammar, times, years, places."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.extract import extract
from planner.extract.dates import find_dates
from planner.extract.months import month_number
from planner.extract.normalize import fold
from planner.extract.places import municipalities, municipality, restore
from planner.extract.times import find_times
from planner.extract.years import weekday_year, window_year


def test_fold_keeps_length_and_repairs_ocr() -> None:
    for text in ("Tid Fredag 4 oktober 2019 k1 9.45-12.15", "S6dertörn 6verlämnar KI. 9", "Ärende ﬁnns"):
        assert len(fold(text)) == len(text)
    assert fold("S6dertörn 6verlämnar") == "sodertorn overlamnar"
    assert fold("k1 9.45") == "kl 9.45"
    assert fold("KI. 09.00") == "kl. 09.00"
    assert fold("&renden") == "arenden"
    assert fold("2O24-O5-l6 apri1") == "2024-05-16 april"


@pytest.mark.parametrize(("word", "month"), [
    ("mars", 3), ("maj", 5), ("aprik", 4), ("septernber", 9), ("okt", 10), ("dec", 12),
    ("manader", None), ("marknad", None), ("man", None), ("hosten", None),
])
def test_month_names_tolerate_ocr_but_not_other_words(word: str, month: int | None) -> None:
    assert month_number(word) == month


@pytest.mark.parametrize(("text", "want"), [
    ("2024-05-16", [(2024, 5, 16, None)]),
    ("den 16/5 och 8/10", [(None, 5, 16, None), (None, 10, 8, None)]),
    ("Fredagen den 6 december", [(None, 12, 6, None)]),
    ("6 Maj 2025", [(2025, 5, 6, None)]),
    ("17 feb-21feb", [(None, 2, 17, (2, 21))]),
    ("24–25 maj", [(None, 5, 24, (5, 25))]),
    ("mellan 5 till 6 maj", [(None, 5, 5, (5, 6))]),
    ("16 personer deltog 17 maj", [(None, 5, 17, None)]),
    ("14 april-25", [(2025, 4, 14, None)]),
    ("den 3:e mars", [(None, 3, 3, None)]),
    ("16.5.2024", [(2024, 5, 16, None)]),
    ("LG 20240321", [(2024, 3, 21, None)]),
    ("Årsmöte 2020 04 25 via Messenger", [(2020, 4, 25, None)]),  # blanks for the dashes
    ("2020 2021 2022", []),
    ("21 mars -24", [(2024, 3, 21, None)]),
    ("Lérdagen den 25-mars 2017", [(2017, 3, 25, None)]),  # a hyphen where the blank was
    ("Sunday, the 7th of April 2024", [(2024, 4, 7, None)]),
    ("26/6 t. o. m. 28/8", [(None, 6, 26, (8, 28))]),  # "t. o. m." with its blanks is a range too
    ("tel 0701234567", []),
    ("1/2 dag", []),
    ("en tiondel (1/10) av rösterna", []),  # a fraction in brackets
    ("Sid 2/8", []),  # the second of eight pages
    ("i höst", []),
    ("under 12 månader", []),
])
def test_day_dates(text: str, want: list) -> None:
    got = [(d.year, d.month, d.day, (d.end_month, d.end_day) if d.end_day else None) for d in find_dates(fold(text))]
    assert got == want


def test_months_weeks_and_month_meetings() -> None:
    found = find_dates(fold("beslut i februari, januari 2020, under v. 16, vecka 44-45, på majmötet"))
    assert [(d.precision, d.month, d.year) for d in found if d.precision == "month"] == [
        ("month", 2, None), ("month", 1, 2020), ("month", 5, None)]
    assert [(d.week, d.end_week) for d in found if d.precision == "week"] == [(16, None), (44, 45)]
    assert found[-1].month_meeting


def test_weekday_is_read_before_the_date() -> None:
    (mention,) = find_dates(fold("Tid Fredag den 9 juni kl 08.30"))
    assert mention.weekday == 4


@pytest.mark.parametrize(("text", "want"), [
    ("kl 9.45-12.15", ("09:45", "12:15")),
    ("kl. 15-16", ("15:00", "16:00")),
    ("09:00-11:55", ("09:00", "11:55")),
    ("kl 10.15-10-45", ("10:15", "10:45")),
    ("start kl 12.00", ("12:00", None)),
    ("k1 9.45-12.15", ("09:45", "12:15")),
    ("lunch till lunch", ("12:00", None)),
    ("kl 16-9", ("16:00", None)),
    ("kl 9,45-12,15", ("09:45", "12:15")),
    ("kl 09;00-12;00", ("09:00", "12:00")),
    ("börja kl 1300", ("13:00", None)),
    ("Skara den 13 april 2012 kl. 13.00 15.30", ("13:00", "15:30")),  # a transcript that lost the dash
    ("kl 13.00 15 personer", ("13:00", None)),
    ("kl 18.00 12.03.2020", ("18:00", None)),
])
def test_times(text: str, want: tuple) -> None:
    (t,) = find_times(fold(text))
    assert (t.begin, t.finish) == want


def test_times_do_not_come_from_dates_or_paragraphs() -> None:
    assert find_times(fold("2019-10-04 § 12-27 punkt 1(3)")) == []


def test_year_window_looks_forward_from_the_minutes() -> None:
    ref = dt.date(2025, 12, 8)
    assert window_year(2, 1, ref) == 2026
    assert window_year(11, 14, ref) == 2025
    assert window_year(9, 26, dt.date(2024, 3, 21)) == 2024


def test_weekday_picks_the_nearest_matching_year() -> None:
    assert weekday_year(6, 9, 4, 2024) == 2023
    assert dt.date(weekday_year(12, 6, 4, 2019), 12, 6).weekday() == 4


def test_the_290_municipalities() -> None:
    names = municipalities()
    assert len(names) == len(set(names)) == 290
    assert municipality("Vasteras") == "Västerås"
    assert municipality("SODERTALJE") == "Södertälje"
    assert restore("Jonkopings lan") == "Jönköpings län"
    assert restore("Peter Book") == "Peter Book"


def test_written_ordinals_short_iso_and_two_digit_years_are_dates() -> None:
    from planner.extract.dates import find_dates
    from planner.extract.normalize import fold

    def days(text: str) -> list[tuple[int, int, int | None]]:
        return [(m.day, m.month, m.year) for m in find_dates(fold(text))]

    assert days("Lödöl tredje mars preliminärt") == [(3, 3, None)]
    assert days("den andra maj") == [(2, 5, None)] and days("andra maj-möten") == []
    assert days("Sammanfattning 24-10-21") == [(21, 10, 2024)]
    assert days("Date: 23/9-19 8:15-9:15") == [(23, 9, 2019)]
    assert days("22/9.18/10 22/11") == [(22, 9, None), (18, 10, None), (22, 11, None)]


def test_a_weekday_that_points_years_back_keeps_the_coming_date_with_less_confidence() -> None:
    from planner.extract import extract

    text = "Minnesanteckningar styrgruppen 2026-11-06\n\n1. Nästa möte\nFredagen den 6 december kl 9-12.\n"
    items = extract(text)["items"]
    assert [(i["kind"], i["date"]) for i in items] == [("next_meeting", "2026-12-06")]
    assert items[0]["confidence"] < 0.7  # 6 December 2026 is a Sunday: a person should look


def test_a_holiday_word_belongs_to_its_own_sentence_not_to_the_next_line_or_sentence() -> None:
    from planner.extract import extract

    text = ("Minnesanteckningar styrgruppen 2025-01-10\n\n§ 4 Sportlov v 8.\n"
            "Regionen bjuder in till en konferens om kompetens den 22 april kl 9-16.\n"
            "Kommundirektörerna träffas den 17 mars. Sportlov v 9.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds["2025-04-22"] == "meeting" and kinds["2025-03-17"] == "meeting"
    assert kinds["2025-W08"] == "holiday" and kinds["2025-W09"] == "holiday"


def test_markup_reads_as_blanks_and_a_meeting_closed_gives_the_end() -> None:
    from planner.extract import extract

    text = ("<h1>ÅRSMÖTESPROTOKOLL</h1>\n<p><strong> Datum:</strong> 2012-07-10, kl 18.30\n"
            "<strong> Plats:</strong> Anne-Maries Loge</p>\n\n§ 1 Mötets öppnande\n§ 13 Avslutades mötet ca 20.15\n")
    assert extract(text)["meeting"] == {"date": "2012-07-10", "start": "18:30", "end": "20:15",
                                        "location": "Anne-Maries Loge"}


def test_a_flattened_month_table_gives_each_cell_its_days_and_a_row_that_lost_a_cell_is_left_alone() -> None:
    from planner.extract import extract

    text = ("Sammanträdestider 2023\n\nNämnd Tid Jan Feb Mars\nKF 18:00 30 27 27(13.00)\n"
            "KSAU, beslut 08:30 11,25  1, 15  -\nBLN 13.00 - 2\n")
    items = {(i["date"], i["start"], i["title"]) for i in extract(text)["items"] if i["kind"] == "meeting"}
    kf = "Kommunfullmäktige"  # the abbreviation every municipality uses, written out
    assert items == {("2023-01-30", "18:00", kf), ("2023-02-27", "18:00", kf), ("2023-03-27", "13:00", kf),
                     ("2023-01-11", "08:30", "KSAU, beslut"), ("2023-01-25", "08:30", "KSAU, beslut"),
                     ("2023-02-01", "08:30", "KSAU, beslut"), ("2023-02-15", "08:30", "KSAU, beslut")}


def test_a_table_flattened_column_by_column_pairs_each_month_with_its_value() -> None:
    from planner.extract import extract

    text = ("Kommunfullmäktige\n\nSammanträdestider 2017\n\nJanuari\n\nFebruari\n\nMars\n\nApril\n\n-\n\n"
            "16* kl. 08.30\n\n16:e kl. 10.00\n\n27:e kl. 10.00\n")
    items = sorted((i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting")
    assert items == [("2017-02-16", "08:30"), ("2017-03-16", "10:00"), ("2017-04-27", "10:00")]


def test_a_chair_taking_over_the_role_dates_from_the_meeting_named_before_not_from_the_end_of_the_term() -> None:
    from planner.extract import extract

    text = ("Kommunstyrelsens ordförande\n\nCarlos Rebelo Da Silva har aviserat att han kommer avsäga sig "
            "uppdraget som kommunstyrelsens ordförande på kommunfullmäktige den 17 oktober. Annette Fransson "
            "har blivit vald av gruppen att överta uppdraget som löper fram till 31 december 2018.\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2018-10-17", "Annette Fransson")]


def test_an_ordinal_full_stop_and_ocr_debris_do_not_hide_a_handover() -> None:
    """OCR's "den 17. oktober" is no sentence end, and "överta '2 uppdraget" is still taking over the role."""
    from planner.extract import extract

    text = ("Kommunstyrelsens ordförande\n\nCarlos Rebelo har aviserat att han avsäger sig uppdraget som "
            "kommunstyrelsens ordförande på kommunfullmäktige den 17. oktober. Annette Fransson har blivit vald "
            "att överta ‘2 uppdraget som löper fram till 31 december 2018.\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2018-10-17", "Annette Fransson")]


def test_who_takes_over_after_a_chair_starts_the_day_after_that_chair_s_term() -> None:
    from planner.extract import extract

    text = ("Nyheter 25.4.2018\n\nOrdförandeskapet roterar var sjätte månad. Finland är ordförande i rådet "
            "från den 1 juli till den 31 december 2019. Finland övertar ordförandeskapet efter Rumänien.\n\n"
            "Ordförandeskapet sköts i en trio. I trion ingår Rumänien och Kroatien, som tar över efter Finland.\n")
    handovers = sorted((i["date"], i["from"], i["to"]) for i in extract(text)["items"]
                       if i["kind"] == "chair_handover")
    assert handovers == [("2019-07-01", "Rumänien", "Finland"), ("2020-01-01", "Finland", "Kroatien")]


def test_a_plan_section_headed_by_a_body_without_a_year_titles_its_dates() -> None:
    from planner.extract import extract

    text = ("Möten\n\nHär visas kommunfullmäktige (KF) och kommunstyrelsens (KS) kommande sammanträdesdagar.\n\n"
            "Sammanträdesdatum 2021\n\nKommunfullmäktige\n\n16 februari, 13 april och 8 juni\n\n"
            "Kommunstyrelsen\n\n26 januari, 23 mars och 18 maj\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert titles["2021-02-16"] == "Kommunfullmäktiges sammanträde"
    assert titles["2021-03-23"] == "Kommunstyrelsens sammanträde"


def test_ocr_s_ki_colon_and_a_weekday_glued_to_its_date_still_give_date_and_time() -> None:
    from planner.extract import extract

    text = ("Mötestider\n\nStyrelsen sammanträder enligt följande:\n\nmandagen 28.9.2020 kl. 9.00\n"
            "mandagen 26.10.2020 ki: 9.00\n\n"
            "Fullmäktige sammanträder enligt följande:\n\nmandagen.17.8.2020 ki. 10.00\n")
    got = sorted((i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting")
    assert got == [("2020-08-17", "10:00"), ("2020-09-28", "09:00"), ("2020-10-26", "09:00")]


def test_after_a_cancelled_meeting_the_meeting_its_business_moves_to_is_next_even_above_a_page_date() -> None:
    from planner.extract import extract

    text = ("Inget sammantrade i kommunfullmaktige 19/11\n\nPresidiet har beslutat att stalla in "
            "kommunfullmaktiges sammantrade torsdagen den 19 november 2015.\n\nDe fa arenden som fanns kommer att "
            "behandlas pa fullmaktiges sammantrade den 17 december 2015:\n\nSkapad 2015-11-11\n")
    items = extract(text)["items"]
    assert [i["date"] for i in items if i["kind"] == "next_meeting"] == ["2015-12-17"]


def test_a_table_flattened_one_cell_per_paragraph_reads_empty_cells_as_lone_blank_lines() -> None:
    """A web table of bodies × months, each cell a paragraph: an empty cell is one blank line, a filled cell its
    line and a blank line; the header's abbreviations are read from the page's own glossary."""
    from planner.extract import extract

    text = ("Sammanträdestider 2025\n\n2025\n\nKF\n\nKS\nAU\n\nVON\n\nMötestid:\n\nKl. 10\n\nKl. 8.30\n\nKl. 13\n\n"
            "Januari\n\n\n21\n\n\nFebruari\n\n11\n\n\n19\n\nMars\n\n18\n\n4, 25\n\n26, kl. 09:30\n\n"
            "Förkortningar\n\nKF Kommunfullmäktige\nKSAU Kommunstyrelsens arbetsutskott\n"
            "VON Vård- och omsorgsnämnden\n\n"
            "* I juli månad sker inga politiska sammanträden.\n")
    got = sorted((i["date"], i["start"], i["title"]) for i in extract(text)["items"] if i["kind"] == "meeting")
    assert got == [
        ("2025-01-21", "08:30", "Kommunstyrelsens arbetsutskott"),
        ("2025-02-11", "10:00", "Kommunfullmäktige"),
        ("2025-02-19", "13:00", "Vård- och omsorgsnämnden"),
        ("2025-03-04", "08:30", "Kommunstyrelsens arbetsutskott"),
        ("2025-03-18", "10:00", "Kommunfullmäktige"),
        ("2025-03-25", "08:30", "Kommunstyrelsens arbetsutskott"),
        ("2025-03-26", "09:30", "Vård- och omsorgsnämnden"),
    ]


def test_a_grid_row_that_does_not_add_up_is_left_alone() -> None:
    from planner.extract.grids import grid_tables
    from planner.extract.normalize import Doc

    text = "2025\n\nKF\n\nKS\n\nJanuari\n\n21\n\n15\n\n30\n\nFebruari\n\n\n11\n\n"
    rows = [(c.month, c.day, c.label) for c in grid_tables(Doc.from_text(text))]
    assert rows == [(2, 11, "KS")]  # January has three values for two columns


def test_a_column_table_with_two_meetings_in_a_month_is_split_by_the_body_s_weekday() -> None:
    """Eight values under six months (Tuesdays in 2017): 17 | 14, 28 | 21 | 4 | 9, 30 | 19–21, not 4 and 9 in April."""
    from planner.extract import extract

    months = "\n\n".join(["Januari", "Februari", "Mars", "April", "Maj", "Juni"])
    values = "\n\n".join(f"{d} kl. 08.30" for d in
                         ["17:e", "14:e", "28:e", "21:a", "4:e", "9:e", "30:e", "19:e-21:a*"])
    second = "\n\n".join(["Juli", "Augusti", "September"]) + "\n\n-\n\n22:a kl. 08.30\n\n5:e kl. 08.30\n"
    text = f"Kommunstyrelsen\n\nSammanträdestider 2017\n\n{months}\n\n{values}\n\n{second}"
    got = sorted(i["date"] for i in extract(text)["items"] if i["kind"] == "meeting")
    assert got == ["2017-01-17", "2017-02-14", "2017-02-28", "2017-03-21", "2017-04-04", "2017-05-09",
                   "2017-05-30", "2017-06-19", "2017-08-22", "2017-09-05"]


def test_typst_minutes_give_their_date_and_opening_time_from_the_template_fields() -> None:
    from planner.extract import extract

    text = ('#import "../Template/DVD.typ": setupDocument\n\n#let time = "17:23"\n#show: setupDocument.with(\n'
            '  time: time,\n  date: datetime(year: 2024, month: 10, day: 10)\n)\n\n'
            "#deltagere(styrelsen: true, [Samuel], [Ja])\n\n= Formalia\nMötet öppnades #time\n\n"
            "= Justering\nTill justerare valdes Ida.\n\nMötet avslutas 18:05.\n")
    assert extract(text)["meeting"] == {"date": "2024-10-10", "start": "17:23", "end": "18:05", "location": None}


def test_a_summary_headed_with_its_date_is_the_minutes_of_that_meeting() -> None:
    from planner.extract import extract

    text = ("# Sammanfattning 24-10-21\n\nNärvarande: Bolagsverket, Digg, Arbetsförmedlingen\n\n"
            "## Hänt sen förra mötet\n\n- Diskussioner om avgränsning.\n")
    result = extract(text)
    assert result["doc_kind"] == "minutes" and result["meeting"]["date"] == "2024-10-21"


def test_a_report_s_period_is_a_reference_not_an_event() -> None:
    from planner.extract import extract

    text = ("Protokoll\n\nTid: 2006-12-12 kl. 15.00\n\nNärvarande: ledamöterna\n\n"
            "§ 5 Månadsrapport per 30 november 2006\n"
            "§ 6 Delårsrapport 1 januari - 30 juni 2009\n§ 7 Kvartalsrapport per 2011-09-30\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert set(kinds.values()) == {"reference"} and "2006-11-30" in kinds


def test_a_report_due_by_a_date_is_a_deadline_not_its_period() -> None:
    from planner.extract import extract

    text = "Protokoll\n\nTid: 2025-05-15 kl. 09.00\n\nNärvarande: ledamöterna\n\nDelårsrapport senast 2025-08-31.\n"
    assert [(i["kind"], i["date"]) for i in extract(text)["items"]] == [("deadline", "2025-08-31")]


@pytest.mark.parametrize(("text", "want"), [
    ("2020-08-24\n\nTack!\n\nI lördags lämnade jag mitt uppdrag som förbundsordförande. Till ny ordförande valdes "
     "Sara Kukka-Salam, oppositionsråd i Solna.\n", ("2020-08-22", "Sara Kukka-Salam")),
    ("Ordförande avsäger sig uppdraget\n\n04 mars, 2016, KL 10:33\n\nInger Schörling avsäger sig idag den 19 februari "
     "posten som ordförande i direktionen.\n\nNy ordförande är ännu inte utsedd, till dess tjänstgör vice ordförande "
     "Torbjörn Jansson.\n", ("2016-02-19", "Torbjörn Jansson")),
    ("Publicerad: 2019-05-28\n\nNy ordförande väljs 24 juni\n\nKommunfullmäktige beslutade den 27 maj att godkänna "
     "Dan Gabrielssons avsägelse från uppdraget som ordförande.\n\nVal av ny ordförande bordlades till fullmäktiges "
     "nästa möte den 24 juni.\n\nTills vidare är det kommunstyrelsens 1:e vice ordförande, Karola Svensson (C), som "
     "har uppdraget som ordförande.\n", ("2019-05-27", "Karola Svensson")),
])
def test_acting_chairs_and_relative_days_date_the_handover(text: str, want: tuple) -> None:
    from planner.extract import extract

    got = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert want in got


def test_a_news_item_reads_a_held_meeting_s_year_from_its_own_date_and_the_chair_starts_at_the_new_year() -> None:
    from planner.extract import extract

    text = ("Ny styrelse och ordförande!\n\n2021-11-30\n\nVid årsmötet den 23 november valdes en ny styrelse och en ny "
            "ordförande som tillträder vid årsskiftet. Styrelsens förslag godtogs.\n\nVår nya ordförande är Robert "
            "Malmgren.\n\nMandatperioden blir 2022-2023 enligt stadgarna från 2023.\n\nSenast uppdaterad: 2023-06-14\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2021-11-23"
    assert [(i["date"], i["to"]) for i in result["items"] if i["kind"] == "chair_handover"] == [
        ("2022-01-01", "Robert Malmgren")]


def test_a_move_gives_the_new_date_and_neither_the_month_nor_the_day_it_leaves() -> None:
    from planner.extract import extract

    text = ("Årsstämma planeras hållas 28 april\n\nStyrelsen har idag beslutat att skjuta fram årsmötet som "
            "stadgeenligt äger rum i mars, till den 28 april 2021.\n\nDetta innebär även att sista dagen för "
            "inkomna motioner skjuts fram från 28 februari till 31 mars.\n\nMötet kan komma att skjutas fram "
            "ytterligare om restriktionerna inte tillåter att möte hålls i april.\n")
    got = sorted((i["kind"], i["date"]) for i in extract(text)["items"] if i["kind"] != "reference")
    assert got == [("deadline", "2021-03-31"), ("meeting", "2021-04-28")]


def test_a_year_before_the_colon_of_a_list_holds_for_the_list_not_the_year_of_the_sentence_before() -> None:
    from planner.extract import extract

    text = ("FÖREDRAGNINGSLISTA\n\nTidpunkt Tisdagen den 19 juni 2018, klockan 10.00\n\n5 Sammanträdesdagar 2019 "
            "Fullmäktige föreslås sammanträda följande datum under år 2019: 20 februari och 17 april. "
            "Utbildningsdagar 2018 för fullmäktiges ledamöter och ersättare: 5 november och 10 december.\n")
    got = sorted(i["date"] for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting"))
    assert [d for d in got if d != "2018-06-19"] == ["2018-11-05", "2018-12-10", "2019-02-20", "2019-04-17"]


def test_a_flattened_transcript_s_header_label_beats_the_page_chrome_s_date() -> None:
    from planner.extract import extract

    text = ("protokoll kommunstyrelsen beslutande … · 2018-10-04 · protokoll kommunstyrelsen...\n\n"
            "PROTOKOLL Kommunstyrelsen Sammanträdesdatum: 2018-10-02 Plats och tid Konferensrum 105, kl. 09:00-11:30 "
            "Beslutande Monica Samuelsson (S) Dennis Ljunggren (S) Utses att justera Dennis Ljunggren Paragrafer "
            "§§ 130 - 143\n\n§ 130 Val av justerare\n")
    assert extract(text)["meeting"]["date"] == "2018-10-02"


def test_an_event_named_with_its_year_puts_its_yearless_date_in_that_year() -> None:
    from planner.extract import extract

    text = ("Höstmöte tidigarelagt\n\nPublicerad 2023-08-30\n\nHöstmötet i år hålls den 27 oktober i Värnamo. "
            "Vårmötet/årsmötet 2024 genomförs som planerat den 10 maj.\n")
    dates = {i["date"] for i in extract(text)["items"] if i["kind"] != "reference"}
    assert "2024-05-10" in dates and "2023-05-10" not in dates


@pytest.mark.parametrize("sentence", [
    "Per den 31 december 2012 uppgick tillgångarna till 65.774 kronor.",
    "I juli 2009 uppgick antalet arbetslösa till 4 %.",
    "Punkt 3 Protokolljustering 2013-08-20 godkändes.",
])
def test_figures_as_of_a_past_date_and_a_protocol_s_adjustment_are_no_events(sentence: str) -> None:
    from planner.extract import extract

    text = f"Protokoll\n\nTid: 2013-09-11 kl. 18.00\n\nNärvarande: styrelsen\n\n§ 4 {sentence}\n"
    assert [i["kind"] for i in extract(text)["items"] if i["kind"] != "reference"] == []


def test_ocr_s_metet_still_opens_and_closes_the_meeting() -> None:
    from planner.extract import extract

    text = ("Protokoll styrelsemöte 2022-12-01\n\nNärvarande: styrelsen\n\n## 1. Métets éppnande\n\nMétet éppnades "
            "19:35.\n\n" + "## 2. Övrigt\n\nStyrelsen diskuterade lokalfrågan och medlemsvården utförligt.\n\n" * 3
            + "## 15. MOtets avslutande\n\nMarcus Dicander férklarar métet avslutat klockan 20:06.\n")
    meeting = extract(text)["meeting"]
    assert (meeting["start"], meeting["end"]) == ("19:35", "20:06")


def test_ocr_s_glued_hyphen_and_exclamation_for_l_keep_dates_and_titles() -> None:
    from planner.extract import extract

    plan = ("Direktionen sammanträder vanligtvis fredagar kl 08.30-16:00. Fran och med-8\noktober 2021 sammantrader "
            "direktionen fysiskt.\n\nSammanträdesdatum 2022\n\n14 januari\n11 februari\n11 mars\n")
    assert "2021-10-08" not in {i["date"] for i in extract(plan)["items"] if i["kind"] == "meeting"}
    minutes = "Styrgruppen för miljö\n\nProtokol!. 2011-05-26 Georgia Larsson\n\nNärvarande: styrgruppen\n"
    assert extract(minutes)["meeting"]["date"] == "2011-05-26"


@pytest.mark.parametrize("sentence", [
    "Föreningens årsstämma kommer inte hållas den 18 maj som planerat. Nytt datum är tisdag den 23 juni.",
    "Demokratiberedningen behöver ändra datum för sammanträdet den 18 maj till den 23 juni.",
    "Sammanträdet den 18 maj kommer att ställas in. Ärendena tas upp den 23 juni.",
])
def test_a_meeting_that_will_not_be_held_or_changes_date_is_cancelled_and_the_new_date_is_the_meeting(
        sentence: str) -> None:
    from planner.extract import extract

    items = extract(f"Nyheter\n\nPublicerad 2020-04-05\n\n{sentence}\n")["items"]
    status = {i["date"]: i.get("status") for i in items if i["kind"] in ("meeting", "next_meeting")}
    assert status.get("2020-05-18") == "cancelled" and status.get("2020-06-23") != "cancelled"


@pytest.mark.parametrize("text, want", [
    ("Presidiet har beslutat att ställa in dagens fullmäktige för att istället hålla ett extra fullmäktige som "
     "planeras att hållas den 22 december 2021 kl.17.\n", ("2021-12-22", "17:00")),
    ("Styrelsemötet 2021-05-27\n\nStyrelsen beslutade att avvakta med beslutet tills ett extra möte den 21 juni "
     "2021.\n", ("2021-06-21", None)),
    ("Extrainsatt regionfullmäktige den 27 december 2024 från klockan 15.00 på Kristinegården.\n",
     ("2024-12-27", "15:00")),
])
def test_an_extra_meeting_of_the_body_is_its_next_meeting_and_keeps_its_own_title(text: str, want: tuple) -> None:
    from planner.extract import extract

    nexts = [i for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert [(i["date"], i["start"]) for i in nexts] == [want]
    assert "extra" in nexts[0]["title"].lower()


def test_an_extra_meeting_beside_a_named_next_meeting_stays_a_meeting() -> None:
    from planner.extract import extract

    text = ("Anteckningar 2025-03-07\n\nKommundirektörerna bjuds in till ett extra sammanträde den 2 april.\n\n"
            "Nästa möte: 9 maj 2025.\n")
    got = sorted((i["kind"], i["date"]) for i in extract(text)["items"])
    assert got == [("meeting", "2025-04-02"), ("next_meeting", "2025-05-09")]


def test_a_moved_meeting_s_earlier_date_is_cancelled_and_the_meeting_that_decided_the_move_is_not() -> None:
    from planner.extract import extract

    text = ("Årsmötet flyttas till hösten\n\nÅrsmötet 2021 flyttas till den 4-5 september. Årsmötet var planerat "
            "att hållas den 8-9 maj.\n\nStyrelsen beslutade på sitt möte den 2 mars att skjuta upp årsmötet.\n")
    got = {i["date"]: i.get("status") for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}
    assert got == {"2021-09-04": None, "2021-05-08": "cancelled", "2021-03-02": None}


def test_a_news_item_that_calls_anew_after_a_cancellation_is_a_notice_and_its_heading_month_no_item() -> None:
    from planner.extract import extract

    text = ("Ny kallelse till styrelsemötet i mars\n\nMötet den 3 mars 2023 ställs in, eftersom kallelsen kom för "
            "sent. Istället hålls ett extra styrelsemöte den 17 mars 2023 kl. 18.\n")
    result = extract(text)
    assert result["doc_kind"] == "notice"
    got = sorted((i["kind"], i["date"], i["start"], i.get("status")) for i in result["items"])
    assert got == [("meeting", "2023-03-03", None, "cancelled"), ("next_meeting", "2023-03-17", "18:00", None)]


def test_a_chair_who_left_in_a_month_before_the_minutes_hands_over_in_that_past_month() -> None:
    from planner.extract import extract

    text = ("Protokoll styrelsemöte 2019-03-07\n\nNärvarande: styrelsen\n\n§ 1 Förändringar i styrelsen\n\n"
            "I augusti slutade Karin Berg som ordförande. Per Lund tog över ordförandeskapet enligt beslutet "
            "vid årsmötet.\n\n§ 2 Övrigt\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2018-08", "Per Lund")]


def test_a_plan_given_in_prose_is_a_plan_and_its_sessions_start_at_the_time_given_once() -> None:
    from planner.extract import extract

    text = ("Sammanträdestider för fullmäktige 2020\n\nFullmäktige sammanträder följande datum under 2020: 4 februari, "
            "21 april, 8-9 juni och 1 december. Fullmäktiges sammanträden börjar 09:30. Tvådagarssammanträde börjar "
            "09:30 dag 1 och 09:00 dag 2.\n\nPublicerad\nmåndag 10 juni 2019\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    got = [(i["date"], i["end_date"], i["start"]) for i in result["items"] if i["kind"] == "meeting"]
    assert got == [("2020-02-04", None, "09:30"), ("2020-04-21", None, "09:30"), ("2020-06-08", "2020-06-09", "09:30"),
                   ("2020-12-01", None, "09:30")]
    assert {i["title"] for i in result["items"] if i["kind"] == "meeting"} == {"Fullmäktiges sammanträde"}


@pytest.mark.parametrize("text, want", [
    ("2022\n28 november\n\n2023\n30 januari\n", [(28, 11, None), (30, 1, None)]),  # the year heads the list below
    ("28 november\n2023\n", [(28, 11, None)]),
    ("sammanträdet den 28 november\n2023 hölls i Stockholm", [(28, 11, 2023)]),  # a wrapped line keeps its year
    ("28 november, 2023", [(28, 11, 2023)]),
])
def test_a_year_alone_on_its_line_or_across_a_blank_line_heads_what_follows(text: str, want: list) -> None:
    assert [(m.day, m.month, m.year) for m in find_dates(text)] == want


@pytest.mark.parametrize("sentence", [
    "Årsmötet beslutade att styrelsens mandatperiod ändras till att vara från första juli till sista juni och att "
    "sista månad för årsmötet enligt stadgarna flyttas till april.",
    "Enligt 5 kap 9 § kommunallagen väljs ledamöterna för fyra år räknat från och med den 15 oktober valåret.",
])
def test_the_period_of_a_rule_or_term_of_office_is_no_event(sentence: str) -> None:
    from planner.extract import extract

    items = extract("Protokoll årsmöte 2021-01-23\n\n" + sentence + "\n")["items"]
    assert [(i["kind"], i["date"]) for i in items if i["kind"] not in ("reference",)] == []


def test_the_incoming_chair_named_after_tilltradande_takes_over_from_the_date_given_nearby() -> None:
    from planner.extract import extract

    text = ("Presidentskifte i klubben\n\ntorsdag 18 juni 2020\n\nTisdagen den 16/6 avslutade vi verksamhetsåret. "
            "Vår president Eva Berg överlämnade kedjan till tillträdande president Lars Holm. Han övertar formellt "
            "rollen med ny styrelse från den 1 juli.\n")
    handovers = [(i["date"], i["from"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2020-07-01", "Eva Berg", "Lars Holm")]


@pytest.mark.parametrize("header", ["Datum och tid: 2025-03-13 19.00", "Datum och            2025-03-13 19.00\ntid:",
                                    "Datum och 2025-03-13:19.00\ntid:",  # OCR read the space as a colon
                                    "Datum: 2025-03-13 19.00-21.15"])
def test_a_clock_right_after_the_header_date_is_the_meeting_s_time_and_the_date_s_digits_are_none(header: str) -> None:
    from planner.extract import extract

    meeting = extract(f"Protokoll styrelsemöte\n\n{header}\nPlats: Föreningslokalen\nNärvarande: Anna, Bo\n")["meeting"]
    assert (meeting["date"], meeting["start"]) == ("2025-03-13", "19:00")
    assert meeting["end"] == ("21:15" if "21.15" in header else None)


@pytest.mark.parametrize("header, want", [
    ("Plats och tid Rådhuset, kl 08.30-12.30; 13.30-16.40", ("08:30", "16:40")),  # a session with a lunch break
    ("Plats och tid Rådhuset den 13 april 2012 kl. 13.00 15.30", ("13:00", "15:30")),  # the end after a space
])
def test_a_meeting_s_time_runs_from_its_first_start_to_its_last_end(header: str, want: tuple) -> None:
    from planner.extract import extract

    text = f"Protokoll kommunstyrelsens utskott 2009-10-21\n\n{header}\n\nBeslutande Anna Berg, ordförande\n"
    meeting = extract(text)["meeting"]
    assert (meeting["start"], meeting["end"]) == want


def test_a_labelled_time_far_below_the_date_is_the_meeting_s_time() -> None:
    from planner.extract import extract

    contents = "".join(f"Ärende {n} ... {n}\n\n" for n in range(1, 25))
    text = (f"Protokoll från socialutskottets sammanträde 2011-10-12 Innehållsförteckning\n\n{contents}"
            "Plats och tid Förvaltningshuset, kl 09.00-17.00\n\nBeslutande Anna Berg (C), ordförande\n\n"
            "Justeringens plats Förvaltningshuset 2011-10-19, kl 16.00\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2011-10-12", "09:00", "17:00")


def test_a_post_s_front_matter_time_is_when_it_was_posted_and_the_opening_gives_the_meeting_s_time() -> None:
    from planner.extract import extract

    text = ("<!--\n.. title: Protokoll från medlemsmötet\n.. date: 2024-04-18 12:00 CET\n-->\n\nProtokoll fört vid "
            "föreningens extra medlemsmöte\n\nNärvarande: 14 medlemmar\n\nMötet öppnades 19:32.\n\n§ 1 Val av "
            "justerare\n\nMötet avslutades 20:40.\n")
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2024-04-18", "19:32", "20:40")


def test_ca_joins_a_start_and_an_approximate_end() -> None:
    assert [(t.begin, t.finish) for t in find_times("tid kl 08:30 ca 12:00 plats")] == [("08:30", "12:00")]


def test_a_plan_s_time_holds_when_its_list_follows_without_a_blank_line() -> None:
    from planner.extract import extract

    text = ("Sammantradestider\n\nKommunstyrelsen 2022\nKommunstyrelsen sammantrader klockan 18.30.féljande datum:\n"
            "¢ 17 januari,\n* 14 februari,\n* 14 mars,\n\nKommunstyrelsens arbetsutskott 2022\nKommunstyrelsens "
            "arbetsutskott sammantrader klockan 13.30 féljande datum:\n* 26 januari,\n* 23 februari,\n+ 30 mars.\n")
    got = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert got == [("2022-01-17", "18:30"), ("2022-02-14", "18:30"), ("2022-03-14", "18:30"),
                   ("2022-01-26", "13:30"), ("2022-02-23", "13:30"), ("2022-03-30", "13:30")]


@pytest.mark.parametrize("opening", ["I lördags", "| lérdags"])  # as written, and as OCR reads it
def test_i_lordags_in_a_post_dates_the_new_chair_to_the_saturday_before(opening: str) -> None:
    from planner.extract import extract

    text = (f"Tack för dessa år\n\n2020-08-24\n\n{opening} lämnade jag mitt uppdrag som förbundsordförande. Till ny "
            "ordförande valdes Sara Berg, oppositionsråd i Solna.\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2020-08-22", "Sara Berg")]


def test_an_ocr_damaged_event_named_with_its_year_keeps_that_year() -> None:
    from planner.extract import extract

    text = ("Hostmétet tidigareläggs\n\n2023-05-10\n\nHöstmötet flyttas till 27 oktober. Varmétet/arsmétet 2024 "
            "genomförs som planerat 10-12 maj.\n")
    dates = {i["date"] for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}
    assert "2024-05-10" in dates and "2023-05-10" not in dates


def test_a_post_s_front_matter_title_is_its_title_and_an_invitation_records_the_meeting_it_calls() -> None:
    from planner.extract import extract

    text = ('+++\nauthors = [ "etu" ]\ncategories = ["Årsmöte"]\ndate = "2020-03-09T12:00:00+01:00"\n'
            'title = "Inbjudan till Årsmöte 2020"\n+++\n\nNu har tiden kommit för årsmötet! I år är det den 23:e '
            "mars och börjar klockan 19:00.\n\nDagordning\n\n 1. Öppnande av mötet\n 2. Val av mötesordförande\n"
            " 3. Val av justeringspersoner\n 4. Fastställande av dagordningen\n")
    result = extract(text)
    assert result["doc_kind"] == "kallelse"
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2020-03-23", "19:00")


def test_a_news_item_s_dateline_with_its_weekday_dates_the_page_not_an_event() -> None:
    from planner.extract import extract

    text = ("Presidentskifte och sommaravslutning\n\ntorsdag 18 juni 2020\n\nEva Berg\n\nTisdagen den 16/6 "
            "avslutade vi klubbens år. Vår president Eva Berg överlämnade kedjan till tillträdande president "
            "Lars Holm.\n")
    items = extract(text)["items"]
    assert [(i["kind"], i["date"]) for i in items if i["date"] == "2020-06-18"] == [("reference", "2020-06-18")]


def test_ocr_s_avsiutas_closes_the_meeting_and_kt_is_kl() -> None:
    from planner.extract import extract

    text = ("Protokoll styrelsemöte 2021-10-20\n\nNärvarande: Anna, Bo\n\n## Motets Oppnande 12:17\n\n"
            "## Motet avsiutas 12:55\n")
    meeting = extract(text)["meeting"]
    assert (meeting["start"], meeting["end"]) == ("12:17", "12:55")
    assert [(t.begin, t.finish) for t in find_times(fold("3 juni, fran kt 13:00 DKR"))] == [("13:00", None)]


def test_pa_sondagens_mote_in_a_monday_post_is_the_sunday_before() -> None:
    from planner.extract import extract

    text = ("Anna Berg ny ordförande i förbundet\n\nPå söndagens förbundsmöte valdes Anna Berg, Avesta RK, till ny "
            "ordförande.\n\nPublicerad: 2023-03-27\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2023-03-26", "Anna Berg")]


@pytest.mark.parametrize("sentence", [
    "Majoriteten föreslår att Anna Berg (KD) går in som ordförande i fullmäktige.",
    "Anna Berg kommer att efterträda nuvarande ordföranden Per Holm (MP).",
])
def test_stepping_in_or_succeeding_as_chair_is_a_handover_dated_by_the_deciding_meeting(sentence: str) -> None:
    from planner.extract import extract

    text = (f"Fullmäktige får ny ordförande\n\nBeslutet fattas slutligt när fullmäktige sammanträder 4 april 2017. "
            f"{sentence}\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2017-04-04", "Anna Berg")]


def test_the_dates_called_off_meetings_would_have_had_are_cancelled() -> None:
    from planner.extract import extract

    text = ("Nämndens sammanträden ställs in\n\nPresidiet har beslutat att ställa in mars månads sammanträden.\n\n"
            "Nämndens sammanträde skulle ägt rum den 18 mars 2020 och fullmäktige den 30 mars.\n\n"
            "Nästa sammanträde är planerat till den 22 april.\n")
    got = {i["date"]: i.get("status") for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}
    assert got == {"2020-03-18": "cancelled", "2020-03-30": "cancelled", "2020-04-22": None}


def test_an_extra_meeting_proposed_and_approved_is_the_next_meeting_not_one_held() -> None:
    from planner.extract import extract

    text = ("Extrainsatt kommunfullmäktige den 28 december\n\nVid dagens sammanträde skulle valen ha genomförts. Dock "
            "föreslog presidiet ett extrainsatt sammanträde den 28 december 2022 klockan 09:00 för valen, vilket "
            "godkändes av kommunfullmäktige.\n")
    result = extract(text)
    assert result["meeting"] is None
    assert [(i["kind"], i["date"], i["start"]) for i in result["items"]] == [("next_meeting", "2022-12-28", "09:00")]


def test_month_led_rows_keep_their_own_days() -> None:
    text = "månad datum\nseptember 3\noktober 8, 29\nnovember 26\ndecember 10\n"
    assert [(m.day, m.month) for m in find_dates(text)] == [(3, 9), (8, 10), (29, 10), (26, 11), (10, 12)]


def test_a_month_meeting_named_with_its_year_keeps_it_and_earlier_minutes_are_references() -> None:
    from planner.extract import extract

    text = ("Möte med sektionens styrelse den 1 december 2007\n\nNärvarande: styrelsen\n\n§76 Protokoll från möte med "
            "sektionens styrelse 21 oktober 2007 lades till handlingarna.\n\n§77 Styrelsen beslutade att från och med "
            "januarimötet 2008 följa upp beslutet från marsmötet 2007.\n")
    got = sorted((i["kind"], i["date"]) for i in extract(text)["items"])
    assert got == [("next_meeting", "2008-01"), ("reference", "2007-03"), ("reference", "2007-10-21")]


def test_till_ordforande_pa_ett_ar_valdes_names_the_new_chair() -> None:
    from planner.extract import extract

    text = ("Protokoll årsmöte 2023-04-20\n\n1. Ordförande Bertil Lund hälsade de närvarande välkomna och förklarade "
            "årsmötet öppnat.\n\n11. Till ordförande på ett år valdes Jari Berg\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2023-04-20", "Jari Berg")]


def test_each_section_s_time_holds_for_its_list_when_the_list_above_has_no_full_stop() -> None:
    from planner.extract import extract

    text = ("Sammanträdeskalender 2022\n\nKommunfullmäktige\n\nKommunfullmäktige sammanträder i regel på torsdagar "
            "klockan 9.00.\n\n • 27 januari\n • 24 februari\n\nPresidiet\n\nPresidiet sammanträder i regel på "
            "fredagar klockan 8.30 i Galleriet.\n\n • 14 januari\n • 11 februari\n")
    got = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert got == [("2022-01-27", "09:00"), ("2022-02-24", "09:00"), ("2022-01-14", "08:30"), ("2022-02-11", "08:30")]


@pytest.mark.parametrize("text, want", [
    (" • 3, 17 och 31 januari\n", [(3, 1), (17, 1), (31, 1)]),
    (" • 6 och 27 oktober\n", [(6, 10), (27, 10)]),
    (" • 24 och och 30 november\n", [(24, 11), (30, 11)]),  # as published
    ("punkt 5, 31 januari", [(31, 1)]),  # a numbered item, then a date
    ("2 november,23 november", [(2, 11), (23, 11)]),  # a missing space after the comma
    ("kostar 1,5 mars", []),
    ("sidan 40, 3 mars", [(3, 3)]),
])
def test_days_listed_before_the_month_they_share_are_each_a_date(text: str, want: list) -> None:
    assert [(m.day, m.month) for m in find_dates(text)] == want


def test_a_coordinated_body_name_heads_its_dates_in_a_plan() -> None:
    from planner.extract import extract

    text = ("Sammanträdesdagar\n\nNämnderna sammanträder följande dagar 2022:\n\nVård- och omsorgsnämnden\n\n"
            "17 januari, 14 februari, 21 mars\n\nBarn-,  utbildning- och kulturnämnden\n\n20 januari, 24 februari, "
            "24 mars\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    # two bodies on the page: each meeting by its heading as written
    assert titles["2022-01-17"] == titles["2022-03-21"] == "Vård- och omsorgsnämnden"
    assert titles["2022-01-20"] == titles["2022-03-24"] == "Barn-, utbildning- och kulturnämnden"


def test_a_meeting_named_right_before_its_date_is_titled_so() -> None:
    from planner.extract import extract

    text = ("Politiska möten skjuts upp\n\nPresidiet har beslutat att ställa in fullmäktiges sammanträde den 30 mars "
            "2020. De ärenden som skulle behandlas kommer istället att behandlas på kommunstyrelsens ordinarie "
            "sammanträde den 27 april 2020.\n")
    items = {i["date"]: i for i in extract(text)["items"]}
    assert (items["2020-03-30"]["title"], items["2020-03-30"]["status"]) == ("Fullmäktiges sammanträde", "cancelled")
    assert items["2020-04-27"]["kind"] == "next_meeting"  # where the matters go: the body's next meeting


def test_a_letter_s_place_and_date_is_when_it_was_written() -> None:
    from planner.extract import extract

    text = ("Kallelse till extra föreningsstämma\n\nMedlemmarna kallas till extra föreningsstämma torsdagen den "
            "15 mars 2018 kl 18.30 i samlingslokalen.\n\nLund  2018-03-01 Styrelsen\n")
    result = extract(text)
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2018-03-15", "18:30")
    assert [(i["kind"], i["date"]) for i in result["items"]] == [("reference", "2018-03-01")]


def test_a_kallelse_heading_without_till_calls_the_meeting_and_a_clock_before_the_date_is_its_time() -> None:
    from planner.extract import extract

    text = ("Kallelse årsmöte\n\nÅrsmötet hålls enligt stadgarnas dagordning, 16.00 den 14 april 2011 . Förslag ska "
            "vara ordföranden tillhanda senast den 14/3.\n")
    result = extract(text)
    assert result["doc_kind"] == "kallelse"
    assert (result["meeting"]["date"], result["meeting"]["start"]) == ("2011-04-14", "16:00")


def test_a_death_is_no_event() -> None:
    from planner.extract import extract

    text = ("Styrelsemöte i föreningen\n\nEtt ljus tändes för vår ordförande som avled den 4 september.\n\n"
            "Planerade styrelsemöten under 2024 är 6 februari och 14 maj.\n")
    assert [i["kind"] for i in extract(text)["items"] if i["date"].endswith("-09-04")] == ["reference"]


def test_a_list_of_planned_meetings_titles_each_in_the_singular() -> None:
    from planner.extract import extract

    text = "Styrelsen\n\nPlanerade styrelsemöten under 2024 är 6 februari, 14 maj, 20 augusti och 12 november.\n"
    assert {i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"} == {"Styrelsemöte"}


def test_a_weekday_that_fits_only_years_ahead_is_a_slip_not_a_date_then() -> None:
    from planner.extract import extract

    text = ("Protokoll för styrelsesammanträde den 13:e oktober, 2009\n\nNärvarande: styrelsen\n\n"
            "§ 5 Festen blir lördagen den 7/1.\n")
    assert [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"] == ["2010-01-07"]


def test_a_kallelse_s_deadline_before_its_meeting_is_still_to_come() -> None:
    from planner.extract import extract

    text = ("Kallelse till årsmöte\n\nÅrsmötet hålls 16.00 den 14 april 2011. Förslag som önskas bli behandlade på "
            "årsmötet ska vara ordföranden tillhanda minst en månad före årsmötet, alltså den 14/3.\n")
    assert [(i["kind"], i["date"]) for i in extract(text)["items"]] == [("deadline", "2011-03-14")]


def test_the_meeting_that_a_handover_is_dated_by_stays_an_item() -> None:
    from planner.extract import extract

    text = ("Ny ordförande i kommunstyrelsen\n\n2018-09-20\n\nPer Holm har aviserat att han kommer avsäga sig "
            "uppdraget som kommunstyrelsens ordförande på kommunfullmäktige den 17 oktober. Anna Berg har blivit vald "
            "att överta uppdraget.\n")
    items = extract(text)["items"]
    assert [(i["kind"], i["date"], i["to"]) for i in items if i["kind"] == "chair_handover"] == [
        ("chair_handover", "2018-10-17", "Anna Berg")]
    assert [i["date"] for i in items if i["kind"] == "meeting"] == ["2018-10-17"]


def test_a_plan_s_rows_with_ordinals_times_and_their_own_cancellations() -> None:
    from planner.extract import extract

    text = ("Mötesdagar\n\nÅr 2020 (hösten) är mötesdagarna:\nnovember 10:e 17:00 (inställt) och 24:e 17:00\n"
            "År 2021 (våren) är mötesdagarna:\njanuari 12:e 17:00 och 26:e 17:00 (inställd)\n")
    got = [(i["date"], i["start"], i.get("status")) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert got == [("2020-11-10", "17:00", "cancelled"), ("2020-11-24", "17:00", None),
                   ("2021-01-12", "17:00", None), ("2021-01-26", "17:00", "cancelled")]


@pytest.mark.parametrize("text", [
    "Årsmötet avlyst\n\n2020-03-10\n\nÅrsmötet som var planerat till den 17-18 mars är avlyst på grund av återbud.\n",
    "Årsstämman flyttad\n\n2020-04-20\n\nÅrsmötet var planerat till den 17 mars 2020. Det flyttas till hösten.\n",
])
def test_the_planned_date_of_a_called_off_meeting_is_cancelled(text: str) -> None:
    from planner.extract import extract

    got = [(i["date"][5:], i.get("status")) for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")]
    assert got == [("03-17", "cancelled")]


def test_oppnar_and_avslutar_motet_give_the_meeting_s_start_and_end() -> None:
    from planner.extract import extract

    text = "Styrelsemöte 2023-02-07\n\n# Öppnar mötet 11:45\n\n## Närvarande\nAnna, Bo\n\nAvslutar mötet 12:30\n"
    meeting = extract(text)["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2023-02-07", "11:45", "12:30")


def test_a_document_site_s_list_of_other_documents_gives_no_events() -> None:
    from planner.extract import extract

    text = ("Minnesanteckningar från styrgruppsmöte 2015-02-04\n\nStyrgruppen diskuterade arbetsplanerna.\n\n"
            "Relevanta dokument\nLandsbygdsnätverkets kommunikationsplan Fastställd av styrgruppen 25 maj\n"
            "Protokoll fört vid möte med styrgruppen den 8 mars 2017\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2015-02-04" and result["items"] == []


def test_valjer_x_till_ordforande_in_minutes_is_the_new_chair_from_the_meeting() -> None:
    from planner.extract import extract

    text = ("Protokoll regionfullmäktige 2022-10-25\n\nNärvarande: ledamöterna\n\n§ 2 Val av ordförande\n\n"
            "Regionfullmäktige väljer Anna Berg (S) till ordförande i regionfullmäktige fram till 14 oktober 2026.\n")
    handovers = [(i["date"], i["to"]) for i in extract(text)["items"] if i["kind"] == "chair_handover"]
    assert handovers == [("2022-10-25", "Anna Berg (S)")]


@pytest.mark.parametrize("text, want", [
    ("gruppmötena börjar 18.30 och håller på längst till kl. 21.00.", [("18:30", "21:00")]),
    ("mötet startar kl 9.00 i salen", [("09:00", None)]),
    ("börjar kl 13.00-15.00", [("13:00", "15:00")]),
])
def test_a_start_word_gives_the_start_and_till_the_end(text: str, want: list) -> None:
    assert [(t.begin, t.finish) for t in find_times(fold(text))] == want


def test_past_forms_are_verbs_and_sammantrade_is_a_noun() -> None:
    from planner.extract.cues import PAST_FORM

    assert [m.group(0) for m in PAST_FORM.finditer("styrelsen fattade beslut som diskuterades pa sammantradet, "
                                                   "ett sammantrade och tilltrade")] == ["fattade", "diskuterades"]
    # The supine passive ("har skickats") is past too; a "mötesplats" is a place.
    assert [m.group(0) for m in PAST_FORM.finditer("kallelsen har skickats till motesplats och arbetsplats")] == [
        "skickats"]


def test_a_plan_section_heading_with_an_ocr_speck_after_its_year_still_gives_the_year() -> None:
    from planner.extract import extract

    text = ("Sammantradesplan 2022/2023\n\nRegionfullmaktige 2023\n\n22 februari\n\n25 april\n\n"
            "Regionstyrelsen 2022 °\n9 februari\n\n8 mars\n\n30 mars\n")
    got = sorted(i["date"] for i in extract(text)["items"] if i["kind"] == "meeting")
    assert got == ["2022-02-09", "2022-03-08", "2022-03-30", "2023-02-22", "2023-04-25"]


def test_the_months_a_plan_covers_are_a_heading_not_an_event() -> None:
    from planner.extract import extract

    text = ("Sammanträdestider\n\nJanuari - juli 2023\n\nKommunstyrelsen sammanträder 16 januari, 13 februari "
            "och 13 mars.\n")
    assert [i["date"] for i in extract(text)["items"] if i["kind"] != "reference"] == [
        "2023-01-16", "2023-02-13", "2023-03-13"]


def test_the_first_date_under_a_heading_of_remaining_meetings_is_the_next_meeting() -> None:
    from planner.extract import extract

    text = ("Styrelsens protokoll 2018-2019\n\nHär samlar vi protokollen från styrelsens sammanträden.\n\n"
            "Återstående styrelsemöten och protokoll\n\n  • 2019-03-07 (vid behov inför årsmötet 12 mars i Halmstad)\n")
    result = extract(text)
    assert [i["date"] for i in result["items"] if i["kind"] == "next_meeting"] == ["2019-03-07"]
    assert result["meeting"] is None


def test_a_cell_alone_on_its_line_is_no_day_of_the_month_a_blank_line_below_it() -> None:
    assert [(m.month, m.day) for m in find_dates(fold("Januari\n\n21\n\n15\n\nFebruari"))] == [(1, 21)]
    # OCR breaking a wrapped line into two paragraphs keeps the date whole
    assert [(m.month, m.day) for m in find_dates(fold("Första sammanträdet blir den 5\n\njanuari."))] == [(1, 5)]


def test_a_list_item_wrapped_by_ocr_keeps_the_list_under_its_deadlines_heading() -> None:
    from planner.extract import extract

    text = ("Protokoll 2019-10-22\n\nDeadlines: |\n\n- Implementering av Iterator, 23 okt. Ingen ny kod ska skrivas "
            "efter.\ndetta: :\n\n+ Tester, 22 okt.\n\n- Inlamning av projekt, 25 okt.\n")
    assert {(i["date"], i["kind"]) for i in extract(text)["items"]} == {
        ("2019-10-23", "deadline"), ("2019-10-22", "deadline"), ("2019-10-25", "deadline")}


@pytest.mark.parametrize(("text", "want"), [
    ("Donationer görs 27nd Januari.", [(1, 27)]), ("den 1st mars", [(3, 1)]), ("3rd april", [(4, 3)]),
    ("5 st mars", []),  # five pieces, no ordinal
])
def test_english_ordinals_in_swedish_minutes_are_days(text: str, want: list) -> None:
    assert [(m.month, m.day) for m in find_dates(fold(text))] == want


def test_the_latest_year_a_weekday_fits_dates_minutes_that_name_no_year() -> None:
    from planner.extract.years import last_weekday_year

    assert last_weekday_year([(6, 9, 4)], 2026) == 2023  # Friday 9 June
    assert last_weekday_year([(6, 9, 4), (9, 8, 4)], 2026) == 2023  # and Friday 8 September
    assert last_weekday_year([(6, 9, 4), (9, 9, 4)], 2026) is None  # no year has both


def test_minutes_without_a_year_take_the_latest_year_their_weekday_fits() -> None:
    import datetime as dt

    from planner.extract import extract

    text = ("Protokoll\nKommunchefsnätverket\n\nDatum: Fredag 9 juni\nTid: kl 9.45-12.15\nPlats: Kommunhuset\n\n"
            "1. Nästa möte\nFredag den 8 september kl 9.00.\n")
    result = extract(text)
    held = dt.date.fromisoformat(result["meeting"]["date"])
    assert (held.month, held.day, held.weekday()) == (6, 9, 4) and dt.date.today().year - 8 < held.year <= \
        dt.date.today().year
    assert [(i["kind"], i["date"]) for i in result["items"]] == [("next_meeting", f"{held.year}-09-08")]


def test_the_first_date_under_kommande_moten_is_the_next_meeting_and_a_row_label_titles_it() -> None:
    from planner.extract import extract

    text = ("Minnesanteckningar Styrgruppen 2024-03-15\n\n6. Kommande möten\n- 12 april kl 13-15\n- 17 maj kl 13-15\n\n"
            "## Kommande träffar\n\n- **Halvtidsavstämning:** 2024-11-29 kl 09:20\n")
    got = [(i["kind"], i["date"], i["title"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert got == [("next_meeting", "2024-04-12", "Styrgruppens möte")]
    text = "Protokoll 2024-11-25\n\n## Kommande möten\n\n- **Halvtidsavstämning:** 2024-11-29 kl 09:20\n"
    got = [(i["kind"], i["date"], i["title"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert got == [("next_meeting", "2024-11-29", "Halvtidsavstämning")]


def test_a_board_that_decides_to_meet_on_listed_dates_titles_them_its_meetings() -> None:
    from planner.extract import extract

    text = ("SAMMANTRÄDESPROTOKOLL\nFörbundsstyrelsen\n\nSammanträdesdatum\n2024-09-13\n\n§ 60 Sammanträdesplan 2025\n"
            "Förbundsstyrelsen beslutar att sammanträda 2025: 31 januari, 14 mars, 9 maj, 13 juni.\n")
    titles = {i["title"] for i in extract(text)["items"]}
    assert titles == {"Förbundsstyrelsens sammanträde"}


@pytest.mark.parametrize("text", ["2025-01-01--2027-12-31", "2024-12-01 - 2025-01-31", "2025-01-01 – 2027-12-31"])
def test_two_iso_dates_joined_by_a_dash_are_one_period(text: str) -> None:
    (mention,) = find_dates(fold(f"Avtalet gäller {text}."))
    assert (mention.year, mention.end_year) == (int(text[:4]), int(text[-10:-6]))


def test_a_period_longer_than_any_event_is_no_schedule_item() -> None:
    from planner.extract import extract

    text = ("PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2025-02-11\n\n§ 14 Avtal om gemensam nämnd\n"
            "Avtalet gäller 2025-01-01--2027-12-31.\n")
    assert [i["kind"] for i in extract(text)["items"]] == ["reference"]


def test_we_meet_again_on_a_day_is_the_next_meeting() -> None:
    from planner.extract import extract

    text = "Protokoll\nStyrgruppen\nDatum: 2025-03-12\n\n§ 9 Övrigt\nVi ses igen den 9 april kl 9–12.\n"
    assert [(i["kind"], i["date"]) for i in extract(text)["items"]] == [("next_meeting", "2025-04-09")]


@pytest.mark.parametrize("sentence, want", [("Nästa möte April 3rd.", "2025-04-03"), ("Nästa möte: v. 15", "2025-W15")])
def test_a_next_meeting_given_month_first_or_only_by_week(sentence: str, want: str) -> None:
    from planner.extract import extract

    result = extract(f"Protokoll\nStyrelsen\nDatum: 2025-03-12\n\n§ 9 Övrigt\n{sentence}\n")
    assert [(i["kind"], i["date"]) for i in result["items"]] == [("next_meeting", want)]


def test_a_month_ending_a_sentence_does_not_take_the_number_of_the_next_heading() -> None:
    (mention, *_) = find_dates(fold("Att planen fastställs i december.\n\n4. Verksamhetsplan och budget 2027\n"))
    assert (mention.precision, mention.month) == ("month", 12)


def test_a_labelled_time_whose_dash_and_blank_were_lost_is_a_range() -> None:
    from planner.extract import extract

    meeting = extract("Protokoll valdirektionen\n\nTid: 20270118 9.0010.00\n\nPlats: Kommunhuset\n")["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2027-01-18", "09:00", "10:00")


@pytest.mark.parametrize(("text", "span"), [
    ("Scandic Hasselbacken är bokad 2027-03-14—15.", (14, 15)),
    ("Konferens 2027-03-14–16 i Umeå", (14, 16)),
    ("Möte 2027-03-14–10.00", (14, None)),  # a time after the dash, no day
])
def test_an_iso_date_with_a_day_after_its_dash_is_a_span(text: str, span: tuple[int, int | None]) -> None:
    from planner.extract.normalize import fold

    m = find_dates(fold(text))[0]
    assert (m.day, m.end_day) == span and m.end_month in (None, 3)


def test_an_iso_span_of_days_stays_in_its_month_and_year() -> None:
    from planner.extract import extract

    text = "Protokoll 2026-09-17\n\nNärvarande: Anna\n\nKonferensen är bokad 2027-03-14—15.\n"
    assert [(i["date"], i.get("end_date")) for i in extract(text)["items"]] == [("2027-03-14", "2027-03-15")]


def test_a_time_whose_minutes_ocr_split_is_read_whole() -> None:
    from planner.extract.times import find_times

    assert [(t.begin, t.finish) for t in find_times("plats och tid turebergsrummet 16:00 - 17:3 0 narvarande")] == [
        ("16:00", "17:30")]


def test_a_year_copied_from_last_years_template_is_told_by_its_weekday() -> None:
    from planner.extract import extract

    text = ("Kallelse till årsmöte 2026\n\nÅrsmötet hålls söndagen den 12 april 2025 kl 14.00 i klubbstugan.\n\n"
            "Motioner ska vara styrelsen tillhanda senast den 15 mars 2026. Dagordningen skickas ut 2026-03-29.\n")
    dates = {i["date"] for i in extract(text)["items"]} | {extract(text)["meeting"]["date"]}
    assert "2026-04-12" in dates and "2025-04-12" not in dates  # 12 April 2026 is a Sunday, 2025's a Saturday


@pytest.mark.parametrize(("text", "want"), [
    ("Interpellationer besvaras mellan klockan 17.00 och 18.00.", [("17:00", "18:00")]),
    ("Öppet hus mellan kl. 13 och 15", [("13:00", "15:00")]),
    ("Mottagning mellan 13.00 och 16.00", [("13:00", "16:00")]),
    ("Mellan 13 och 15 personer deltog.", []),  # numbers, not hours
])
def test_a_range_said_with_mellan_och(text: str, want: list) -> None:
    assert [(t.begin, t.finish) for t in find_times(fold(text))] == want


def test_the_year_after_a_lists_last_day_is_the_year_of_every_day_in_it() -> None:
    text = ("Protokoll fört vid styrelsens sammanträde tisdagen den 24 augusti 1999 i Helsingborg.\n\n"
            "6. FU-protokoll från sammanträden den 1 april, 10 juni, 6 juli och 12 augusti 1999 har utsänts.\n")
    dates = {i["date"] for i in extract(text)["items"]}
    assert {"1999-04-01", "1999-06-10", "1999-07-06", "1999-08-12"} <= dates and "2000-04-01" not in dates


@pytest.mark.parametrize(("word", "holiday"), [("sportlov", True), ("höstlovet", True), ("bygglov", False),
                                               ("marklov", False), ("rivningslov", False)])
def test_a_permit_is_no_school_holiday(word: str, holiday: bool) -> None:
    from planner.extract.cues import HOLIDAY

    assert (HOLIDAY.search(fold(word)) is not None) == holiday


def test_the_day_a_term_begins_and_election_day_are_no_meetings() -> None:
    text = ("Stadsfullmäktige 2027\n\nBeslut\n\n"
            "Det anges i lagen att valdagen vid 2027 års kommunalval är 13.6.2027.\n\n"
            "Enligt lagen börjar mandattiden för de fullmäktige som väljs vid 2027 års kommunalval med avvikelse från "
            "vad som föreskrivs i 15 § 1 mom. i kommunallagen (410/2015) 1.8.2027.\n\n"
            "Stadsfullmäktige sammanträder måndag 2.8.2027 kl. 18.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds["2027-06-13"] == "reference"
    assert kinds["2027-08-01"] == "reference"
    assert kinds["2027-08-02"] != "reference"


def test_the_day_of_the_previous_minutes_is_decision_history() -> None:
    text = ("PROTOKOLL\nDirektionen\nSammanträdesdatum 2027-02-24\n\n§ 4 Föregående mötesprotokoll\n"
            "Föregående mötesprotokoll från 2026-12-09 läggs till handlingarna.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2026-12-09") in (None, "reference")


@pytest.mark.parametrize("verb", ["besökte", "inhandlade"])
def test_an_outing_the_minutes_report_in_the_past_tense_is_no_coming_meeting(verb: str) -> None:
    text = ("Protokoll styrelsesammanträde 2027-11-19\n\nTid: 10.00-12.30\n\n§4. Rapporter. Den 15 november "
            f"{verb} 23 seniorer arenan för att äta en trerätters middag.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2027-11-15") in (None, "reference")


def test_minutes_that_list_the_coming_meetings_name_the_first_as_the_next() -> None:
    text = ("Protokoll styrelsemöte 2027-06-07\n\n§ 63 Grillkvällar startar den 28 juni.\n\n"
            "§ 64 Datum inför höstens möten:\n\n  • 16 augusti kl 18:15\n\n  • 13 september kl 18:15\n\n"
            "  • 18 oktober kl 18:15\n")
    nexts = [(i["date"], i["start"]) for i in extract(text)["items"] if i["kind"] == "next_meeting"]
    assert nexts == [("2027-08-16", "18:15")]


@pytest.mark.parametrize(("written", "year"), [("28/8-90", 1990), ("28/8-19", 2019), ("28 aug-95", 1995)])
def test_a_two_digit_year_past_the_pivot_is_of_the_nineteen_hundreds(written: str, year: int) -> None:
    days = [m for m in find_dates(fold(f"Mötet hölls i Rösebo {written}\n")) if m.precision == "day"]
    assert [(m.year, m.month, m.day) for m in days] == [(year, 8, 28)]


def test_a_paper_s_issue_days_are_no_meetings() -> None:
    text = ("Årsprogram 2027\n\nTidningen I Halland, 2 nr:\nNr 1, utgivning 5 maj.\nNr2, utgivning 8 dec.\n\n"
            "Protokoll styrelsemöte 2027-05-02\n\n§ 6 Bladets juninummer utdelas till hushållen inom "
            "föreningens område tisdag 8 juni.\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert {kinds.get(day) for day in ("2027-05-05", "2027-12-08", "2027-06-08")} <= {None, "reference"}


def test_a_time_alone_on_the_line_below_a_date_is_that_date_s_time() -> None:
    # A table flattened a cell a line: date, time, what happens.
    text = ("Evenemang 2027\n\n17 mars\n\n14.00\n\nÅrsmöte i sockenstugan.\n\n11 maj\n\n9.00\n\nStäddag\n\n"
            "25 maj\n\n18.30\n\nGränsträff med grannföreningen.\n")
    starts = {i["date"]: i["start"] for i in extract(text)["items"]}
    assert starts == {"2027-03-17": "14:00", "2027-05-11": "09:00", "2027-05-25": "18:30"}


def test_a_lone_day_month_is_no_time() -> None:
    assert [t.begin for t in find_times(fold("Styrelsen\n\n12.10\n\nMöte\n"))] == []


def test_a_weekday_that_fits_only_years_away_is_a_slip_not_another_year() -> None:
    # 28 July 2021 is a Wednesday; the nearest year where it is a Monday is 2025: the writer meant June.
    text = ("Kallelse\n\nKommunfullmäktige sammanträder måndag den 28 juli klockan 13.00 i Folkets hus.\n\n"
            "Kommunfullmäktige den 28 juni 2021\n")
    meeting = extract(text)["meeting"]
    assert meeting is not None and meeting["date"].startswith("2021-")


@pytest.mark.parametrize("heading", ["Anmälningar", "Anméalningar"])  # OCR's é for ä, and an extra vowel
def test_the_letters_listed_under_anmalningar_are_no_meetings(heading: str) -> None:
    text = ("MINNESANTECKNINGAR 2027-04-07\n\nBeredningsgruppen\n\nÄrenden:\n\n" + heading + "\nHöjeåprojektet\n"
            "2027-02-06 Ladugårdsmarken - tilläggsbeställning omprövning dikningsföretag\n"
            "2027-02-16 Genarp ARV - Länsstyrelsen meddelande om slututbetalning\nArbetsutskottet\n"
            "2027-02-11 Protokoll AU\n\nBeredningsgruppen beslutar\n- att lägga anmälningarna till handlingarna\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert {kinds.get(day) for day in ("2027-02-06", "2027-02-16", "2027-02-11")} <= {None, "reference"}


def test_an_agenda_titled_by_its_body_and_day_calls_that_meeting() -> None:
    text = ("Styrelsen 26 oktober\n\nTid:     Kl 09.00-12.30, därefter lunch.\n\nPlats: Gästgifveriet, Söderåkra\n\n"
            "Föredragningslista\n\n1. Sammanträdet öppnas\n\n2. Val av justerare\n\n15. Anmälningsärenden\n"
            "A. Arbetsutskottets protokoll 271005\n")
    meeting = extract(text, "styrelsen_2027_10.txt")["meeting"]
    assert (meeting["date"], meeting["start"], meeting["end"]) == ("2027-10-26", "09:00", "12:30")


def test_a_date_written_year_month_day_with_stops_is_a_date() -> None:
    days = [(m.year, m.month, m.day) for m in find_dates(fold("Datum:         2027.04.07\n"))]
    assert days == [(2027, 4, 7)]
    assert [m for m in find_dates(fold("Version 2027.04.07.1 av mallen")) if m.precision == "day"] == []


def test_the_previous_minutes_dated_after_a_comma_are_history() -> None:
    text = ("Protokoll styrelsemöte 2027-03-20\n\n§ 3\nGenomgång av föregående protokoll, 2027-01-16 som godkänns av "
            "styrelsen.\n")
    assert {i["kind"] for i in extract(text)["items"] if i["date"] == "2027-01-16"} <= {"reference"}


@pytest.mark.parametrize("text", ["prioriteras under verksamhetsåret 07/08", "styrelseledamot i kåren 06/07.",
                                  "inför säsongen 10/11"])
def test_a_pair_of_years_is_no_day(text: str) -> None:
    assert find_dates(fold(text)) == []


def test_a_day_written_like_a_pair_of_years_after_den_stays_a_day() -> None:
    assert [(m.day, m.month) for m in find_dates(fold("mötet den 06/07 kl 18"))] == [(6, 7)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Tid: 18.30", ("18:30", None)), ("Tid 13-17", ("13:00", "17:00")), ("Tid: 18:10", ("18:10", None)),
])
def test_a_time_after_its_label(text: str, expected: tuple) -> None:
    assert [(t.begin, t.finish) for t in find_times(fold(text))] == [expected]


@pytest.mark.parametrize("text", ["under tid 3 år", "Tid 2 timmar"])
def test_a_number_after_tid_that_is_no_clock_time(text: str) -> None:
    assert find_times(fold(text)) == []


@pytest.mark.parametrize(("text", "days"), [
    ("I september hålls två möten; den 3 och den 17 september.", [3, 17]),
    ("Mötena hålls den 3, den 10 och den 17 september.", [3, 10, 17]),
])
def test_days_each_with_their_own_den_share_the_month(text: str, days: list[int]) -> None:
    assert [(m.day, m.month) for m in find_dates(fold(text)) if m.precision == "day"] == [(day, 9) for day in days]


def test_two_colon_times_a_blank_apart_are_a_range_whose_dash_was_lost() -> None:
    assert [(t.begin, t.finish) for t in find_times(fold("27 sep 2031 19:00 21:00"))] == [("19:00", "21:00")]
    assert [(t.begin, t.finish) for t in find_times(fold("Start 19:00 18:30"))] == [("19:00", None), ("18:30", None)]
