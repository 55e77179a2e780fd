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
