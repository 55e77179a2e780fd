"""Where every ring, lane and mark goes: pure arithmetic on the plain wheel data.

Rings share the radius between the holiday ring and the centre in proportion to the lanes
they need; a ring with few items stays slim and the centre grows instead. Lanes are assigned
from the angular room a mark AND its label need, so labels do not collide; when a year is so
full that labelled lanes would be too thin, lanes are assigned from the marks alone and a
label is drawn only where it has room (every item is still in its tooltip and the list).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.wheel import geometry as g
from planner.wheel.model import ChairSpan, Item, Ring, WheelData
from planner.wheel.text import mark_labels

CX, CY = 500.0, 500.0
WIDTH, HEIGHT = 1414, 1000  # the proportions of A4/A3 landscape
R_OUT = 490.0
WEEK_IN = 470.0
MONTH_IN = 432.0
HOLIDAY_OUT, HOLIDAY_IN = 430.0, 404.0
ITEMS_OUT = 398.0
MIN_CENTRE = 96.0
CHAIR_H = 26.0
GAP = 3.0
LANE_MAX = 84.0
LANE_MIN_LABELLED = 34.0
LANE_MIN = 12.0
PERIOD_LANE = 24.0  # a period's bar and its label along the arc need less than a mark's radial label
PERIOD_MIN = 5.0
MARK_R = 5.5
LABEL_SIZE = 11.0
LABEL_HALF = 7.5  # half the height of a radial label, in px across the spoke


@dataclass
class Mark:
    item: Item
    lane: int
    a0: float
    a1: float  # equal to a0 for a one-day mark (its centre angle)
    label: str = ""


@dataclass
class Band:
    ring: Ring
    r_in: float = 0.0
    r_out: float = 0.0
    edges: list[tuple[float, float]] = field(default_factory=list)  # (r_in, r_out) per lane, outermost first
    marks: list[Mark] = field(default_factory=list)

    @property
    def lanes(self) -> int:
        return len(self.edges)

    def lane_edges(self, lane: int) -> tuple[float, float]:
        return self.edges[lane]


@dataclass
class ChairBand:
    key: str
    body: str
    r_in: float
    r_out: float
    spans: list[ChairSpan]
    handovers: list[Mark]


@dataclass
class Layout:
    span: g.Span
    bands: list[Band]
    chairs: list[ChairBand]
    holiday_marks: list[Mark]
    r_centre: float
    labelled: bool


def _interval(span: g.Span, item: Item, radius: float, with_label: bool) -> tuple[float, float, float, float]:
    """(lane interval start, end, drawn a0, drawn a1) in degrees."""
    if item.is_period:
        a0, a1 = g.period_angles(span, item.start, item.end)
        pad = g.angular_size(2.0, radius)
        return a0 - pad, a1 + pad, a0, a1
    a = g.mid_day_angle(span, item.start)
    half = g.angular_size((LABEL_HALF if with_label else MARK_R) + 1.5, radius)
    return a - half, a + half, a, a


def _assign(span: g.Span, items: list[Item], radius: float, with_label: bool) -> tuple[list[Mark], int]:
    boxes = [_interval(span, item, radius, with_label) for item in items]
    lanes = g.assign_lanes([(b[0], b[1]) for b in boxes])
    marks = [Mark(item, lane, b[2], b[3]) for item, lane, b in zip(items, lanes, boxes, strict=True)]
    return marks, g.lane_count(lanes)


def _point_lanes(assigned: dict[str, tuple[list[Mark], int, int]]) -> int:
    """Lanes of marks over all rings; an empty ring still gets one so it shows as a ring."""
    return sum(points if points else (0 if periods else 1) for _, periods, points in assigned.values()) or 1


def _assign_ring(span: g.Span, items: list[Item], radius: float, with_label: bool) -> tuple[list[Mark], int, int]:
    """Periods in slim lanes of their own on the outside, marks with radial labels inside: (marks, periods, points)."""
    periods, n_periods = _assign(span, [i for i in items if i.is_period], radius, with_label)
    points, n_points = _assign(span, [i for i in items if not i.is_period], radius, with_label)
    for mark in points:
        mark.lane += n_periods
    return periods + points, n_periods, n_points


def layout(data: WheelData) -> Layout:
    span = g.year_span(data.year, data.first_month)
    by_ring: dict[str, list[Item]] = {r.key: [] for r in data.rings}
    handovers: dict[str, list[Item]] = {}
    holidays: list[Item] = []
    for item in data.items:
        if item.ring == "holidays":
            holidays.append(item)
        elif item.ring.startswith("chair-"):
            handovers.setdefault(item.ring, []).append(item)
        elif item.ring in by_ring:
            by_ring[item.ring].append(item)
    chair_keys = list(dict.fromkeys([c.ring for c in data.chairs] + list(handovers)))
    room = ITEMS_OUT - MIN_CENTRE - len(chair_keys) * (CHAIR_H + GAP) - len(data.rings) * GAP
    estimate = (ITEMS_OUT + MIN_CENTRE + 60) / 2

    labelled = True
    assigned = {key: _assign_ring(span, items, estimate, True) for key, items in by_ring.items()}
    room_points = room - sum(periods for _, periods, _ in assigned.values()) * PERIOD_LANE
    total = _point_lanes(assigned)
    if room_points / total < LANE_MIN_LABELLED:
        labelled = False
        assigned = {key: _assign_ring(span, items, estimate, False) for key, items in by_ring.items()}
        room_points = room - sum(periods for _, periods, _ in assigned.values()) * PERIOD_LANE
        total = _point_lanes(assigned)
    period_h = PERIOD_LANE
    if room_points / total < LANE_MIN:
        # More overlap than can be drawn apart. Periods keep lanes of their own (thin, unlabelled
        # if need be) so no bar hides another; the marks fold into the lanes left, and may touch.
        periods_total = sum(periods for _, periods, _ in assigned.values())
        if periods_total:
            period_h = min(PERIOD_LANE, max(PERIOD_MIN, room * 0.4 / periods_total))
        room_points = room - periods_total * period_h
        cap = max(1, int(room_points / LANE_MIN / max(len(assigned), 1)))
        for key, (marks, periods, points) in assigned.items():
            for mark in marks:
                if mark.lane >= periods:
                    mark.lane = periods + (mark.lane - periods) % cap
            assigned[key] = (marks, periods, min(points, cap))
        total = _point_lanes(assigned)
    lane_h = min(LANE_MAX, room_points / total)

    bands = []
    r = ITEMS_OUT
    for ring in data.rings:
        marks, periods, points = assigned[ring.key]
        edges = []
        top = r
        for _ in range(periods):
            edges.append((top - period_h, top))
            top -= period_h
        for _ in range(max(points, 1) if (points or not periods) else 0):
            edges.append((top - lane_h, top))
            top -= lane_h
        band = Band(ring, top, r, edges, marks)
        _place_labels(band)
        bands.append(band)
        r = band.r_in - GAP
    chairs = []
    for key in chair_keys:
        spans = [c for c in data.chairs if c.ring == key]
        body = spans[0].body if spans else (handovers[key][0].body or "")
        marks = [Mark(i, 0, g.mid_day_angle(span, i.start), g.mid_day_angle(span, i.start))
                 for i in handovers.get(key, [])]
        chairs.append(ChairBand(key, body, r - CHAIR_H, r, spans, marks))
        r -= CHAIR_H + GAP
    holiday_marks = []
    for item in holidays:
        a0, a1 = g.period_angles(span, item.start, item.end)
        holiday_marks.append(Mark(item, 0, a0, a1))
    return Layout(span, bands, chairs, holiday_marks, max(r, MIN_CENTRE - 4), labelled)


def _place_labels(band: Band) -> None:
    """Give each mark the label that fits its lane and does not run into its neighbour's."""
    last_angle: dict[int, float] = {}
    for mark in sorted(band.marks, key=lambda m: (m.lane, m.a0)):
        r_in, r_out = band.lane_edges(mark.lane)
        if mark.item.is_period:
            length = (r_out - 4 - 8) * 3.14159 * (mark.a1 - mark.a0) / 180
            mark.label = g.fit_text(mark.item.title, LABEL_SIZE, length - 10)
            continue
        room = r_out - r_in - 2 * MARK_R - 9
        need = g.angular_size(2 * LABEL_HALF, max(r_in, 1))
        if mark.lane in last_angle and mark.a0 - last_angle[mark.lane] < need:
            continue
        mark.label = next((text for text in mark_labels(mark.item) if g.text_width(text, LABEL_SIZE) <= room), "")
        if mark.label:
            last_angle[mark.lane] = mark.a0
