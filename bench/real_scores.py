"""Extraction quality on real texts: ../shared/gold/score.py's rules per set and per document kind.

    .venv/bin/python -m bench.real_scores

Sets: the seeds, ../shared/real as published and after OCR, and the project's own real corpus
(tests/data/real, whose gold names each text's `doc_kind`) as published and after OCR
(tests/data/real/make_ocr.py: rendered pages through tesseract's English model). The extractor runs in this process
(the same function `planner extract --json` prints), so the figures need no installed entry point.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OWN = ROOT / "tests" / "data" / "real"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "shared/real text": (SHARED / "real" / "text", SHARED / "real" / "gold"),
    "shared/real ocr": (SHARED / "real" / "ocr", SHARED / "real" / "gold"),
    "tests/data/real": (OWN / "text", OWN / "gold"),
    "tests/data/real ocr": (OWN / "ocr", OWN / "gold"),
}


def score_module():
    spec = importlib.util.spec_from_file_location("gold_score", SHARED / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Figures:
    docs: int
    f1: float
    time: float
    title: float
    next_ok: int
    next_n: int
    handover_ok: int
    handover_n: int
    cancelled_ok: int
    cancelled_n: int

    def line(self) -> str:
        return (f"docs={self.docs} f1={self.f1:.3f} time={self.time:.3f} title={self.title:.3f} "
                f"next={self.next_ok}/{self.next_n} handover={self.handover_ok}/{self.handover_n} "
                f"cancelled={self.cancelled_ok}/{self.cancelled_n}")


def _figures(score, golds: list[dict], results: dict[str, dict]) -> Figures:
    total: dict[str, float] = {}
    for gold in golds:
        for key, value in score.score_doc(gold, results.get(gold["doc"])).items():
            if key != "notes":
                total[key] = total.get(key, 0) + value
    precision = total["tp_pred"] / max(1, total["tp_pred"] + total["fp"])
    recall = total["tp"] / max(1, total["tp"] + total["fn"])
    return Figures(len(golds), 2 * precision * recall / max(1e-9, precision + recall),
                   total["time_ok"] / max(1, total["time_n"]), total["title_sum"] / max(1, total["title_n"]),
                   int(total["next_ok"]), int(total["next_n"]), int(total["ho_ok"]), int(total["ho_n"]),
                   int(total["cancel_ok"]), int(total["cancel_n"]))


def score_set(name: str) -> tuple[Figures, dict[str, Figures]]:
    """The set's figures, and the figures per document kind where the gold names kinds."""
    from planner.extract import extract

    score = score_module()
    docs, gold_dir = SETS[name]
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    golds = [g for g in golds if (docs / g["doc"]).exists()]
    results = {g["doc"]: extract((docs / g["doc"]).read_text(encoding="utf-8"), g["doc"]) for g in golds}
    kinds: dict[str, list[dict]] = {}
    for gold in golds:
        if gold.get("doc_kind"):
            kinds.setdefault(gold["doc_kind"], []).append(gold)
    return _figures(score, golds, results), {k: _figures(score, v, results) for k, v in sorted(kinds.items())}


def main() -> None:
    for name in SETS:
        total, kinds = score_set(name)
        print(f"{name:18} {total.line()}")
        for kind, figures in kinds.items():
            print(f"  {kind:16} {figures.line()}")


if __name__ == "__main__":
    main()
