"""An HTML page's title: its ``<title>`` without the site's name, the heading the page
sets apart as its title when it has no ``h1``, or the title line of its cover.

A page without ``h1`` often opens with a centred ``h3`` (the licence's name, a law's
title) over ``h4`` sections. That heading is the title, not a section holding every
other one, when it is the only heading of its level, every later heading is deeper,
it has no number (``1. Scope`` is a section), and the page sets it apart: centred,
matching ``<title>``, or opening the page's content. A heading in a table cell is a
letterhead beside a reference number, not the title.

A page whose ``<title>`` names only the site and that has no title heading states its
title on its cover, the centred lines that open it: the first in ordinary case that
is neither a date line, a name in brackets nor a line running on from another.

Around the title, the page's title block is not a list of sections: a heading said
again with nothing between (the same title drawn for several screen sizes, some
hidden on each) is a repeat, and a heading just before the one ``h1`` (a short name
over the title) is a line of text. The title said again further on (the title block
drawn again inside the document's box) is a repeat too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.core.dates import find_date
from reader.core.headings import numbering
from reader.core.model import HEADING, PARAGRAPH, TITLE

_TITLE_SEP_RE = re.compile(r"\s+[|\u2013\u2014\u00b7:]{1,2}\s+|\s+-\s+")
_CENTRED_RE = re.compile(r"text-align\s*:\s*center", re.I)
_SITE_NAME_RE = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,6})+", re.I)
_COVER_WORDS = 3  # a title line has a few words at least
_BEFORE_COVER = 2  # lines a page may show before its cover starts


class RawBlock(Protocol):
    """What the extractor knows of a block (see ``html._Raw``)."""

    kind: str
    text: str
    level: int
    role: str | None
    centred: bool
    in_table: bool


def page_title(title: str, h1: str | None) -> str | None:
    """The document's title from ``<title>``, without the site's name around it:
    ``Rules on Rivers | Ministry of Water`` gives ``Rules on Rivers``; the part that
    is the page's ``h1`` wins."""
    parts = [p for p in _TITLE_SEP_RE.split(title.strip(" |-\u2013\u2014:")) if p.strip()]
    if len(parts) == 1 and _SITE_NAME_RE.fullmatch(parts[0]):
        return None  # "Camera.it -": the site's name and nothing of the page
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
    if numbering(first.text) or first.in_table:
        return None  # a section; a letterhead beside a reference number
    said = _words(first.text)
    matches = len(said) >= 8 and said in _words(title)
    if any(raws[k].level <= first.level for k in heads[1:]):
        # A later heading of its level (an addendum after the sections): still the
        # title when centred, named by <title> and over deeper headings.
        deeper_next = len(heads) > 1 and raws[heads[1]].level > first.level
        alone = not any(raws[k].centred for k in heads[1:])
        return heads[0] if first.centred and matches and deeper_next and alone else None
    opens = all(r.role for r in raws[: heads[0]])
    return heads[0] if first.centred or matches or opens else None


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _mark_repeats(run: list[RawBlock]) -> None:
    """In a run of headings, a title said again is one heading: the most prominent
    (lowest level, then first) of its copies stays, the others are repeats."""
    kept: dict[str, RawBlock] = {}
    for r in run:
        k = _key(r.text)
        if k in kept and r.level < kept[k].level:
            kept[k].role, kept[k] = "repeat", r
        elif k in kept:
            r.role = "repeat"
        else:
            kept[k] = r


def settle_title_block(raws: Sequence[RawBlock]) -> None:
    """Headings said again with nothing between them are repeats (furniture); headings
    just before the page's one ``h1`` are lines of its title block (text)."""
    run: list[RawBlock] = []
    for r in raws:
        if r.role:
            continue
        if r.kind == HEADING:
            run.append(r)
        else:
            _mark_repeats(run)
            run = []
    _mark_repeats(run)
    h1 = [r for r in raws if r.kind == HEADING and r.level == 1 and not r.role]
    if len(h1) != 1:
        return
    before: list[RawBlock] = []
    for r in raws:
        if r is h1[0]:
            for k in before:
                k.kind, k.level = PARAGRAPH, 0
            return
        if r.role:
            continue
        before = [*before, r] if r.kind == HEADING else []


def mark_title_repeats(raws: Sequence[RawBlock], title: str) -> None:
    """The page's title said again further on, over another heading (the title block
    drawn a second time, over the heading of the document's box), is a repeat, and so
    are the headings over it in its run (the short name drawn over it). Said again
    over text, it heads that text (a box titled as the page is): a section."""
    key = _key(title)
    seen_title = False
    run: list[RawBlock] = []
    pending: list[RawBlock] = []  # a repeat of the title and the run over it
    for r in raws:
        if r.role:
            continue
        if r.kind == TITLE or (r.kind == HEADING and _key(r.text) == key and not seen_title):
            seen_title, run, pending = True, [], []
            continue
        if r.kind != HEADING:
            run, pending = [], []
            continue
        run.append(r)
        if seen_title and _key(r.text) == key:
            pending = list(run)
        elif pending:
            for k in pending:
                k.role = "repeat"
            run, pending = [r], []


def _cover_line(r: RawBlock) -> bool:
    """A cover line that can be the title: a few words in ordinary case, not a date
    line, not a name in brackets, not a line that runs on from the one before."""
    text = r.text.strip()
    words = text.split()
    if len(words) < _COVER_WORDS or text.upper() == text or not text[0].isupper():
        return False
    return not (text.startswith(("(", "[")) or find_date(text) or numbering(text))


def cover_title(raws: Sequence[RawBlock]) -> int | None:
    """Index of the title line on the page's cover (its opening centred lines, with a
    letterhead table among them), or None."""
    started = False
    before = 0
    for k, r in enumerate(raws):
        if r.role or r.in_table:
            continue
        if not r.centred:
            before += 1
            if started or r.kind == HEADING or before > _BEFORE_COVER:
                return None
            continue  # a short line before the cover (a link to another version)
        started = True
        if r.kind != HEADING and _cover_line(r):
            return k
    return None


def settle_title(raws: Sequence[RawBlock], title: str) -> str | None:
    """Set the page's title block apart and return the title it states.

    Repeats and the lines over the one ``h1`` stop being headings; the heading the page
    sets apart as its title, or else its cover's title line, becomes the title block.
    On a cover, the headings before the title line are its masthead (the name of the
    house over a letterhead), not sections of the document.
    """
    settle_title_block(raws)
    # A page without h1 may set a heading apart as its title: not a section.
    at = title_heading(raws, title)
    h1 = next((r.text for r in raws if r.kind == HEADING and r.level == 1 and not r.role), None)
    stated = page_title(title, h1 if at is None else raws[at].text)
    if at is None and h1 is None and stated is None:
        at = cover_title(raws)
        for r in raws[: at or 0]:
            if r.kind == HEADING and not r.role:
                r.kind, r.level = PARAGRAPH, 0
    if at is not None:
        raws[at].kind, raws[at].level = TITLE, 0
    said = raws[at].text if at is not None else h1
    if said:
        mark_title_repeats(raws, said)
    return stated
