"""The five real OCR minutes in ../shared/seeds, scored with ../shared/gold/score.py's own rules."""

from __future__ import annotations

import importlib.util
import json

import pytest

from planner.extract import extract
from planner.ingest import read_text
from tests.conftest import GOLD, SEEDS
from tests.extract_schema import assert_schema


def _score_module():
    path = GOLD / "score.py"
    if not path.exists():
        pytest.fail(f"{path} is missing: the seeds and gold are part of the shared material")
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_meet_the_quality_bar() -> None:
    score = _score_module()
    total: dict[str, int] = {}
    golds = sorted(GOLD.glob("*.json"))
    assert golds, f"no gold files in {GOLD}"
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = extract(read_text(SEEDS / gold["doc"]), source=gold["doc"])
        assert_schema(result, gold["doc"])
        for key, value in score.score_doc(gold, result).items():
            if key != "notes":
                total[key] = total.get(key, 0) + value
    precision = total["tp_pred"] / max(1, total["tp_pred"] + total["fp"])
    recall = total["tp"] / max(1, total["tp"] + total["fn"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    assert f1 >= 0.95, (precision, recall)
    assert total["time_ok"] / max(1, total["time_n"]) >= 0.95
    assert total["next_ok"] == total["next_n"] == 4
    assert total["ho_ok"] == total["ho_n"] == 1 and total["ho_fp"] == 0


def test_stale_page_header_date_never_becomes_a_proposal(seeds) -> None:
    name = "004_0767f6d37a93e21d.txt"
    result = extract(read_text(seeds / name), source=name)
    assert result["meeting"]["date"] == "2024-03-21"
    assert (result["meeting"]["start"], result["meeting"]["end"]) == ("09:00", "11:55")
    assert all(i["date"] != "2023-10-12" for i in result["items"])
    keys = [(i["kind"], i["date"], i["start"]) for i in result["items"]]
    assert len(keys) == len(set(keys)), "the duplicated pages produced duplicate proposals"


def test_handover_names_get_their_diacritics_back(seeds) -> None:
    name = "000_1ed8d8e48294e87f.txt"
    result = extract(read_text(seeds / name), source=name)
    (handover,) = [i for i in result["items"] if i["kind"] == "chair_handover"]
    assert "Västerås" in handover["from"] and "Enköping" in handover["to"]
    assert result["organization"] == "4M" and result["body"] == "Styrgrupp"
