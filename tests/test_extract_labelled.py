"""Labelled minutes written for this suite (tests/data), one per phenomenon of Swedish minutes.

Each `X.txt` has `X.expect.json`: the meeting, the items that must be proposed with the fields
given, and with "exact" no other scheduled item (references aside) may be proposed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.extract import extract
from tests.extract_schema import assert_schema

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name.removesuffix(".expect.json") for p in DATA.glob("*.expect.json"))


@pytest.mark.parametrize("name", CASES)
def test_labelled_minutes(name: str) -> None:
    expected = json.loads((DATA / f"{name}.expect.json").read_text(encoding="utf-8"))
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    result = extract(text, source=f"{name}.txt")
    assert_schema(result, f"{name}.txt")

    for key, value in expected["meeting"].items():
        assert result["meeting"][key] == value, (key, result["meeting"])
    for key in ("organization", "body"):
        if key in expected:
            assert result[key] == expected[key]

    items = result["items"]
    for want in expected["items"]:
        hits = [i for i in items if i["kind"] == want["kind"] and i["date"] == want["date"]]
        assert hits, f"{expected['phenomenon']}: missing {want} in {[(i['kind'], i['date']) for i in items]}"
        for key, value in want.items():
            assert hits[0].get(key) == value, (key, hits[0])
    if expected.get("exact"):
        wanted = {(w["kind"], w["date"]) for w in expected["items"]}
        extra = [(i["kind"], i["date"]) for i in items
                 if (i["kind"], i["date"]) not in wanted and i["kind"] != "reference"]
        assert not extra, f"unexpected proposals {extra}"


def test_evidence_is_the_original_line_with_its_ocr_damage() -> None:
    text = (DATA / "ocr_damage.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    for item in extract(text)["items"]:
        assert item["evidence"]["text"] == lines[item["evidence"]["line"] - 1].strip()
    deadline = next(i for i in extract(text)["items"] if i["kind"] == "deadline")
    assert "l6per" in deadline["evidence"]["text"]


def test_confidence_is_higher_for_explicit_dates_than_for_guessed_months() -> None:
    items = {i["date"]: i for i in extract((DATA / "date_forms.txt").read_text(encoding="utf-8"))["items"]}
    assert items["2025-02-05"]["confidence"] > items["2025-06"]["confidence"]
    assert items["2025-05-06"]["confidence"] > items["2025-05-16"]["confidence"]


def test_file_name_date_stands_in_when_the_text_names_no_meeting_date() -> None:
    result = extract("1. Nästa möte\nFredag den 4 december kl 9-12.", "styrgrupp-2026-10-16.txt")
    assert result["meeting"]["date"] == "2026-10-16"
    assert [(i["kind"], i["date"], i["start"]) for i in result["items"]] == [("next_meeting", "2026-12-04", "09:00")]
    assert extract("Inga datum här.", "000_1ed8d8e48294e87f.txt")["meeting"] is None


def test_a_plan_page_records_no_meeting_and_its_shared_time_holds_for_each_date() -> None:
    text = ("Styrelsens mötestider 2027\n\nStyrelsen sammanträder vanligtvis fredagar kl 08.30-16.00.\n\n"
            "  • 15 januari\n  • 12 februari\n  • 9 april (kl 13-15)\n\nPublicerad 2026-11-20\n")
    result = extract(text, "plan.txt")
    assert result["doc_kind"] == "plan" and result["meeting"] is None
    times = {i["date"]: (i["start"], i["end"]) for i in result["items"] if i["kind"] == "meeting"}
    assert times == {"2027-01-15": ("08:30", "16:00"), "2027-02-12": ("08:30", "16:00"),
                     "2027-04-09": ("13:00", "15:00")}
    assert [i["kind"] for i in result["items"] if i["date"] == "2026-11-20"] == ["reference"]


def test_front_matter_links_and_file_names_date_no_event_and_a_kallelse_records_the_called_meeting() -> None:
    text = ("---\ntitle: Kallelse till höstmöte\ndate: 2020-11-05 22:42:00 CET\n---\n\n"
            "Härmed kallas du som är medlem till höstmöte, torsdag 26 november 2020 kl. 19.30.\n"
            "Se [förra mötet](/blog/2020/03/09/arsmote/) och protokoll-2020-03-09.pdf.\n")
    result = extract(text, "kallelse.md")
    assert result["doc_kind"] == "kallelse"
    assert result["meeting"] == {"date": "2020-11-26", "start": "19:30", "end": None, "location": None}
    assert [i["date"] for i in result["items"] if i["kind"] != "reference"] == []
