"""The hand-made event form: read, check and apply it; every change goes to the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from flask import current_app
from flask_babel import gettext

from planner import labels
from planner.db import db
from planner.models import Body, Event
from planner.schedule.accept import span_problem
from planner.schedule.datefmt import STOCKHOLM, NonexistentTime, stockholm_instant
from planner.schedule.recurrence import RecurrenceError, occurrence_key, parse_rule
from planner.web.params import row_id
from planner.web.proposal_form import parse_date, parse_time


def form_values(event: Event) -> dict[str, str]:
    """The event as the form shows it (Stockholm wall-clock times)."""
    from planner.schedule.recurrence import describe_rule

    values = {"title": event.title or "", "kind": event.kind or "meeting", "status": event.status or "confirmed",
              "body_id": str(event.body_id or ""), "location": event.location or "",
              "description": event.description or "", "from_party": event.from_party or "",
              "to_party": event.to_party or "", "recurrence": describe_rule(event.rrule),
              "exdates": "\n".join(x[:10] for x in (event.exdates or [])), "date": "", "end_date": "",
              "start": "", "end": ""}
    if event.start_at is not None:
        start = event.start_at.astimezone(STOCKHOLM)
        end = (event.end_at or event.start_at).astimezone(STOCKHOLM)
        values.update(date=start.date().isoformat(), start=start.strftime("%H:%M"), end=end.strftime("%H:%M"),
                      end_date=end.date().isoformat() if end.date() != start.date() else "")
    elif event.start_date is not None:
        values["date"] = event.start_date.isoformat()
        if event.end_date and event.end_date != event.start_date:
            values["end_date"] = event.end_date.isoformat()
    return values


def apply_event_form(event: Event, form: Mapping[str, str]) -> list[str]:
    """Copy the form onto the event; returns the errors (then nothing was changed)."""
    errors: list[str] = []
    title = (form.get("title") or "").strip()
    if not title:
        errors.append(gettext("Ange en rubrik."))
    kind = form.get("kind", "meeting")
    status = form.get("status", "confirmed")
    if kind not in labels.EVENT_KINDS or status not in labels.EVENT_STATUSES:
        errors.append(gettext("Okänd typ eller status."))
    day = parse_date(form.get("date"), "Datum", errors)
    if day is None and not errors:
        errors.append(gettext("Ange ett datum."))
    last = parse_date(form.get("end_date"), "Slutdatum", errors)
    start = parse_time(form.get("start"), "Starttid", errors)
    end = parse_time(form.get("end"), "Sluttid", errors)
    body_id = row_id(form.get("body_id"))
    if body_id is not None:
        body = db.session.get(Body, body_id)
        if body is None or body.organization_id != event.organization_id:
            errors.append(gettext("Okänd grupp."))
    rule = None
    if (form.get("recurrence") or "").strip():
        try:
            rule = parse_rule(form["recurrence"], int(current_app.config["ICS_IMPORT_MAX_OCCURRENCES"]))
        except RecurrenceError as exc:
            errors.append(gettext("Upprepning: %(reason)s", reason=exc))
    if errors:
        return errors
    assert day is not None
    problem = span_problem(kind, day, last, start, end)  # the review's rule: no end first, no meeting over a day
    if problem:
        return [gettext(problem)]
    if start is not None:
        try:
            start_at = stockholm_instant(day, start, "Starttid")
            end_at = stockholm_instant(last or day, end, "Sluttid") if end else start_at + dt.timedelta(hours=1)
        except NonexistentTime as exc:
            return [str(exc)]
        if end_at <= start_at:
            return [gettext("Sluttiden ligger före starttiden.")]
    skipped = []
    for line in (form.get("exdates") or "").replace(",", "\n").splitlines():
        if line.strip():
            when = parse_date(line, "Undantag", errors)
            if when and start is not None:
                skipped.append(occurrence_key(dt.datetime.combine(when, start, STOCKHOLM)))
            elif when:
                skipped.append(when.isoformat())
    if errors:
        return errors
    event.title, event.kind, event.status = title[:300], kind, status
    event.body_id = body_id
    event.location = (form.get("location") or "").strip()[:300] or None
    event.description = (form.get("description") or "").strip()
    event.from_party = (form.get("from_party") or "").strip()[:300] or None
    event.to_party = (form.get("to_party") or "").strip()[:300] or None
    event.rrule = rule
    event.exdates = sorted(set(skipped))
    if start is not None:
        event.all_day, event.start_at, event.end_at = False, start_at, end_at
        event.start_date = event.end_date = None
    else:
        event.all_day, event.start_at, event.end_at = True, None, None
        event.start_date, event.end_date = day, last or day
    return []
