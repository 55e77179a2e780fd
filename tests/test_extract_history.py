"""What a text tells as its own past is no schedule item (extract/history.py)."""

from __future__ import annotations

import pytest

from planner.extract import extract


def _proposed(result: dict) -> list[tuple[str, str]]:
    return [(i["kind"], i["date"]) for i in result["items"] if i["kind"] not in ("reference", "chair_handover")]


def test_a_kallelse_letterhead_dates_the_letter_and_what_came_before_it_is_history() -> None:
    text = ("KALLELSE 2018-02-12\n\nKommunfullmäktige\n\nPlats och tid för sammanträde Kommunhuset, torsdag 22 "
            "februari kl 17:00\n\nÄrenden\n\n1 Val av justerare\n\n2 Befrielse från uppdrag\n\nTidigare ersättare i "
            "kommunfullmäktige Anna Berg (M) har den 30 november 2017 befriats från sitt uppdrag.\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2018-02-22"
    assert _proposed(result) == []


def test_the_day_a_paper_or_a_motion_was_handed_in_is_no_meeting() -> None:
    text = ("PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2019-04-10\n\n§ 12 Medborgarförslag om belysning\n\n"
            "Ett medborgarförslag inkommet 2019-03-04 föreslår belysning i parken. Föreligger tjänsteskrivelse "
            "2019-03-20.\n\n§ 13 Motion om kommunalrådslön\n\nErik Ek (V) föreslår i en motion inlämnad den 15 "
            "februari 2019 att lönen sänks.\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2019-04-10"
    assert _proposed(result) == []


def test_a_paper_due_after_the_meeting_is_still_a_deadline() -> None:
    text = ("PROTOKOLL\nKommunstyrelsen\nSammanträdesdatum 2019-04-10\n\n§ 14 Remiss\n\nKommunstyrelsens yttrande "
            "ska lämnas senast den 15 maj 2019.\n")
    assert ("deadline", "2019-05-15") in _proposed(extract(text))


def test_a_date_alone_under_a_summons_headline_dates_the_letter() -> None:
    text = ("Extra sammanträde med förbundsdirektionen\n\n2025-05-02\n\nFörbundsdirektionen kallas till ett extra "
            "sammanträde måndagen den 12 maj 2025 kl. 15.00 via Teams.\n")
    result = extract(text)
    assert result["meeting"]["date"] == "2025-05-12" and _proposed(result) == []


def test_a_report_s_cutoff_and_a_letter_s_closing_month_are_no_events() -> None:
    text = ("Kallelse till årsmöte\n\nMedlemmarna kallas härmed till årsmöte söndagen den 16 mars 2025 kl. 14.00. "
            "Budgetuppföljning per 30 november redovisas. Motioner ska vara styrelsen tillhanda senast 15 februari.\n\n"
            "Styrelsen, januari 2025\n")
    assert _proposed(extract(text)) == [("deadline", "2025-02-15")]


@pytest.mark.parametrize("sentence", [
    "Förbundsmötet sammanträder senast i april varje år för att besluta om verksamhetsplanen.",
    "Andra söndagen i september hålls allmänna val i Sverige.",
    "Styrelsen träffas första måndagen i oktober och följer upp budgeten.",
])
def test_a_month_fixed_by_rule_is_no_event(sentence: str) -> None:
    text = f"Så arbetar förbundet\n\n{sentence}\n\nPublicerad 2026-03-02\n"
    assert [i for i in extract(text)["items"] if i["kind"] != "reference"] == []


def test_a_month_named_for_one_year_stays_an_event() -> None:
    text = "Verksamhetsplan 2027\n\nFörbundsmötet sammanträder i april 2027 för att besluta om verksamhetsplanen.\n"
    assert [(i["kind"], i["date"]) for i in extract(text)["items"]] == [("meeting", "2027-04")]


def test_the_day_a_term_begins_is_no_meeting() -> None:
    text = ("Stadsfullmäktige\n\nAntalet ledamöter är 35 under åren 2021–2025. Den nya fullmäktigeperioden började "
            "1.8.2021.\n\nMötesdatum 2023\n\n18.1.2023\n15.2.2023\n15.3.2023\n")
    kinds = {i["date"]: i["kind"] for i in extract(text)["items"]}
    assert kinds.get("2021-08-01") in (None, "reference")
    assert [day for day, kind in kinds.items() if kind == "meeting"] == ["2023-01-18", "2023-02-15", "2023-03-15"]


def test_a_summary_of_decisions_dates_neither_its_page_nor_the_decision_it_carries_out_as_meetings() -> None:
    text = ("Styrelsens beslut 9.3.2031\n\nStyrelsens beslut 9.3.2031\n\n10.03.2031\n\nStyrelsen höll möte den 9 "
            "mars 2031 och behandlade ett brett paket av ärenden. Protokollet publiceras på vår webbplats då det är "
            "klart.\n\n§25 Godkännande av föredragningslistan\nStyrelsen godkände föredragningslistan.\n\n§26 Beslut "
            "i ärenden\nStyrelsen antecknade samtliga beslut för kännedom.\n\n§27 Verkställighet av fullmäktiges "
            "beslut\nStyrelsen beslöt att verkställa fullmäktiges beslut från mötet den 17 februari 2031.\n\n§28 "
            "Ärenden för information\nStyrelsen noterade att förslag till medaljer ska lämnas in senast 16 mars.\n")
    result = extract(text, "beslut_2031_03.txt")
    assert result["meeting"]["date"] == "2031-03-09"
    assert [(i["kind"], i["date"]) for i in result["items"] if i["kind"] != "reference"] == [("deadline", "2031-03-16")]
