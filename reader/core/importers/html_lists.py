"""HTML lists as the reader sees them: ordered-list labels (``a.``, ``iv.``, from
``type``, ``start``, ``value`` and ``list-style-type``), and lists of links that are
page furniture (menus, language pickers) rather than text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.core.heading_numbers import roman_to_text

_STYLE_TYPES = {
    "decimal": "1",
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
}
_LIST_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)
# Names a language picker lists: the language's own name, or its code.
LANGUAGE_NAMES = frozenset(
    re.findall(
        r"\S+",
        """english français francais español espanol deutsch italiano português portugues
    nederlands polski русский українська العربية 中文 简体中文 繁體中文 简体 繁體 日本語 한국어
    ελληνικά türkçe svenska dansk norsk suomi čeština magyar română български hrvatski
    slovenščina slovenčina eesti latviešu lietuvių gaeilge malti català euskara galego
    עברית فارسی हिन्दी bahasa tiếng
    en fr es de it pt nl pl ru uk ar zh ja ko el tr sv da no fi cs hu ro bg hr sl sk et lv
    lt ga mt ca eu gl he fa hi""",
    )
)
_MENU_ITEM_CHARS = 40


class _Item(Protocol):
    text: str
    kind: str
    role: str | None
    link_only: bool


def list_style(attrs: dict[str, str]) -> str:
    """The numbering of an ``<ol>``: ``1``, ``a``, ``A``, ``i`` or ``I``."""
    kind = attrs.get("type", "").strip()
    if kind in ("1", "a", "A", "i", "I"):
        return kind
    m = _LIST_STYLE_RE.search(attrs.get("style", ""))
    return _STYLE_TYPES.get(m.group(1).lower(), "1") if m else "1"


def list_label(n: int, style: str) -> str:
    """The label a browser draws for item ``n`` of a list numbered in ``style``."""
    if n > 0 and style in ("a", "A"):
        letters = ""
        while n:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return (letters.upper() if style == "A" else letters) + "."
    if 0 < n < 4000 and style in ("i", "I"):
        roman = roman_to_text(n)
        return (roman if style == "I" else roman.lower()) + "."
    return f"{n}."


def _is_language(text: str) -> bool:
    words = text.lower().replace("(", " ").replace(")", " ").split()
    return bool(words) and words[0] in LANGUAGE_NAMES


def mark_menu(items: Sequence[_Item], inside_main: bool) -> None:
    """Mark a list's items as furniture when they are a language picker (anywhere) or
    a menu of short links outside the page's main content."""
    entries = [b for b in items if b.kind == "list_item"]
    if len(entries) < 2 or any(b.role for b in entries):
        return
    if not all(b.link_only and len(b.text) <= _MENU_ITEM_CHARS for b in entries):
        return
    if sum(_is_language(b.text) for b in entries) * 10 >= len(entries) * 6:
        role = "language"
    elif not inside_main and len(entries) >= 3:
        role = "navigation"
    else:
        return
    for b in entries:
        b.role = role
