"""The VTIMEZONE for Europe/Stockholm, written by hand with RRULEs.

Outlook reads only RRULE-based rules, and ical.js reads the RDATE lists that icalendar's
add_missing_timezones() writes an hour wrong in summer time. The EU rule (last Sunday of
March 02:00 → +02:00, last Sunday of October 03:00 → +01:00) has held in Sweden since 1996.
"""

from __future__ import annotations

TZID = "Europe/Stockholm"

VTIMEZONE_LINES = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
