"""`planner import`: store minutes and their proposals, optionally accepting them all."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext


def register(cli: click.Group) -> None:
    cli.add_command(import_cmd)


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--org", "org_name", help="Organization (default: as the minutes name it).")
@click.option("--body", "body_name", help="Body within it (default: as the minutes name it).")
@click.option("--accept-all", is_flag=True,
              help="Accept what the review's 'Godkänn alla' would: a coming, dated item with its year and title in "
                   "the minutes; the rest waits for review.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.8, show_default=True,
              help="With --accept-all: the lowest confidence accepted.")
@with_appcontext
def import_cmd(files: tuple[Path, ...], org_name: str | None, body_name: str | None, accept_all: bool,
               min_confidence: float) -> None:
    """Import minutes: the document, its text and its proposals."""
    from flask import current_app

    from planner.db import db
    from planner.extract import extract
    from planner.ingest import IngestError, Limits, read_text
    from planner.schedule.accept import accept_all as accept_proposals
    from planner.schedule.autoaccept import HOLD_REASONS_EN
    from planner.schedule.orgs import get_or_create_body, get_or_create_organization
    from planner.schedule.proposals import DuplicateDocument, store_document

    failed = 0
    for path in files:
        try:
            data = path.read_bytes()
            text = read_text(path, Limits.from_config(current_app.config))
        except (OSError, IngestError) as exc:
            failed += 1
            click.echo(f"error: {exc}", err=True)
            continue
        result = extract(text, source=path.name)
        org_label = org_name or result.get("organization")
        if not org_label:
            failed += 1
            click.echo(f"error: {path}: no organization found in the minutes; give --org", err=True)
            continue
        org = get_or_create_organization(org_label)
        body_label = body_name or result.get("body")
        body = get_or_create_body(org, body_label) if body_label else None
        try:
            document = store_document(path.name, data, text, result, org, body,
                                      upload_folder=current_app.config["UPLOAD_FOLDER"],
                                      max_proposals=int(current_app.config["MAX_PROPOSALS_PER_DOCUMENT"]))
        except DuplicateDocument as exc:
            db.session.rollback()
            click.echo(f"skipped: {exc}")
            continue
        summary = f"imported {path.name}: document {document.id}, {len(document.proposals)} proposals"
        left_out = (document.extraction or {}).get("proposals_left_out")
        if left_out:
            limit = current_app.config["MAX_PROPOSALS_PER_DOCUMENT"]
            summary += f" ({left_out} more left out: at most {limit} a document)"
        if accept_all:
            bulk = accept_proposals(document.proposals, min_confidence=min_confidence)
            summary += f", {bulk.accepted} accepted"
            if bulk.held:
                reasons = ", ".join(f"{n} {HOLD_REASONS_EN[key]}" for key, n in sorted(bulk.held.items()))
                summary += f", {sum(bulk.held.values())} left for review ({reasons})"
        db.session.commit()
        click.echo(summary)
    if failed:
        sys.exit(1)
