"""The plain data a wheel is drawn from: no database, no Flask, so rendering is a pure function."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """One mark on the wheel and one row in the list beside it."""

    key: str  # unique on the page, e.g. "e12" or "e12-20270205" for an occurrence of a series
    title: str
    kind: str  # meeting, deadline, period, holiday, chair_handover
    start: dt.date
    end: dt.date  # inclusive
    ring: str
    time: str | None = None  # "09.30–12.00" in Stockholm time
    status: str = "confirmed"
    location: str | None = None
    body: str | None = None
    source_url: str | None = None  # the minutes' evidence line
    source_label: str | None = None
    event_id: int | None = None

    @property
    def is_period(self) -> bool:
        return self.end > self.start

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"


@dataclass(frozen=True)
class Ring:
    key: str
    label: str
    color: str  # the dark ink: marks and text on white or the ring's tint
    tint: str  # the ring's light background


@dataclass(frozen=True)
class ChairSpan:
    """Who holds a body's chair over a stretch of the year."""

    ring: str  # "chair-<body id>", shared with the body's handover items
    body: str
    holder: str
    start: dt.date
    end: dt.date  # inclusive
    handover: bool  # whether `start` is a handover inside the year (marked on the wheel)


@dataclass(frozen=True)
class Holiday:
    day: dt.date
    name: str
    eve: bool = False  # julafton, midsommarafton: de-facto days off, drawn lighter


@dataclass
class WheelData:
    organization: str
    year: int
    first_month: int = 1
    body: str | None = None
    rings: list[Ring] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    chairs: list[ChairSpan] = field(default_factory=list)
    holidays: list[Holiday] = field(default_factory=list)
    today: dt.date | None = None
    grouping: str = "body"  # or "kind"
