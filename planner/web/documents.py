"""Uploading minutes and reviewing their proposals against the evidence.

Nothing here reaches a feed until a person accepts it. A secretary sees and changes only
their own organization's documents; another organization's document id answers 404.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from planner import labels
from planner.db import db
from planner.models import Body, Document, Organization, Proposal
from planner.textlines import shown_lines
from planner.web.auth import can_edit_organization, require_edit, visible_or_404, visible_organization_ids
from planner.web.i18n import kind_choices
from planner.web.params import row_id, row_ids
from planner.web.proposal_form import apply_form

REFRESH_SECONDS = 2  # the document page reloads itself this often while its import runs

bp = Blueprint("documents", __name__, url_prefix="/documents")
ALLOWED = {".txt", ".pdf", ".docx"}


def init_app(app: Flask) -> None:
    app.register_error_handler(RequestEntityTooLarge, _too_large)


def _too_large(error: Exception) -> Any:
    limit = current_app.config["MAX_UPLOAD_MB"]
    return render_template("home/error.html", code=413, title="Filen är för stor",
                           message=f"Uppladdningen är större än {limit} MB, som är gränsen. Dela upp den i "
                                   "flera uppladdningar eller komprimera PDF:en. Inget har sparats."), 413


def _document_or_404(document_id: int) -> Document:
    return visible_or_404(Document, document_id)


def _editable_organizations() -> list[Organization]:
    query = db.select(Organization).order_by(Organization.name)
    if current_user.role != "admin":
        query = query.where(Organization.id == (current_user.organization_id or -1))
    return list(db.session.scalars(query)) if current_user.role in ("admin", "secretary") else []


@bp.get("/")
@login_required
def index() -> str:
    query = db.select(Document).order_by(Document.uploaded_at.desc())
    visible = visible_organization_ids()
    if visible is not None:
        query = query.where(Document.organization_id.in_(visible))
    documents = db.session.scalars(query.limit(200)).all()
    return render_template("documents/index.html", documents=documents, organizations=_editable_organizations(),
                           max_mb=current_app.config["MAX_UPLOAD_MB"])


@bp.post("/upload")
@login_required
def upload() -> Any:
    """Store each file with a queued import job and answer at once; `planner scheduler` reads them."""
    org = db.session.get(Organization, request.form.get("organization_id", type=row_id) or 0)
    if org is None and current_user.role == "secretary":
        org = current_user.organization
    if org is None:
        flash(gettext("Välj organisation."), "error")
        return redirect(url_for("documents.index"))
    require_edit(org.id)
    body = db.session.get(Body, request.form.get("body_id", type=row_id) or 0)
    if body is not None and body.organization_id != org.id:
        abort(400)
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        flash(gettext("Välj minst en fil."), "error")
        return redirect(url_for("documents.index"))
    made: list[Document] = []
    for storage in files:
        data = storage.read()
        try:
            name = upload_name(storage.filename or "fil")
            document = queue_one(name, data, org, body)
        except ImportProblem as problem:  # this file is named and refused; the rest of the batch goes on
            flash(str(problem), problem.category)
            continue
        made.append(document)
        flash(gettext("%(name)s: mottagen, läses in nu. Förslagen visas på dokumentets sida när den är klar.",
                      name=name), "success")
    if len(made) == 1:
        return redirect(url_for("documents.show", document_id=made[0].id))
    return redirect(url_for("documents.index"))


MAX_NAME_BYTES = 255  # what file systems allow for one name, and what the document's column holds


def upload_name(raw: str) -> str:
    """The name a browser sent, as shown and stored: no folders, no control characters, at most 255 bytes."""
    name = raw.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch if ch.isprintable() else "_" for ch in name).strip() or "fil"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        shown = name[:40] + "…" + name[-10:]
        raise ImportProblem(f"{shown}: Filnamnet är för långt (högst {MAX_NAME_BYTES} byte). Byt namn på filen "
                            "och ladda upp den igen.")
    return name


class ImportProblem(Exception):
    def __init__(self, message: str, category: str = "error") -> None:
        super().__init__(message)
        self.category = category


def queue_one(name: str, data: bytes, org: Organization, body: Body | None) -> Document:
    """One uploaded file stored with a queued import job; the scheduler reads it (OCR and all).

    Only what is cheap is checked here (kind, emptiness, duplicates): reading a file of any
    size or shape happens in the scheduler process, within planner.ingest's limits.
    """
    from planner.imports.queue import enqueue
    from planner.schedule.proposals import DuplicateDocument, find_duplicate

    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED:
        raise ImportProblem(f"{name}: bara .txt, .pdf och .docx kan läsas.")
    if not data:
        raise ImportProblem(f"{name} kunde inte läsas: filen är tom (0 byte).")
    duplicate = find_duplicate(data, org)  # only this organization's own files: no peeking at others'
    if duplicate is not None:
        raise ImportProblem(f"{name} är redan uppladdad (som {duplicate.filename}); den importerades inte igen.",
                            "warning")
    try:
        document = enqueue(name, data, org, body, current_app.config["UPLOAD_FOLDER"])
    except DuplicateDocument as exc:  # a parallel upload of the same file won the race
        db.session.rollback()
        raise ImportProblem(f"{name} är redan uppladdad.", "warning") from exc
    document.uploaded_by_id = current_user.id
    db.session.commit()
    return document


@bp.post("/<int:document_id>/retry")
@login_required
def retry(document_id: int) -> Any:
    """Read a failed import again from the start (after the file or the limits were fixed)."""
    from planner.imports.queue import retry as requeue

    document = _document_or_404(document_id)
    require_edit(document.organization_id)
    if document.job is not None and requeue(document.job):
        db.session.commit()
        flash(gettext("Filen läses in igen."), "success")
    return redirect(url_for("documents.show", document_id=document.id))


@bp.get("/<int:document_id>/job")
@login_required
def job_status(document_id: int) -> Any:
    """The import's progress as JSON, for anything that wants to watch it without reloading the page."""
    job = _document_or_404(document_id).job
    if job is None:
        return {"status": "done"}
    return {"status": job.status, "pages_done": job.pages_done, "pages_total": job.pages_total, "error": job.error}


@bp.get("/<int:document_id>")
@login_required
def show(document_id: int) -> str:
    from planner.schedule.accept import preview

    document = _document_or_404(document_id)
    lines = shown_lines(document.text)
    evidence = {p.evidence_line for p in document.proposals if p.evidence_line}
    bodies = db.session.scalars(db.select(Body).filter_by(organization_id=document.organization_id)
                                .order_by(Body.name)).all()
    previews = {p.id: preview(p) for p in document.proposals if p.status == "pending"}
    return render_template("documents/show.html", document=document, lines=lines, evidence=evidence,
                           bodies=bodies, previews=previews, kinds=kind_choices(labels.PROPOSAL_KINDS),
                           job=document.job,
                           refresh=REFRESH_SECONDS, max_proposals=current_app.config["MAX_PROPOSALS_PER_DOCUMENT"],
                           editable=can_edit_organization(document.organization_id))


def _proposal_or_404(document: Document, proposal_id: int) -> Proposal:
    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or proposal.document_id != document.id:
        abort(404)
    return proposal


@bp.post("/<int:document_id>/proposals/<int:proposal_id>")
@login_required
def review(document_id: int, proposal_id: int) -> Any:
    """Save the edited fields, then accept, reject or just keep them, as the pressed button says."""
    from planner.schedule.accept import NotAcceptable, accept, reject
    from planner.schedule.datefmt import vague_date_text
    from planner.schedule.matching import same_day_event

    document = _document_or_404(document_id)
    require_edit(document.organization_id)
    proposal = _proposal_or_404(document, proposal_id)
    action = request.form.get("action", "save")
    new_event = action == "accept_new"
    if new_event:  # the secretary says the matched event is a different one
        proposal.event = None
        action = "accept"
    was_vague = proposal.kind != "holiday" and vague_date_text(proposal.date_text) is not None
    if action != "reject":
        errors = apply_form(proposal, request.form, document.organization_id)
        if errors:
            db.session.rollback()
            for error in errors:
                flash(error, "error")
            return redirect(url_for("documents.show", document_id=document.id, _anchor=f"p{proposal_id}"))
    if action == "accept" and was_vague and proposal.event is None and not new_event:
        proposal.event = same_day_event(proposal, document.organization_id)  # one event per real meeting
    if action == "accept":
        try:
            accept(proposal, current_user)
        except NotAcceptable as refusal:
            db.session.rollback()
            flash(gettext(str(refusal)), "error")  # its messages are catalog msgids
            return redirect(url_for("documents.show", document_id=document.id, _anchor=f"p{proposal_id}"))
        flash(gettext("Godkänt: %(title)s.", title=proposal.event.title), "success")
    elif action == "reject":
        reject(proposal, current_user)
        flash(gettext("Förslaget avvisat."))
    elif action == "reopen":
        proposal.status = "pending"
    else:
        flash(gettext("Ändringarna sparade."))
    db.session.commit()
    anchor = proposal_id
    if action in ("accept", "reject"):  # the keyboard flow goes on with the next undecided proposal
        order = [p.id for p in document.proposals]
        here = order.index(proposal_id)
        later = [p for i, p in enumerate(document.proposals) if p.status == "pending" and i > here]
        anchor = later[0].id if later else proposal_id
    return redirect(url_for("documents.show", document_id=document.id, _anchor=f"p{anchor}"))


def _threshold() -> float | None:
    from planner.schedule.autoaccept import DEFAULT_MIN_CONFIDENCE

    raw = request.values.get("min_confidence")
    if raw is None or raw == "":
        return DEFAULT_MIN_CONFIDENCE
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def _bulk_request(document_id: int) -> tuple[Document, float | None]:
    """The document a bulk accept is asked for (editable by this user) and its threshold, or None (flashed)."""
    document = _document_or_404(document_id)
    require_edit(document.organization_id)
    threshold = _threshold()
    if threshold is None:
        flash(gettext("Ange en säkerhet mellan 0 och 1."), "error")
    return document, threshold


@bp.get("/<int:document_id>/accept-all")
@login_required
def accept_all_preview(document_id: int) -> Any:
    """The list "Godkänn alla" would accept, and what it leaves for a person and why; asked once."""
    from planner.clock import today_local
    from planner.schedule.autoaccept import HOLD_REASONS, split_for_bulk

    document, threshold = _bulk_request(document_id)
    if threshold is None:
        return redirect(url_for("documents.show", document_id=document.id))
    take, held = split_for_bulk(document.proposals, today_local(), threshold)
    return render_template("documents/accept_all.html", document=document, take=take, held=held,
                           reasons=HOLD_REASONS, threshold=threshold, kinds=kind_choices(labels.PROPOSAL_KINDS))


@bp.post("/<int:document_id>/accept-all")
@login_required
def accept_all(document_id: int) -> Any:
    """Accept what the confirmation page listed (its ids), never more; without them, show the page."""
    from planner.schedule.accept import accept_all as accept_proposals

    document, threshold = _bulk_request(document_id)
    if threshold is None:
        return redirect(url_for("documents.show", document_id=document.id))
    if request.form.get("confirm") != "1":
        return redirect(url_for("documents.accept_all_preview", document_id=document.id, min_confidence=threshold))
    listed = row_ids(request.form.getlist("proposal"))
    result = accept_proposals(document.proposals, current_user, threshold, only=listed)
    db.session.commit()
    if result.held:
        from planner.schedule.autoaccept import HOLD_REASONS

        held = ", ".join(f"{n} {gettext(HOLD_REASONS[key])}" for key, n in sorted(result.held.items()))
        flash(gettext("%(count)s förslag godkända, väntar på dig: %(held)s.", count=result.accepted, held=held),
              "success")
    else:
        flash(gettext("%(count)s förslag godkända.", count=result.accepted), "success")
    return redirect(url_for("documents.show", document_id=document.id))
