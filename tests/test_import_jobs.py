"""Uploads read in the background: the request answers at once, the job reads, the page shows how far.

The job runner runs here in-process (as `planner scheduler` runs it); the real processes, two at
once and one killed mid-job, are in test_import_jobs_processes.py.
"""

from __future__ import annotations

import datetime as dt
import io
import time

from planner.db import db, utcnow
from planner.imports.runner import ImportRunner, gave_up
from planner.models import Document, ImportJob, Proposal
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import EXAMPLES, csrf_token_from
from tests.ingest_files import scanned_pdf
from tests.review_helpers import run_imports

SCAN = EXAMPLES / "kustkommunerna-ledningsgrupp-2026-08-14-scan.pdf"


def _upload(client, name: str, data: bytes, follow: bool = False):
    token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
    return client.post("/documents/upload", data={"csrf_token": token, "files": [(io.BytesIO(data), name)]},
                       content_type="multipart/form-data", follow_redirects=follow)


def _secretary(login):
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    return org


def _job() -> ImportJob:
    db.session.expire_all()
    return db.session.scalars(db.select(ImportJob)).one()


def test_a_scan_upload_answers_at_once_and_its_proposals_appear_when_the_job_is_done(client, login) -> None:
    _secretary(login)
    response = _upload(client, SCAN.name, SCAN.read_bytes())
    assert response.status_code == 302
    assert _job().status == "queued"  # no OCR inside the request: the scheduler's job reads it
    waiting = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Läses in" in waiting and "väntar på sin tur" in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting  # the page follows the job by itself
    assert "Godkänn alla" not in waiting and db.session.scalar(db.select(db.func.count(Proposal.id))) == 0

    assert client.get(response.headers["Location"] + "/job").get_json() == {
        "status": "queued", "pages_done": 0, "pages_total": None, "error": None}

    assert run_imports() == 1
    job = _job()
    assert (job.status, job.pages_done, job.pages_total, job.attempts) == ("done", 1, 1, 1)
    assert client.get(response.headers["Location"] + "/job").get_json()["status"] == "done"
    done = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Läses in" not in done and 'http-equiv="refresh"' not in done
    assert "Godkänn alla" in done and 'class="proposal' in done
    assert "9 oktober 2026" in done and "Arbetsgruppen lämnar sin rapport" in done  # read from the scan
    assert job.document.text.startswith("KUSTKOMMUNERNA")


def test_progress_counts_pages_while_the_job_reads(app, client, login, tmp_path) -> None:
    _secretary(login)
    path = scanned_pdf(tmp_path / "styrgrupp-4-sidor.pdf")
    response = _upload(client, path.name, path.read_bytes())
    seen: list[tuple[int, int | None]] = []
    runner = ImportRunner()
    job_id = runner.claim()
    assert job_id is not None and ImportRunner().claim() is None  # a second runner gets nothing

    import planner.imports.runner as module

    def watch(*args, **kwargs):  # what the page would show between pages
        held = original(*args, **kwargs)
        with app.app_context(), db.engine.connect() as conn:
            row = conn.execute(db.select(ImportJob.pages_done, ImportJob.pages_total)).one()
            seen.append(tuple(row))
        return held

    original = module.renew_rows
    module.renew_rows = watch
    try:
        module.PROGRESS_EVERY_SECONDS, every = 0, module.PROGRESS_EVERY_SECONDS
        runner.run_job(job_id)
    finally:
        module.renew_rows = original
        module.PROGRESS_EVERY_SECONDS = every
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "4 december" in page and "13 november" in page  # read from pages 4 and 2


def test_a_failed_job_says_why_in_swedish_and_can_be_retried(app, client, login, tmp_path) -> None:
    _secretary(login)
    path = scanned_pdf(tmp_path / "lang.pdf")
    app.config["INGEST_MAX_PAGES"] = 2
    response = _upload(client, path.name, path.read_bytes())
    run_imports()
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Inläsningen misslyckades" in page
    assert "Filen kunde inte läsas: PDF:en har 4 sidor, fler än gränsen 2; dela upp den." in page
    assert "Försök igen" in page and _job().status == "failed"

    app.config["INGEST_MAX_PAGES"] = 10  # the operator raised the limit
    token = csrf_token_from(page)
    again = client.post(response.headers["Location"] + "/retry", data={"csrf_token": token},
                        follow_redirects=True).get_data(as_text=True)
    assert "Filen läses in igen." in again and "väntar på sin tur" in again
    assert run_imports() == 1
    job = _job()
    assert (job.status, job.error, job.pages_done) == ("done", None, 4)
    assert "Inläsningen misslyckades" not in client.get(response.headers["Location"]).get_data(as_text=True)


def test_another_organizations_job_can_be_neither_seen_nor_retried(app, client, login) -> None:
    other = get_or_create_organization("Södertörnskommunerna")
    _secretary(login)
    _upload(client, "styrgrupp.txt", b"")  # refused at once: empty
    document = Document(filename="x.pdf", sha256="0" * 64, organization=other)
    db.session.add(ImportJob(document=document, status="failed", error="Filen kunde inte läsas."))
    db.session.commit()
    token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
    assert client.post(f"/documents/{document.id}/retry", data={"csrf_token": token}).status_code == 404
    assert client.get(f"/documents/{document.id}/job").status_code == 404
    assert _job().status == "failed"


def test_a_job_taken_over_after_its_lease_ran_out_is_finished_once(app, client, login) -> None:
    """The first runner is presumed dead and loses the job; its late result is thrown away."""
    _secretary(login)
    minutes = (EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt").read_bytes()
    _upload(client, "styrgrupp.txt", minutes)
    app.config["IMPORT_JOB_LEASE_SECONDS"] = 60
    slow = ImportRunner(worker="slow")
    job_id = slow.claim()
    later = utcnow() + dt.timedelta(seconds=61)
    rival = ImportRunner(worker="rival", clock=lambda: later)
    assert rival.claim() == job_id  # the lease ran out: due again
    slow.run_job(job_id)  # finishes reading, but no longer holds the job
    job = _job()
    assert job.status == "claimed" and job.claimed_by == "rival"
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == 0
    rival.run_job(job_id)
    job = _job()
    assert (job.status, job.attempts) == ("done", 2)
    count = db.session.scalar(db.select(db.func.count(Proposal.id)))
    assert count == len(job.document.proposals) > 0
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == count  # not twice


def test_a_job_whose_scheduler_dies_every_time_fails_instead_of_looping(app, client, login) -> None:
    _secretary(login)
    _upload(client, "styrgrupp.txt", (EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt").read_bytes())
    app.config.update(IMPORT_JOB_LEASE_SECONDS=1, IMPORT_JOB_MAX_ATTEMPTS=2)
    clock = [utcnow()]
    for _ in range(2):  # taken and never finished: the process died
        assert ImportRunner(clock=lambda: clock[0]).claim() is not None
        clock[0] += dt.timedelta(seconds=2)
    assert ImportRunner(clock=lambda: clock[0]).claim() is None
    job = _job()
    assert (job.status, job.error) == ("failed", gave_up(2))
    assert "avbröts 2 gånger" in client.get(f"/documents/{job.document_id}").get_data(as_text=True)


def test_a_huge_text_gives_at_most_the_proposal_cap_and_the_page_says_so(app, client, login) -> None:
    _secretary(login)
    app.config["MAX_PROPOSALS_PER_DOCUMENT"] = 40
    lines = ["Minnesanteckningar Styrgruppen", "Datum: 2026-10-16", ""]
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
              "november", "december"]
    days = [dt.date(2026, 11, 1) + dt.timedelta(days=n) for n in range(400)]
    lines += [f"Synpunkter på punkt {n} lämnas senast den {d.day} {months[d.month - 1]} {d.year}."
              for n, d in enumerate(days)]
    response = _upload(client, "lang.txt", "\n".join(lines).encode())
    run_imports()
    job = _job()
    assert job.status == "done"
    left_out = job.document.extraction["proposals_left_out"]
    assert len(job.document.proposals) == 40 and left_out > 300
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"fler förslag än gränsen 40 per dokument: {left_out} av de minst säkra visas inte" in page


def test_a_docx_bomb_uploaded_in_the_browser_fails_its_job_with_a_swedish_reason(client, login, tmp_path) -> None:
    """The web worker never parses it; the job refuses it before python-docx builds its tree."""
    from tests.ingest_files import docx_file, docx_with_body

    _secretary(login)
    template = docx_file(tmp_path / "mall.docx", ["Minnesanteckningar"])
    bomb = docx_with_body(tmp_path / "protokoll.docx", (b"<w:p/>" * 100_000 for _ in range(100)), template)
    response = _upload(client, bomb.name, bomb.read_bytes())
    assert _job().status == "queued"  # the request stored it unread
    started = time.monotonic()
    run_imports()
    # a guard against building the tree (minutes of CPU), generous enough for a loaded machine
    assert time.monotonic() - started < 60
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Filen kunde inte läsas: dokumentet har fler än 50\u00a0000 stycken, som är gränsen." in page
    assert _job().status == "failed" and db.session.scalar(db.select(db.func.count(Proposal.id))) == 0
