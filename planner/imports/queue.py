"""Making an import job for an uploaded file, and putting a failed one back in the queue."""

from __future__ import annotations

from planner.db import db
from planner.models import Body, Document, ImportJob, Organization
from planner.schedule.proposals import create_document


def enqueue(filename: str, data: bytes, organization: Organization, body: Body | None,
            upload_folder: str) -> Document:
    """The stored file, its unread document and a queued job; the caller commits.

    Raises DuplicateDocument (planner.schedule.proposals) when the same bytes are already there.
    """
    document = create_document(filename, data, organization, body, upload_folder)
    db.session.add(ImportJob(document=document))
    db.session.flush()
    return document


def retry(job: ImportJob) -> bool:
    """A failed job queued again from the start; False when it is not failed (running or done)."""
    if job.status != "failed":
        return False
    job.status = "queued"
    job.error = None
    job.pages_done = 0
    job.pages_total = None
    job.attempts = 0
    job.claimed_by = None
    job.lease_until = None
    job.finished_at = None
    return True
