"""Colours that print well (distinct in greyscale too) and meet WCAG AA on white and on their tint."""

from __future__ import annotations

# (ink, tint): ink carries marks and text, tint is the ring's background.
RING_COLOURS = (
    ("#1d5a8a", "#e6eff7"),  # blue
    ("#a33a16", "#f9ebe4"),  # rust
    ("#2c6a34", "#e7f2e8"),  # green
    ("#6b3d96", "#efe8f6"),  # purple
    ("#7a5600", "#f6efdc"),  # ochre
    ("#0d6b6b", "#e2f2f1"),  # teal
    ("#9b2c5c", "#f7e6ee"),  # plum
    ("#4a5563", "#eceef1"),  # slate
)
INK = "#1c2430"
MUTED = "#4f5b6a"
GRID = "#c9d0d8"
HOLIDAY = "#b3261e"
HOLIDAY_TINT = "#f7dcd9"
LOV = "#7a5600"
LOV_TINT = "#f3e6c4"
TODAY = "#c2410c"


# Chair holders take turns in colours the body rings start with last, so a holder is not read as a body.
CHAIR_ORDER = (4, 5, 6, 3, 2, 1, 0, 7)


def chair_colour(index: int) -> tuple[str, str]:
    return RING_COLOURS[CHAIR_ORDER[index % len(CHAIR_ORDER)]]


def ring_colour(index: int) -> tuple[str, str]:
    return RING_COLOURS[index % len(RING_COLOURS)]


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
