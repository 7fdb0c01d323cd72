"""A PDF's bookmarks placed on its lines, and merged with the outline found in the text.

A bookmark's title is looked for on its page (then the next and the previous one) as
one to five consecutive body lines, compared without case, spaces or punctuation and
forgiving small differences: an em dash for a hyphen, letter-spaced text extracted as
``A ppendix``, a title the page words slightly differently.

Bookmarks that are not an outline (a caption, "Title", a whole sentence made a bookmark
by a word processor) are left out. When the text's own outline holds levels above the
bookmarked ones (a Preface and Parts around bookmarked fields and sections), those
headings join the bookmarks; the bookmarks keep their place and order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from statistics import median

from reader.core.importers.paged import Bookmark, PageLine
from reader.core.importers.pdf.headings import CAPTION_RE as _CAPTION_RE
from reader.core.importers.pdf.headings import is_named, split_label

_MIN_RATIO = 0.85
_MAX_LINES = 5  # a long title wraps onto this many lines at most
_NOT_HEADINGS = frozenset({"title", "untitled", "cover", "titlepage", "frontcover"})


@dataclass(slots=True)
class Mark:
    """A heading to set on the lines: where it starts, how many lines, its level."""

    page: int
    line: int
    lines: int
    level: int
    title: str = ""
    run_in: int = 0  # a heading running into its paragraph: its characters on the line


def norm(text: str) -> str:
    """Letters and digits only, lower case: what two spellings of a title share."""
    return re.sub(r"[\W_]+", "", text.lower())


def usable(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """The bookmarks that can be headings: not numbered captions ("Figure 2"), whole
    sentences or "Title". A bare word that could open a caption ("Source", "Notes")
    names a section."""
    out = []
    for bm in bookmarks:
        words = bm.title.split()
        key = norm(bm.title)
        if key in _NOT_HEADINGS or not key:
            continue
        if _CAPTION_RE.match(bm.title) and re.search(r"\d|\b[IVX]+\b", bm.title):
            continue
        if len(words) > 24 or (bm.title.rstrip().endswith(".") and len(words) > 10):
            continue
        out.append(bm)
    return out


def _similar(want: str, got: str) -> float:
    """How well ``got`` matches ``want`` (both normalised): 1.0 exact, else the ratio
    when close enough, else 0."""
    if got == want:
        return 1.0
    if abs(len(got) - len(want)) > max(3, 0.2 * len(want)):
        return 0.0
    ratio = SequenceMatcher(None, want, got, autojunk=False).ratio()
    return ratio if ratio >= _MIN_RATIO else 0.0


def _spellings(text: str) -> tuple[str, ...]:
    """A heading line as a bookmark may name it: whole, or without the number the page
    prints before it ("5.6.1 Source" is bookmarked "Source")."""
    label, title, _, _ = split_label(text)
    if label and title:
        return norm(text), norm(title)
    return (norm(text),)


def _find(
    lines: list[PageLine], want: str, taken: set[int], exact: bool
) -> tuple[float, int, int] | None:
    """``(score, first line, line count)`` of the best match of ``want`` among
    ``lines``: one to five consecutive body lines, exactly or (``exact`` False)
    fuzzily; the first of equal matches."""
    best: tuple[float, int, int] | None = None
    for i, line in enumerate(lines):
        if not line.text or i in taken:
            continue
        if line.role:
            # A table of contents' own title, an index's letter: bookmarked, they are
            # headings (an exact match only; the entries stay contents).
            if exact and line.role == "contents" and norm(line.text) == want:
                return 1.0, i, 1
            continue
        text = ""
        for k in range(i, min(i + _MAX_LINES, len(lines))):
            if lines[k].role or not lines[k].text or k in taken:
                break
            text = f"{text} {lines[k].text}" if text else lines[k].text
            spellings = _spellings(text)
            score = max(
                (1.0 if got == want else 0.0) if exact else _similar(want, got) for got in spellings
            )
            if score and (best is None or score > best[0]):
                best = (score, i, k - i + 1)
                if score == 1.0:
                    return best
            if min(len(got) for got in spellings) > len(want) * 1.3:
                break
    return best


def _opens_with(text: str, title: str) -> bool:
    """Whether a line opens with ``title`` (after its printed number, if any) at a word's
    end: "hangsection=true, false" and "1.1 About cleanthesis" open with "hangsection"
    and "About"."""
    label, rest, _, _ = split_label(text)
    for candidate in (text, rest) if label else (text,):
        m = re.match(rf"\W*{re.escape(title)}(?![^\W_])", candidate, re.I)
        if m:
            return True
    return False


def _find_start(
    lines: list[PageLine], bm: Bookmark, taken: set[int]
) -> tuple[float, int, int] | None:
    """A line that opens with the bookmark's title when the bookmark's short title
    leaves out the rest of the printed one: right where the bookmark points, or going
    on after a colon or a dash ("Appendix A2: Typesetting two or more appendices")."""
    start = re.compile(rf"^\W*{re.escape(bm.title)}\s*[:.\u2013\u2014-]\s*\S", re.I)
    near: tuple[float, int] | None = None
    for i, line in enumerate(lines):
        if line.role or not line.text or i in taken:
            continue
        if start.match(line.text):
            return 0.9, i, 1
        at = bm.top is not None and line.top >= 0 and -3 <= line.top - bm.top < 40
        if at and _opens_with(line.text, bm.title) and (near is None or line.top < near[0]):
            near = (line.top, i)
    return (0.8, near[1], 1) if near else None


def place(pages: list[list[PageLine]], bookmarks: list[Bookmark]) -> list[Mark]:
    """Where each usable bookmark's title stands: on its page, the next or the one
    before; an exact match (with or without the printed number) anywhere there before a
    fuzzy one, then a line that opens with the title (where the bookmark points, or
    going on after a colon)."""
    marks: list[Mark] = []
    taken: dict[int, set[int]] = {}
    for bm in usable(bookmarks):
        want = norm(bm.title)
        where = [p for p in (bm.page, bm.page + 1, bm.page - 1) if 0 <= p < len(pages)]
        for exact in (True, False, None):
            found = None
            for p in where:
                hit = (
                    _find(pages[p], want, taken.setdefault(p, set()), exact)
                    if exact is not None
                    else _find_start(pages[p], bm, taken.setdefault(p, set()))
                )
                if hit is not None and (found is None or hit[0] > found[0][0]):
                    found = (hit, p)
                    if hit[0] == 1.0:
                        break
            if found is not None:
                (_, line, count), p = found
                taken[p].update(range(line, line + count))
                mark = Mark(p, line, count, bm.depth + 1, bm.title)
                lead = pages[p][line].text[: pages[p][line].lead]
                if exact is None and lead and _opens_with(lead, bm.title):
                    mark.run_in = len(lead)  # the title is the line's bold lead-in
                marks.append(mark)
                break
    return marks


def place_at_headings(
    pages: list[list[PageLine]], bookmarks: list[Bookmark], placed: list[Mark], found: list[Mark]
) -> list[Mark]:
    """Bookmarks whose title the page words otherwise ("The <options>" bookmarks the
    heading "All the available <options>"), placed on the heading the fonts found where
    the bookmark points: just below its position on its page, no other bookmark there."""
    done = Counter(m.title for m in placed)
    taken = {(m.page, m.line) for m in placed}
    out: list[Mark] = []
    for bm in usable(bookmarks):
        if done[bm.title]:
            done[bm.title] -= 1
            continue
        if bm.top is None:
            continue
        near = [
            (pages[m.page][m.line].top - bm.top, m)
            for m in found
            if m.page == bm.page
            and (m.page, m.line) not in taken
            and not m.run_in
            and -3 <= pages[m.page][m.line].top - bm.top < 40
        ]
        if near:
            m = min(near, key=lambda x: x[0])[1]
            taken.add((m.page, m.line))
            out.append(Mark(m.page, m.line, m.lines, bm.depth + 1, bm.title))
    return out


def merge(placed: list[Mark], found: list[Mark]) -> list[Mark]:
    """The bookmarks with the text's headings that stand above them.

    ``found`` is the outline read from the text (fonts or conventions). The bookmarks
    keep their nesting, shifted by the usual difference between their levels and the
    text's; headings the text has at levels above every bookmarked one are added (Parts
    around bookmarked chapters, a Preface before them).
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
    top = min(b.level for b in placed) + shift  # the bookmarks' top level in the text's terms
    # The bookmarks' own nesting stands, shifted under the levels the text shows above
    # them; the text's level of one heading does not override it.
    out = {
        (b.page, b.line): Mark(b.page, b.line, b.lines, b.level + shift, b.title, b.run_in)
        for b in placed
    }
    first = min((b.page, b.line) for b in placed)
    for m in found:
        if m.level >= top or (m.page, m.line) in out:
            continue
        # A named section after the bookmarks start (References, an appendix) is a peer
        # of the bookmarked ones the author left out, not a level above them; a Preface
        # before them is front matter the bookmarks do not cover.
        if is_named(m.title) and (m.page, m.line) > first:
            continue
        out[(m.page, m.line)] = m
    return [out[k] for k in sorted(out)]


def unprinted(
    pages: list[list[PageLine]], bookmarks: list[Bookmark], placed: list[Mark]
) -> list[Mark]:
    """Bookmarks the pages print no title for, as marks with no lines (``lines`` 0):
    the outline gets a node there, the text nothing the page does not print.

    A named section ("References", "Appendix") whose bookmark points at a spot with no
    title (a journal's reference list starts without a heading) is marked on the first
    paragraph at or below where it points. So is any other bookmark that could not be
    placed (its title printed in words the text does not read back, or not at all),
    when most bookmarks were placed: they are an outline, and this one belongs in it;
    without a position it marks its page's first paragraph.
    """
    done = Counter(m.title for m in placed)  # (placed on their page or one beside it)
    marks = usable(bookmarks)
    outline = 2 * len(placed) >= len(marks)
    out: list[Mark] = []
    for bm in marks:
        if done[bm.title]:
            done[bm.title] -= 1
            continue
        if not 0 <= bm.page < len(pages):
            continue
        lines = pages[bm.page]
        if is_named(bm.title):
            if bm.top is None or any(
                norm(ln.text).startswith(norm(bm.title)) for ln in lines if not ln.role
            ):
                continue  # printed after all, in words the placing did not take
        elif not outline:
            continue
        opens = [i for i, ln in enumerate(lines) if ln.opens and not ln.role and ln.text]
        below = [i for i in opens if bm.top is not None and -2 <= lines[i].top - bm.top < 60]
        if below:
            at = min(below, key=lambda i: (lines[i].top, i))
        elif opens and not is_named(bm.title):
            at = opens[0]
        else:
            continue
        out.append(Mark(bm.page, at, 0, bm.depth + 1, bm.title))
    return out
