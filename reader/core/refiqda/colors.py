"""Code colours from highlight colours, without Qt: palette names as ``#RRGGBB``."""

from __future__ import annotations

# The light theme's highlight colours (reader/ui/theme.py), which the app shows and
# which a researcher will recognise in another tool.
PALETTE_HEX = {
    "yellow": "#FFE86B",
    "green": "#A8E6A1",
    "blue": "#A9D1FF",
    "pink": "#FFB3D1",
    "purple": "#D7B8FF",
    "orange": "#FFC98A",
    "red": "#FF9C9C",
    "grey": "#D4D4D4",
}


def color_hex(color: str) -> str | None:
    """A highlight colour (palette name or ``#rrggbb``) as ``#RRGGBB``; None if unknown."""
    c = color.strip().lower()
    if c in PALETTE_HEX:
        return PALETTE_HEX[c]
    if len(c) == 7 and c.startswith("#") and all(ch in "0123456789abcdef" for ch in c[1:]):
        return c.upper()
    return None
