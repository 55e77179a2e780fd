"""SVG, PNG and PDF of one wheel; PNG and PDF are rendered by cairo from the very same SVG."""

from __future__ import annotations

from planner.wheel.model import WheelData
from planner.wheel.svg import render

FORMATS = {
    "svg": "image/svg+xml",
    "png": "image/png",
    "pdf": "application/pdf",
}
A4_LANDSCAPE = ("297mm", "210mm")
PNG_WIDTH = 2828  # 2× the drawing: sharp on a projector and in a document


class ExportError(Exception):
    """The format is unknown or the renderer is not installed."""


def export(data: WheelData, fmt: str) -> bytes:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "svg":
        return render(data, size=A4_LANDSCAPE).encode("utf-8")
    svg = render(data).encode("utf-8")
    try:
        import cairosvg
    except (ImportError, OSError) as exc:  # OSError: the cairo library itself is missing
        raise ExportError(f"PNG and PDF need cairo (apt-get install libcairo2): {exc}") from exc
    if fmt == "png":
        return cairosvg.svg2png(bytestring=svg, output_width=PNG_WIDTH, background_color="#ffffff")
    return cairosvg.svg2pdf(bytestring=render(data, size=A4_LANDSCAPE).encode("utf-8"))


def filename(data: WheelData, fmt: str, slug: str) -> str:
    body = ""
    if data.body:
        from planner.schedule.orgs import slugify

        body = "-" + slugify(data.body)
    return f"arshjul-{slug}{body}-{data.year}.{fmt}"
