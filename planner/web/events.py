"""The reviewed schedule: list and month views with filters, editing by hand, series, history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload, selectinload

from planner import labels
from planner.clock import local_date, today_local
from planner.db import db
from planner.models import Body, Document, Event, Organization, Proposal
from planner.schedule import event_edit, series
from planner.schedule.audit import changed
from planner.schedule.datefmt import month_title, month_weeks, weekday_name
from planner.schedule.recurrence import Occurrence, occurrences
from planner.schedule.removal import MergeError, delete_event, merge_events
from planner.web import search
from planner.web.auth import can_edit_organization, require_edit, visible_or_404, visible_organization_ids
from planner.web.event_form import form_values, max_occurrences, read_event_form, shown
from planner.web.i18n import kind_choices, status_choices
from planner.web.params import row_id

bp = Blueprint("events", __name__, url_prefix="/events")


def _filters() -> dict[str, Any]:
    args = request.args
    return {"org": args.get("org", type=row_id), "body": args.get("body", type=row_id),
            "kind": args.get("kind") if args.get("kind") in labels.EVENT_KINDS else None,
            "status": args.get("status") if args.get("status") in labels.EVENT_STATUSES else None,
            "q": (args.get("q") or "").strip()[:200]}


def _query(filters: dict[str, Any]) -> Any:
    query = (db.select(Event).where(Event.series_id.is_(None), Event.deleted_at.is_(None))
             .options(joinedload(Event.body), selectinload(Event.overrides)))  # one query, not one per row
    visible = visible_organization_ids()
    if visible is not None:
        query = query.where(Event.organization_id.in_(visible))
    if filters["org"]:
        query = query.where(Event.organization_id == filters["org"])
    if filters["body"]:
        query = query.where(Event.body_id == filters["body"])
    if filters["kind"]:
        query = query.where(Event.kind == filters["kind"])
    return query


def _in_range(query: Any, first: dt.date, last: dt.date) -> Any:
    """Only series and events that may touch first..last are loaded (a day's margin for the time zone);
    occurrences() then decides exactly."""
    lo = dt.datetime.combine(first - dt.timedelta(days=1), dt.time(), dt.UTC)
    hi = dt.datetime.combine(last + dt.timedelta(days=2), dt.time(), dt.UTC)
    return query.where(db.or_(
        Event.rrule.is_not(None),
        db.and_(Event.start_at.is_not(None), Event.start_at < hi, db.func.coalesce(Event.end_at, Event.start_at) >= lo),
        db.and_(Event.start_date.is_not(None), Event.start_date <= last,
                db.func.coalesce(Event.end_date, Event.start_date) >= first)))


def _event_fields(event: Event) -> list[str | None]:
    """What a search looks in: title, place, body, and the words a person may remember from the text."""
    return [event.title, event.location, event.body.name if event.body else None, event.description,
            event.from_party, event.to_party]


def _occurrences(filters: dict[str, Any], first: dt.date, last: dt.date) -> list[Occurrence]:
    words = search.terms(filters.get("q"))
    query = _in_range(_query(filters), first, last)
    if words:
        text = db.func.coalesce(Body.name, "")
        for column in (Event.title, Event.location, Event.description, Event.from_party, Event.to_party):
            text = text + " " + db.func.coalesce(column, "")
        query = query.outerjoin(Body, Body.id == Event.body_id)
        for word in search.ascii_words(words):
            query = query.where(text.icontains(word, autoescape=True))
    events = [e for e in db.session.scalars(query) if not words or search.matches(words, _event_fields(e))]
    found = [o for e in events for o in occurrences(e, first, last)]
    if filters["status"]:
        found = [o for o in found if o.event.status == filters["status"]]
    return sorted(found, key=lambda o: (o.day, str(o.start)))


def _documents(filters: dict[str, Any]) -> list[tuple[Document, tuple[int, str] | None]]:
    """Minutes whose proposals, file name, body, organization or text hold the search words, newest first,
    with the line to open them at."""
    words = search.terms(filters.get("q"))
    if not words:
        return []
    query = (db.select(Document).order_by(Document.uploaded_at.desc(), Document.id.desc())
             .options(joinedload(Document.body), joinedload(Document.organization), selectinload(Document.proposals)))
    visible = visible_organization_ids()
    if visible is not None:
        query = query.where(Document.organization_id.in_(visible))
    if filters["org"]:
        query = query.where(Document.organization_id == filters["org"])
    if filters["body"]:
        query = query.where(Document.body_id == filters["body"])
    for word in search.ascii_words(words):
        titled = db.select(Proposal.id).where(Proposal.document_id == Document.id, Proposal.title.icontains(
            word, autoescape=True)).exists()
        query = query.where(db.or_(Document.text.icontains(word, autoescape=True),
                                   Document.filename.icontains(word, autoescape=True), titled,
                                   Document.body.has(Body.name.icontains(word, autoescape=True)),
                                   Document.organization.has(Organization.name.icontains(word, autoescape=True))))
    hits: list[tuple[Document, tuple[int, str] | None]] = []
    for document in db.session.scalars(query):
        names = [document.filename, document.body.name if document.body else None,
                 document.organization.name if document.organization else None]
        proposal = next((p for p in document.proposals if p.evidence_line and search.matches(words, [p.title])), None)
        if proposal is not None:  # the repaired title finds what OCR damaged in the text ("vattenférsérjning")
            hits.append((document, (proposal.evidence_line, proposal.evidence_text or proposal.title)))
        elif search.matches(words, [*names, document.text]):
            line = None if search.matches(words, names) else search.first_line_hit(document.text, words)
            hits.append((document, line))
        else:
            continue
        if len(hits) >= search.MAX_DOCUMENT_HITS:
            break
    return hits


def _choices() -> dict[str, Any]:
    visible = visible_organization_ids()
    orgs = db.select(Organization).order_by(Organization.name)
    bodies = db.select(Body).order_by(Body.name)
    if visible is not None:
        orgs = orgs.where(Organization.id.in_(visible))
        bodies = bodies.where(Body.organization_id.in_(visible))
    return {"organizations": db.session.scalars(orgs).all(), "bodies": db.session.scalars(bodies).all(),
            "kinds": kind_choices(), "statuses": status_choices()}


LIST_DAYS_BACK, LIST_DAYS_AHEAD, SEARCH_YEARS, MAX_RANGE_DAYS = 30, 400, 3, 366 * 10


def _list_range(filters: dict[str, Any]) -> tuple[dt.date, dt.date, list[str]]:
    """The list's from/to: as asked, else the coming year (a search looks three years either way)."""
    problems: list[str] = []
    today = today_local()

    def day(name: str, label: str) -> dt.date | None:
        raw = (request.args.get(name) or "").strip()
        if not raw:
            return None
        try:
            parsed = dt.date.fromisoformat(raw)
        except ValueError:
            parsed = None
        if parsed is None or not EARLIEST <= parsed <= LATEST:  # year 1 or 9999: no millennium of a series
            problems.append(gettext("%(field)s: skriv datumet som ÅÅÅÅ-MM-DD.", field=label))
            return None
        return parsed

    first, last = day("from", gettext("Från")), day("to", gettext("Till"))
    back, ahead = ((dt.timedelta(days=365 * SEARCH_YEARS),) * 2 if filters["q"] else
                   (dt.timedelta(days=LIST_DAYS_BACK), dt.timedelta(days=LIST_DAYS_AHEAD)))
    first = first or (last - back - ahead if last else today - back)
    last = last or first + back + ahead
    if last < first:
        problems.append(gettext("Till-datumet ligger före från-datumet; de har bytt plats."))
        first, last = last, first
    if (last - first).days > MAX_RANGE_DAYS:
        problems.append(gettext("Listan visar högst tio år åt gången."))
        last = first + dt.timedelta(days=MAX_RANGE_DAYS)
    return first, last, problems


@bp.get("/")
@login_required
def index() -> str:
    filters = _filters()
    first, last, problems = _list_range(filters)
    items = search.paginate(_occurrences(filters, first, last), request.args.get("page", type=int))
    keep = {k: v for k, v in filters.items() if v}
    keep.update({"from": first.isoformat(), "to": last.isoformat()})
    return render_template("events/index.html", page=items, items=items.items, filters=filters, keep=keep,
                           first=first, last=last, problems=problems, documents=_documents(filters),
                           **_choices())


@bp.get("/month")
@login_required
def month() -> str:
    filters = _filters()
    today = today_local()
    year = request.args.get("year", type=int) or today.year
    number = request.args.get("month", type=int) or today.month
    if not 1 <= number <= 12 or not 1900 < year < 3000:
        abort(404)
    weeks = month_weeks(year, number)
    items = _occurrences(filters, weeks[0][1][0], weeks[-1][1][-1])
    by_day: dict[dt.date, list[Occurrence]] = {}
    for item in items:
        for day in _days_covered(item):
            by_day.setdefault(day, []).append(item)
    prev = (year - 1, 12) if number == 1 else (year, number - 1)
    nxt = (year + 1, 1) if number == 12 else (year, number + 1)
    day_names = [weekday_name(d, g.get("lang", "sv"))[:3] for d in weeks[0][1]]
    return render_template("events/month.html", weeks=weeks, day_names=day_names, by_day=by_day, year=year,
                           month=number,
                           title=month_title(year, number, g.get("lang", "sv")), prev=prev, next=nxt, today=today,
                           filters=filters, **_choices())


EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
MAX_WINDOW_DAYS = 5 * 366


def _day(text: str | None) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def date_window(first_text: str | None, last_text: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The list's ?from=&to=: unreadable or absurd dates (year 1 or 9999) fall back to the defaults, and
    the window is at most five years, so no address makes the list compute a millennium of a series."""
    first = _day(first_text) or today - dt.timedelta(days=30)
    last = _day(last_text) or first + dt.timedelta(days=400)
    if last < first:
        last = first + dt.timedelta(days=400)
    return first, min(last, first + dt.timedelta(days=MAX_WINDOW_DAYS))


def _days_covered(item: Occurrence) -> list[dt.date]:
    """An all-day period (sportlov 21–31 december) shows on each of its days."""
    last = item.end if isinstance(item.end, dt.date) and not isinstance(item.end, dt.datetime) else item.day
    count = max(0, min((last - item.day).days, 366))
    return [item.day + dt.timedelta(days=i) for i in range(count + 1)]


def _event_or_404(event_id: int) -> Event:
    return visible_or_404(Event, event_id)


@bp.get("/<int:event_id>")
@login_required
def show(event_id: int) -> str:
    event = _event_or_404(event_id)
    today = today_local()
    upcoming = occurrences(event, today, today + dt.timedelta(days=366))[:12] if event.rrule else []
    editable = can_edit_organization(event.organization_id) and event.deleted_at is None
    return render_template("events/show.html", event=event, upcoming=upcoming, source=_evidence(event),
                           kinds=kind_choices(), statuses=status_choices(),
                           editable=editable, duplicates=_merge_candidates(event) if editable else [])


def _evidence(event: Event) -> Proposal | None:
    """The accepted proposal that last shaped this event: its minutes' line is where the event comes from."""
    return db.session.scalar(db.select(Proposal).where(Proposal.event_id == event.id, Proposal.status == "accepted")
                             .order_by(Proposal.reviewed_at.desc().nulls_last(), Proposal.id.desc()).limit(1))


def _merge_candidates(event: Event) -> list[Event]:
    """Events the secretary may merge into this one: same organization and kind, within 60 days."""
    if event.series_id is not None:
        return []
    query = db.select(Event).where(Event.organization_id == event.organization_id, Event.kind == event.kind,
                                   Event.id != event.id, Event.series_id.is_(None), Event.deleted_at.is_(None))
    day = (local_date(event.start_at) if event.start_at else event.start_date) or today_local()
    lo, hi = day - dt.timedelta(days=60), day + dt.timedelta(days=60)
    query = query.where(db.or_(Event.rrule.is_not(None),
                               Event.start_at.between(dt.datetime.combine(lo, dt.time(), dt.UTC),
                                                      dt.datetime.combine(hi, dt.time(), dt.UTC)),
                               Event.start_date.between(lo, hi)))
    return sorted(db.session.scalars(query), key=lambda e: (str(e.start_at or e.start_date), e.id))


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new() -> Any:
    org_id = request.values.get("organization_id", type=row_id) or current_user.organization_id
    org = db.session.get(Organization, org_id or 0)
    if org is None:
        orgs = db.session.scalars(db.select(Organization).order_by(Organization.name)).all()
        if current_user.role != "admin" or not orgs:
            abort(403)
        if len(orgs) > 1:  # never silently the first: the admin says whose calendar this goes into
            return render_template("events/choose_org.html", organizations=orgs)
        org = orgs[0]
    require_edit(org.id)
    values = form_values(Event(organization_id=org.id, kind="meeting", status="confirmed", exdates=[]))
    if request.method == "POST":
        data, errors = read_event_form(request.form)
        event, problems = event_edit.create_event(org.id, data, current_user, max_occurrences())
        errors += shown(problems)
        if event is not None and not errors:
            db.session.commit()
            flash(gettext("Skapad: %(title)s.", title=event.title), "success")
            return redirect(url_for("events.show", event_id=event.id))
        for error in errors:
            flash(error, "error")
        values = dict(request.form)
    return render_template("events/form.html", event=None, org=org, values=values, **_form_choices(org.id))


def _form_choices(org_id: int) -> dict[str, Any]:
    bodies = db.session.scalars(db.select(Body).filter_by(organization_id=org_id).order_by(Body.name)).all()
    return {"bodies": bodies, "kinds": kind_choices(), "statuses": status_choices()}


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@login_required
def edit(event_id: int) -> Any:
    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    values = form_values(event)
    if request.method == "POST":
        data, errors = read_event_form(request.form)
        changes, problems = event_edit.update_event(event, data, current_user, max_occurrences())
        errors += shown(problems)
        if not errors:
            db.session.commit()
            flash(gettext("Sparat.") if changes else gettext("Inget ändrades."), "success")
            return redirect(url_for("events.show", event_id=event.id))
        db.session.rollback()
        for error in errors:
            flash(error, "error")
        values = dict(request.form)
    return render_template("events/form.html", event=event, org=event.organization, values=values,
                           **_form_choices(event.organization_id))


@bp.post("/<int:event_id>/cancel")
@login_required
def cancel(event_id: int) -> Any:
    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    if event.status != "cancelled":
        before, event.status = event.status, "cancelled"
        changed(event, "cancelled", {"status": [before, "cancelled"]}, current_user)
        db.session.commit()
        flash(gettext("Inställt: %(title)s.", title=event.title), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.post("/<int:event_id>/delete")
@login_required
def delete(event_id: int) -> Any:
    """Soft delete: subscribers see it cancelled, those already reminded get an INSTÄLLT mail."""
    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    if event.series_id is not None:
        flash(gettext("Ett flyttat tillfälle tas inte bort för sig; hoppa över det i serien i stället."), "error")
        return redirect(url_for("events.show", event_id=event.id))
    if delete_event(event, current_user):
        db.session.commit()
        flash(gettext("Borttagen: %(title)s. Den som redan fått en påminnelse får ett meddelande om att den "
                      "är inställd.", title=event.title), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.post("/<int:event_id>/merge")
@login_required
def merge(event_id: int) -> Any:
    """Merge a duplicate (form field `duplicate`) into this event."""
    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    duplicate = db.session.get(Event, request.form.get("duplicate", type=row_id) or 0)
    if duplicate is None or not can_edit_organization(duplicate.organization_id):
        abort(400)
    try:
        moved = merge_events(event, duplicate, current_user)
    except MergeError as exc:
        db.session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("events.show", event_id=event.id))
    db.session.commit()
    flash(gettext("Sammanslagen: %(title)s ingår nu i den här händelsen (%(moved)s skickade påminnelser flyttade).",
                  title=duplicate.title, moved=moved), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.post("/<int:event_id>/skip")
@login_required
def skip(event_id: int) -> Any:
    """Leave one occurrence of a series out (an EXDATE), e.g. no meeting in the sportlov week."""
    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    key = request.form.get("occurrence") or ""
    try:
        series.skip_occurrence(event, key, current_user)
    except series.NotAnOccurrence:
        abort(400)
    db.session.commit()
    flash(gettext("Tillfället %(day)s är undantaget från serien.", day=key[:10]), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.post("/<int:event_id>/move")
@login_required
def move(event_id: int) -> Any:
    """Move one occurrence of a series (planner.schedule.series): the view reads the form and says how it went."""
    from planner.web.proposal_form import parse_date, parse_time

    event = _event_or_404(event_id)
    require_edit(event.organization_id)
    key = request.form.get("occurrence") or ""
    errors: list[str] = []
    new_day = parse_date(request.form.get("date"), "Datum", errors)
    start = parse_time(request.form.get("start"), "Starttid", errors)
    end = parse_time(request.form.get("end"), "Sluttid", errors)
    try:
        if errors:
            if series.series_occurrence(event, key).override:  # a bad key is a bad request before a typo
                abort(400)
        else:
            series.move_occurrence(event, key, new_day, start, end, current_user)
    except series.NotAnOccurrence:
        abort(400)
    except series.SeriesProblem as exc:
        errors.append(gettext(str(exc)))
    if errors:
        db.session.rollback()
        for error in errors:
            flash(error, "error")
        return redirect(url_for("events.show", event_id=event.id))
    db.session.commit()
    flash(gettext("Tillfället %(day)s är flyttat.", day=key[:10]), "success")
    return redirect(url_for("events.show", event_id=event.id))
