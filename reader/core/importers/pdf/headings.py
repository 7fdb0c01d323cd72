"""Headings from font evidence: lines set apart by size or weight, with their numbering.

The body size is the size most characters have. A heading is a short paragraph of its
own (one to three lines, one style) that is larger than the body, or bold where the
body is not; a number in front (``1``, ``2.1.``, ``A.1``, ``.01``, ``Part IV``) gives its
label. Captions (``Figure 2 ...``), table rows, sentences and closing lines are not
headings, nor is the front matter above a first page's text (author names).

Nesting follows the numbering where both headings are numbered (``2.1`` inside ``2``),
otherwise the type: a heading sits inside the nearest heading before it set in a
stronger style (larger, or as large and bolder). Front and back matter named as such
(``Abstract``, ``References``, ``Appendix A``) stands at the top.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.core.headings import NAMED_TITLES

_DECIMAL_RE = re.compile(
    r"^(?P<label>(?:\d{1,3}|[A-Z])(?:\.\d{1,3})+\.?|\d{1,3}\.?|\.\d{1,3}|[IVXLC]{1,6}\."
    r"|\(\d{1,3}\)|\([a-z]\)|[A-Z]\.)"
    r"(?=\s)\s+(?P<rest>\S.*)$"
)
_KEYWORD_RE = re.compile(
    r"^(?P<label>(?:part|chapter|chapitre|section|article|annex|annexe|appendix|title|titre"
    r"|schedule|book|livre|partie)\s+(?:[IVXLC]{1,6}|\d{1,3}|[A-Z])\b\.?)"
    r"\s*[:.\-\u2013\u2014]?\s*(?P<rest>.*)$",
    re.I,
)
CAPTION_RE = re.compile(
    r"^(?:figure|fig\.|table|tableau|chart|graph|box|exhibit|map|carte|source|sources|note"
    r"|notes|photo|illustration|image|graphique|diagram)s?\s*[:.]?\s*(?:[\dIVX]|$|:)",
    re.I,
)
_URL_RE = re.compile(r"https?://|www\.|@\w+\.\w")
_MAX_WORDS = 20
_MAX_LINES = 3
_TOP_NAMES = frozenset(NAMED_TITLES | {"references", "appendix", "annex", "index"})


@dataclass(slots=True)
class Style:
    """How a run of text is set."""

    size: float
    bold: bool
    caps: bool

    def stronger(self, other: Style) -> bool:
        """Set more prominently than ``other``: larger, or as large and bolder or in caps."""
        if self.size > other.size + 0.6:
            return True
        if abs(self.size - other.size) <= 0.6:
            return (self.bold, self.caps) > (other.bold, other.caps)
        return False


@dataclass(slots=True)
class Candidate:
    """A paragraph the fonts set apart as a heading."""

    index: int  # index of its paragraph
    text: str
    style: Style
    label: str | None
    title: str
    depth: int = 0  # numbering depth of a decimal label ("2.1" = 2), 0 otherwise
    keyword: bool = False  # "Part IV", "Chapter 3", "Appendix A"
    level: int = 0


def split_label(text: str) -> tuple[str | None, str, int, bool]:
    """``(label, title, decimal depth, keyword)`` of a heading's text."""
    m = _KEYWORD_RE.match(text)
    if m and m.group("rest") != text:
        return m.group("label").rstrip("."), m.group("rest").strip(), 0, True
    m = _DECIMAL_RE.match(text)
    if m:
        label = m.group("label")
        parts = [p for p in label.strip(".").split(".") if p]
        plain = bool(re.fullmatch(r"[IVXLC]+\.|\(\w+\)|[A-Z]\.", label))  # nest by type
        return label, m.group("rest").strip(), 0 if plain else len(parts), False
    return None, text, 0, False


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_heading_text(text: str) -> bool:
    """Whether a paragraph's text can be a heading at all, whatever its font."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS or len(text) > 200:
        return False
    if not any(c.isalpha() for c in text) or CAPTION_RE.match(text) or _URL_RE.search(text):
        return False
    first = next(c for c in text if c.isalnum() or c in "(.")
    if first.isalpha() and first.islower():
        return False
    last = text.rstrip()[-1]
    if last in ",;:" or (last == "." and len(words) > 6):
        return False
    return not text.startswith(("\u2022", "-", "*", "[", "\u25cf"))


def is_named(title: str) -> bool:
    """Front or back matter named as such: Abstract, References, Appendix A."""
    name = " ".join(re.sub(r"[^\w ]", " ", title.lower()).split())
    return name in _TOP_NAMES or name.split(" ")[0] in ("appendix", "annex")


def nest(cands: list[Candidate]) -> None:
    """Give each candidate its outline level (1 = top)."""
    stack: list[Candidate] = []
    for c in cands:
        if is_named(c.title) and not c.depth:
            stack.clear()
        else:
            while stack and not _parent(stack[-1], c):
                stack.pop()
        stack.append(c)
        c.level = len(stack)


def _parent(p: Candidate, c: Candidate) -> bool:
    if p.depth and c.depth:
        return p.depth < c.depth
    if p.keyword and c.keyword:
        return p.style.stronger(c.style)
    if p.keyword and c.depth:
        return not c.style.stronger(p.style)
    if c.keyword and p.depth:
        return False
    return p.style.stronger(c.style)


def find_headings(paras: list[tuple[str, Style, int]], body: Style) -> list[Candidate]:
    """Headings among paragraphs given as ``(text, style, line count)``; ``body`` is the
    style of the running text. Each candidate gets its label, title and level."""
    repeats = Counter(text for text, _, _ in paras)
    cands: list[Candidate] = []
    for i, (text, style, nlines) in enumerate(paras):
        if nlines > _MAX_LINES or repeats[text] > 2 or not is_heading_text(text):
            continue
        if not (
            style.size >= body.size + max(1.0, 0.1 * body.size) or (style.bold and not body.bold)
        ):
            continue
        if style.size < body.size - 0.6:
            continue  # small print set in bold: a caption or a note, not a heading
        label, title, depth, keyword = split_label(text)
        if not title or not any(ch.isalpha() for ch in title):
            continue
        cands.append(Candidate(i, text, style, label, title, depth, keyword))
    nest(cands)
    return cands


def style_of(size: float, bold: bool, text: str) -> Style:
    """The style of a paragraph set in ``size`` points."""
    return Style(round(size * 2) / 2, bold, _caps(text))
