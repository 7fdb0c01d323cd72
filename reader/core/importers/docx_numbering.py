"""Word list numbering replayed from numbering.xml: the label each numbered paragraph
shows ("1.", "(a)", "2.3", "iv)").

A counter runs per list instance (``w:num``) and level; a level counting up restarts
the levels below it. Each level formats with its ``numFmt`` and ``lvlText`` template,
where ``%1``..``%9`` stand for the counters of levels 1..9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BULLET = "\u2022"
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


@dataclass(slots=True)
class Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def roman(n: int) -> str:
    """``4`` -> ``iv`` (lower case)."""
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """``1`` -> ``a``, ``27`` -> ``aa`` (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in Word's ``numFmt``; unknown formats fall back to decimal."""
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(el: ET.Element | None, default: str = "") -> str:
    return el.get(f"{W}val", default) if el is not None else default


def _int(text: str, default: int) -> int:
    return int(text) if text.lstrip("-").isdigit() else default


def _levels(el: ET.Element) -> dict[int, Level]:
    levels = {}
    for lvl in el.findall(f"{W}lvl"):
        ilvl = _int(lvl.get(f"{W}ilvl", "0"), 0)
        levels[ilvl] = Level(
            fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
            text=_val(lvl.find(f"{W}lvlText"), f"%{ilvl + 1}."),
            start=_int(_val(lvl.find(f"{W}start"), "1"), 1),
        )
    return levels


class Numbering:
    """The list definitions of one document and the running counters."""

    def __init__(self, root: ET.Element | None) -> None:
        self.lists: dict[str, dict[int, Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {
            a.get(f"{W}abstractNumId", ""): _levels(a) for a in root.iter(f"{W}abstractNum")
        }
        for num in root.iter(f"{W}num"):
            levels = dict(abstract.get(_val(num.find(f"{W}abstractNumId")), {}))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl", "0"), 0)
                base = levels.get(ilvl, Level())
                start = override.find(f"{W}startOverride")
                if start is not None:
                    base = Level(base.fmt, base.text, _int(_val(start), base.start))
                replaced = override.find(f"{W}lvl")
                levels[ilvl] = _levels_one(replaced, ilvl) if replaced is not None else base
            self.lists[num.get(f"{W}numId", "")] = levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; return its label."""
        levels = self.lists.get(num_id)
        if not levels:
            return None
        level = levels.get(ilvl, Level())
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return BULLET
        if level.fmt == "none":
            return None

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, Level())
            return format_number(counts.get(k, lv.start), lv.fmt)

        return _PLACEHOLDER_RE.sub(number, level.text).strip() or None


def _levels_one(lvl: ET.Element, ilvl: int) -> Level:
    wrapper = ET.Element("abstractNum")
    lvl.set(f"{W}ilvl", str(ilvl))
    wrapper.append(lvl)
    return _levels(wrapper)[ilvl]
