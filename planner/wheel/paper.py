"""How big one unit of the drawing is on paper, so a font size in the SVG can be read as points."""

from __future__ import annotations

from planner.wheel.layout import HEIGHT, WIDTH

PAPER_MM = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape
PRINT_MARGIN_MM = 8.0  # wheel.css @page margin
PRINT_HEIGHT_SHARE = 0.97  # wheel.css: max-height 97vh
PT_PER_MM = 72 / 25.4


def pt_per_unit(paper: str, printed_from_browser: bool = True) -> float:
    """Points per SVG unit: the download fills the sheet; the browser's print keeps a margin and
    fits the drawing's height, whichever is smaller."""
    width, height = PAPER_MM[paper]
    if not printed_from_browser:
        return width / WIDTH * PT_PER_MM
    width -= 2 * PRINT_MARGIN_MM
    height = (height - 2 * PRINT_MARGIN_MM) * PRINT_HEIGHT_SHARE
    return min(width / WIDTH, height / HEIGHT) * PT_PER_MM
