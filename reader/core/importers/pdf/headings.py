"""Headings from font evidence: lines set apart by size or weight, with their numbering.

The body size is the size most characters have. A heading is a short paragraph of its
own (one to four lines, one style) that is larger than the body, or bold where the
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
_FIELD_RE = re.compile(r"^[^\W\d_][\w -]{0,30}:\s*[\d.,/-]+$")  # "Since: 2.0", "Date: 2020"
_MATH_RE = re.compile(r"[=<>+\u0370-\u03ff\u2190-\u22ff\[\]]")
_URL_RE = re.compile(r"https?://|www\.|@\w+\.\w")
_MAX_WORDS = 20
_NUMBER_WORD_RE = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)$",
    re.I,
)
_MAX_LINES = 4  # a long title wraps onto four lines at most
_TOP_NAMES = frozenset(NAMED_TITLES | {"references", "appendix", "annex", "index"})


@dataclass(slots=True)
class Style:
    """How a run of text is set."""

    size: float
    bold: bool
    caps: bool
    family: str = ""  # the typeface's family ("TeXGyreHeros" for a sans heading)
    italic: bool = False
    spaced: bool = False  # letter-spaced, as a class sets its headings in spaced capitals
    smallcaps: bool = False
    run_in: bool = False  # it runs into its paragraph: below a line of its own so set

    def stronger(self, other: Style) -> bool:
        """Set more prominently than ``other``: larger, or as large and bolder or in caps,
        or set as ``other`` but on a line of its own where ``other`` runs in."""
        if self.size > other.size + 0.6:
            return True
        if abs(self.size - other.size) <= 0.6:
            mine = (self.bold, self.caps, not self.run_in)
            return mine > (other.bold, other.caps, not other.run_in)
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
    if m and not (m.group("label").isdigit() and m.group("rest")[:1].islower()):
        # ("20 décembre 2022", "165 rue ...": a date or an address, not a section.)
        label = m.group("label")
        parts = [p for p in label.strip(".").split(".") if p]
        plain = bool(re.fullmatch(r"[IVXLC]+\.|\(\w+\)|[A-Z]\.", label))  # nest by type
        return label, m.group("rest").strip(), 0 if plain else len(parts), False
    return None, text, 0, False


def join_wrapped(lines: list[str]) -> str:
    """A heading's lines as one title: a word the line end hyphenated is whole again
    ("pack-" + "ages"), a compound keeps its hyphen ("Build-" + "Depends")."""
    out = ""
    for line in lines:
        if re.search(r"[^\W\d_]-$", out) and line[:1].isalpha():
            out = (out[:-1] if line[0].islower() else out) + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_heading_text(text: str) -> bool:
    """Whether a paragraph's text can be a heading at all, whatever its font."""
    words = text.split()
    if not words or len(words) > _MAX_WORDS or len(text) > 200:
        return False
    if sum(c.isalpha() for c in text) < 2 or CAPTION_RE.match(text) or _URL_RE.search(text):
        return False  # (a letter alone heads a group of an index)
    first = next(c for c in text if c.isalnum() or c in "(.")
    if first.isalpha() and first.islower():
        return False
    last = text.rstrip()[-1]
    if last in ",;:" or (last == "." and len(words) > 6) or _FIELD_RE.match(text):
        return False
    return not text.startswith(("\u2022", "-", "*", "[", "\u25cf", "\\"))  # "\\": TeX code


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
        label, title, depth, keyword = split_label(text)
        words = len(re.findall(r"[^\W\d_]{3,}", title))
        # Italic or small capitals set a heading apart when a subsection's number or a
        # face of its own says so too ("2.1 Discarded"; a sans italic heading over a
        # serif text); an italic line alone is a quotation, an emphasis or a list
        # item's lead.
        face = (
            (style.italic and not body.italic or style.smallcaps)
            and (depth >= 2 or (style.family != body.family and words >= 2))
            and not _MATH_RE.search(text)  # a formula is set in italic too
            and ":" not in text.rstrip(":")  # "Since: 2.0", a field's name
        )
        if not (
            style.size >= body.size + max(1.0, 0.1 * body.size)
            or (style.bold and not body.bold)
            or face
            or style.spaced
        ):
            continue
        if style.size < body.size - 0.6 and (
            style.size < body.size - max(1.2, 0.12 * body.size) or style.family == body.family
        ):
            # Small print set in bold is a caption or a note, or a table's labels, unless
            # a heading face of its own sets it apart (a class's sans small headings).
            continue
        if not title or not any(ch.isalpha() for ch in title) or _NUMBER_WORD_RE.match(title):
            continue  # ("ONE" under "CHAPTER", above the chapter's title: its number)
        cands.append(Candidate(i, text, style, label, title, depth, keyword))
    nest(cands)
    return cands


def style_of(
    size: float,
    bold: bool,
    text: str,
    family: str = "",
    italic: bool = False,
    spaced: bool = False,
    smallcaps: bool = False,
) -> Style:
    """The style of a paragraph set in ``size`` points."""
    caps = _caps(text) or smallcaps
    return Style(round(size * 2) / 2, bold, caps, family, italic, spaced, smallcaps)


def family_of(font_name: str) -> str:
    """A font's family without its style, optical size or foundry suffix: "TeXGyreHeros"
    for "ABCDEF+TeXGyreHeros-Bold", "LMRoman" for "LMRoman12-Bold", "Arial" for
    "Arial-BoldMT"."""
    name = re.split(r"[-,.]", font_name.split("+")[-1])[0]
    name = re.sub(r"(?:PSMT|MT|PS)$", "", name)
    return re.sub(r"\d+$", "", name)
