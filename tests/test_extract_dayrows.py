"""A programme's rows under month headings ("Mars / Lör 14  Årsmöte …"), dated by the heading (extract/dayrows.py)."""

from __future__ import annotations

from planner.extract import extract

PROGRAMME = ("Föreningens program\n\nProgram år 2026\n\nMars\nLör 14            Årsmöte i bygdegården.\n"
             "Kl 15.00          Kaffeservering och lotterier\n\nApril\nTors 30           Valborgsmässofirande\n"
             "Kl 19.00          Kören sjunger\n\nMaj\nSön 17  Vårvandring runt sjön\n")


def test_each_row_takes_its_month_from_the_heading_above_and_its_time_from_the_row_below() -> None:
    items = [(i["date"], i["start"]) for i in extract(PROGRAMME)["items"] if i["kind"] == "meeting"]
    assert items == [("2026-03-14", "15:00"), ("2026-04-30", "19:00"), ("2026-05-17", None)]


def test_a_weekday_and_a_number_without_a_month_heading_are_no_date() -> None:
    text = "Styrelsen\n\nLör 14 deltagare kom till städdagen.\n"
    assert [i for i in extract(text)["items"] if i["kind"] == "meeting"] == []
