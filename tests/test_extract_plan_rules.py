"""General rules for plans and lists: calendar words, year headings, day ranges, a section's time, row titles."""

from __future__ import annotations

import pytest

from planner.extract import extract
from planner.extract.dates import find_dates
from planner.extract.normalize import fold


def _rows(text: str) -> list[tuple[str, str | None, str]]:
    return [(i["kind"], i["date"], i["title"]) for i in extract(text)["items"] if i["kind"] != "reference"]


def test_a_moteskalender_is_a_plan_and_its_rows_are_meetings() -> None:
    text = ("Sammanträdeskalender för nämnden 2031\n\nTill: Ledamöterna\nDatum: 3 mars 2031\n\n"
            "4 april Nämndsammanträde\n\n16 maj Nämndsammanträde\n\n12 juni Nämndsammanträde\n\n"
            "Handlingar senast 1 juni\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    kinds = {(i["date"], i["kind"]) for i in result["items"]}
    assert {("2031-04-04", "meeting"), ("2031-05-16", "meeting"), ("2031-06-12", "meeting"),
            ("2031-06-01", "deadline")} <= kinds


def test_a_year_in_a_bulleted_row_above_names_no_year_for_the_label_below() -> None:
    text = ("Mötesplan 2031/2032\n\n2031\n\n4 oktober Styrelsemöte\n- budget 2032\nHandlingar senast: 20 september\n\n"
            "6 december Styrelsemöte\n- inför årsmötet 2032\nHandlingar senast: 22 november\n\n"
            "2032\n\n14 februari Styrelsemöte\n")
    dated = {(i["kind"], i["date"]) for i in extract(text)["items"]}
    assert {("deadline", "2031-09-20"), ("deadline", "2031-11-22"), ("meeting", "2032-02-14")} <= dated


def test_a_year_alone_on_its_line_heads_a_long_section_down_to_the_next_year() -> None:
    rows = "".join(f"{day} {month} Styrelsemöte\n- ekonomi\n- budget 2032\n- rapporter\n- övrigt\n\n"
                   for day, month in [(15, "augusti"), (5, "september"), (3, "oktober"), (7, "november"),
                                       (5, "december"), (19, "december")])
    text = f"Sammanträdesplan 2031–2032\n\nHöst 2031\n\n{rows}\nVår 2032\n\n16 januari Styrelsemöte\n"
    dated = [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert dated == ["2031-08-15", "2031-09-05", "2031-10-03", "2031-11-07", "2031-12-05", "2031-12-19",
                     "2032-01-16"]


@pytest.mark.parametrize(("text", "want"), [
    ("Nämnden har internat den 6-7/11 på Gården.", [(6, 11, None, 7, 11)]),
    ("Konferensen hålls 12–14/3 2031.", [(12, 3, 2031, 14, 3)]),
    ("Studiedagar 6-7.11. Sedan uppföljning", [(6, 11, None, 7, 11)]),
    ("Utbildning 2-3.10.2031 i Umeå", [(2, 10, 2031, 3, 10)]),
    ("Mötet pågår kl 9-10.15 i salen", []),  # a clock, not days
    ("Beslutet kräver 1-2/3 av rösterna", []),  # a fraction
])
def test_days_of_one_month_with_the_month_given_once_after_the_last_day(text: str, want: list) -> None:
    assert [(m.day, m.month, m.year, m.end_day, m.end_month) for m in find_dates(fold(text))] == want


def test_a_day_range_with_a_numeric_month_is_one_period() -> None:
    text = "Protokoll styrelsen 2031-10-02\n\nStyrelsen träffar ombuden den 6-7/11 i Gävle.\n"
    periods = [(i["date"], i["end_date"]) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert periods == [("2031-11-06", "2031-11-07")]


def test_an_arsplan_is_a_plan_and_records_no_meeting_of_its_own() -> None:
    text = ("Årsplan 2031\n\nStyrelsen\n12 januari\n9 februari\n8 mars\n\nÅrsmöte\nTorsdag 20 mars klockan 19.00\n")
    result = extract(text)
    assert result["doc_kind"] == "plan" and result["meeting"] is None
    assert [i["date"] for i in result["items"] if i["kind"] == "meeting"] == [
        "2031-01-12", "2031-02-09", "2031-03-08", "2031-03-20"]


def test_a_time_line_above_a_section_s_list_reaches_all_its_rows_and_no_further() -> None:
    text = ("Årsplan 2031\n\nNÄMNDMÖTEN\nSamtliga i stora salen klockan 17.30\n12 januari\n9 februari\n8 mars\n"
            "12 april (bokslut)\n10 maj\n14 juni\n13 september\n11 oktober\n\n"
            "STUDIEBESÖK\n20 september Reningsverket\n\n"
            "HÖSTFEST\nAlla medlemmar är välkomna. Vi samlas kl. 16:00 vid entrén.\nLördag 18 oktober Höstfest\n")
    times = {i["date"]: i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert times == {"2031-01-12": "17:30", "2031-02-09": "17:30", "2031-03-08": "17:30", "2031-04-12": "17:30",
                     "2031-05-10": "17:30", "2031-06-14": "17:30", "2031-09-13": "17:30", "2031-10-11": "17:30",
                     "2031-09-20": None, "2031-10-18": "16:00"}


def test_a_time_alone_on_its_line_below_a_list_holds_for_its_rows() -> None:
    text = ("Kommunala pensionärsrådet\n\nOrdförande är Andreas Persson (S).\n\nSammanträden 2023\n\n  • 21 mars\n"
            "  • 8 juni\n  • 19 september\n\nKl. 13.00–16.00\n\nKONTAKT\n")
    times = {i["date"]: (i["start"], i["end"]) for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert times == {"2023-03-21": ("13:00", "16:00"), "2023-06-08": ("13:00", "16:00"),
                     "2023-09-19": ("13:00", "16:00")}


def test_a_section_time_reaches_its_rows_when_ocr_sets_blank_lines_between_all_lines() -> None:
    text = ("Årsplan 2031\n\nStyrelsemöten\n\nI föreningslokalen klockan 18.30\n\n"
            + "".join(f"{day}\n\n" for day in ["15 januari", "12 februari", "12 mars", "9 april (budget)", "7 maj",
                                               "4 juni", "10 september", "8 oktober"]))
    assert {i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"} == {"18:30"}


def test_a_row_takes_its_title_from_the_section_heading_that_names_its_meeting() -> None:
    text = ("Verksamhetsår 2031\n\nNÄMNDMÖTEN\nI stora salen klockan 17.30\n12 januari\n9 februari (bokslut)\n"
            "8 mars\n\nÅRSMÖTE\nTorsdag 20 mars  Biblioteket klockan 19.00\nKallade: alla medlemmar.\n\n"
            "TEMADAGAR\nVi samlas kl. 9.00 vid förrådet.\nLördag 26 april Vårröjning\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert titles == {"2031-01-12": "Nämndmöte", "2031-02-09": "Nämndmöte (bokslut)", "2031-03-08": "Nämndmöte",
                      "2031-03-20": "Årsmöte", "2031-04-26": "Vårröjning (temadag)"}


def test_rows_under_a_heading_of_whose_meetings_take_that_name_not_the_next_row_s_clock() -> None:
    text = ("Om rådet\n\nRådet är ett forum för dialog.\n\nTider för elevrådets möten läsåret 31/32\n"
            "Måndagen 8/9 kl 8,15 - 9,00\nOnsdagen 12/11 kl 15,30 - 16,30\n")
    titles = [i["title"] for i in extract(text, "elevradet_2031.txt")["items"] if i["kind"] == "meeting"]
    assert titles == ["Elevrådets möte", "Elevrådets möte"]


def test_a_line_of_dates_under_a_heading_takes_its_name_and_each_date_its_own_note() -> None:
    text = ("Gruppmöten 2031\n\nGruppmöten inför fullmäktige\n\n"
            "13 jan, 10 feb, 10 mars (OBS onsdag), 7 april och 5 maj\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert titles["2031-01-13"] == titles["2031-05-05"] == "Gruppmöte inför fullmäktige"
    assert titles["2031-03-10"] == "Gruppmöte inför fullmäktige (OBS onsdag)"


def test_each_thing_due_on_a_line_of_deadlines_is_titled_by_its_own_clause() -> None:
    text = ("Mötesplan 2031\n\n14 mars Nämndmöte\n\nHandlingar senast 1 mars, motioner senast 7 mars\n\n"
            "16 maj Nämndmöte\n\n13 juni Nämndmöte\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "deadline"}
    assert titles == {"2031-03-01": "Handlingar till nämndmötet", "2031-03-07": "Motioner till nämndmötet"}


def test_a_memo_header_s_date_dates_the_paper_not_an_event_of_its_plan() -> None:
    text = ("Förslag till möteskalender 2031\n\nTill: Styrelsen\nFrån: Kansliet\nDatum: 3 mars 2031\n\n"
            "4 april Styrelsemöte\n\n16 maj Styrelsemöte\n\n12 juni Styrelsemöte\n")
    dated = {(i["kind"], i["date"]) for i in extract(text)["items"]}
    assert ("meeting", "2031-03-03") not in dated and ("meeting", "2031-04-04") in dated


def test_a_thing_due_under_a_meeting_s_row_in_a_plan_is_due_to_that_meeting() -> None:
    text = ("Mötesplan 2031\n\n4 april Nämndmöte\n- budget\nHandlingar senast: 20 mars\n\n"
            "16 maj Årsstämma\nMotioner senast: 1 maj\n\n12 juni Nämndmöte\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"] if i["kind"] == "deadline"}
    assert titles == {"2031-03-20": "Handlingar till nämndmötet", "2031-05-01": "Motioner till årsstämman"}


def test_the_event_a_sentence_says_will_be_held_is_the_title_not_the_sentence_s_start() -> None:
    text = ("Nytt om förbundet\n\nNu är det bara ett halvår kvar innan det är dags för förbundets nästa stämma som "
            "kommer att hållas i Luleå 12 till 14 juni 2031. Motioner ska vara inne senast 1 mars 2031.\n")
    titles = [i["title"] for i in extract(text)["items"] if i["date"] == "2031-06-12"]
    assert titles == ["Förbundets nästa stämma i Luleå"]


def test_a_row_whose_note_is_long_still_takes_the_plan_s_time() -> None:
    text = ("Sammanträdesdagar 2031\n\nFullmäktige sammanträder i stadshuset. Sammanträdena startar klockan 13:00.\n\n"
            " • 11 februari\n • 11 mars\n • 14 oktober, konstituerande (första mötet med de nyvalda ledamöterna)\n"
            " • 18 november\n • 9-10 december, heldagar med internat och studiebesök tillsammans med styrelsen\n"
            " • 16 december\n")
    times = {i["date"]: i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert times == {"2031-02-11": "13:00", "2031-03-11": "13:00", "2031-10-14": "13:00", "2031-11-18": "13:00",
                     "2031-12-09": None, "2031-12-16": "13:00"}  # "heldagar" says when itself


def test_a_row_s_own_time_after_an_exclamation_is_its_own_not_the_next_row_s() -> None:
    text = ("Sammanträdestider för regionstyrelsen 2024\n\n30 januari\n27 februari\n26 mars (OBS! kl 13.00)\n"
            "23 april\n\nSammanträdena börjar klockan 09.00.\n")
    starts = {i["date"]: i["start"] for i in extract(text)["items"]}
    assert starts == {"2024-01-30": "09:00", "2024-02-27": "09:00", "2024-03-26": "13:00", "2024-04-23": "09:00"}


def test_a_page_titled_the_year_s_meetings_is_a_plan_and_a_heading_over_a_sentence_is_no_part_of_its_subject() -> None:
    result = extract("Möten 2023\n\nFörbundsstyrelsen\n10 feb, 24 mar, 12 maj\n\nPublicerad 2022-12-01\n")
    assert result["doc_kind"] == "plan"
    assert {i["title"] for i in result["items"] if i["kind"] == "meeting"} == {"Förbundsstyrelsens sammanträde"}
    text = ("Kommunfullmäktige\n\nKommunfullmäktige sammanträder följande måndagar 2025: 3 februari, 10 mars, "
            "7 april och 12 maj.\n")
    assert {i["title"] for i in extract(text)["items"]} == {"Kommunfullmäktiges sammanträde"}


def test_a_plan_s_rows_are_cancelled_one_by_one_and_its_heading_is_no_title() -> None:
    text = ("Sammanträdestider 2025\n\nTisdag 21 januari\nTisdag 18 februari\nTisdag 18 mars – inställt\n"
            "Tisdag 22 april, OBS! Flyttat till 29 april\n")
    status = {i["date"]: i.get("status") for i in extract(text)["items"]}
    assert status == {"2025-01-21": None, "2025-02-18": None, "2025-03-18": "cancelled", "2025-04-22": "cancelled",
                      "2025-04-29": None}
    titles = {i["title"] for i in extract("Sammanträdestider 2025: 8/2 15/3 19/4 24/5\n")["items"]}
    assert titles == {"Sammanträde"}


def test_rows_of_a_date_and_the_body_that_meets_then_are_a_plan_from_its_first_row() -> None:
    # A page of one body's events, newest first, each a "d.m.yyyy Body" row with the event's kind below: no word
    # calls it a plan, but every row is the body's meeting (the first one too, which a notice would take as its own).
    text = ("Beslutande organ: Kommunfullmäktige\n\nFullmäktige är kommunens högsta beslutande organ.\n\n"
            + "".join(f"{day} Kommunfullmäktige\n\n{kind}\n\n" for day, kind in [
                ("9.6.2032", "Seminarium"), ("12.5.2032", "Möte"), ("14.4.2032", "Frågestund"),
                ("10.3.2032", "Möte")]))
    result = extract(text)
    assert result["doc_kind"] == "plan" and result["meeting"] is None
    assert {i["date"] for i in result["items"] if i["kind"] == "meeting"} == {
        "2032-06-09", "2032-05-12", "2032-04-14", "2032-03-10"}


def test_a_section_headed_by_its_body_is_titled_by_it_not_by_a_meeting_named_in_the_section_above() -> None:
    # "Se sidan Presidiemöten." ends the section above; the rows below belong to the body that heads them, also when
    # it is named by what it is for ("Beredningen för hållbar tillväxt").
    text = ("Mötesdatum 2031\n\nPresidiet\n\n3 februari kl 9-10 digitalt\n4 maj kl 9-10 digitalt\n\n"
            "Se sidan Presidiemöten.\n\nSamrådsgruppen\n\n10 februari kl 13-15 digitalt\n11 maj kl 13-15 digitalt\n\n"
            "Beredningen för hållbar tillväxt\n\n17 februari kl 8-12\n18 maj kl 8-12\n")
    titles = {date: title for _, date, title in _rows(text)}
    assert "Samrådsgrupp" in titles["2031-02-10"] and "Samrådsgrupp" in titles["2031-05-11"]
    assert "Beredningen för hållbar tillväxt" in titles["2031-02-17"]
    assert "Presidie" in titles["2031-02-03"]


def test_the_short_line_under_a_row_of_a_date_and_its_body_says_what_meeting_it_is() -> None:
    text = ("Beslutande organ: Regionfullmäktige\n\n"
            "20.5.2031 Regionfullmäktige\n\nStudiedag\n\nRegionfullmäktiges studiedag\n\n"
            "15.4.2031 Regionfullmäktige\n\nPlats: Regionens hus\n\n"
            "11.3.2031 Regionfullmäktige\n12.2.2031 Regionfullmäktige\n")
    titles = {date: title for _, date, title in _rows(text)}
    assert titles["2031-05-20"] == "Regionfullmäktige: Studiedag"
    assert "Plats" not in titles["2031-04-15"]  # a labelled line says where, not what
    assert ":" not in titles["2031-03-11"] + titles["2031-02-12"]  # the next row is no kind of meeting


def test_a_date_listed_under_three_bodies_of_a_plan_is_no_page_header() -> None:
    from planner.extract import extract

    bodies = ("Tandvårdsnämnden", "Trafiknämnden", "Kulturnämnden", "Servicenämnden")
    rows = zip(bodies, (3, 10, 17, 24), strict=True)
    text = "Sammanträdesplan 2027\n\n" + "".join(f"{body}\n\n7 januari\n{day} februari\n12 december\n\n"
                                                 for body, day in rows)
    dates = [i["date"] for i in extract(text)["items"]]
    # proposed (the four bodies' meetings of one day still become one proposal: a known limit of the merge)
    assert "2027-01-07" in dates and "2027-12-12" in dates


def test_a_week_beside_a_listed_day_is_that_day_s_week_and_a_range_s_weekday_may_be_its_last_day() -> None:
    # 7 February 2019 is a Thursday: "Fredag" names the range's last day, not another year
    text = ("Förbundsstyrelsens mötesdagar 2019\n\n • Fredag 7-8 februari (v 6) överlämnandekonferens\n"
            " • Fredag 29 mars (v 13) i Alingsås kommun\n • Torsdag-fredag 26-27 september (v 39) styrelsekonferens\n")
    dates = sorted((i["date"], i["end_date"]) for i in extract(text)["items"])
    assert dates == [("2019-02-07", "2019-02-08"), ("2019-03-29", None), ("2019-09-26", "2019-09-27")]


def test_a_plan_sentence_that_times_each_body_gives_each_section_its_time() -> None:
    text = ("Sammanträdestider 2017\n\nArbetsutskott\n2 februari\n17 augusti\n\nDirektionen\n23 februari\n"
            "1 juni\n\nSammanträdesdag är som regel torsdagar.\n\n"
            "Arbetsutskottet börjar sina sammanträden kl 13.15 och direktionen kl 14.00.\n")
    starts = {i["date"]: i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert starts == {"2017-02-02": "13:15", "2017-08-17": "13:15", "2017-02-23": "14:00", "2017-06-01": "14:00"}


def test_kommande_styrelsemoten_as_day_month_rows_across_a_year_line() -> None:
    text = ("Föreningen\nStyrelsen sammankommer i genomsnitt 6–8 gånger om året.\nKommande styrelsemöten 2024\n28.11\n"
            "2025\n15.2\n18.3\n25.3, även fullmäktigemöte\n24.5\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    assert [i["date"] for i in result["items"] if i["kind"] == "meeting"] == [
        "2024-11-28", "2025-02-15", "2025-03-18", "2025-03-25", "2025-05-24"]


@pytest.mark.parametrize("text", ["Protokoll\n1.2\nVal av justerare\n", "Punkter\n1.2\n3.4\n"])
def test_one_or_two_number_rows_are_no_days(text: str) -> None:
    assert find_dates(fold(text)) == []


def test_a_line_of_yearless_day_month_dates_is_the_body_s_plan_with_each_date_s_note() -> None:
    # Finland-Swedish plans write "22.1   12.2": a run of day.month, the year in the heading, notes in brackets.
    text = ("Stadsstyrelsen sammanträder i stadshuset på måndagarna kl. 15.00.\n\n"
            "Sammanträdesdatum för stadsstyrelsen 2025:\n\n"
            "20.1   10.2   3.3 (extrainsatt sammanträde)  17.3   (7.4 inhiberat) 28.4\n")
    items = [i for i in extract(text)["items"] if i["kind"] != "reference"]
    assert [(i["kind"], i["date"], i["start"]) for i in items] == [
        ("meeting", day, "15:00") for day in ("2025-01-20", "2025-02-10", "2025-03-03", "2025-03-17", "2025-04-07",
                                              "2025-04-28")]
    assert [i.get("status") for i in items] == [None, None, None, None, "cancelled", None]
    assert items[2]["title"] == "Stadsstyrelsens sammanträde (extrainsatt sammanträde)"
    assert items[3]["title"] == "Stadsstyrelsens sammanträde"


def test_numbers_with_a_dot_are_no_run_of_dates() -> None:
    # Versions, section numbers and amounts: not three day.month tokens alone on a line in the calendar's order.
    for line in ("1.2 Bakgrund\n2.1 Syfte\n3.4 Mål\n", "Version 2.1 3.0 1.4 av programmet\n", "4.3   2.1   1.1\n"):
        assert [m for m in find_dates(fold(line)) if m.precision == "day"] == []


def test_a_programme_of_zero_padded_rows_gives_each_row_its_day() -> None:
    text = ("Pensionärsklubbens program 2026\n\nKlubben träffas måndagar kl. 14 - 16 på Silvermånen.\n\nJanuari\n"
            "12.01    Vårens program presenteras\n19.01    Bingo spelas\n26.01    Årsmöte\n\nFebruari\n"
            "02.02    Besök på museet\n")
    days = [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert days == ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]


def test_a_date_list_under_a_heading_that_names_the_meeting_is_titled_by_the_heading() -> None:
    text = ("Gruppmöten 2019\n\nGruppmöten inför Kommunfullmäktige\n\n7 jan, 11 feb, 11 mars och 9 dec.\n\n"
            "Gruppmöten inför Kommunstyrelsen\n\n28 jan, 25 feb, 23 april (OBS tisdag) och 16 dec\n")
    titles = {i["date"]: i["title"] for i in extract(text)["items"]}
    assert titles["2019-02-11"] == "Gruppmöte inför Kommunfullmäktige"
    assert titles["2019-04-23"] == "Gruppmöte inför Kommunstyrelsen (OBS tisdag)"


@pytest.mark.parametrize("sentence", [
    "Fullmäktigemötet, som normalt påbörjas 18:00, kommer under året hållas följande datum:",
    "Stommen i verksamheten är månadsmöten, som hålles i Svenska gården andra fredagen i månaden kl. 18.",
])
def test_a_plan_s_time_said_with_pabörjas_or_halles_times_every_listed_date(sentence: str) -> None:
    text = f"Mötesdagar 2026\n\n{sentence}\n\n14/9\n12/10\n16/11\n"
    starts = [i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert starts == ["18:00", "18:00", "18:00"]


def test_rows_under_a_heading_that_cancels_them_are_cancelled_past_month_headings() -> None:
    text = ("Klubbens program 2026\n\nKlubben träffas måndagar kl. 14 - 16.\n\n"
            "Mars\n02.03    Bingo\n09.03    Föredrag\n\n"
            "INHIBERADE PROGRAM:\n\n16.03    Jazzorkester\n23.03    Föredrag om arvsrätt\n\nApril\n"
            "06.04    Besök på fabriken\n\nVi höll i stället videomöten.\n")
    status = {i["date"]: i.get("status") for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert status == {"2026-03-02": None, "2026-03-09": None, "2026-03-16": "cancelled", "2026-03-23": "cancelled",
                      "2026-04-06": "cancelled"}


def test_a_clock_s_hours_before_a_month_heading_are_no_days_of_that_month() -> None:
    mentions = find_dates(fold("Klubben träffas måndagar kl. 14 - 16.\n\nMars\n02.03    Bingo\n"))
    assert [(m.month, m.day) for m in mentions if m.precision == "day" and m.month == 3 and m.day == 14] == []


def test_bulleted_day_month_rows_with_notes_are_the_plan_s_days_and_its_decisions_are_history() -> None:
    text = ("Stadsfullmäktige\n\nmötesdagar 2027:\n\n • 8.2, Rådhusgatan 33\n • 15.3\n"
            " • 5.4. extra mötet har annullerats\n"
            " • 7.6 bokslut och ramar\n • 15.11 budget\n\nsammanträdena hålls på måndagar klockan 17.45.\n\n"
            "protokoll som tillhör denna sida:\nstadsfullmäktiges beslut 14.12.2026 124 bilaga sammanträden 2027\n")
    items = {i["date"]: i for i in extract(text)["items"]}
    assert [d for d, i in items.items() if i["kind"] == "meeting"] == [
        "2027-02-08", "2027-03-15", "2027-04-05", "2027-06-07", "2027-11-15"]
    assert items["2027-04-05"].get("status") == "cancelled"
    assert items["2027-06-07"]["start"] == "17:45"
    assert items["2026-12-14"]["kind"] == "reference"


def test_an_association_s_season_programme_is_a_plan_of_its_year() -> None:
    text = ("Program\n\nProgram för hösten 2027\n\nSöndag 22 augusti 09:00\n\nSödra Kilsbergen.\n\n"
            "Lördag 11 september 09:00\n\nSvamputflykt\n\nLördag 25 september 09:00\n\nHöstvandring\n\n"
            "Fredag 4 februari 2028 19:00\n\nMånadsmöte\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    assert [i["date"] for i in result["items"] if i["kind"] == "meeting"] == [
        "2027-08-22", "2027-09-11", "2027-09-25", "2028-02-04"]


def test_dates_on_dash_bulleted_lines_are_days_each_not_a_range() -> None:
    mentions = find_dates(fold("Förslag på sammanträdesdatum 2027:\n\n- 24 januari\n\n- 21 februari\n- 20 mars\n"))
    assert [(m.day, m.month, m.end_day) for m in mentions] == [(24, 1, None), (21, 2, None), (20, 3, None)]
    ranged = find_dates(fold("Konferensen pågår 24 januari – 26 januari och 3 mars\ntill 5 mars.\n"))
    assert [(m.day, m.end_day) for m in ranged] == [(24, 26), (3, 5)]


def test_weekday_led_day_month_dates_with_closing_stops_share_the_line_s_one_time() -> None:
    text = ("Sammanträdesinformation 2027\n\nStadsstyrelsen sammanträden:\n"
            "Tisdag 19.1., tisdag 2.2., tisdag 2.3., tisdag 23.3. och tisdag 13.4. kl. 15.00. Om ändringar "
            "besluter ordföranden.\n")
    rows = [(i["date"], i["start"]) for i in extract(text, "kasko_2027.txt")["items"] if i["kind"] == "meeting"]
    assert rows == [(day, "15:00") for day in ("2027-01-19", "2027-02-02", "2027-03-02", "2027-03-23", "2027-04-13")]


def test_the_one_time_of_a_line_of_dates_that_ocr_wrapped_is_every_date_s() -> None:
    text = ("Sammantradesinformation 2027\n\nStadsstyrelsen sammantraden:\n\n"
            "Tisdag 19.1., tisdag 2.2., tisdag 2.3., tisdag 23.3., tisdag 13.4., tisdag 11.5., tisdag 1.6.,\n"
            "tisdag 15.6., tisdag 7.9. och tisdag 14.12. kl..15.00. Om andringar besluter ordforanden.\n")
    starts = {i["start"] for i in extract(text, "kasko_2027.txt")["items"] if i["kind"] == "meeting"}
    assert starts == {"15:00"}


def test_a_year_in_one_row_s_note_is_no_year_of_the_rows_below() -> None:
    text = ("Klubbens program 2027\n\nJanuari\n12.01    Vårens program presenteras. Bilder från vårutfärden 2026\n"
            "19.01    Anna Ek: Användning av mobiltelefonen\n26.01    Årsmöte\n")
    days = [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert days == ["2027-01-12", "2027-01-19", "2027-01-26"]


def test_a_calendar_of_day_month_rows_with_a_colon_and_a_note_gives_each_row_its_day() -> None:
    # The Finland-Swedish day.month with no year, the year only in the sentence above the rows.
    text = ("Möteskalender\n\nNämnden och styrelsen håller följande möten 2031:\n\nJanuari\n\n21.1: styrelsen\n\n"
            "Februari\n\n3.2: nämnden\n\n11.2: styrelsen (bokslut)\n\nJuni\n\n1.6 seminarium\n\n15.6: nämnden\n")
    days = [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert days == ["2031-01-21", "2031-02-03", "2031-02-11", "2031-06-01", "2031-06-15"]


def test_a_month_named_before_its_day_month_is_a_day_of_that_month() -> None:
    text = "Nämnden\n\nMötesdagar 2031\n\n • februari 10.2.\n • mars 23.3.\n • november 16.11. budget\n"
    days = [i["date"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert days == ["2031-02-10", "2031-03-23", "2031-11-16"]


def test_numbered_sections_of_minutes_are_no_days() -> None:
    text = ("Protokoll styrelsemöte 2031-05-04\n\n3.1 Kassören har fått veta att det finns en infopunkt\n"
            "3.2 Insparken har fått ett bidrag\n3.3 Arbetsgruppen har avslutat sitt arbete\n"
            "4.1 Punkten bordlades till nästa möte\n4.2 Styrelsen diskuterar öppettider\n")
    assert [i for i in extract(text)["items"] if i["kind"] != "reference"] == []


@pytest.mark.parametrize("sentence", [
    "Fullmäktiges mandatperiod är 1.8.2031 – 31.5.2035.",
    "Ordförandens mandatperiod 1.6.2033-31.5.2035",
    "Fullmäktiges mandattid är fyra år och den började 1.8.2031 och den slutar 31.5.2035.",
])
def test_a_term_of_office_in_day_month_year_dates_is_no_meeting(sentence: str) -> None:
    text = f"Stadsfullmäktige\n\nMötesdagar 2032\n\n{sentence}\n\nMötena är öppna för allmänheten.\n"
    assert [i for i in extract(text)["items"] if i["kind"] != "reference"] == []


def test_calendar_rows_are_titled_by_their_body_not_by_the_next_month_s_heading() -> None:
    text = ("Möteskalender\n\nNämnden och styrelsen håller följande möten 2031:\n\nJanuari\n\n21.1: styrelsen\n\n"
            "Februari\n\n3.2: nämnden\n\n11.2: styrelsen (bokslut)\n\nJuni\n\n1.6 seminarium\n\n15.6: nämnden\n")
    titles = [i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert titles == ["Styrelsens möte", "Nämndens sammanträde", "Styrelsens möte (bokslut)", "Seminarium",
                      "Nämndens sammanträde"]


def test_a_plan_s_rows_that_repeat_only_their_month_are_the_body_s_meetings() -> None:
    text = "Nämnden\n\nMötesdagar 2031\n\n • februari 10.2.\n • mars 23.3.\n • november 16.11.\n"
    assert {i["title"] for i in extract(text)["items"] if i["kind"] == "meeting"} == {"Nämndens sammanträde"}


@pytest.mark.parametrize("time_line", ["Tid: 18.30", "Tisdagar kl 18.30, sammanträdesrummet\n\n(Ändringar kan ske)"])
def test_a_section_s_time_line_above_its_rows_times_each_row(time_line: str) -> None:
    text = (f"Sammanträdesdagar 2031\n\nKommunfullmäktige\n\nPlats: Stadshuset, aulan\n{time_line}\n\n24 februari\n"
            "26 mars\n27 april\n15 juni\n")
    starts = {i["date"]: i["start"] for i in extract(text)["items"] if i["kind"] == "meeting"}
    assert starts == {"2031-02-24": "18:30", "2031-03-26": "18:30", "2031-04-27": "18:30", "2031-06-15": "18:30"}


def test_a_year_s_programme_by_month_gives_each_month_its_events_into_the_next_year() -> None:
    text = ("Årsplanering 2031\n\nFöreningen\n\nFebruari       Årsmöte\nMars             Månadsmöte. Musik.\n"
            "Maj              Månadsmöte, föredrag.\nSeptember  Månadsmöte.\nDecember    Julmys.\n"
            "Januari         Månadsmöte.\n")
    items = [(i["date"], i["title"]) for i in extract(text)["items"] if i["kind"] == "meeting"]
    assert [date for date, _ in items] == ["2031-02", "2031-03", "2031-05", "2031-09", "2031-12", "2032-01"]
    assert items[0][1] == "Årsmöte"


def test_sentences_that_begin_with_a_month_are_no_programme() -> None:
    text = ("Protokoll 2031-05-04\n\nMaj månad blev kall.\nJuni var varmare än väntat.\nJuli blir semester för "
            "alla.\nAugusti ska vi ses igen.\n")
    assert [i for i in extract(text)["items"] if len(i["date"]) == 7] == []
