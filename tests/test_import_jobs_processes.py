"""`planner scheduler` reading uploads as real processes: two side by side, and one killed mid-OCR.

Two schedulers never take one job twice; a scheduler killed with -9 in the middle of a scan
leaves the job to the next one, which finishes it once (proposals not doubled) without waiting
out the lease; SIGTERM mid-scan exits within 10 s and gives the job back for the next one.
"""

from __future__ import annotations

import io
import signal
import subprocess
import time

import pytest

from planner.db import db
from planner.extract import extract
from planner.ingest import read_text
from planner.models import ImportJob, Proposal
from planner.schedule.orgs import get_or_create_organization
from tests.conftest import EXAMPLES, csrf_token_from
from tests.ingest_files import docx_file, scanned_pdf
from tests.reminders_helpers import start_scheduler, wait_until

NO_SMTP = "smtp://127.0.0.1:9"  # nothing is due: the dispatcher never connects


def _upload(client, login, paths) -> None:  # type: ignore[no-untyped-def]
    org = get_or_create_organization("Kustkommunerna")
    db.session.commit()
    login("secretary", org=org)
    for path in paths:
        token = csrf_token_from(client.get("/documents/").get_data(as_text=True))
        response = client.post("/documents/upload", content_type="multipart/form-data",
                               data={"csrf_token": token, "files": [(io.BytesIO(path.read_bytes()), path.name)]})
        assert response.status_code == 302


def _jobs() -> list[ImportJob]:
    db.session.expire_all()
    return db.session.scalars(db.select(ImportJob).order_by(ImportJob.id)).all()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _expected_proposals(path) -> int:  # type: ignore[no-untyped-def]
    result = extract(read_text(path), source=path.name)
    return len(result["items"]) + (1 if (result.get("meeting") or {}).get("date") else 0)


def test_two_schedulers_read_every_upload_once(app, client, login, tmp_path) -> None:
    scan = scanned_pdf(tmp_path / "styrgrupp-skannad.pdf")
    notes = docx_file(tmp_path / "ledningsgrupp.docx", ["Minnesanteckningar Ledningsgruppen",
                                                        "Datum: 2026-11-06", "Nästa möte 4 december 2026 kl 9-12."])
    text = EXAMPLES / "kustkommunerna-styrgrupp-2026-10-16.txt"
    _upload(client, login, [scan, notes, text])
    schedulers = [start_scheduler(app, NO_SMTP, tmp_path / f"s{i}.log", IMPORT_POLL_SECONDS=0.2,
                                  IMPORT_JOB_LEASE_SECONDS=120) for i in range(2)]
    try:
        wait_until(lambda: all(j.status == "done" for j in _jobs()), 120, "every upload to be read")
    finally:
        for process in schedulers:
            _stop(process)
    jobs = _jobs()
    assert [j.attempts for j in jobs] == [1, 1, 1]  # never taken twice
    assert [j.pages_total for j in jobs] == [4, 1, 1]
    for job, path in zip(jobs, [scan, notes, text], strict=True):
        assert len(job.document.proposals) == _expected_proposals(path) > 0
    logs = "".join((tmp_path / f"s{i}.log").read_text() for i in range(2))
    assert "reading uploads every 0.2 s" in logs


def test_a_scheduler_killed_mid_scan_leaves_the_job_to_the_next_which_finishes_it_once(app, client, login,
                                                                                        tmp_path) -> None:
    scan = scanned_pdf(tmp_path / "styrgrupp-skannad.pdf")
    _upload(client, login, [scan])
    first = start_scheduler(app, NO_SMTP, tmp_path / "first.log", IMPORT_POLL_SECONDS=0.2,
                            IMPORT_JOB_LEASE_SECONDS=2)
    try:
        wait_until(lambda: 1 <= (_jobs()[0].pages_done or 0) < 4, 60, "the first page to be read")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _stop(first)
    job = _jobs()[0]
    assert job.status == "claimed" and job.pages_done < 4, (tmp_path / "first.log").read_text()
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == 0

    second = start_scheduler(app, NO_SMTP, tmp_path / "second.log", IMPORT_POLL_SECONDS=0.2,
                             IMPORT_JOB_LEASE_SECONDS=2)
    try:
        wait_until(lambda: _jobs()[0].status == "done", 90, "the job to be finished after the restart")
    finally:
        _stop(second)
    job = _jobs()[0]
    assert (job.attempts, job.pages_done, job.pages_total, job.error) == (2, 4, 4, None)
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == _expected_proposals(scan) > 0


@pytest.mark.parametrize("grace", ["pages", "slow_page"])
def test_sigterm_mid_scan_gives_the_job_back_within_10_s_for_the_next_scheduler(app, client, login, tmp_path,
                                                                                 grace) -> None:
    """`pages`: the job goes back at the next page; `slow_page`: a page outlasts the grace (0.2 s) and the
    stopping thread gives the job back itself. Either way the lease (10 min) is never waited out."""
    scan = scanned_pdf(tmp_path / "styrgrupp-skannad.pdf")
    _upload(client, login, [scan])
    extra = {"STOP_SECONDS": 0.2} if grace == "slow_page" else {}
    first = start_scheduler(app, NO_SMTP, tmp_path / "first.log", IMPORT_POLL_SECONDS=0.2,
                            IMPORT_JOB_LEASE_SECONDS=600, **extra)
    try:
        wait_until(lambda: 1 <= (_jobs()[0].pages_done or 0) < 4, 60, "the first page to be read")
        asked = time.monotonic()
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
        took = time.monotonic() - asked
    finally:
        _stop(first)
    log = (tmp_path / "first.log").read_text()
    assert took <= 10, f"SIGTERM took {took:.1f}s\n{log}"
    job = _jobs()[0]
    assert (job.status, job.claimed_by, job.lease_until, job.attempts) == ("queued", None, None, 0), log
    assert "given back" in log
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == 0

    second = start_scheduler(app, NO_SMTP, tmp_path / "second.log", IMPORT_POLL_SECONDS=0.2,
                             IMPORT_JOB_LEASE_SECONDS=600)
    try:
        wait_until(lambda: _jobs()[0].status == "done", 90, "the job to be finished by the next scheduler")
    finally:
        _stop(second)
    job = _jobs()[0]
    assert (job.attempts, job.pages_done, job.pages_total, job.error) == (1, 4, 4, None)
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == _expected_proposals(scan) > 0


def test_a_job_of_a_killed_scheduler_is_taken_at_once_not_after_its_lease(app, client, login, tmp_path) -> None:
    scan = scanned_pdf(tmp_path / "styrgrupp-skannad.pdf")
    _upload(client, login, [scan])
    first = start_scheduler(app, NO_SMTP, tmp_path / "first.log", IMPORT_POLL_SECONDS=0.2,
                            IMPORT_JOB_LEASE_SECONDS=600)
    try:
        wait_until(lambda: 1 <= (_jobs()[0].pages_done or 0) < 4, 60, "the first page to be read")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _stop(first)
    job = _jobs()[0]
    assert job.status == "claimed" and job.lease_until is not None

    second = start_scheduler(app, NO_SMTP, tmp_path / "second.log", IMPORT_POLL_SECONDS=0.2,
                             IMPORT_JOB_LEASE_SECONDS=600)
    try:  # well inside the 10-minute lease
        wait_until(lambda: _jobs()[0].status == "done", 90, "the job to be taken over and finished")
    finally:
        _stop(second)
    job = _jobs()[0]
    assert (job.attempts, job.pages_done, job.error) == (2, 4, None)  # the killed attempt counts
    assert db.session.scalar(db.select(db.func.count(Proposal.id))) == _expected_proposals(scan) > 0
    assert "taken back (process gone)" in (tmp_path / "second.log").read_text()
