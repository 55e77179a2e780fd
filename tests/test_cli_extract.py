"""`planner extract FILE... --json` as a user runs it: a real process, no database anywhere."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.checkout import checkout_env, planner_command
from tests.conftest import EXAMPLES, SEEDS
from tests.extract_schema import assert_schema


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = checkout_env({**os.environ, "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"),
                        "PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'instance' / 'never.db'}"})
    return subprocess.run(planner_command("extract", *args), capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)


def test_json_for_every_example_in_input_order(tmp_path: Path) -> None:
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    out = _run([*files, "--json"], tmp_path)
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)
    assert [r["source"] for r in results] == [Path(f).name for f in files]
    for result in results:
        assert_schema(result, result["source"])
        assert result["organization"] == "Kustkommunerna"
        assert result["body"] in ("Styrgrupp", "Ledningsgrupp")
        assert result["meeting"]["date"]
        assert any(i["kind"] == "next_meeting" for i in result["items"])
    assert not (tmp_path / "instance").exists(), "extract must not create or touch a database"


def test_bad_files_are_named_the_others_still_come_out_and_exit_is_nonzero(tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    fake = tmp_path / "bild.pdf"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    seed = SEEDS / "001_58c091d017238e6a.txt"
    out = _run([str(empty), str(seed), str(fake), "--json"], tmp_path)
    assert out.returncode == 1
    assert "tom.txt" in out.stderr and "bild.pdf" in out.stderr
    results = json.loads(out.stdout)
    assert [r["source"] for r in results] == [seed.name]
    assert results[0]["meeting"]["date"] == "2019-10-04"


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    out = _run([str(tmp_path / "finns-inte.txt"), "--json"], tmp_path)
    assert out.returncode != 0
    assert "finns-inte.txt" in out.stderr
    assert "Traceback" not in out.stderr


def test_human_output_lists_items_with_evidence_lines(tmp_path: Path) -> None:
    out = _run([str(EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt")], tmp_path)
    assert out.returncode == 0, out.stderr
    assert "next_meeting" in out.stdout and "2026-12-04" in out.stdout
    assert "rad 47" in out.stdout
