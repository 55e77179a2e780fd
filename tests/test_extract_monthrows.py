"""A plan's rows led by their month (extract/monthrows.py)."""

from __future__ import annotations

from planner.extract import extract


def test_month_rows_give_their_own_month_s_days_and_the_plan_s_time() -> None:
    text = ("Sammanträdesplan 2025 för kommunstyrelsen\n\nJanuari: 21\nFebruari: 4, 18\nMars – 18 och 25\n"
            "Apr: 15\nMaj: 20\n\nSammanträdena börjar klockan 09.00 om inget annat anges.\n")
    result = extract(text)
    assert result["doc_kind"] == "plan"
    got = [(i["date"], i["start"], i["title"]) for i in result["items"]]
    assert [d for d, _, _ in got] == ["2025-01-21", "2025-02-04", "2025-02-18", "2025-03-18", "2025-03-25",
                                      "2025-04-15", "2025-05-20"]
    assert {(s, t) for _, s, t in got} == {("09:00", "Kommunstyrelsens sammanträde")}


def test_two_month_rows_are_no_plan_and_a_sentence_s_date_is_read_as_written() -> None:
    text = "Protokoll 2025-03-04\n\nMars: 18 är sista dag för synpunkter.\nNästa möte den 21\napril 2025.\n"
    dates = {i["date"] for i in extract(text)["items"]}
    assert "2025-04-21" in dates
