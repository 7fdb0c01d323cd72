"""Highlight colours: the palette names a highlight may carry, and their ``#RRGGBB``.

The hex values are the light theme's highlight backgrounds (the reading view paints
them, see ``reader/ui/theme.py``), which is also how codebooks (REFI-QDA) give a
code its colour, so a researcher recognises them in another tool.
"""

from __future__ import annotations

import re

from reader.core.errors import LibraryError

COLORS = ("yellow", "green", "blue", "pink", "purple", "orange", "red", "grey")
DEFAULT_COLOR = "yellow"
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
_HEX_COLOR = re.compile(r"#[0-9a-f]{6}")


def normalize_color(color: str) -> str:
    """A palette name or ``#rrggbb``, lower-cased; raises on anything else."""
    c = color.strip().lower()
    if c == "gray":
        c = "grey"
    if c in COLORS or _HEX_COLOR.fullmatch(c):
        return c
    raise LibraryError(f"unknown colour {color!r} (use one of {', '.join(COLORS)} or #rrggbb)")


def color_hex(color: str) -> str | None:
    """A highlight colour (palette name or ``#rrggbb``) as ``#RRGGBB``; None if unknown."""
    c = color.strip().lower()
    if c in PALETTE_HEX:
        return PALETTE_HEX[c]
    if _HEX_COLOR.fullmatch(c):
        return c.upper()
    return None
