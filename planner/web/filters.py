"""Template filters shared by every page: times are shown in Stockholm."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from planner.schedule.datefmt import STOCKHOLM


def localtime(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H.%M") -> str:
    if value is None:
        return ""
    return value.astimezone(STOCKHOLM).strftime(fmt)


def init_app(app: Flask) -> None:
    app.add_template_filter(localtime, "localtime")
