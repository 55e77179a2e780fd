"""Labelled minutes written for this suite (tests/data), one per phenomenon of Swedish minutes.

Each `X.txt` has `X.expect.json`: the meeting, the items that must be proposed with every field
given (title, location, evidence included), and with "exact" no other scheduled item
(references aside) may be proposed. Each expected item needs its own proposal: two expected
meetings on one day are not both satisfied by one proposal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from planner.extract import extract
from tests.extract_schema import assert_schema

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name.removesuffix(".expect.json") for p in DATA.glob("*.expect.json"))


def _differences(item: dict[str, Any], want: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The fields where `item` differs from `want`; `evidence` is compared on the keys given."""
    diff: dict[str, tuple[Any, Any]] = {}
    for key, value in want.items():
        got = item.get(key)
        if key == "evidence":
            got = {k: (got or {}).get(k) for k in value}
        if got != value:
            diff[key] = (got, value)
    return diff


def _assign(wants: list[dict[str, Any]], items: list[dict[str, Any]]) -> dict[int, int]:
    """A one-to-one matching of expected items to proposals that agree on every given field."""
    fits = [[j for j, item in enumerate(items) if not _differences(item, want)] for want in wants]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(wants)):
        place(i, set())
    return {i: j for j, i in owner.items()}


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

    items, wants = result["items"], expected["items"]
    matched = _assign(wants, items)
    problems = []
    for i, want in enumerate(wants):
        if i in matched:
            continue
        same_day = [item for item in items if item["kind"] == want["kind"] and item["date"] == want["date"]]
        problems.append({"want": want, "closest": [_differences(item, want) for item in same_day]
                         or [(i["kind"], i["date"]) for i in items]})
    assert not problems, f"{expected['phenomenon']}: {json.dumps(problems, ensure_ascii=False, indent=1)}"
    if expected.get("exact"):
        used = set(matched.values())
        extra = [(item["kind"], item["date"]) for j, item in enumerate(items)
                 if j not in used and item["kind"] != "reference"]
        assert not extra, f"unexpected proposals {extra}"


@pytest.mark.parametrize("name", CASES)
def test_every_proposal_cites_its_line_as_written(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    lines = re.split(r"\r\n|\r|\n", text)
    for item in extract(text, source=f"{name}.txt")["items"]:
        line = item["evidence"]["line"]
        assert 1 <= line <= len(lines) and item["evidence"]["text"] == lines[line - 1].strip(), item


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
