"""A PDF's bookmarks placed on its lines, and merged with the outline found in the text.

A bookmark's title is looked for on its page (then the next and the previous one) as
one to three consecutive body lines, compared without case, spaces or punctuation and
forgiving small differences: an em dash for a hyphen, letter-spaced text extracted as
``A ppendix``, a title the page words slightly differently.

Bookmarks that are not an outline (a caption, "Title", a whole sentence made a bookmark
by a word processor) are left out. When the text's own outline holds levels above the
bookmarked ones (a Preface and Parts around bookmarked fields and sections), those
headings join the bookmarks; the bookmarks keep their place and order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from statistics import median

from reader.core.importers.paged import Bookmark, PageLine
from reader.core.importers.pdf.headings import CAPTION_RE as _CAPTION_RE

_MIN_RATIO = 0.85
_NOT_HEADINGS = frozenset({"title", "untitled", "cover", "titlepage", "frontcover"})


@dataclass(slots=True)
class Mark:
    """A heading to set on the lines: where it starts, how many lines, its level."""

    page: int
    line: int
    lines: int
    level: int
    title: str = ""


def norm(text: str) -> str:
    """Letters and digits only, lower case: what two spellings of a title share."""
    return re.sub(r"[\W_]+", "", text.lower())


def usable(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """The bookmarks that can be headings: not captions, whole sentences or "Title"."""
    out = []
    for bm in bookmarks:
        words = bm.title.split()
        if norm(bm.title) in _NOT_HEADINGS or not norm(bm.title) or _CAPTION_RE.match(bm.title):
            continue
        if len(words) > 24 or (bm.title.rstrip().endswith(".") and len(words) > 10):
            continue
        out.append(bm)
    return out


def _similar(want: str, got: str) -> bool:
    if got == want:
        return True
    if abs(len(got) - len(want)) > max(3, 0.2 * len(want)):
        return False
    return SequenceMatcher(None, want, got, autojunk=False).ratio() >= _MIN_RATIO


def _find(lines: list[PageLine], want: str, taken: set[int]) -> tuple[int, int] | None:
    """(first line, line count) of the best match of ``want`` among ``lines``."""
    best: tuple[float, int, int] | None = None
    for i, line in enumerate(lines):
        if line.role or not line.text or i in taken:
            continue
        got = ""
        for k in range(i, min(i + 3, len(lines))):
            if lines[k].role or not lines[k].text:
                break
            got += norm(lines[k].text)
            if _similar(want, got):
                score = SequenceMatcher(None, want, got, autojunk=False).ratio()
                if best is None or score > best[0]:
                    best = (score, i, k - i + 1)
                if score == 1.0:
                    return i, k - i + 1
            if len(got) > len(want) * 1.3:
                break
    return (best[1], best[2]) if best else None


def place(pages: list[list[PageLine]], bookmarks: list[Bookmark]) -> list[Mark]:
    """Where each usable bookmark's title stands (its page, the next, or the one before)."""
    marks: list[Mark] = []
    taken: dict[int, set[int]] = {}
    for bm in usable(bookmarks):
        want = norm(bm.title)
        for p in (bm.page, bm.page + 1, bm.page - 1):
            if not 0 <= p < len(pages):
                continue
            found = _find(pages[p], want, taken.setdefault(p, set()))
            if found is not None:
                line, count = found
                taken[p].update(range(line, line + count))
                marks.append(Mark(p, line, count, bm.depth + 1, bm.title))
                break
    return marks


def merge(placed: list[Mark], found: list[Mark]) -> list[Mark]:
    """The bookmarks with the text's headings that stand above them.

    ``found`` is the outline read from the text (fonts or conventions). Bookmarked lines
    it also holds take its levels; headings it has at levels above every bookmarked one
    are added; bookmarks it lacks are shifted by the usual difference of levels.
    """
    if not placed:
        return found
    at = {(m.page, m.line): m for m in found}
    matched = [(b, at[(b.page, b.line)]) for b in placed if (b.page, b.line) in at]
    if not matched:
        # None of the bookmarks is a heading the text shows: they mark something else
        # (list items a word processor bookmarked); the text's own outline stands.
        return found if len(found) >= 3 else placed
    shift = round(median(t.level - b.level for b, t in matched))
    top = min(t.level for _, t in matched)
    out = {
        (b.page, b.line): Mark(b.page, b.line, b.lines, b.level + shift, b.title) for b in placed
    }
    for b, t in matched:
        out[(b.page, b.line)].level = t.level
    for m in found:
        if m.level < top and (m.page, m.line) not in out:
            out[(m.page, m.line)] = m
    return [out[k] for k in sorted(out)]
