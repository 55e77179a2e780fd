"""The wheel as one SVG document, from plain data: the same drawing for the page, the print and the files.

Every text that came from a person or a document goes through `esc`, so a title such as
`<script>` is drawn as those characters and never becomes markup.
"""

from __future__ import annotations

import re
from html import escape

from planner.wheel import geometry as g
from planner.wheel import palette as p
from planner.wheel.layout import (
    CHAIR_H,
    CX,
    CY,
    HEIGHT,
    HOLIDAY_OUT,
    ITEMS_OUT,
    LABEL_SIZE,
    LOV_FONT,
    MARK_R,
    MIN_FONT,
    MONTH_IN,
    R_OUT,
    WEEK_IN,
    WIDTH,
    Band,
    ChairBand,
    Layout,
    Mark,
    holiday_lanes,
    layout,
)
from planner.wheel.legend import centre, legend
from planner.wheel.model import WheelData
from planner.wheel.text import item_title

FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"  # Arial's metrics everywhere: labels fit as measured
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def esc(text: object) -> str:
    """Text safe inside SVG/XML content and attributes (control characters XML forbids are dropped)."""
    return escape(_CONTROL.sub("", str(text)), quote=True)


def render(data: WheelData, size: tuple[str, str] | None = None) -> str:
    """The whole SVG. `size` sets width/height for files (e.g. ("297mm", "210mm")); the page scales it."""
    lay = layout(data)
    dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
    title = f"Årshjul {lay.span.label()} – {data.organization}" + (f", {data.body}" if data.body else "")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}"{dims} class="arshjul" '
        f'font-family="{esc(FONT)}" role="img" aria-labelledby="arshjul-title" '
        f'data-cx="{CX:g}" data-cy="{CY:g}" data-r="{R_OUT:g}" data-rc="{lay.r_centre:.1f}">',
        f'<title id="arshjul-title">{esc(title)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        '<g class="wheel">',
    ]
    out += _months(lay)
    out += _weeks(lay)
    out += _holidays(lay, data)
    out += _spokes(lay)  # under the rings, whose light fills let them through
    for band in lay.bands:
        out += _band(lay, band)
    for index, chair in enumerate(lay.chairs):
        out += _chair(lay, chair, index)
    out += _today(lay, data)
    out += centre(data, lay, esc)
    out.append("</g>")
    out += legend(data, lay, esc)
    out.append("</svg>")
    return "\n".join(out)


def _months(lay: Layout) -> list[str]:
    out = [f'<circle cx="{CX}" cy="{CY}" r="{R_OUT}" fill="#ffffff" stroke="{p.GRID}" stroke-width="1"/>',
           '<g class="months">']
    mid_r = (MONTH_IN + WEEK_IN) / 2
    for i, month in enumerate(g.month_sectors(lay.span)):
        fill = "#eef1f5" if i % 2 == 0 else "#f8f9fb"
        out.append(f'<g class="month" data-month="{month.index}" data-a0="{month.a0:.3f}" data-a1="{month.a1:.3f}" '
                   f'data-overflow="{lay.overflow.get(month.index, 0)}">'
                   f'<path d="{g.annulus_sector(CX, CY, MONTH_IN, WEEK_IN, month.a0, month.a1)}" fill="{fill}"/>')
        more = lay.overflow.get(month.index, 0)
        name = month.name.capitalize()
        if more:  # items of the month without a label on the wheel: the lists name them
            name += f'\u00a0\u00a0<tspan class="overflow" fill="{p.TODAY}" font-weight="700">+{more}</tspan>'
        out.append(_arc_text(f"m{month.index}", name, mid_r, month.a0, month.a1,
                             size=15, weight="600", fill=p.INK, spacing=0.6))
        out.append("</g>")
    out.append("</g>")
    return out


def _arc_text(ident: str, text: str, r: float, a0: float, a1: float, size: float, fill: str,
              weight: str = "400", spacing: float = 0.0, extra: str = "") -> str:
    """Text centred along an arc, kept upright: on the lower half the path runs the other way."""
    mid = (a0 + a1) / 2 % 360
    lower = 90 < mid < 270
    # Glyphs stand on the path on its left: outward on the upper half, inward on the lower one.
    radius = r + size * 0.35 if lower else r - size * 0.35
    if lower:
        x0, y0 = g.polar(CX, CY, radius, a1)
        x1, y1 = g.polar(CX, CY, radius, a0)
        large = 1 if a1 - a0 > 180 else 0
        d = f"M{x0:.2f},{y0:.2f}A{radius:.2f},{radius:.2f} 0 {large} 0 {x1:.2f},{y1:.2f}"
    else:
        d = g.arc_path(CX, CY, radius, a0, a1)
    letter = f' letter-spacing="{spacing}"' if spacing else ""
    return (f'<path id="p-{ident}" d="{d}" fill="none"/>'
            f'<text font-size="{size}" font-weight="{weight}" fill="{fill}"{letter}{extra}>'
            f'<textPath href="#p-{ident}" startOffset="50%" text-anchor="middle">{text}</textPath></text>')


def _weeks(lay: Layout) -> list[str]:
    out = ['<g class="weeks" aria-hidden="true">']
    ticks = []
    for tick in g.week_ticks(lay.span):
        x0, y0 = g.polar(CX, CY, WEEK_IN, tick.angle)
        x1, y1 = g.polar(CX, CY, WEEK_IN + 6, tick.angle)
        ticks.append(f"M{x0:.2f},{y0:.2f}L{x1:.2f},{y1:.2f}")
        if tick.week:
            x, y = g.polar(CX, CY, (WEEK_IN + R_OUT) / 2 + 2, tick.mid)
            rot = g.tangential_rotation(tick.mid)
            out.append(f'<text x="{x:.2f}" y="{y:.2f}" font-size="{MIN_FONT}" fill="{p.MUTED}" text-anchor="middle" '
                       f'dominant-baseline="central" transform="rotate({rot:.2f} {x:.2f} {y:.2f})">{tick.week}</text>')
    out.append(f'<path d="{"".join(ticks)}" stroke="{p.MUTED}" stroke-width="0.8"/>')
    out.append("</g>")
    return out


def _item_open(mark: Mark, extra_class: str = "") -> str:
    item = mark.item
    return (f'<g class="item kind-{esc(item.kind)} status-{esc(item.status)}{extra_class}" data-key="{esc(item.key)}" '
            f'data-ring="{esc(item.ring)}" data-start="{item.start.isoformat()}" data-end="{item.end.isoformat()}">'
            f"<title>{esc(item_title(item))}</title>")


def _holidays(lay: Layout, data: WheelData) -> list[str]:
    out = ['<g class="ring ring-holidays" data-ring="holidays">',
           f'<path d="{g.annulus_sector(CX, CY, lay.holiday_in, HOLIDAY_OUT, 0, 360)}" fill="#fbfaf7" '
           f'stroke="{p.GRID}" stroke-width="0.6"/>']
    lov, lanes, height = holiday_lanes(lay)
    names: list[str] = []
    for i, (mark, lane) in enumerate(zip(lov, lanes, strict=True)):
        item = mark.item
        tentative = item.status != "confirmed"
        low = lay.holiday_in + 2 + lane * height
        out.append(_item_open(mark))
        sector = g.annulus_sector(CX, CY, low, low + height - 1, mark.a0, mark.a1)
        out.append(f'<path class="mark" d="{sector}" '
                   f'fill="{p.LOV_TINT}" stroke="{p.LOV}" stroke-width="0.8"'
                   + (' stroke-dasharray="3 2"' if tentative else "") + "/>")
        if mark.label:  # drawn after every bar, so a twin's bar (the same lov of another town) cannot cover it
            names.append(_arc_text(f"h{i}", esc(mark.label), low + height / 2, mark.label_a0, mark.label_a1,
                                   LOV_FONT, p.INK))
        out.append("</g>")
    if names:
        out.append('<g class="lov-names" pointer-events="none">' + "".join(names) + "</g>")
    for day in data.holidays:
        a0, a1 = g.period_angles(lay.span, day.day, day.day)
        colour = p.HOLIDAY
        key = f"h{day.day:%Y%m%d}"
        title = f"{day.name} · {day.day.day}/{day.day.month} {day.day.year}" + (" (helgafton)" if day.eve else "")
        out.append(f'<g class="item kind-public_holiday" data-key="{key}" data-ring="holidays" '
                   f'data-start="{day.day.isoformat()}" data-end="{day.day.isoformat()}"><title>{esc(title)}</title>'
                   f'<path class="mark" d="{g.annulus_sector(CX, CY, HOLIDAY_OUT - 9, HOLIDAY_OUT - 1, a0, a1)}" '
                   f'fill="{colour if not day.eve else "#ffffff"}" stroke="{colour}" stroke-width="0.7"/></g>')
    out.append("</g>")
    return out


def _band(lay: Layout, band: Band) -> list[str]:
    ring = band.ring
    out = [f'<g class="ring" data-ring="{esc(ring.key)}" data-label="{esc(ring.label)}">',
           f'<path d="{g.annulus_sector(CX, CY, band.r_in, band.r_out, 0, 360)}" fill="{ring.tint}" '
           f'fill-opacity="0.8" stroke="{ring.color}" stroke-opacity="0.35" stroke-width="0.8"/>']
    for lane in range(1, band.lanes):
        _, top = band.lane_edges(lane)
        out.append(f'<circle cx="{CX}" cy="{CY}" r="{top:.2f}" fill="none" stroke="#ffffff" stroke-width="1"/>')
    for i, mark in enumerate(band.marks):
        r_in, r_out = band.lane_edges(mark.lane)
        out.append(_item_open(mark))
        out += _period(mark, ring.color, r_in, r_out, f"{ring.key}-{i}") if mark.item.is_period else \
            _point(mark, ring.color, (r_in + r_out) / 2, f"{ring.key}-{i}")
        out.append("</g>")
    out.append("</g>")
    return out


def _point(mark: Mark, ink: str, r: float, ident: str) -> list[str]:
    item = mark.item
    x, y = g.polar(CX, CY, r, mark.a0)
    hollow = item.status != "confirmed"
    fill = "#ffffff" if hollow else ink
    colour = p.MUTED if item.cancelled else ink
    size = MARK_R if not mark.overflow else 3.5
    if item.kind == "deadline":
        s = size * 1.25
        diamond = f"M{x:.2f},{y - s:.2f}L{x + s:.2f},{y:.2f}L{x:.2f},{y + s:.2f}L{x - s:.2f},{y:.2f}Z"
        shape = (f'<path class="mark" d="{diamond}" '
                 f'fill="{fill if not item.cancelled else "#ffffff"}" stroke="{colour}" stroke-width="1.6"/>')
    else:
        shape = (f'<circle class="mark" cx="{x:.2f}" cy="{y:.2f}" r="{size}" '
                 f'fill="{fill if not item.cancelled else "#ffffff"}" '
                 f'stroke="{colour}" stroke-width="1.6"/>')
    out = [shape]
    if item.cancelled:  # a cross through the mark, so the cancellation shows without colour
        d = size * 0.75
        out.append(f'<path d="M{x - d:.2f},{y - d:.2f}L{x + d:.2f},{y + d:.2f}M{x + d:.2f},{y - d:.2f}'
                   f'L{x - d:.2f},{y + d:.2f}" stroke="{colour}" stroke-width="1.4"/>')
    if mark.label:
        extra = ' text-decoration="line-through"' if item.cancelled else ""
        out.append(_arc_text(ident, esc(mark.label), r, mark.label_a0, mark.label_a1, LABEL_SIZE, colour,
                             weight="600" if item.kind == "deadline" else "400", extra=' class="label"' + extra))
        if item.cancelled:
            out.append(f'<path class="strike" d="{g.arc_path(CX, CY, r, mark.label_a0, mark.label_a1)}" '
                       f'fill="none" stroke="{colour}" stroke-width="1.1"/>')
    return out


def _period(mark: Mark, ink: str, r_in: float, r_out: float, ident: str) -> list[str]:
    item = mark.item
    gap = min(3.0, (r_out - r_in) * 0.15)  # a crowded year's thin lanes keep their bars apart
    top, bottom = r_out - gap, max(r_out - 20, r_in + gap)
    solid = item.status == "confirmed"
    colour = p.MUTED if item.cancelled else ink
    out = [f'<path class="mark" d="{g.annulus_sector(CX, CY, bottom, top, mark.a0, mark.a1)}" '
           f'fill="{colour if solid else "#ffffff"}" stroke="{colour}" stroke-width="1.2"'
           + (' stroke-dasharray="4 2"' if item.status == "tentative" else "") + "/>"]
    if mark.label and top - bottom >= 12:
        text_fill = "#ffffff" if solid else colour
        out.append(_arc_text(ident, esc(mark.label), (top + bottom) / 2, mark.a0, mark.a1, LABEL_SIZE, text_fill,
                             extra=' text-decoration="line-through"' if item.cancelled else ""))
    if item.cancelled:
        mid = (top + bottom) / 2
        out.append(f'<path class="strike" d="{g.arc_path(CX, CY, mid, mark.a0, mark.a1)}" fill="none" '
                   f'stroke="{colour}" stroke-width="1.1"/>')
    return out


def _chair(lay: Layout, chair: ChairBand, index: int) -> list[str]:
    out = [f'<g class="ring ring-chair" data-ring="{esc(chair.key)}" data-label="Ordförande, {esc(chair.body)}">']
    holders = list(dict.fromkeys(s.holder for s in chair.spans))
    for i, span in enumerate(chair.spans):
        a0, a1 = g.period_angles(lay.span, span.start, span.end)
        ink, tint = p.chair_colour(holders.index(span.holder) + index)
        out.append(f'<g class="chair-span"><title>{esc(f"Ordförande i {chair.body}: {span.holder}")}</title>'
                   f'<path d="{g.annulus_sector(CX, CY, chair.r_in, chair.r_out, a0, a1)}" fill="{tint}" '
                   f'stroke="{ink}" stroke-width="1"/>')
        # A holder for the whole year is named at three places round the ring, not once at the bottom.
        parts = [(a0 + k * (a1 - a0) / 3, a0 + (k + 1) * (a1 - a0) / 3) for k in range(3)] if a1 - a0 > 300 \
            else [(a0, a1)]
        for k, (b0, b1) in enumerate(parts):
            length = (chair.r_in + CHAIR_H / 2) * 3.14159 * (b1 - b0) / 180
            label = g.fit_text(span.holder, MIN_FONT, length - 12)
            if label:
                out.append(_arc_text(f"c{index}-{i}-{k}", esc(label), (chair.r_in + chair.r_out) / 2, b0, b1, MIN_FONT,
                                     ink, weight="600"))
        out.append("</g>")
        if span.handover:
            out.append(_handover_tick(chair, a0, ink))
    for mark in chair.handovers:
        out.append(_item_open(mark))
        s = 6.0
        tip_x, tip_y = g.polar(CX, CY, chair.r_out - 7, mark.a0)
        left_x, left_y = g.polar(CX, CY, chair.r_out + 3, mark.a0 - g.angular_size(s, chair.r_out))
        right_x, right_y = g.polar(CX, CY, chair.r_out + 3, mark.a0 + g.angular_size(s, chair.r_out))
        colour = p.MUTED if mark.item.cancelled else p.INK
        triangle = f"M{left_x:.2f},{left_y:.2f}L{right_x:.2f},{right_y:.2f}L{tip_x:.2f},{tip_y:.2f}Z"
        out.append(f'<path class="mark" d="{triangle}" '
                   f'fill="{colour if mark.item.status == "confirmed" else "#ffffff"}" stroke="{colour}" '
                   f'stroke-width="1.2"/>')
        out.append("</g>")
    out.append("</g>")
    return out


def _handover_tick(chair: ChairBand, angle: float, ink: str) -> str:
    x0, y0 = g.polar(CX, CY, chair.r_in - 2, angle)
    x1, y1 = g.polar(CX, CY, chair.r_out + 2, angle)
    return f'<path d="M{x0:.2f},{y0:.2f}L{x1:.2f},{y1:.2f}" stroke="{p.INK}" stroke-width="2.2"/>'


def _spokes(lay: Layout) -> list[str]:
    """Month boundaries drawn across every ring, over the ring fills, under nothing that matters."""
    d = []
    for month in g.month_sectors(lay.span):
        x0, y0 = g.polar(CX, CY, lay.r_centre, month.a0)
        x1, y1 = g.polar(CX, CY, WEEK_IN, month.a0)
        d.append(f"M{x0:.2f},{y0:.2f}L{x1:.2f},{y1:.2f}")
    return [f'<path class="spokes" d="{"".join(d)}" stroke="{p.MUTED}" stroke-width="1" pointer-events="none"/>']


def _today(lay: Layout, data: WheelData) -> list[str]:
    if data.today is None or not lay.span.contains(data.today):
        return []
    a = g.mid_day_angle(lay.span, data.today)
    x0, y0 = g.polar(CX, CY, lay.r_centre, a)
    x1, y1 = g.polar(CX, CY, R_OUT + 6, a)
    tx, ty = g.polar(CX, CY, R_OUT + 1, a)
    lx, ly = g.polar(CX, CY, R_OUT + 9, a - 1.6)
    rx, ry = g.polar(CX, CY, R_OUT + 9, a + 1.6)
    return [f'<g class="today" data-date="{data.today.isoformat()}" pointer-events="none">'
            f'<title>Idag {data.today.day}/{data.today.month}</title>'
            f'<path d="M{x0:.2f},{y0:.2f}L{x1:.2f},{y1:.2f}" stroke="{p.TODAY}" stroke-width="1.6" '
            f'stroke-dasharray="5 3"/>'
            f'<path d="M{tx:.2f},{ty:.2f}L{lx:.2f},{ly:.2f}L{rx:.2f},{ry:.2f}Z" fill="{p.TODAY}"/></g>']


__all__ = ["esc", "render", "ITEMS_OUT"]
