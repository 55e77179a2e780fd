"""Rebuild the English catalog from the templates: `python -m planner.translations.build`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from planner.translations.en_strings import EN

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def main() -> int:
    pot = HERE / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-o", str(pot), "--ignore-dirs=.venv tests", str(ROOT)], check=True, capture_output=True)
    with pot.open("rb") as f:
        catalog = read_po(f, locale="en")
    missing = []
    for message in catalog:
        if message.id:
            # A plural message (a tuple of ids) has no English here yet: it counts as missing.
            message.string = EN.get(message.id, "") if isinstance(message.id, str) else ""
            if not message.string:
                missing.append(message.id)
    out = HERE / "en" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    with (out / "messages.po").open("wb") as f:
        write_po(f, catalog, omit_header=False)
    with (out / "messages.mo").open("wb") as f:
        write_mo(f, catalog)
    pot.unlink()
    for text in missing:
        print(f"untranslated: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
