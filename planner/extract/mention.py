"""A date as the text writes it, before its year is inferred: what the date grammar (dates.py) and the row readers
(dotted_rows.py) return."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class DateMention:
    start: int
    end: int
    precision: str  # "day", "month" or "week"
    month: int = 0
    day: int = 0
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    week: int = 0
    end_week: int | None = None
    weekday: int | None = None
    month_meeting: bool = False
    year_at_end: bool = False  # "17:e augusti t.o.m den 31:a december 2022": the year was written after the end
    since: bool = False  # "sedan april": a month already begun, not a coming one

    @property
    def explicit_year(self) -> bool:
        return self.year is not None


def valid_day(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
