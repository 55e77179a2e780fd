"""Labels on the wheel, measured from the pure geometry: no box overlaps another, every item is
either labelled or counted in its month's "+N" and named in the list on the same sheet, and no text
is smaller than 6 pt on A4 or 7 pt on A3."""

from __future__ import annotations

import datetime as dt
import random
import re
import xml.etree.ElementTree as ET

import pytest

from planner.wheel import palette
from planner.wheel.collect import public_holidays
from planner.wheel.geometry import year_span
from planner.wheel.layout import MIN_FONT, label_boxes, layout
from planner.wheel.model import ChairSpan, Item, Ring, WheelData
from planner.wheel.paper import pt_per_unit
from planner.wheel.svg import render

SVG = "{http://www.w3.org/2000/svg}"
TITLES = ("Möte: {b}", "Möte: {b}", "Synpunkter på budgetramarna", "Konferens: Digitalt först i Halmstad",
          "Workshop om vattenförsörjning", "Avtalet med leverantören löper ut", "Studiebesök i Göteborg",
          "Underlag verksamhetsplan till kansliet", "Möte med Trafikverket")


def year_of(n: int, seed: int = 12) -> WheelData:
    """n items over four bodies, like a busy cooperation's year: mostly meetings, some deadlines and periods."""
    rnd = random.Random(seed + n)
    bodies = ["Styrgruppen", "Ledningsgruppen", "Nätverket", "Kansliet"]
    rings = [Ring(f"r{i}", b, *palette.ring_colour(i)) for i, b in enumerate(bodies)]
    items = []
    for i in range(n):
        ring = rnd.randrange(4)
        day = dt.date(2027, 1, 1) + dt.timedelta(days=rnd.randrange(365))
        kind = rnd.choices(["meeting", "deadline", "period"], [70, 20, 10])[0]
        title = rnd.choice(TITLES).format(b=bodies[ring])
        if kind == "period":
            items.append(Item(f"p{i}", "Projekt: " + title, "period", day,
                              min(day + dt.timedelta(days=rnd.randrange(5, 60)), dt.date(2027, 12, 31)), f"r{ring}"))
        else:
            items.append(Item(f"e{i}", title, kind, day, day, f"r{ring}",
                              rnd.choice(["09.30–12.00", "13.00–15.30"]) if kind == "meeting" else None,
                              body=bodies[ring]))
    items += [Item("lov1", "Sportlov", "holiday", dt.date(2027, 2, 22), dt.date(2027, 2, 26), "holidays"),
              Item("lov2", "Sommarlov", "holiday", dt.date(2027, 6, 11), dt.date(2027, 8, 17), "holidays")]
    chairs = [ChairSpan("chair-1", "Styrgruppen", "Falkenberg", dt.date(2027, 1, 1), dt.date(2027, 12, 31), False)]
    return WheelData("Kustkommunerna", 2027, rings=rings, items=items, chairs=chairs,
                     holidays=public_holidays(year_span(2027)))


@pytest.mark.parametrize("n", [50, 150, 1000])
def test_no_label_box_overlaps_another_label_or_a_mark(n):
    lay = layout(year_of(n))
    boxes = label_boxes(lay)
    labels = [b for b in boxes if b.what == "label"]
    assert labels, "the wheel carries labels"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.what == "mark" and b.what == "mark":
                continue  # marks of the thin unlabelled lane may touch; they carry no text
            assert not a.overlaps(b), (a, b)
    for band in lay.bands:  # and every label stays inside its ring
        for box in (b for b in labels if b.key in {m.item.key for m in band.marks}):
            assert band.r_in <= box.r0 and box.r1 <= band.r_out
            assert 0 <= box.a0 and box.a1 <= 360


@pytest.mark.parametrize("n", [50, 150, 1000])
def test_every_item_is_labelled_or_counted_in_its_month(n):
    data = year_of(n)
    lay = layout(data)
    marks = [m for b in lay.bands for m in b.marks] + lay.holiday_marks
    assert len(marks) == n + 2
    unlabelled = [m for m in marks if not m.label]
    assert all(m.overflow for m in unlabelled) and sum(lay.overflow.values()) == len(unlabelled)
    for m in marks:
        if m.label:  # a label names the item, not just its date
            assert re.search(r"[A-Za-zÅÄÖåäö]{4}", m.label), m.label
    root = ET.fromstring(render(data))
    for month in root.iter(f"{SVG}g"):
        if month.get("class") == "month":
            more = int(month.get("data-overflow"))
            text = "".join(month.itertext())
            assert (f"+{more}" in text) == bool(more)
    if n == 50:
        assert len(unlabelled) <= n // 8, "a normal year is labelled on the wheel itself"
    if n <= 150:  # the list on the same sheet names every item the wheel could not label
        listed = {k for t in root.iter(f"{SVG}text") for k in (t.get("data-key") or "").split(",") if k}
        assert {m.item.key for m in unlabelled} <= listed


@pytest.mark.parametrize("n", [50, 150, 1000])
def test_no_text_is_under_6_pt_on_a4_or_7_pt_on_a3(n):
    root = ET.fromstring(render(year_of(n)))
    sizes = []
    for el in root.iter():
        if el.tag in (f"{SVG}text", f"{SVG}tspan", f"{SVG}textPath") and "".join(el.itertext()).strip():
            size = el.get("font-size")
            assert size is not None or el.tag != f"{SVG}text", ET.tostring(el)[:80]
            if size:
                sizes.append(float(size))
    smallest = min(sizes)
    assert smallest >= MIN_FONT
    for printed in (True, False):
        assert smallest * pt_per_unit("A4", printed) >= 6.0
        assert smallest * pt_per_unit("A3", printed) >= 7.0


def test_school_holidays_of_several_towns_are_each_named_once_and_never_under_another_bar():
    d = dt.date
    items = [Item("a", "Påsklov", "holiday", d(2027, 3, 29), d(2027, 4, 2), "holidays"),
             Item("b", "Påsklov", "holiday", d(2027, 3, 29), d(2027, 4, 2), "holidays"),  # another town, same days
             Item("c", "Sportlov", "holiday", d(2027, 2, 22), d(2027, 2, 26), "holidays"),
             Item("e", "Sportlov", "holiday", d(2027, 2, 22), d(2027, 2, 28), "holidays")]  # overlaps, differs
    data = WheelData("Kustkommunerna", 2027, rings=[Ring("r0", "Styrgruppen", *palette.ring_colour(0))], items=items)
    lay = layout(data)
    assert lay.overflow == {} and len(set(lay.lov_lanes)) == 2
    root = ET.fromstring(render(data))
    ring = next(g for g in root.iter(f"{SVG}g") if g.get("data-ring") == "holidays" and "ring" in g.get("class", ""))
    children = list(ring)
    names = next(i for i, el in enumerate(children) if el.get("class") == "lov-names")
    bars = [i for i, el in enumerate(children) if "kind-holiday" in (el.get("class") or "")]
    assert max(bars) < names, "a later bar would paint over a name"
    texts = ["".join(t.itertext()) for t in children[names].iter(f"{SVG}text")]
    assert sorted(texts) == ["Påsklov", "Sportlov", "Sportlov"]
