"""`make test`'s dependency audit: pip-audit against requirements.lock, hashes required.

Known vulnerabilities fail the run. When no vulnerability database answers (this machine reaches
PyPI's package index but not its JSON API or OSV: pip-audit then reports every package as "not found
on PyPI" and, on its own, exits 0 as if all were well) the run goes on with a NOTICE saying how many
packages were not audited, so nobody mistakes that for a clean audit.

    python tests/setup/audit.py [requirements.lock]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def verdict(report: dict[str, Any] | None) -> tuple[str, list[str]]:
    """("vulnerable" | "unaudited" | "partly" | "clean", lines to print) for pip-audit's JSON report."""
    if report is None:
        return "unaudited", ["pip-audit gave no report (no vulnerability database reachable?)"]
    deps = report.get("dependencies", [])
    found = [f"{d['name']} {d.get('version', '?')}: {v.get('id')} (fixed in {', '.join(v.get('fix_versions') or [])})"
             for d in deps for v in d.get("vulns", [])]
    skipped = [d["name"] for d in deps if d.get("skip_reason")]
    if found:
        return "vulnerable", found
    if deps and len(skipped) == len(deps):
        return "unaudited", [f"none of the {len(deps)} locked packages could be audited ({deps[0]['skip_reason']})"]
    if skipped:
        return "partly", [f"{len(skipped)} of {len(deps)} packages not audited: {', '.join(skipped)}"]
    return "clean", [f"{len(deps)} locked packages, no known vulnerabilities"]


def main(argv: list[str]) -> int:
    lock = Path(argv[0]) if argv else ROOT / "requirements.lock"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        run = subprocess.run([sys.executable, "-m", "pip_audit", "-r", str(lock), "--require-hashes", "--disable-pip",
                              "--progress-spinner", "off", "--timeout", "15", "-f", "json", "-o", str(out)],
                             capture_output=True, text=True)
        try:
            report = json.loads(out.read_text()) if out.is_file() else None
        except json.JSONDecodeError:
            report = None
    state, lines = verdict(report)
    if report is None and run.stderr.strip():
        lines.append(run.stderr.strip().splitlines()[-1])
    if state == "vulnerable":
        print("pip-audit: KNOWN VULNERABILITIES in requirements.lock:", *lines, sep="\n  ", file=sys.stderr)
        return 1
    if state in ("unaudited", "partly"):
        banner = "=" * 78
        print(banner, "NOTICE: dependencies NOT (fully) audited: no vulnerability database was reachable.",
              *("  " + line for line in lines), "  Run `make audit` where pypi.org's JSON API or osv.dev answers.",
              banner, sep="\n", file=sys.stderr)
        return 0
    print("pip-audit:", *lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
