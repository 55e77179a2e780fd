"""`planner extract FILE... --json`: the extraction contract, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def register(cli: click.Group) -> None:
    cli.add_command(extract_cmd)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON array, one object per file (SCHEMA.md).")
def extract_cmd(files: tuple[Path, ...], as_json: bool) -> None:
    """Propose schedule items from minutes (txt, pdf, scanned pdf, docx)."""
    from planner.extract import extract
    from planner.ingest import IngestError, read_text

    results, failed = [], 0
    for path in files:
        try:
            results.append(extract(read_text(path), source=path.name))
        except IngestError as exc:
            failed += 1
            click.echo(f"error: {exc}", err=True)
    if as_json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for result in results:
            _print_human(result)
    if failed:
        sys.exit(1)


def _print_human(result: dict) -> None:
    click.echo(f"== {result['source']}  {result.get('organization') or ''} {result.get('body') or ''}".rstrip())
    meeting = result.get("meeting")
    if meeting:
        click.echo(f"   möte      {meeting['date']} {meeting.get('start') or ''}-{meeting.get('end') or ''}")
    for item in result["items"]:
        times = f"{item.get('start') or ''}-{item.get('end') or ''}" if item.get("start") else ""
        status = " [inställt]" if item.get("status") == "cancelled" else ""
        click.echo(f"   {item['kind']:<15}{item['date']:<11}{times:<12}{item.get('title', '')}{status}"
                   f"  (rad {item['evidence']['line']}, {item['confidence']:.2f})")
