"""The hand-made event form: what it shows, and what was typed into it as values for the schedule's service
(planner.schedule.event_edit checks and applies them; every change goes to the audit trail)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import current_app
from flask_babel import gettext

from planner.models import Event
from planner.schedule.datefmt import STOCKHOLM
from planner.schedule.event_edit import EventInput, Problem
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


def read_event_form(form: Mapping[str, str]) -> tuple[EventInput, list[str]]:
    """The form as typed values for planner.schedule.event_edit, and the fields it could not read."""
    errors: list[str] = []
    day = parse_date(form.get("date"), "Datum", errors)
    last = parse_date(form.get("end_date"), "Slutdatum", errors)
    start = parse_time(form.get("start"), "Starttid", errors)
    end = parse_time(form.get("end"), "Sluttid", errors)
    skipped = [parse_date(line, "Undantag", errors)
               for line in (form.get("exdates") or "").replace(",", "\n").splitlines() if line.strip()]
    data = EventInput(
        title=form.get("title") or "", day=day, kind=form.get("kind", "meeting"),
        status=form.get("status", "confirmed"), last=last, start=start, end=end,
        body_id=row_id(form.get("body_id")), location=form.get("location") or "",
        description=form.get("description") or "", from_party=form.get("from_party") or "",
        to_party=form.get("to_party") or "", recurrence=form.get("recurrence") or "",
        exdates=tuple(d for d in skipped if d is not None), unreadable=bool(errors))
    return data, errors


def shown(problems: list[Problem]) -> list[str]:
    """The service's problems in the page's language."""
    return [gettext(p.msgid, **p.params) for p in problems]


def max_occurrences() -> int:
    return int(current_app.config["ICS_IMPORT_MAX_OCCURRENCES"])
