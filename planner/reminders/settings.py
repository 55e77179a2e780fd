"""Reminder settings per organization, from the app config (no schema change needed).

    REMINDER_LEADS = {"meeting": ["P7D", "P1D"], "deadline": ["P3D", "P0D"], "chair_handover": ["P14D", "P1D"]}
    REMINDER_TIME = "08:00"
    REMINDER_ORGANIZATIONS = {"kustkommunerna": {"leads": {"meeting": ["P14D", "P1D"]}, "time": "07:30"}}

An organization is looked up by slug or name; what it leaves out falls back to the global values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import current_app

from planner.reminders.leads import DEFAULT_LEADS, DEFAULT_TIME_OF_DAY


@dataclass(frozen=True)
class OrgSettings:
    leads: dict[str, list[str]]
    time_of_day: dt.time


def parse_time(text: str | dt.time | None, default: dt.time = DEFAULT_TIME_OF_DAY) -> dt.time:
    if text is None:
        return default
    if isinstance(text, dt.time):
        return text
    return dt.time.fromisoformat(str(text).replace(".", ":"))


def org_settings(organization: Any | None) -> OrgSettings:
    config = current_app.config
    leads = dict(DEFAULT_LEADS)
    leads.update(config.get("REMINDER_LEADS") or {})
    time_of_day = parse_time(config.get("REMINDER_TIME"))
    overrides = config.get("REMINDER_ORGANIZATIONS") or {}
    if organization is not None:
        own = overrides.get(organization.slug) or overrides.get(organization.name) or {}
        leads.update(own.get("leads") or {})
        time_of_day = parse_time(own.get("time"), time_of_day)
    return OrgSettings(leads, time_of_day)


def horizon() -> dt.timedelta:
    return dt.timedelta(days=float(current_app.config.get("REMINDER_HORIZON_DAYS", 400)))
