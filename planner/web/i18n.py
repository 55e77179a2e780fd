"""Swedish first, English available: Flask-Babel's locale choice and the date filters pages use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask, g, request, session
from flask_babel import Babel, gettext, refresh

from planner import labels
from planner.config import PACKAGE_DIR
from planner.schedule import datefmt
from planner.web import SESSIONLESS_ENDPOINTS

LANGUAGES = ("sv", "en")


def translated(msgids: dict[str, str]) -> dict[str, str]:
    """A code -> Swedish label map in the page's language (the labels are catalog msgids)."""
    return {key: gettext(label) for key, label in msgids.items()}


def page_lang() -> str:
    return str(g.get("lang", "sv"))


def kind_choices(codes: tuple[str, ...] = labels.EVENT_KINDS) -> dict[str, str]:
    """The kind select's options in the page's language: planner.labels' words."""
    return labels.choices(labels.KINDS, codes, page_lang())


def status_choices() -> dict[str, str]:
    """The status select's options ('Bekräftad', 'Preliminär', 'Inställd'): planner.labels' words."""
    return labels.choices(labels.EVENT_STATUSES, None, page_lang(), capital=True)


def select_locale() -> str:
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else "sv"


def when(item: Any, lang: str | None = None) -> str:
    """An event or occurrence as people write it: 'fredag 6 december 2019, 09.45–12.15'."""
    lang = lang or g.get("lang", "sv")
    start = getattr(item, "start", None) or getattr(item, "start_at", None) or getattr(item, "start_date", None)
    end = getattr(item, "end", None) if hasattr(item, "key") else \
        (getattr(item, "end_at", None) if getattr(item, "start_at", None) else getattr(item, "end_date", None))
    if start is None:
        return ""
    if isinstance(start, dt.datetime):
        return datefmt.format_when(start, end if isinstance(end, dt.datetime) else None, lang)
    return datefmt.format_period(start, end if isinstance(end, dt.date) else None, lang)


FIELD_LABELS = {
    "title": "rubrik", "kind": "typ", "status": "status", "body_id": "grupp", "location": "plats",
    "description": "beskrivning", "all_day": "heldag", "start_at": "start", "end_at": "slut",
    "start_date": "datum", "end_date": "slutdatum", "rrule": "upprepning", "exdates": "undantag",
    "from_party": "från", "to_party": "till", "proposal": "förslag", "moved": "flyttat tillfälle",
    "deleted_at": "borttagen", "merged": "sammanslagen", "merged_into": "sammanslagen med",
}


def audit_value(value: Any) -> str:
    """A value from the audit trail (JSON: ISO strings) as a person reads it."""
    lang = g.get("lang", "sv")
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return ", ".join(audit_value(v) for v in value)
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return datefmt.format_date(dt.date.fromisoformat(value), lang)
            if len(value) > 10 and value[10] == "T":
                return datefmt.format_when(dt.datetime.fromisoformat(value), None, lang)
        except ValueError:
            pass
        if value in labels.EVENT_STATUSES:
            return labels.status_label(value, lang)
        if value in labels.EVENT_KINDS:
            return labels.kind_label(value, lang).lower()
        return value
    return str(value)


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(PACKAGE_DIR / "translations"))
    Babel(app, locale_selector=select_locale)

    @app.before_request
    def _language() -> None:
        if request.endpoint != "static" and request.endpoint not in SESSIONLESS_ENDPOINTS:
            refresh()  # Babel caches the locale on g, which outlives a request when an app context is reused
            g.lang = select_locale()

    from planner.reminders.leads import lead_label
    from planner.schedule.recurrence import describe_rule

    app.add_template_filter(when, "when")
    app.add_template_filter(audit_value, "audit_value")
    app.add_template_filter(lambda name: FIELD_LABELS.get(name, name), "field_label")
    app.add_template_filter(describe_rule, "describe_rule")
    app.add_template_filter(lambda d: datefmt.format_date(d, g.get("lang", "sv")), "sv_date")
    app.add_template_filter(datefmt.week_number, "weekno")
    app.add_template_filter(lambda t: datefmt.vague_date_text(t, g.get("lang", "sv")), "vague_date")
    app.add_template_filter(lambda t: datefmt.format_time(t, g.get("lang", "sv")) if t else "", "hm")
    app.add_template_filter(lambda t: _period_end(t, 0), "period_first")
    app.add_template_filter(lambda t: _period_end(t, 1), "period_last")
    app.add_template_filter(_iso_day, "iso_day")
    app.add_template_filter(lambda t: lead_label(t, g.get("lang", "sv")), "lead_label")
    app.add_template_filter(lambda s: labels.status_label(s, page_lang()), "status_label")
    app.add_template_filter(lambda k: labels.kind_label(k, page_lang()), "kind_label")
    app.add_template_filter(labels.capitalized, "capitalized")


def _period_end(date_text: str | None, which: int) -> str:
    """First or last day of a month- or week-only date, for a date field's min and max."""
    day = datefmt.date_range(date_text, None)[which] if date_text else None
    return day.isoformat() if day else ""


def _iso_day(value: dt.date | dt.datetime) -> str:
    """The Stockholm day of an instant (or the date itself), as a date field's value."""
    if isinstance(value, dt.datetime):
        return value.astimezone(datefmt.STOCKHOLM).date().isoformat()
    return value.isoformat()
