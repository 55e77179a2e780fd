"""The wheel's centre and the legend beside it: what makes a printed sheet readable on its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner import labels
from planner.wheel import geometry as g
from planner.wheel import palette as p
from planner.wheel.layout import CX, CY, HEIGHT, MIN_FONT, WIDTH, Layout
from planner.wheel.model import WheelData
from planner.wheel.text import is_generic_meeting

LEFT = 1020.0
RIGHT = WIDTH - 24.0


def wrap(text: str, size: float, width: float, max_lines: int = 2) -> list[str]:
    lines: list[str] = []
    used = 0.0
    space = g.text_width(" ", size)
    for word in text.split():
        w = g.text_width(word, size)
        if lines and used + space + w <= width:
            lines[-1] = f"{lines[-1]} {word}"
            used += space + w
        else:
            if len(lines) > max_lines:
                break  # the rest is cut anyway
            lines.append(word)
            used = w
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = g.fit_text(lines[-1] + " …", size, width) or lines[-1]
    return [g.fit_text(line, size, width) or line for line in lines]


def centre(data: WheelData, lay: Layout, esc: Callable[[object], str]) -> list[str]:
    r = lay.r_centre - 4
    year = lay.span.label()
    year_size = min(64.0, r * 0.5) * (0.75 if "/" in year else 1)
    name_size = max(MIN_FONT / 0.85, min(17.0, r * 0.14))
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

    rings_at, rings_y = len(out), y
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

    symbols_at = y
    y = _heading(out, "Tecken", y + 44)
    ink = p.INK
    symbols: list[tuple[str, str]] = [
        (f'<circle cx="9" cy="0" r="5.5" fill="{ink}"/>', "Möte, med datum och tid"),
        (f'<path d="M9,-7L16,0L9,7L2,0Z" fill="{ink}"/>', labels.kind_label("deadline")),
        (f'<rect x="0" y="-6" width="26" height="12" fill="{ink}"/>', labels.kind_label("period")),
        (f'<circle cx="9" cy="0" r="5.5" fill="#ffffff" stroke="{ink}" stroke-width="1.6"/>',
         labels.capitalized(labels.status_label("tentative"))),
        (f'<circle cx="9" cy="0" r="5.5" fill="#ffffff" stroke="{p.MUTED}" stroke-width="1.6"/>'
         f'<path d="M5,-4L13,4M13,-4L5,4" stroke="{p.MUTED}" stroke-width="1.4"/>',
         f"{labels.capitalized(labels.status_label('cancelled'))} (överstruket)"),
        (f'<path d="M3,-7L15,-7L9,4Z" fill="{ink}"/><path d="M22,-9V9" stroke="{ink}" stroke-width="2.2"/>',
         labels.kind_label("chair_handover")),
        (f'<rect x="4" y="-7" width="7" height="14" fill="{p.HOLIDAY}"/>'
         f'<rect x="15" y="-7" width="7" height="14" fill="#ffffff" stroke="{p.HOLIDAY}"/>',
         "Röd dag · helgafton"),
        (f'<rect x="0" y="-6" width="26" height="12" fill="{p.LOV_TINT}" stroke="{p.LOV}"/>', "Lov"),
    ]
    if data.today is not None and lay.span.contains(data.today):
        symbols.append((f'<path d="M0,0H26" stroke="{p.TODAY}" stroke-width="2" stroke-dasharray="5 3"/>',
                        f"Idag, {data.today.day}/{data.today.month} {data.today.year}"))
    if lay.overflow:
        symbols.append((f'<text x="13" y="5" font-size="13" font-weight="700" text-anchor="middle" '
                        f'fill="{p.TODAY}">+N</text>', "Fler i månaden: se Datum"))
    symbol_out: list[str] = []
    y_symbols = _rows(symbol_out, symbols, y, esc)
    lines = agenda_lines(data, lay, full=True)
    bottom = HEIGHT - 56
    if _fits(lines, y_symbols + 44, bottom):
        out += symbol_out
        y = _agenda(out, lines, y_symbols + 44, bottom, esc)
    else:  # a full year: the dates matter more than the key, and only the unlabelled must be named
        out.pop()  # the "Tecken" heading
        if _fits(lines, symbols_at + 44, bottom):
            y = _agenda(out, lines, symbols_at + 44, bottom, esc)
        else:  # the rings' names and colours head their dates anyway
            del out[rings_at:]
            if not _fits(lines, rings_y + 30, bottom):
                lines = agenda_lines(data, lay, full=False)
            y = _agenda(out, lines, rings_y + 30, bottom, esc)
    footer = f"{data.organization} · årshjul {lay.span.label()}"
    out.append(f'<text x="{LEFT}" y="{HEIGHT - 28}" font-size="{MIN_FONT}" fill="{p.MUTED}">{esc(footer)}</text>')
    out.append("</g>")
    return out


LINE = 15.0
AGENDA_FONT = 12.0
COLUMN_GAP = 14.0


@dataclass(frozen=True)
class Line:
    """One line of the printed date list: a heading, a ring's meeting dates, or one item."""

    text: str
    kind: str = ""  # "", "heading", meeting, deadline, period, holiday, chair_handover
    colour: str = p.INK
    key: str = ""  # the item it names, for the test that every unlabelled item is on the sheet


def agenda_lines(data: WheelData, lay: Layout, full: bool) -> list[Line]:
    """Every ring's dates as text: ordinary meetings as one list of dates, every other item by name,
    then the school holidays and the chair. `full=False` names only the items the wheel could not
    label (each month's "+N"), for a year too full for both."""
    unlabelled = {i.key for i in lay.unlabelled}
    out: list[Line] = []
    for band in lay.bands:
        items = sorted((m.item for m in band.marks), key=lambda i: (i.start, i.time or "", i.title))
        generic = [i for i in items if is_generic_meeting(i) and not i.is_period]
        generic_keys = {i.key for i in generic}
        others = [i for i in items if i.key not in generic_keys and (full or i.key in unlabelled)]
        if not generic and not others:
            continue
        out.append(Line(band.ring.label, "heading", band.ring.color))
        if generic:
            times = {i.time.split("–")[0] for i in generic if i.time}
            when = f" kl {times.pop()}" if len(times) == 1 else ""
            dates = ", ".join(_date(i, with_time=not when) for i in generic)
            out.append(Line(f"Möten{when}: {dates}", "dates", key=",".join(i.key for i in generic)))
        out += [Line(f"{_when(i)} {i.title}", i.kind, band.ring.color, i.key) for i in others]
    lov = [m.item for m in lay.holiday_marks if full or m.item.key in unlabelled]
    if lov:
        out.append(Line("Lov", "heading", p.LOV))
        out += [Line(f"{_when(i)} {i.title}", "holiday", p.LOV, i.key) for i in lov]
    if full:
        for chair in lay.chairs:
            changes = [s for s in chair.spans if s.handover] or chair.spans[:1]
            if changes:
                out.append(Line(f"Ordförande, {chair.body}", "heading", p.INK))
                out += [Line(f"{s.start.day}/{s.start.month} {s.holder}", "chair_handover") for s in changes]
    return out


def _when(item) -> str:
    if item.is_period:
        return f"{item.start.day}/{item.start.month}–{item.end.day}/{item.end.month}"
    return _date(item, with_time=True)


def _fits(lines: list[Line], y: float, bottom: float) -> bool:
    return y + LINE * (len(lines) + 2) / (1 if len(lines) < 12 else 2) <= bottom


def _agenda(out: list[str], lines: list[Line], y: float, bottom: float, esc: Callable[[object], str]) -> float:
    """The lines under "Datum", in two columns when one is not enough; what does not fit at all ends
    in "… och N till" (the list beside the wheel has every item)."""
    if not lines:
        return y
    y = _heading(out, "Datum", y)
    per_column = max(1, int((bottom - y) // LINE))
    originals = lines
    for columns in (1, 2):
        width = (RIGHT - LEFT - (columns - 1) * COLUMN_GAP) / columns
        lines = []
        for line in originals:  # a ring's meeting dates wrap to the column, never cut
            if line.kind == "dates":
                lines += [Line(t, "", key=line.key) for t in wrap(line.text, AGENDA_FONT, width, max_lines=12)]
            else:
                lines.append(line)
        if len(lines) <= per_column:
            break
    capacity = per_column * columns
    if len(lines) > capacity:
        rest = len(lines) - capacity + 1
        lines = lines[:capacity - 1] + [Line(f"… och {rest} rader till i listan på webben", "more", p.MUTED)]
    for index, line in enumerate(lines):
        column, row = divmod(index, per_column)
        x = LEFT + column * (width + COLUMN_GAP)
        ly = y + (row + 1) * LINE
        room = width
        if line.kind == "heading":
            out.append(f'<rect x="{x}" y="{ly - 9}" width="9" height="9" rx="1" fill="{line.colour}"/>')
            text = g.fit_text(line.text, AGENDA_FONT, room - 14) or line.text[:12]
            out.append(f'<text x="{x + 13}" y="{ly}" font-size="{AGENDA_FONT}" font-weight="700" '
                       f'fill="{p.INK}">{esc(text)}</text>')
            continue
        if line.kind in ("meeting", "deadline", "period", "holiday", "chair_handover"):
            out.append(_bullet(line.kind, x + 4, ly - 4, line.colour))
            x, room = x + 13, room - 13
        text = g.fit_text(line.text, AGENDA_FONT, room) or line.text[:10] + "…"
        data_key = f' data-key="{esc(line.key)}"' if line.key else ""
        out.append(f'<text x="{x}" y="{ly}" font-size="{AGENDA_FONT}" fill="{p.INK}"{data_key}>{esc(text)}</text>')
    return y + LINE * min(len(lines), per_column)


def _bullet(kind: str, x: float, y: float, colour: str) -> str:
    """Drawn, not a glyph: not every font has ◆."""
    if kind == "deadline":
        return f'<path d="M{x},{y - 4.5}L{x + 4.5},{y}L{x},{y + 4.5}L{x - 4.5},{y}Z" fill="{colour}"/>'
    if kind in ("period", "holiday"):
        return f'<rect x="{x - 4.5}" y="{y - 3}" width="9" height="6" fill="{colour}"/>'
    if kind == "chair_handover":
        return f'<path d="M{x - 4},{y - 4}L{x + 4},{y - 4}L{x},{y + 3}Z" fill="{colour}"/>'
    return f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>'


def _date(item, with_time: bool = False) -> str:
    text = f"{item.start.day}/{item.start.month}"
    if with_time and item.time and item.kind == "meeting":
        text += " " + item.time.split("–")[0]
    return f"{text} ({labels.status_label('cancelled')})" if item.cancelled else text


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
    return f'<text x="13" y="4" font-size="{MIN_FONT}" text-anchor="middle" fill="{p.MUTED}">{text}</text>'
