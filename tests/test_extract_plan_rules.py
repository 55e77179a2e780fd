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
