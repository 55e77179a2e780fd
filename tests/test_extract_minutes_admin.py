"""Minutes' administrative dates (the adjustment, the notice board) are no meetings (extract/items.py)."""

from __future__ import annotations

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
