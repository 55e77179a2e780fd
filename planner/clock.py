"""What time it is, and what day it is in Stockholm.

The server may run in UTC; a Swedish calendar's "today" is the Stockholm wall-clock date, which
is already tomorrow from 23:00 (winter) or 22:00 (summer) UTC. Every "today" goes through here.
The app's clock is the `CLOCK` setting (a callable giving an aware UTC instant), so a test can
run the pages at a chosen instant without patching anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def utcnow() -> dt.datetime:
    """The real instant, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def now() -> dt.datetime:
    """The app's instant: its `CLOCK` inside an app context, the real one outside."""
    from flask import current_app, has_app_context  # here, so pure modules importing STOCKHOLM stay Flask-free

    clock: Callable[[], dt.datetime] = current_app.config["CLOCK"] if has_app_context() else utcnow
    value = clock()
    if value.tzinfo is None:
        raise ValueError("CLOCK must return an aware datetime")
    return value.astimezone(dt.UTC)


def local_date(instant: dt.datetime, tz: ZoneInfo = STOCKHOLM) -> dt.date:
    """The wall-clock date of an aware instant in `tz`."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: say which zone it is in")
    return instant.astimezone(tz).date()


def today_local(instant: dt.datetime | None = None) -> dt.date:
    """Today in Stockholm, at `instant` or at the app's now."""
    return local_date(instant if instant is not None else now())
