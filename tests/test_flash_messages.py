"""Every message a page flashes goes through the catalog: Swedish first, English when chosen."""

from __future__ import annotations

import ast
from pathlib import Path

from planner.db import db
from planner.models import Event
from planner.schedule.orgs import get_or_create_body, get_or_create_organization
from tests.conftest import ROOT, csrf_token_from


def _literal_flashes(path: Path) -> list[str]:
    """flash("…") or flash(f"…") calls: text the catalog never sees, so English users would get Swedish."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "flash" and node.args:
            first = node.args[0]
            branches = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            if any(isinstance(b, ast.Constant | ast.JoinedStr | ast.BinOp) for b in branches):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_flash_message_bypasses_the_catalog() -> None:
    files = sorted((ROOT / "planner").rglob("*.py"))
    assert any("flash(" in f.read_text(encoding="utf-8") for f in files)
    assert [hit for f in files for hit in _literal_flashes(f)] == []


def test_flashes_and_form_errors_follow_the_chosen_language(client, login) -> None:
    org = get_or_create_organization("Kustkommunerna")
    body = get_or_create_body(org, "Styrgrupp")
    db.session.commit()
    login("secretary", org=org)
    token = csrf_token_from(client.get("/events/new").get_data(as_text=True))
    form = {"csrf_token": token, "title": "Styrgruppens möte", "kind": "meeting", "status": "confirmed",
            "body_id": body.id, "date": "2027-02-05", "start": "9.30", "end": "12"}
    page = client.post("/events/new", data=form, follow_redirects=True).get_data(as_text=True)
    assert "Skapad: Styrgruppens möte." in page
    bad = client.post("/events/new", data={**form, "date": "5/2 2027"}).get_data(as_text=True)
    assert "Datum: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-04." in bad

    client.get("/sprak/en")
    english = client.post("/events/new", data={**form, "title": "Second"}, follow_redirects=True)
    assert "Created: Second." in english.get_data(as_text=True)
    bad = client.post("/events/new", data={**form, "date": "5/2 2027"}).get_data(as_text=True)
    assert "Date: write the date as YYYY-MM-DD, e.g. 2026-12-04." in bad and "skriv" not in bad
    event = db.session.scalar(db.select(Event).filter_by(title="Second"))
    page = client.post(f"/events/{event.id}/cancel", data={"csrf_token": token}, follow_redirects=True)
    assert "Cancelled: Second." in page.get_data(as_text=True)
    longer = client.post("/events/new", data={**form, "end_date": "2027-02-06", "end": "13"}).get_data(as_text=True)
    assert "A meeting cannot last more than 24 hours" in longer


def test_the_public_reminder_page_reads_in_either_language(client) -> None:
    get_or_create_organization("Kustkommunerna")
    db.session.commit()
    swedish = client.get("/paminnelser/").get_data(as_text=True)
    assert "Påminnelser via e-post" in swedish and "Möten: påminn mig" in swedish
    client.get("/sprak/en")
    english = client.get("/paminnelser/").get_data(as_text=True)
    assert "Reminders by email" in english and "Meetings: remind me" in english and "påminn" not in english
