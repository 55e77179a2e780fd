"""The wheel's pure parts: angles, sectors, weeks, lanes, labels, colours, next year's dates, the SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.wheel import geometry as g
from planner.wheel import palette
from planner.wheel.collect import public_holidays
from planner.wheel.layout import layout
from planner.wheel.model import ChairSpan, Item, Ring, WheelData
from planner.wheel.nextyear import next_year_date, nth_weekday
from planner.wheel.svg import render

SVG = "{http://www.w3.org/2000/svg}"
d = dt.date


def test_year_starts_at_twelve_and_every_day_gets_the_same_share():
    span = g.year_span(2027)
    assert g.day_angle(span, d(2027, 1, 1)) == 0
    assert g.day_angle(span, d(2027, 7, 2)) == pytest.approx(182 * 360 / 365)
    assert g.day_angle(span, d(2028, 1, 1)) == 360


def test_leap_year_has_a_slice_for_29_february():
    leap, common = g.year_span(2028), g.year_span(2027)
    assert leap.days == 366 and common.days == 365
    assert g.day_angle(leap, d(2028, 3, 1)) - g.day_angle(leap, d(2028, 2, 29)) == pytest.approx(360 / 366)
    # 1 March sits one day further round in a leap year
    assert g.day_angle(leap, d(2028, 3, 1)) == pytest.approx(60 * 360 / 366)
    assert g.day_angle(common, d(2027, 3, 1)) == pytest.approx(59 * 360 / 365)


def test_academic_year_starts_in_august():
    span = g.year_span(2027, first_month=8)
    assert (span.start, span.end) == (d(2027, 8, 1), d(2028, 8, 1))
    assert span.days == 366  # it holds 29 February 2028
    assert span.label() == "2027/28"
    months = g.month_sectors(span)
    assert [m.index for m in months] == [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7]
    assert months[0].a0 == 0 and months[-1].a1 == pytest.approx(360)
    assert all(a.a1 == pytest.approx(b.a0) for a, b in zip(months, months[1:], strict=False))
    with pytest.raises(ValueError):
        g.year_span(2027, first_month=13)


def test_months_have_swedish_names_and_sizes_by_their_days():
    months = g.month_sectors(g.year_span(2027))
    assert months[0].name == "januari" and months[4].name == "maj"
    feb, mar = months[1], months[2]
    assert (feb.a1 - feb.a0) / (mar.a1 - mar.a0) == pytest.approx(28 / 31)


def test_iso_week_numbers_on_the_rim():
    weeks_2026 = [t.week for t in g.week_ticks(g.year_span(2026)) if t.week]
    assert weeks_2026 == list(range(1, 54))  # 2026 has an ISO week 53
    ticks_2027 = g.week_ticks(g.year_span(2027))
    # 1-3 January 2027 are week 53 of 2026; the first Monday of 2027 begins week 1
    assert ticks_2027[0].week == 53 and ticks_2027[1].week == 1
    assert ticks_2027[1].monday == d(2027, 1, 4)
    assert ticks_2027[1].angle == pytest.approx(g.day_angle(g.year_span(2027), d(2027, 1, 4)))
    assert [t.week for t in ticks_2027 if t.week][1:] == list(range(1, 53))


intervals = st.lists(
    st.tuples(st.floats(0, 359, allow_nan=False), st.floats(0.1, 60, allow_nan=False))
    .map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(intervals)
def test_lanes_never_hold_overlapping_items_and_use_no_more_lanes_than_needed(boxes):
    lanes = g.assign_lanes(boxes)
    for i, (a0, a1) in enumerate(boxes):
        for j, (b0, b1) in enumerate(boxes):
            if i < j and lanes[i] == lanes[j]:
                assert a1 <= b0 or b1 <= a0, "two overlapping items share a lane"
    deepest = max((sum(1 for a0, a1 in boxes if a0 <= x < a1) for x, _ in boxes), default=0)
    assert g.lane_count(lanes) == deepest


def test_labels_are_shortened_to_fit_and_kept_upright():
    assert g.fit_text("Kort", 10, 100) == "Kort"
    assert g.fit_text("Synpunkter på kompetensförsörjningsplanen", 10, 60) == "Synpunkte…"
    assert g.fit_text("Synpunkter på kompetensförsörjningsplanen", 10, 85) == "Synpunkter på…"
    assert g.fit_text("Synpunkter", 10, 5) == ""
    assert g.radial_text_transform(500, 500, 300, 90)[1] == "end"  # right half: reads outward
    assert g.radial_text_transform(500, 500, 300, 270)[1] == "start"  # left half: turned, reads inward
    assert g.tangential_rotation(180) == 0 and g.tangential_rotation(30) == 30


def test_a_label_too_long_for_its_lane_keeps_whole_words_and_always_names_the_item():
    from planner.wheel.text import mark_labels

    deadline = Item("d", "Underlag verksamhetsplan till kansliet", "deadline", d(2027, 1, 29), d(2027, 1, 29), "a")
    assert mark_labels(deadline) == [
        "29/1 Underlag verksamhetsplan till kansliet", "29/1 Underlag verksamhetsplan till…",
        "29/1 Underlag verksamhetsplan…", "29/1 Underlag…"]
    meeting = Item("m", "Möte: Styrgruppen", "meeting", d(2027, 2, 5), d(2027, 2, 5), "a", "09.30–12.00",
                   body="Styrgruppen")
    on_the_hour = Item("m", "Möte: Styrgruppen", "meeting", d(2027, 2, 12), d(2027, 2, 12), "a", "13.00–15.30")
    # an ordinary meeting is named by its body and keeps its time (the issue: marks said only "5/2")
    assert mark_labels(meeting) == ["5/2 9.30 Styrgruppen", "5/2 Styrgruppen"]
    assert mark_labels(on_the_hour)[0] == "12/2 13 Styrgruppen"
    conference = Item("c", "Konferens: Digitalt först", "meeting", d(2027, 11, 17), d(2027, 11, 17), "a",
                      "13.00–16.30")
    assert mark_labels(conference)[0] == "17/11 13 Konferens: Digitalt först"


def test_palette_meets_wcag_aa_on_white_and_on_its_own_tint():
    for ink, tint in palette.RING_COLOURS:
        assert palette.contrast(ink, "#ffffff") >= 4.5, ink
        assert palette.contrast(ink, tint) >= 4.5, (ink, tint)
        assert palette.contrast(palette.INK, tint) >= 7, tint
    assert palette.contrast(palette.HOLIDAY, "#ffffff") >= 4.5
    assert palette.contrast(palette.MUTED, "#ffffff") >= 4.5
    assert palette.contrast(palette.INK, palette.LOV_TINT) >= 7


def test_first_friday_of_march_stays_the_first_friday():
    assert d(2027, 3, 5).weekday() == 4
    assert next_year_date(d(2027, 3, 5), "meeting") == d(2028, 3, 3)
    assert next_year_date(d(2027, 10, 22), "meeting") == d(2028, 10, 27)  # fourth Friday
    # a meeting in the fifth week stays on the last such weekday
    assert next_year_date(d(2027, 4, 30), "meeting") == d(2028, 4, 28)
    assert nth_weekday(2028, 2, 0, 5) == d(2028, 2, 28)


def test_deadline_keeps_its_day_but_not_on_a_weekend():
    assert next_year_date(d(2026, 11, 13), "deadline") == d(2027, 11, 12)  # 13 Nov 2027 is a Saturday
    assert next_year_date(d(2027, 1, 29), "deadline") == d(2028, 1, 28)  # Saturday 29 Jan 2028 → Friday
    assert next_year_date(d(2028, 2, 29), "deadline") == d(2029, 2, 28)


def test_public_holidays_are_the_swedish_red_days_and_eves():
    days = {h.day: h for h in public_holidays(g.year_span(2027))}
    assert days[d(2027, 3, 26)].name == "Långfredagen"
    assert days[d(2027, 6, 6)].name == "Nationaldagen"
    assert days[d(2027, 6, 25)].eve and days[d(2027, 12, 24)].name == "Julafton"
    assert d(2028, 1, 1) not in days


def _data(items: list[Item], **kw) -> WheelData:
    rings = [Ring("a", "Styrgruppen", *palette.ring_colour(0)), Ring("b", "Nätverket", *palette.ring_colour(1))]
    return WheelData("Kustkommunerna", 2027, rings=rings, items=items, **kw)


def test_svg_draws_every_item_with_a_title_and_escapes_text():
    items = [
        Item("e1", "<script>alert(1)</script> & möte", "meeting", d(2027, 2, 5), d(2027, 2, 5), "a", "09.30–12.00"),
        Item("e2", "Inställt möte", "meeting", d(2027, 2, 6), d(2027, 2, 6), "a", status="cancelled"),
        Item("e3", "Projektfas", "period", d(2027, 3, 1), d(2027, 5, 31), "b"),
        Item("e4", "Deadline\x00 med kontrolltecken", "deadline", d(2027, 9, 30), d(2027, 9, 30), "b"),
        Item("e5", "Sportlov", "holiday", d(2027, 2, 22), d(2027, 2, 26), "holidays"),
        Item("e6", "Ordförandeskapet går till Halmstad", "chair_handover", d(2027, 7, 1), d(2027, 7, 1), "chair-1"),
    ]
    chairs = [ChairSpan("chair-1", "Styrgruppen", "Falkenberg", d(2027, 1, 1), d(2027, 6, 30), False),
              ChairSpan("chair-1", "Styrgruppen", "Halmstad", d(2027, 7, 1), d(2027, 12, 31), True)]
    svg = render(_data(items, chairs=chairs, holidays=public_holidays(g.year_span(2027)), today=d(2027, 4, 14)))
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # well-formed XML, so cairo and browsers read it alike
    marks = [el for el in root.iter(f"{SVG}g") if "item" in el.get("class", "").split()]
    keys = {el.get("data-key") for el in marks}
    assert {"e1", "e2", "e3", "e4", "e5", "e6"} <= keys
    assert all(el.find(f"{SVG}title") is not None and el.find(f"{SVG}title").text for el in marks)
    first = next(el for el in marks if el.get("data-key") == "e1")
    assert first.find(f"{SVG}title").text.startswith("<script>alert(1)</script> & möte")
    cancelled = next(el for el in marks if el.get("data-key") == "e2")
    assert "status-cancelled" in cancelled.get("class") and cancelled.find(f"{SVG}path[@class='strike']") is not None
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}textPath"))
    assert "Januari" in texts and "Halmstad" in texts and "Projektfas" in texts
    assert root.find(f".//{SVG}g[@class='today']") is not None


def test_overlapping_items_get_separate_lanes_and_labels_never_collide():
    """Two meetings every other day from 10 May: each label runs along the arc beside its mark, so a ring adds
    lanes until no label overlaps another (tests/test_wheel_labels.py measures the boxes); here every item
    keeps its label, date and time first, in a lane of its own under the period's."""
    day = d(2027, 5, 10)
    items = [Item(f"e{i}", f"Möte {i}", "meeting", day + dt.timedelta(days=2 * (i // 2)),
                  day + dt.timedelta(days=2 * (i // 2)), "a", "10.00") for i in range(12)]
    items.append(Item("p", "Period", "period", day, day + dt.timedelta(days=20), "a"))
    lay = layout(_data(items))
    band = lay.bands[0]
    assert lay.labelled and band.lanes == 13
    lanes = {m.item.key: (m.lane, m.label) for m in band.marks}
    assert lanes == {"p": (0, "Period"),
                     **{f"e{i}": (i + 1, f"{10 + 2 * (i // 2)}/5 10 {i}") for i in range(12)}}
    assert band.r_out > band.r_in > lay.r_centre


def test_a_crowded_year_still_draws_every_item_inside_the_wheel():
    items = [Item(f"e{i}", f"Möte {i}", "meeting", d(2027, 1, 1) + dt.timedelta(days=i % 365),
                  d(2027, 1, 1) + dt.timedelta(days=i % 365), "a" if i % 2 else "b", "10.00") for i in range(1000)]
    items += [Item(f"p{i}", f"Period {i}", "period", d(2027, 1, 1) + dt.timedelta(days=(i * 37) % 330),
                   d(2027, 1, 1) + dt.timedelta(days=(i * 37) % 330 + 30), "a" if i % 2 else "b") for i in range(40)]
    lay = layout(_data(items))
    assert sum(len(b.marks) for b in lay.bands) == 1040
    assert not lay.labelled
    for band in lay.bands:  # even folded, no period bar lies on another
        periods = [m for m in band.marks if m.item.is_period]
        for m in periods:
            for n in periods:
                if m is not n and m.lane == n.lane:
                    assert m.a1 <= n.a0 or n.a1 <= m.a0
    assert all(b.r_in >= lay.r_centre - 1 for b in lay.bands)
    assert len(ET.fromstring(render(_data(items))).findall(f".//{SVG}g[@data-key]")) == 1040


def test_the_details_name_a_kind_once():
    from planner.wheel.listing import heading

    assert heading("Lov", "Lov") == "Lov"  # the issue: the details box said "LOV · LOV"
    assert heading("Möte", "Möten") == "Möte" and heading("Deadline", "Deadlines") == "Deadline"
    assert heading("Möte", "Styrgruppen") == "Möte · Styrgruppen"
