"""General rules for plans and lists: calendar words, year headings, day ranges, a section's time, row titles."""

from __future__ import annotations

from planner.extract import extract


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
