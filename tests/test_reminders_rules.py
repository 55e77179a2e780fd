"""The hard rules of reminders as pure functions: due times on DST days, series, moves and cancellations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.reminders.ics import IcsEvent, build_ics
from planner.reminders.leads import BadLead, digest_due, due_at, leads_for, parse_lead
from planner.reminders.occurrences import occurrences
from planner.reminders.planning import CANCEL_NOTICE, Existing, Recipient, reconcile, wanted
from planner.reminders.smtp import BadSmtpUrl, parse_smtp_url

STHLM = ZoneInfo("Europe/Stockholm")
UTC = dt.UTC


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STHLM)


@dataclass
class Ev:
    start_at: dt.datetime | None = None
    end_at: dt.datetime | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    all_day: bool = False
    rrule: str | None = None
    exdates: list[str] = field(default_factory=list)


def test_day_leads_land_at_eight_local_across_spring_dst() -> None:
    # Summer time starts Sunday 2027-03-28 at 02:00. A meeting Monday 29 March 09:30.
    meeting = local(2027, 3, 29, 9, 30)
    assert due_at(meeting, "P1D") == dt.datetime(2027, 3, 28, 6, 0, tzinfo=UTC)  # 08:00 CEST
    assert due_at(meeting, "P7D") == dt.datetime(2027, 3, 22, 7, 0, tzinfo=UTC)  # 08:00 CET
    assert due_at(meeting, "P0D") == dt.datetime(2027, 3, 29, 6, 0, tzinfo=UTC)


def test_day_leads_land_at_eight_local_across_autumn_dst() -> None:
    # Winter time starts Sunday 2026-10-25 at 03:00.
    meeting = local(2026, 10, 26, 13, 0)
    assert due_at(meeting, "P1D") == dt.datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # 08:00 CET
    assert due_at(meeting, "P2D") == dt.datetime(2026, 10, 24, 6, 0, tzinfo=UTC)  # 08:00 CEST


def test_exact_leads_are_real_spans_even_over_the_dst_night() -> None:
    meeting = local(2027, 3, 28, 9, 0)  # 07:00 UTC on the change day
    assert due_at(meeting, "PT12H") == dt.datetime(2027, 3, 27, 19, 0, tzinfo=UTC)


def test_all_day_deadline_reminders_use_the_local_date() -> None:
    deadline = dt.date(2026, 11, 13)
    assert due_at(deadline, "P3D") == dt.datetime(2026, 11, 10, 7, 0, tzinfo=UTC)
    assert due_at(deadline, "P0D") == dt.datetime(2026, 11, 13, 7, 0, tzinfo=UTC)
    assert due_at(deadline, "P1D", dt.time(7, 30)) == dt.datetime(2026, 11, 12, 6, 30, tzinfo=UTC)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)), st.integers(0, 60),
       st.times(), st.sampled_from([dt.time(8, 0), dt.time(7, 0), dt.time(17, 30)]))
def test_a_day_lead_is_always_that_local_time_that_many_days_before(day, days, start_time, at) -> None:
    start = dt.datetime.combine(day, start_time, STHLM)
    due = due_at(start, f"P{days}D", at).astimezone(STHLM)
    assert due.date() == start.astimezone(STHLM).date() - dt.timedelta(days=days)
    assert due.time() == at


def test_bad_lead_times_are_refused() -> None:
    for text in ("", "7 dagar", "P", "PT", "-P1D"):
        with pytest.raises(BadLead):
            parse_lead(text)
    assert parse_lead("p1w").days == 7


def test_subscriber_choice_beats_organization_beats_default() -> None:
    assert leads_for("meeting", None, None) == ["P7D", "P1D"]
    assert leads_for("deadline", None, None) == ["P3D", "P0D"]
    assert leads_for("meeting", None, {"meeting": ["P14D"]}) == ["P14D"]
    assert leads_for("meeting", {"meeting": []}, {"meeting": ["P14D"]}) == []
    assert leads_for("holiday", None, None) == []


def test_digest_is_monday_seven_local() -> None:
    monday, due = digest_due(dt.date(2026, 11, 22))  # a Sunday
    assert monday == dt.date(2026, 11, 23)
    assert due == dt.datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    assert digest_due(dt.date(2027, 3, 29))[1] == dt.datetime(2027, 3, 29, 5, 0, tzinfo=UTC)  # CEST


def test_weekly_series_keeps_its_wall_clock_time_over_dst_and_honours_exdates() -> None:
    ev = Ev(start_at=local(2027, 3, 15, 9, 30), end_at=local(2027, 3, 15, 11, 0), rrule="FREQ=WEEKLY;COUNT=4",
            exdates=["2027-03-22"])
    occs = occurrences(ev, dt.datetime(2027, 1, 1, tzinfo=UTC), dt.datetime(2028, 1, 1, tzinfo=UTC))
    assert [o.start.astimezone(STHLM).strftime("%m-%d %H:%M") for o in occs] == ["03-15 09:30", "03-29 09:30",
                                                                                 "04-05 09:30"]
    assert occs[1].key == "2027-03-29T07:30:00Z" and occs[0].key == "2027-03-15T08:30:00Z"
    overridden = occurrences(ev, dt.datetime(2027, 1, 1, tzinfo=UTC), dt.datetime(2028, 1, 1, tzinfo=UTC),
                             overridden=["2027-03-29T09:30:00+02:00"])
    assert [o.key for o in overridden] == ["2027-03-15T08:30:00Z", "2027-04-05T07:30:00Z"]


def test_only_occurrences_that_have_not_begun_are_planned() -> None:
    ev = Ev(start_date=dt.date(2026, 11, 13), end_date=dt.date(2026, 11, 13), all_day=True)
    during_the_day = local(2026, 11, 13, 12, 0)
    assert len(occurrences(ev, during_the_day, during_the_day + dt.timedelta(days=9))) == 1
    assert occurrences(ev, local(2026, 11, 14, 0, 1), local(2027, 1, 1)) == []


def _occ(start: dt.datetime):
    return occurrences(Ev(start_at=start), dt.datetime(2000, 1, 1, tzinfo=UTC), dt.datetime(2100, 1, 1, tzinfo=UTC))


ANNA = Recipient("anna@example.se", 1, ("P7D", "P1D"))
NOW = dt.datetime(2027, 1, 1, tzinfo=UTC)


def _existing(rows, status="pending"):
    return [Existing(i + 1, p.occurrence, p.recipient, p.lead, p.kind, status, p.due_at) for i, p in enumerate(rows)]


def test_moving_a_single_meeting_moves_its_pending_rows() -> None:
    before = wanted(_occ(local(2027, 3, 29, 9, 30)), [ANNA])
    after = wanted(_occ(local(2027, 4, 12, 13, 0)), [ANNA])
    plan = reconcile(_existing(before), after, NOW, single=True, cancelled=False)
    assert plan.inserts == [] and plan.cancels == []
    assert sorted((u.id, u.occurrence, u.due_at) for u in plan.updates) == [
        (1, "2027-04-12T11:00:00Z", dt.datetime(2027, 4, 5, 6, 0, tzinfo=UTC)),
        (2, "2027-04-12T11:00:00Z", dt.datetime(2027, 4, 11, 6, 0, tzinfo=UTC)),
    ]


def test_cancelling_cancels_pending_and_notifies_only_those_already_reminded() -> None:
    rows = wanted(_occ(local(2027, 3, 29, 9, 30)), [ANNA, Recipient("bo@example.se", 2, ("P1D",))])
    existing = _existing(rows)
    existing[0] = Existing(1, rows[0].occurrence, rows[0].recipient, "P7D", "reminder", "sent", rows[0].due_at, 1)
    plan = reconcile(existing, rows, dt.datetime(2027, 3, 25, tzinfo=UTC), single=True, cancelled=True)
    assert sorted(plan.cancels) == [2, 3]
    assert [(p.recipient, p.kind, p.subscriber_id) for p in plan.inserts] == [("anna@example.se", CANCEL_NOTICE, 1)]
    # Once the meeting has begun a notice is pointless.
    late = reconcile(existing, rows, dt.datetime(2027, 3, 29, 8, tzinfo=UTC), single=True, cancelled=True)
    assert late.inserts == []


def test_rows_already_due_when_planned_are_not_created() -> None:
    rows = wanted(_occ(local(2027, 3, 29, 9, 30)), [ANNA])
    plan = reconcile([], rows, dt.datetime(2027, 3, 25, tzinfo=UTC), single=True, cancelled=False)
    assert [p.lead for p in plan.inserts] == ["P1D"]


def test_unchanged_event_plans_nothing_and_a_gone_subscriber_is_cancelled() -> None:
    rows = wanted(_occ(local(2027, 3, 29, 9, 30)), [ANNA])
    assert reconcile(_existing(rows), rows, NOW, single=True, cancelled=False).empty
    gone = reconcile(_existing(rows), [], NOW, single=True, cancelled=False)
    assert sorted(gone.cancels) == [1, 2] and gone.inserts == []


def test_ics_is_a_publish_of_one_event_without_calendar_name() -> None:
    import icalendar

    data = build_ics(IcsEvent(uid="abc@planner", summary="Möte, styrgrupp; budget", start=local(2027, 3, 29, 9, 30),
                              end=local(2027, 3, 29, 12, 0), location="Stadshuset, Varberg",
                              description="x" * 200), dt.datetime(2027, 1, 1, tzinfo=UTC))
    assert b"X-WR-CALNAME" not in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(data)
    assert cal["METHOD"] == "PUBLISH"
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == "abc@planner"
    assert str(event["SUMMARY"]) == "Möte, styrgrupp; budget"
    assert event.decoded("DTSTART") == dt.datetime(2027, 3, 29, 7, 30, tzinfo=UTC)
    allday = icalendar.Calendar.from_ical(build_ics(IcsEvent("d@planner", "Sista dag", dt.date(2026, 11, 13), None),
                                                    NOW))
    assert allday.walk("VEVENT")[0].decoded("DTEND") == dt.date(2026, 11, 14)


def test_smtp_urls() -> None:
    s = parse_smtp_url("smtp://user%40x:p%40ss@mail.example.se:587")
    assert (s.host, s.port, s.starttls, s.tls, s.username, s.password) == ("mail.example.se", 587, True, False,
                                                                          "user@x", "p@ss")
    assert parse_smtp_url("smtps://mail.example.se").port == 465
    assert parse_smtp_url("smtp://127.0.0.1:8025").starttls is False
    assert parse_smtp_url("smtp://h:2525?starttls=1").starttls is True
    for bad in ("http://x", "smtp://", "mail.example.se"):
        with pytest.raises(BadSmtpUrl):
            parse_smtp_url(bad)
