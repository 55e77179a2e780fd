"""The wheel's centre and the legend beside it: what makes a printed sheet readable on its own."""

from __future__ import annotations

from collections.abc import Callable

from planner.wheel import geometry as g
from planner.wheel import palette as p
from planner.wheel.layout import CX, CY, HEIGHT, WIDTH, Layout
from planner.wheel.model import WheelData

LEFT = 1020.0
RIGHT = WIDTH - 24.0


def wrap(text: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and g.text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = g.fit_text(lines[-1] + " …", size, width) or lines[-1]
    return [g.fit_text(line, size, width) or line for line in lines]


def centre(data: WheelData, lay: Layout, esc: Callable[[object], str]) -> list[str]:
    r = lay.r_centre - 4
    year = lay.span.label()
    year_size = min(64.0, r * 0.5) * (0.75 if "/" in year else 1)
    name_size = max(11.0, min(17.0, r * 0.14))
    names = wrap(data.organization, name_size, r * 1.6)
    out = [f'<g class="centre"><circle cx="{CX}" cy="{CY}" r="{r:.2f}" fill="#ffffff" stroke="{p.GRID}"/>']
    y = CY - year_size * 0.42 - len(names) * name_size * 1.2
    for line in names:
        out.append(f'<text x="{CX}" y="{y:.1f}" text-anchor="middle" font-size="{name_size:.1f}" font-weight="600" '
                   f'fill="{p.INK}">{esc(line)}</text>')
        y += name_size * 1.2
    y += year_size * 0.78
    out.append(f'<text x="{CX}" y="{y:.1f}" text-anchor="middle" font-size="{year_size:.1f}" font-weight="700" '
               f'fill="{p.INK}" letter-spacing="1">{esc(year)}</text>')
    sub = data.body or "Årshjul"
    if not lay.bands and not lay.chairs:
        sub = "Inga granskade händelser ännu"
    out.append(f'<text x="{CX}" y="{y + name_size * 1.5:.1f}" text-anchor="middle" font-size="{name_size * 0.85:.1f}" '
               f'fill="{p.MUTED}">{esc(g.fit_text(sub, name_size * 0.85, r * 1.5) or sub[:20])}</text>')
    out.append("</g>")
    return out


def legend(data: WheelData, lay: Layout, esc: Callable[[object], str]) -> list[str]:
    out = ['<g class="legend">']
    y = 78.0
    out.append(f'<text x="{LEFT}" y="{y}" font-size="34" font-weight="700" fill="{p.INK}">'
               f'Årshjul {esc(lay.span.label())}</text>')
    for line in wrap(data.organization, 20, RIGHT - LEFT):
        y += 28
        out.append(f'<text x="{LEFT}" y="{y}" font-size="20" fill="{p.INK}">{esc(line)}</text>')
    if data.body:
        y += 24
        out.append(f'<text x="{LEFT}" y="{y}" font-size="16" fill="{p.MUTED}">{esc(data.body)}</text>')
    y += 22
    out.append(f'<path d="M{LEFT},{y}H{RIGHT}" stroke="{p.GRID}"/>')

    y = _heading(out, "Ringarna, utifrån och in", y + 30)
    rows: list[tuple[str, str]] = [
        (_swatch_text("v12"), "Veckonummer (ISO)"),
        (_swatch_box("#eef1f5", p.GRID), "Månader"),
        (_swatch_box(p.HOLIDAY, p.HOLIDAY, half=p.LOV_TINT), "Röda dagar och lov"),
    ]
    rows += [(_swatch_box(b.ring.tint, b.ring.color), b.ring.label) for b in lay.bands]
    rows += [(_swatch_box(p.chair_colour(i)[1], p.chair_colour(i)[0]), f"Ordförande, {c.body}")
             for i, c in enumerate(lay.chairs)]
    y = _rows(out, rows, y, esc)

    y = _heading(out, "Tecken", y + 44)
    ink = p.INK
    symbols: list[tuple[str, str]] = [
        (f'<circle cx="9" cy="0" r="5.5" fill="{ink}"/>', "Möte, med datum och tid"),
        (f'<path d="M9,-7L16,0L9,7L2,0Z" fill="{ink}"/>', "Deadline"),
        (f'<rect x="0" y="-6" width="26" height="12" fill="{ink}"/>', "Period"),
        (f'<circle cx="9" cy="0" r="5.5" fill="#ffffff" stroke="{ink}" stroke-width="1.6"/>', "Preliminärt"),
        (f'<circle cx="9" cy="0" r="5.5" fill="#ffffff" stroke="{p.MUTED}" stroke-width="1.6"/>'
         f'<path d="M5,-4L13,4M13,-4L5,4" stroke="{p.MUTED}" stroke-width="1.4"/>', "Inställt (överstruket)"),
        (f'<path d="M3,-7L15,-7L9,4Z" fill="{ink}"/><path d="M22,-9V9" stroke="{ink}" stroke-width="2.2"/>',
         "Ordförandeskifte"),
        (f'<rect x="4" y="-7" width="7" height="14" fill="{p.HOLIDAY}"/>'
         f'<rect x="15" y="-7" width="7" height="14" fill="#ffffff" stroke="{p.HOLIDAY}"/>',
         "Röd dag · helgafton"),
        (f'<rect x="0" y="-6" width="26" height="12" fill="{p.LOV_TINT}" stroke="{p.LOV}"/>', "Lov"),
    ]
    if data.today is not None and lay.span.contains(data.today):
        symbols.append((f'<path d="M0,0H26" stroke="{p.TODAY}" stroke-width="2" stroke-dasharray="5 3"/>',
                        f"Idag, {data.today.day}/{data.today.month} {data.today.year}"))
    y = _rows(out, symbols, y, esc)
    if not lay.labelled:
        y += 8
        out.append(f'<text x="{LEFT}" y="{y + 14}" font-size="12" fill="{p.MUTED}">Tätt år: alla datum står i listan.'
                   "</text>")
    y = _agenda(out, lay, y + 44, HEIGHT - 56, esc)
    footer = f"{data.organization} · årshjul {lay.span.label()}"
    out.append(f'<text x="{LEFT}" y="{HEIGHT - 28}" font-size="11" fill="{p.MUTED}">{esc(footer)}</text>')
    out.append("</g>")
    return out


def _agenda(out: list[str], lay: Layout, y: float, bottom: float, esc: Callable[[object], str]) -> float:
    """Each ring's meeting and deadline dates as text: what people copy into their own calendars."""
    blocks = []
    for band in lay.bands:
        marks = sorted((m for m in band.marks if not m.item.is_period), key=lambda m: m.item.start)
        meetings = [m.item for m in marks if m.item.kind == "meeting"]
        deadlines = [m.item for m in marks if m.item.kind == "deadline"]
        lines = []
        if meetings:
            lines += wrap("Möten: " + ", ".join(_date(i) for i in meetings), 12.5, RIGHT - LEFT - 16, max_lines=3)
        for item in deadlines[:4]:  # a deadline is nothing without its name
            lines.append("◆" + (g.fit_text(f"{_date(item)} {item.title}", 12.5, RIGHT - LEFT - 30) or _date(item)))
        if len(deadlines) > 4:
            lines.append(f"◆och {len(deadlines) - 4} deadlines till (se listan)")
        if lines:
            blocks.append((band.ring, lines))
    if not blocks:
        return y
    y = _heading(out, "Datum", y)
    for ring, lines in blocks:
        if y + 22 + 17 * len(lines) > bottom:
            break
        y += 22
        out.append(f'<rect x="{LEFT}" y="{y - 10}" width="10" height="10" rx="1" fill="{ring.color}"/>'
                   f'<text x="{LEFT + 16}" y="{y}" font-size="13" font-weight="700" fill="{p.INK}">'
                   f"{esc(ring.label)}</text>")
        for line in lines:
            y += 17
            x = LEFT + 16
            if line.startswith("◆"):  # drawn, not a glyph: not every font has one
                out.append(f'<path d="M{x + 4},{y - 9}L{x + 8.5},{y - 4.5}L{x + 4},{y}L{x - 0.5},{y - 4.5}Z" '
                           f'fill="{ring.color}"/>')
                line, x = line[1:], x + 14
            out.append(f'<text x="{x}" y="{y}" font-size="12.5" fill="{p.INK}">{esc(line)}</text>')
    return y


def _date(item) -> str:
    text = f"{item.start.day}/{item.start.month}"
    return f"{text} (inställt)" if item.cancelled else text


def _heading(out: list[str], text: str, y: float) -> float:
    out.append(f'<text x="{LEFT}" y="{y}" font-size="12" font-weight="700" fill="{p.MUTED}" letter-spacing="1.2">'
               f"{text.upper()}</text>")
    return y + 12


def _rows(out: list[str], rows: list[tuple[str, str]], y: float, esc: Callable[[object], str]) -> float:
    for swatch, label in rows:
        y += 25
        out.append(f'<g transform="translate({LEFT},{y - 4})">{swatch}</g>')
        text = g.fit_text(label, 14, RIGHT - LEFT - 40) or label[:30]
        out.append(f'<text x="{LEFT + 38}" y="{y + 1}" font-size="14" fill="{p.INK}">{esc(text)}</text>')
    return y


def _swatch_box(fill: str, stroke: str, half: str | None = None) -> str:
    box = f'<rect x="0" y="-8" width="26" height="16" rx="2" fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>'
    if half:
        box += f'<rect x="9" y="-8" width="17" height="16" fill="{half}" stroke="{p.LOV}" stroke-width="1"/>'
    return box


def _swatch_text(text: str) -> str:
    return f'<text x="13" y="4" font-size="10" text-anchor="middle" fill="{p.MUTED}">{text}</text>'
