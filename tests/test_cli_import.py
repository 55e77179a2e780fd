"""`planner import` stores minutes once and, with --accept-all, fills the schedule the start page shows."""

from __future__ import annotations

from pathlib import Path

from planner.db import db
from planner.models import Document, Event, Organization
from tests.conftest import EXAMPLES

CLEAN = EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt"


def test_import_accept_all_then_start_page_lists_events(runner, client, login) -> None:
    result = runner.invoke(args=["import", str(CLEAN), "--org", "Kustkommunerna", "--body", "Styrgrupp",
                                 "--accept-all"])
    assert result.exit_code == 0, result.output
    assert "imported" in result.output
    org = db.session.scalar(db.select(Organization).filter_by(name="Kustkommunerna"))
    events = db.session.scalars(db.select(Event).filter_by(organization_id=org.id)).all()
    assert events, "accept-all made no events"
    assert client.get("/").status_code == 302, "the schedule is shown to logged-in users only"
    login("viewer")
    page = client.get("/").get_data(as_text=True)
    for event in events:
        assert event.title in page


def test_import_stays_synchronous_and_keeps_to_the_limits(app, runner, tmp_path: Path) -> None:
    """No job: the proposals are there when the command returns, at most MAX_PROPOSALS_PER_DOCUMENT of them."""
    from planner.models import ImportJob

    app.config.update(MAX_PROPOSALS_PER_DOCUMENT=5, INGEST_MAX_CHARS=100_000)
    huge = tmp_path / "stor.txt"
    huge.write_text("Synpunkter senast den 4 december 2026.\n" * 10_000, encoding="utf-8")
    result = runner.invoke(args=["import", str(CLEAN), str(huge), "--org", "Kustkommunerna"])
    assert result.exit_code == 1
    # 16 proposals: "styrgruppens möte i december" is the 4 December meeting, not one more month
    assert "imported kustkommunerna-styrgrupp-2026-10-16.txt: document 1, 5 proposals (11 more left out: " \
           "at most 5 a document)" in result.output
    assert "error: stor.txt: more than 100,000 characters of text" in result.output
    document = db.session.scalars(db.select(Document)).one()
    assert len(document.proposals) == 5 and db.session.scalar(db.select(db.func.count(ImportJob.id))) == 0


def test_same_file_twice_is_not_imported_twice(runner) -> None:
    args = ["import", str(CLEAN), "--org", "Kustkommunerna"]
    assert runner.invoke(args=args).exit_code == 0
    second = runner.invoke(args=args)
    assert second.exit_code == 0
    assert "already imported" in second.output
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 1


def test_bad_file_is_named_and_the_others_still_import(runner, tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    result = runner.invoke(args=["import", str(empty), str(CLEAN), "--org", "Kustkommunerna"])
    assert result.exit_code == 1
    assert "tom.txt" in result.output
    assert db.session.scalar(db.select(db.func.count(Document.id))) == 1


def test_accept_all_leaves_month_only_dates_for_a_person(runner, tmp_path: Path) -> None:
    """"Planen fastställs i december" names no day: it waits for review instead of filling the month."""
    from planner.models import Proposal

    minutes = tmp_path / CLEAN.name
    text = CLEAN.read_text(encoding="utf-8")
    minutes.write_text(text.replace("fastställs på styrgruppens möte i december", "fastställs i december"),
                       encoding="utf-8")
    result = runner.invoke(args=["import", str(minutes), "--org", "Kustkommunerna", "--accept-all"])
    assert result.exit_code == 0, result.output
    vague = [p for p in db.session.scalars(db.select(Proposal)) if p.date_text and len(p.date_text) == 7]
    assert vague, "'fastställs i december' should be proposed as a month"
    assert all(p.status == "pending" and p.event_id is None for p in vague)
    assert "left for review" in result.output


def test_example_school_holidays_import_once_as_all_day_periods(runner) -> None:
    ics = EXAMPLES.parent / "calendars" / "skollov-2026-2027.ics"
    assert runner.invoke(args=["import", str(CLEAN), "--org", "Kustkommunerna"]).exit_code == 0
    args = ["import-ics", str(ics), "--org", "Kustkommunerna", "--body", "Skollov", "--kind", "holiday"]
    first, again = runner.invoke(args=args), runner.invoke(args=args)
    assert first.exit_code == 0 and again.exit_code == 0, first.output + again.output
    holidays = db.session.scalars(db.select(Event).filter_by(kind="holiday")).all()
    assert len(holidays) == ics.read_text().count("BEGIN:VEVENT")
    sommarlov = next(e for e in holidays if e.title == "Sommarlov")
    assert sommarlov.all_day and (sommarlov.start_date.isoformat(), sommarlov.end_date.isoformat()) == (
        "2027-06-14", "2027-08-13")
