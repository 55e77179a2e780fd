"""Where every ring, lane, mark and label goes: pure arithmetic on the plain wheel data.

Each one-day mark carries its label along the arc beside it, in the same lane. Marks are placed
ring by ring from the outside in; a mark goes into the first lane of its ring where its mark and
label box are free, and a ring grows a lane inward when none is, so labels never overlap (boxes are
annular sectors, `label_boxes`). When the full labels would need more lanes than the wheel has,
labels are shortened at word boundaries (tiers of widths); when even that is too much, each ring
gets the lanes it can have and what is left is drawn unlabelled in a thin lane of its own and
counted per month ("+N"), so the legend's list on the same sheet and the list beside the wheel
name it. Periods are bars in lanes of their own with their title along the bar.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from functools import lru_cache

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
MIN_CENTRE = 72.0
CHAIR_H = 22.0
GAP = 3.0
MIN_FONT = 11.5  # the smallest text anywhere on the sheet: ≥ 6 pt on A4, ≥ 8 pt on A3 (see paper.py)
LABEL_SIZE = 11.5
MARK_R = 5.5
LANE_H = 17.0  # a mark and its label along the arc
LANE_H_MAX = 30.0  # a sparse wheel gets airier lanes rather than a huge centre
LABEL_HALF = 0.6 * LABEL_SIZE  # half the radial height of a label's box
PERIOD_LANE = 18.0
PERIOD_MIN = 5.0
OVERFLOW_H = 12.0  # the thin lane of marks that could not carry a label
TIERS = (None, 170.0, 120.0, 80.0)  # widest label allowed, tried in turn until the lanes fit


@dataclass
class Mark:
    item: Item
    lane: int
    a0: float
    a1: float  # equal to a0 for a one-day mark (its centre angle)
    label: str = ""
    label_a0: float = 0.0  # the label's box along the arc (degrees), for one-day marks
    label_a1: float = 0.0
    overflow: bool = False  # drawn without a label; counted in its month's "+N"


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
    labelled: bool  # every item carries its label on the wheel
    overflow: dict[int, int] = field(default_factory=dict)  # month (1..12) → items without a label
    holiday_in: float = HOLIDAY_IN  # the holiday ring grows inward with overlapping school holidays
    lov_lanes: list[int] = field(default_factory=list)  # lane of each holiday mark, in holiday_marks order

    @property
    def unlabelled(self) -> list[Item]:
        items = [m.item for b in self.bands for m in b.marks if m.overflow]
        items += [m.item for m in self.holiday_marks if m.overflow]
        return sorted(items, key=lambda i: (i.start, i.time or "", i.title))


@dataclass(frozen=True)
class Box:
    """An annular sector a label or a mark covers: what the overlap test measures."""

    key: str
    r0: float
    r1: float
    a0: float
    a1: float
    what: str  # "label" or "mark"

    def overlaps(self, other: Box) -> bool:
        return self.r0 < other.r1 and other.r0 < self.r1 and self.a0 < other.a1 and other.a0 < self.a1


def deg(length: float, radius: float) -> float:
    return math.degrees(length / max(radius, 1.0))


class _Lane:
    """Disjoint angular intervals in one lane, kept sorted for O(log n) tests."""

    def __init__(self, radius: float) -> None:
        self.radius = radius
        self.starts: list[float] = []
        self.ends: list[float] = []

    def free(self, lo: float, hi: float) -> bool:
        i = bisect.bisect_left(self.starts, lo)
        if i > 0 and self.ends[i - 1] > lo:
            return False
        return not (i < len(self.starts) and self.starts[i] < hi)

    def take(self, lo: float, hi: float) -> None:
        i = bisect.bisect_left(self.starts, lo)
        self.starts.insert(i, lo)
        self.ends.insert(i, hi)


def label_box(angle: float, radius: float, width: float) -> tuple[float, float]:
    """Where a label of `width` goes beside a mark at `angle`: clockwise, unless that runs past the
    end of the year, then anticlockwise."""
    near, far = deg(MARK_R + 3, radius), deg(MARK_R + 3 + width, radius)
    if angle + far <= 360:
        return angle + near, angle + far
    return angle - far, angle - near


def _reach(angle: float, radius: float, width: float) -> tuple[float, float]:
    """The angular interval a mark and its label occupy in a lane, with a little air."""
    half = deg(MARK_R + 2, radius)
    lo, hi = angle - half, angle + half
    if width:
        b0, b1 = label_box(angle, radius, width)
        lo, hi = min(lo, b0), max(hi, b1)
    pad = deg(3, radius)
    return lo - pad, hi + pad


@lru_cache(maxsize=4096)
def _measured(item: Item) -> list[tuple[str, float]]:
    return [(text, g.text_width(text, LABEL_SIZE)) for text in mark_labels(item)]


def _texts(item: Item, tier: float | None) -> list[tuple[str, float]]:
    """The item's labels no wider than the tier (at least its shortest one), longest first."""
    every = _measured(item)
    out = [(text, width) for text, width in every if tier is None or width <= tier]
    return out or [min(every, key=lambda tw: tw[1])]


def _fit(lanes: list[_Lane], item: Item, a: float, text: str, width: float, only: int | None = None) -> Mark | None:
    """The item in the first lane (or lane `only`) where its mark and label are free, or None."""
    for index in ([only] if only is not None else range(len(lanes))):
        lane = lanes[index]
        lo, hi = _reach(a, lane.radius, width)
        if lane.free(lo, hi):
            lane.take(lo, hi)
            b0, b1 = label_box(a, lane.radius, width)
            return Mark(item, index, a, a, text, b0, b1)
    return None


def _place_points(span: g.Span, items: list[Item], r_top: float, lane_h: float, tier: float | None,
                  cap: int | None) -> tuple[list[Mark], int]:
    """One ring's one-day marks in lanes below `r_top`: (marks, lanes used). With a cap, marks that
    find no room are returned as overflow."""
    lanes: list[_Lane] = []
    marks = []
    for item in sorted(items, key=lambda i: (i.start, i.time or "", i.key)):
        a = g.mid_day_angle(span, item.start)
        texts = _texts(item, tier)
        placed = None
        if texts:
            text, width = texts[0]
            placed = _fit(lanes, item, a, text, width)
            limit = cap if cap is not None else max(1, int((r_top - MIN_CENTRE) / lane_h))  # none below the centre
            if placed is None and len(lanes) < limit:
                lanes.append(_Lane(r_top - (len(lanes) + 0.5) * lane_h))
                placed = _fit(lanes, item, a, text, width, only=len(lanes) - 1)
            for text, width in (texts[1:] if cap is None else texts[-1:] if len(texts) > 1 else []):
                if placed is not None:
                    break
                placed = _fit(lanes, item, a, text, width)
        if placed is None:
            placed = Mark(item, -1, a, a, "", a, a, overflow=True)
        marks.append(placed)
    return marks, len(lanes)


def _assign_periods(span: g.Span, items: list[Item], radius: float) -> tuple[list[Mark], int]:
    boxes = []
    for item in items:
        a0, a1 = g.period_angles(span, item.start, item.end)
        pad = deg(2.0, radius)
        boxes.append((a0 - pad, a1 + pad, a0, a1))
    lanes = g.assign_lanes([(b[0], b[1]) for b in boxes])
    marks = [Mark(item, lane, b[2], b[3]) for item, lane, b in zip(items, lanes, boxes, strict=True)]
    return marks, g.lane_count(lanes)


@dataclass
class _Ring:
    ring: Ring
    periods: list[Mark]
    n_periods: int
    points: list[Item]


def _try(span: g.Span, rings: list[_Ring], r_top: float, period_h: float, lane_h: float, tier: float | None,
         caps: dict[str, int] | None) -> tuple[list[Band], float]:
    """Bands from the outside in for one choice of lane height, label tier and caps; returns the
    bands and the radius left inside them."""
    bands = []
    r = r_top
    for spec in rings:
        edges = []
        top = r
        for _ in range(spec.n_periods):
            edges.append((top - period_h, top))
            top -= period_h
        cap = caps.get(spec.ring.key) if caps is not None else None
        points, n_lanes = _place_points(span, spec.points, top, lane_h, tier, cap)
        base = len(edges)
        for _ in range(n_lanes):
            edges.append((top - lane_h, top))
            top -= lane_h
        overflow = [m for m in points if m.overflow]
        if overflow:
            edges.append((top - OVERFLOW_H, top))
            top -= OVERFLOW_H
        for m in points:
            m.lane = len(edges) - 1 if m.overflow else m.lane + base
        if not edges:  # an empty ring still shows as a ring
            edges.append((top - LANE_H, top))
            top -= LANE_H
        bands.append(Band(spec.ring, top, r, edges, spec.periods + points))
        r = top - GAP
    return bands, r


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
    holiday_marks = [Mark(item, 0, *g.period_angles(span, item.start, item.end)) for item in holidays]
    lov_lanes = _lov_lanes(holiday_marks)
    extra = max(g.lane_count(lov_lanes) - 1, 0) * LOV_LANE
    holiday_in, items_out = HOLIDAY_IN - extra, ITEMS_OUT - extra
    inner = MIN_CENTRE + len(chair_keys) * (CHAIR_H + GAP)
    estimate = (items_out + MIN_CENTRE + 60) / 2
    rings = []
    for ring in data.rings:
        periods, n_periods = _assign_periods(span, [i for i in by_ring[ring.key] if i.is_period], estimate)
        rings.append(_Ring(ring, periods, n_periods, [i for i in by_ring[ring.key] if not i.is_period]))
    periods_total = sum(r.n_periods for r in rings)
    room = items_out - inner - len(rings) * GAP
    period_h = PERIOD_LANE
    if periods_total * PERIOD_LANE > room * 0.4:
        period_h = max(PERIOD_MIN, room * 0.4 / periods_total)

    bands: list[Band] | None = None
    demand: list[Band] | None = None
    for tier in TIERS:
        trial, r_left = _try(span, rings, items_out, period_h, LANE_H, tier, None)
        demand = trial
        stuck = sum(m.overflow for b in trial for m in b.marks)
        if r_left < inner - 1.5 * room or stuck > len(data.items) / 4:  # shorter labels will not save this year
            break
        if r_left >= inner:
            bands = trial
            lanes = sum(1 for b in trial for lo, hi in b.edges if hi - lo == LANE_H)
            if lanes and r_left - inner > 10:  # room to spare: taller lanes, then the centre grows
                stretch = min(LANE_H_MAX, LANE_H + (r_left - inner) / lanes)
                airy, r_airy = _try(span, rings, items_out, period_h, stretch, tier, None)
                if r_airy >= inner and sum(b.lanes for b in airy) == sum(b.lanes for b in trial):
                    bands = airy
            break
    if bands is None:
        # Too full for every label: each ring gets point lanes in proportion to what it asked for.
        if demand is None:
            demand, _ = _try(span, rings, items_out, period_h, LANE_H, TIERS[-1], None)
        wants = {b.ring.key: sum(1 for lo, hi in b.edges if hi - lo == LANE_H) for b in demand}
        free = room - periods_total * period_h - sum(OVERFLOW_H for spec in rings if spec.points)
        total_lanes = max(len(rings), int(free // LANE_H))
        asked = sum(wants.values()) or 1
        caps = {k: max(1 if any(s.points for s in rings if s.ring.key == k) else 0, int(total_lanes * v / asked))
                for k, v in wants.items()}
        bands, r_left = _try(span, rings, items_out, period_h, LANE_H, TIERS[-1], caps)
        for _ in range(4):  # lanes left over go to the rings with the most unlabelled marks
            if r_left - inner < LANE_H or sum(m.overflow for b in bands for m in b.marks) > 200:
                break
            needy = max(bands, key=lambda b: sum(m.overflow for m in b.marks))
            if not any(m.overflow for m in needy.marks):
                break
            caps[needy.ring.key] += 1
            more, r_more = _try(span, rings, items_out, period_h, LANE_H, TIERS[-1], caps)
            if r_more < inner:
                break
            bands, r_left = more, r_more
    for band in bands:
        _label_periods(band)

    r = bands[-1].r_in - GAP if bands else items_out
    chairs = []
    for key in chair_keys:
        spans = [c for c in data.chairs if c.ring == key]
        body = spans[0].body if spans else (handovers[key][0].body or "")
        marks = [Mark(i, 0, g.mid_day_angle(span, i.start), g.mid_day_angle(span, i.start))
                 for i in handovers.get(key, [])]
        chairs.append(ChairBand(key, body, r - CHAIR_H, r, spans, marks))
        r -= CHAIR_H + GAP
    lay = Layout(span, bands, chairs, holiday_marks, max(r, MIN_CENTRE - 4), labelled=True,
                 holiday_in=holiday_in, lov_lanes=lov_lanes)
    _label_holidays(lay)
    months: dict[int, int] = {}  # month number → its unlabelled items
    for sector in g.month_sectors(span):
        months[sector.start.month] = 0
    for item in lay.unlabelled:
        month = item.start.month if span.contains(item.start) else span.start.month
        months[month] += 1
    lay.overflow = {m: n for m, n in months.items() if n}
    lay.labelled = not lay.overflow
    return lay


def _label_periods(band: Band) -> None:
    """A period's title along its bar, shortened with an ellipsis to fit; none fits: "+N"."""
    for mark in band.marks:
        if not mark.item.is_period:
            continue
        r_in, r_out = band.lane_edges(mark.lane)
        if r_out - r_in < LABEL_SIZE + 4:
            mark.overflow = True
            continue
        length = (r_in + r_out) / 2 * math.radians(mark.a1 - mark.a0)
        label = g.fit_text(mark.item.title, LABEL_SIZE, length - 10)
        mark.label = label if sum(ch.isalpha() for ch in label) >= 4 else ""  # a stump names nothing
        mark.overflow = not mark.label


LOV_FONT = MIN_FONT
LOV_LANE = 14.0  # a school holiday's bar with its name


def _lov_lanes(marks: list[Mark]) -> list[int]:
    """Lanes for school holidays: several towns' may overlap; the same lov of two towns (same name and
    days) shares one bar."""
    unique: dict[tuple[str, float, float], int] = {}
    for mark in marks:
        unique.setdefault((mark.item.title.casefold(), mark.a0, mark.a1), len(unique))
    keys = list(unique)
    lanes = g.assign_lanes([(k[1], k[2]) for k in keys])
    return [lanes[unique[(m.item.title.casefold(), m.a0, m.a1)]] for m in marks]


def holiday_lanes(lay: Layout) -> tuple[list[Mark], list[int], float]:
    """The school holidays in the holiday ring: (marks, lane of each, lane height); lane 0 is innermost."""
    return lay.holiday_marks, lay.lov_lanes, LOV_LANE


def _label_holidays(lay: Layout) -> None:
    """A lov's name along its bar, or centred on it and longer than a short lov when its neighbours
    leave room; otherwise "+N". A lov shared by two towns is named once."""
    lov, lanes, height = holiday_lanes(lay)
    taken: dict[int, _Lane] = {}
    named: set[tuple[str, float, float]] = set()
    for mark, lane in zip(lov, lanes, strict=True):
        radius = lay.holiday_in + 2 + (lane + 0.5) * height
        lane_box = taken.setdefault(lane, _Lane(radius))
        key = (mark.item.title.casefold(), mark.a0, mark.a1)
        if key in named:
            continue  # its twin's bar and name say it (it is still its own mark and list row)
        half = deg(g.text_width(mark.item.title, LOV_FONT) / 2 + 3, radius)
        centre = (mark.a0 + mark.a1) / 2
        lo, hi = min(mark.a0, centre - half), max(mark.a1, centre + half)
        clear = all(other_lane != lane or (other.item.title.casefold(), other.a0, other.a1) == key
                    or other.a1 <= lo or hi <= other.a0
                    for other, other_lane in zip(lov, lanes, strict=True))  # never over another lov's bar
        if lo >= 0 and hi <= 360 and clear and lane_box.free(lo - 0.3, hi + 0.3):
            lane_box.take(lo, hi)
            mark.label, mark.label_a0, mark.label_a1 = mark.item.title, lo, hi
            named.add(key)
        else:
            mark.overflow = True
    for mark in lov:  # a twin of a named lov is named too
        if mark.overflow and (mark.item.title.casefold(), mark.a0, mark.a1) in named:
            mark.overflow = False


def label_boxes(lay: Layout) -> list[Box]:
    """Every label's and one-day mark's box on the item rings, from the layout alone."""
    boxes = []
    for band in lay.bands:
        for mark in band.marks:
            r_in, r_out = band.lane_edges(mark.lane)
            mid = (r_in + r_out) / 2
            key = mark.item.key
            if mark.item.is_period:
                if mark.label:
                    length = g.text_width(mark.label, LABEL_SIZE)
                    half = deg(length / 2, mid)
                    centre = (mark.a0 + mark.a1) / 2
                    boxes.append(Box(key, mid - LABEL_HALF, mid + LABEL_HALF, centre - half, centre + half, "label"))
                continue
            r_mark = MARK_R if not mark.overflow else OVERFLOW_H / 2 - 2
            half = deg(r_mark, mid)
            boxes.append(Box(key, mid - r_mark, mid + r_mark, mark.a0 - half, mark.a0 + half, "mark"))
            if mark.label:
                boxes.append(Box(key, mid - LABEL_HALF, mid + LABEL_HALF, mark.label_a0, mark.label_a1, "label"))
    return boxes
