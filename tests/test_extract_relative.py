"""Days news names by the weekday, reckoned from the day it was written (extract/relative.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.extract import extract
from planner.extract.relative import RELATIVE_DAY, named_day

THURSDAY = dt.date(2026, 1, 15)


@pytest.mark.parametrize(("words", "day"), [
    ("under torsdagen", THURSDAY),  # news of the day itself
    ("i torsdags", dt.date(2026, 1, 8)),  # said on a Thursday: a week ago
    ("i måndags", dt.date(2026, 1, 12)),
    ("på söndagens", dt.date(2026, 1, 11)),
    ("i går", dt.date(2026, 1, 14)),
    ("igår", dt.date(2026, 1, 14)),  # written as one word
    ("under gårdagens", dt.date(2026, 1, 14)),
    ("i dag", THURSDAY),
])
def test_a_weekday_named_in_news(words: str, day: dt.date) -> None:
    from planner.extract.normalize import fold

    hit = RELATIVE_DAY.search(fold(words))
    assert hit is not None and named_day(hit, THURSDAY) == day


def test_news_that_a_council_met_on_the_weekday_dates_the_meeting_by_the_post() -> None:
    text = ("15 jan 2026 15:02\n\nAnna Berg blev omvald\n\nAnna Berg (M) fortsätter som ordförande för förbundet.\n\n"
            "Under torsdagen hade förbundets fullmäktige sammanträde och då valdes styrelsen för mandatperioden.\n")
    assert extract(text)["meeting"] == {"date": "2026-01-15", "start": None, "end": None, "location": None}



def test_news_of_yesterdays_council_meeting_dates_the_meeting_and_its_new_chair() -> None:
    """The post's stamp alone among its first lines is the day it was written; "gårdagens möte" the day before.
    The ward elections "den 19 december" (a date ending its sentence with its full stop) are a meeting to come."""
    text = ("Nyheter\n\nNytt styre i kommunen\n\nBild från kommunfullmäktiges sammanträde.\n\n2022-10-18\n\n"
            "Under gårdagens möte i kommunfullmäktige röstade två ledamöter mot förslaget till styre.\n\n"
            "Nämndernas ledamöter väljs den 19 december.\n\n"
            "Under mötet valdes också ett nytt presidium där Peter Friström (S) blev kommunfullmäktiges ordförande.\n")
    result = extract(text)
    assert result["meeting"] == {"date": "2022-10-17", "start": None, "end": None, "location": None}
    handovers = [i for i in result["items"] if i["kind"] == "chair_handover"]
    assert [(h["date"], h["to"]) for h in handovers] == [("2022-10-17", "Peter Friström (S)")]
    assert [i["date"] for i in result["items"] if i["kind"] == "meeting"] == ["2022-12-19"]


def test_a_date_ending_its_sentence_is_not_reported_held_by_the_next_paragraph() -> None:
    """"väljs den 19 december." ends with the date's own full stop: "Under mötet valdes …" below is
    another sentence, and does not make the election day a held meeting."""
    text = ("Nytt presidium i kommunfullmäktige\n\nMandatperioden 2022-2026 har börjat. "
            "Nämndernas ledamöter väljs den 19 december.\n\n"
            "Under mötet valdes också Peter Friström (S) till kommunfullmäktiges ordförande.\n")
    assert extract(text)["meeting"] is None


@pytest.mark.parametrize(("words", "day"), [
    ("På måndag samlas det nya kommunfullmäktige för första gången.", "2018-10-29"),  # written on a Tuesday
    ("Nu på tisdag sammanträder styrelsen igen.", "2018-10-30"),  # the same weekday: a week on
    ("I morgon har förbundets fullmäktige sitt möte.", "2018-10-24"),
])
def test_news_of_a_meeting_on_a_coming_weekday_dates_it_from_the_post(words: str, day: str) -> None:
    text = f"Vem blir ordförande?\n\nHultsfred 2018-10-23 11:15\n\n{words} Det är inte klart vem som blir ordförande.\n"
    assert day in {i["date"] for i in extract(text)["items"] if i["kind"] in ("meeting", "next_meeting")}


def test_a_coming_weekday_with_its_date_or_without_a_meeting_is_no_extra_day() -> None:
    text = ("Nyheter\n\n2018-10-23 11:15\n\nPå måndag den 12 november samlas fullmäktige. "
            "Men på måndag ska förslaget i alla fall vara klart.\n")
    assert {i["date"] for i in extract(text)["items"] if i["kind"] != "reference"} == {"2018-11-12"}


def test_news_that_the_annual_meeting_was_held_yesterday_written_as_one_word_dates_it() -> None:
    text = ("Klubben har hållit årsmöte\n\n • 26/06/2031\n\nIgår kväll hölls klubbens årsmöte nere på "
            "idrottsplatsen och närvarande var en trogen skara.\n")
    assert extract(text)["meeting"]["date"] == "2031-06-25"


def test_a_page_dated_only_by_the_month_of_its_file_name_reckons_no_yesterday() -> None:
    # "Igår" counts from the day a page was written; a file named by a month gives no day to count from.
    text = ("Per Ek\n\nAnna Berg (M) vald till ny ordförande för förbundet!\n\nPartierna tillbaka vid makten i "
            "förbundet! Igår var 400 ombud samlade till kongress med förbundet i Stockholm. Efter höstens val 2030 "
            "stärkte partierna sina positioner i kommuner och regioner. Ledamoten Anna Berg blev igår vald av "
            "kongressen till ordförande i styrelsen, då även ett antal andra val förrättades. Själv blev jag vald "
            "till ordförande för valutskottet på kongressen.\n\nIdag – på den nyvalda styrelsens första möte – "
            "kommer ytterligare ett antal val att genomföras.\n")
    result = extract(text, "nyhet_ny_ordforande_2031_03.txt")
    assert "2031-02-28" not in [i["date"] for i in result["items"] if i["kind"] == "chair_handover"]


def test_news_that_a_committee_has_met_today_in_the_perfect_dates_the_meeting_by_the_post() -> None:
    text = ("16 september, 2031\n\nUtskottet har sammanträde…\n\nIdag har utskottet, som bereder ärenden till "
            "kyrkorådet, haft sammanträde. Eva Lind leder arbetet.\n")
    assert extract(text)["meeting"]["date"] == "2031-09-16"


def test_a_news_title_that_gives_the_year_beside_its_day_records_the_meeting() -> None:
    text = ("Föreningen Årsmöte 2031 14 februari\n\nMed ett hjärtligt välkommen öppnades föreningens årsmöte i "
            "Medborgarhuset. Ordföranden hälsade alla välkomna.\n")
    assert extract(text)["meeting"]["date"] == "2031-02-14"
