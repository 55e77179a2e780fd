"""Reading the proposal and event forms: dates and times as people type them, errors in Swedish."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from flask_babel import gettext

from planner import labels
from planner.db import db
from planner.models import Body, Proposal
from planner.schedule.datefmt import NonexistentTime, stockholm_instant
from planner.translations import N_
from planner.web.params import row_id

# The field names the parse errors begin with, marked for the catalog.
FIELD_NAMES = (N_("Datum"), N_("Slutdatum"), N_("Starttid"), N_("Sluttid"), N_("Undantag"))
TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?$")


def parse_date(text: str | None, label: str, errors: list[str]) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        errors.append(gettext("%(field)s: skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-12-04.", field=gettext(label)))
        return None


def parse_time(text: str | None, label: str, errors: list[str]) -> dt.time | None:
    """'9.45', '09:45', 'kl 9' all mean the same wall-clock time."""
    text = (text or "").strip().lower()
    if not text:
        return None
    m = TIME.match(text)
    if m and int(m.group(1)) < 24 and int(m.group(2) or 0) < 60:
        return dt.time(int(m.group(1)), int(m.group(2) or 0))
    errors.append(gettext("%(field)s: skriv tiden som 9.45 eller 09:45.", field=gettext(label)))
    return None


def apply_form(proposal: Proposal, form: Mapping[str, str], organization_id: int | None) -> list[str]:
    """Copy the edited fields onto the proposal; the list of errors is empty when all was well."""
    errors: list[str] = []
    kind = form.get("kind", proposal.kind)
    if kind not in labels.PROPOSAL_KINDS:
        errors.append(gettext("Okänd typ."))
    start_date = parse_date(form.get("date"), "Datum", errors)
    end_date = parse_date(form.get("end_date"), "Slutdatum", errors)
    start_time = parse_time(form.get("start"), "Starttid", errors)
    end_time = parse_time(form.get("end"), "Sluttid", errors)
    from planner.schedule.accept import span_problem

    problem = span_problem(kind, start_date, end_date, start_time, end_time)
    if problem:
        errors.append(gettext(problem))
    if end_time and not start_time:
        errors.append(gettext("Ange en starttid när du anger en sluttid."))
    typed = ((start_date, start_time, "Starttid"), (end_date or start_date, end_time, "Sluttid"))
    for day, time_of_day, label in typed:
        if day and time_of_day:
            try:
                stockholm_instant(day, time_of_day, label)
            except NonexistentTime as exc:
                errors.append(str(exc))
    body_id = row_id(form.get("body_id"))
    body = db.session.get(Body, body_id) if body_id is not None else None
    if body_id is not None and (body is None or body.organization_id != organization_id):
        errors.append(gettext("Okänd grupp."))
    if errors:
        return errors
    proposal.kind = kind
    proposal.title = (form.get("title") or "").strip()[:300]
    proposal.start_date, proposal.end_date = start_date, (end_date if end_date != start_date else None)
    proposal.date_text = start_date.isoformat() if start_date else None
    proposal.start_time, proposal.end_time = start_time, end_time
    proposal.location = (form.get("location") or "").strip()[:300] or None
    proposal.from_party = (form.get("from_party") or "").strip()[:300] or None
    proposal.to_party = (form.get("to_party") or "").strip()[:300] or None
    proposal.cancelled = form.get("cancelled") == "on"
    proposal.body = body
    return []
