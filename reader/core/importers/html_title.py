"""An HTML page's title: its ``<title>`` without the site's name, or the heading the
page sets apart as its title when it has no ``h1``.

A page without ``h1`` often opens with a centred ``h3`` (the licence's name, a law's
title) over ``h4`` sections. That heading is the title, not a section holding every
other one, when it is the only heading of its level, every later heading is deeper,
it has no number (``1. Scope`` is a section), and the page sets it apart: centred,
matching ``<title>``, or opening the page's content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.core.headings import numbering
from reader.core.model import HEADING

_TITLE_SEP_RE = re.compile(r"\s+[|\u2013\u2014\u00b7:]{1,2}\s+|\s+-\s+")
_CENTRED_RE = re.compile(r"text-align\s*:\s*center", re.I)


class RawBlock(Protocol):
    """What the extractor knows of a block (see ``html._Raw``)."""

    kind: str
    text: str
    level: int
    role: str | None
    centred: bool


def page_title(title: str, h1: str | None) -> str | None:
    """The document's title from ``<title>``, without the site's name around it:
    ``Rules on Rivers | Ministry of Water`` gives ``Rules on Rivers``; the part that
    is the page's ``h1`` wins."""
    parts = [p for p in _TITLE_SEP_RE.split(title) if p.strip()]
    if len(parts) < 2:
        return title or None
    if h1 and " ".join(h1.split()) in parts:
        return " ".join(h1.split())
    # "Page | Site" is the usual order; a short first part is a code ("RFC 9205 - ...").
    return parts[0] if len(parts[0].split()) >= 3 else max(parts, key=len)


def centred(attrs: dict[str, str]) -> bool:
    """Whether an element's own attributes centre it (``align``, ``style``)."""
    return attrs.get("align", "").lower() == "center" or bool(
        _CENTRED_RE.search(attrs.get("style", ""))
    )


def _words(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.lower()))


def title_heading(raws: Sequence[RawBlock], title: str) -> int | None:
    """Index of the heading a page without ``h1`` sets apart as its title, or None.

    :param title: the text of the page's ``<title>``.
    """
    heads = [k for k, r in enumerate(raws) if r.kind == HEADING and not r.role]
    if not heads or any(raws[k].level == 1 for k in heads):
        return None
    first = raws[heads[0]]
    if any(raws[k].level <= first.level for k in heads[1:]) or numbering(first.text):
        return None
    said = _words(first.text)
    matches = len(said) >= 8 and said in _words(title)
    opens = all(r.role for r in raws[: heads[0]])
    return heads[0] if first.centred or matches or opens else None
