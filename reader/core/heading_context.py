"""Judge heading candidates by their context, not by their pattern alone.

A line that *can* be a heading (:func:`reader.core.headings.match_heading`) is kept
only when its surroundings agree. Each candidate gets a score from its convention
(a keyword label is strong evidence, ``(c)`` or a line in capitals is weak) and from:

- its numbering: does it continue a sequence of the same convention (``Sec. 1``,
  ``Sec. 2``) or start one, or does it jump (``(iv)`` with no ``(iii)`` before it)?
- its siblings: do other headings of the same shape exist?
- what follows: body text, or a deeper heading, rather than nothing;
- how long the text under it runs (list items are short);
- a lead-in ending with a colon just before it (then it is a list item);
- explicit structure: in a document with Markdown/HTML/Word headings, weak
  conventions in paragraphs are emphasis or list items, and a label repeating an
  explicit heading's is a cover page or a table of contents;
- bylines and closings: a name in capitals right under a heading, a signature or
  slogan in capitals with little or nothing under it.

Candidates scoring at least :data:`KEEP` are headings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from reader.core.headings import HeadingMatch, title_cased
from reader.core.model import CONTENT_KINDS, FURNITURE, HEADING, TITLE, Block, is_gap
from reader.core.shown_text import ShownText

KEEP = 2.0
_BASE = {
    "strong": 3.0,
    "named": 2.0,
    "dec": 1.5,
    "weak": 1.0,
    "caps": 1.0,
    "bold": 1.0,
    "indented": 1.0,
}
_SHORT_BODY = 40  # characters: a list item's text, not a section's
_BYLINE_GAP = 120  # the lines between a heading and its byline are this short
_TIGHT_SERIES = 3  # sections numbered "1.Title" that make a document's style
_CAPS_SERIES = 3  # capitals lines directly over their text that make a document's style
_BOLD_SERIES = 3  # bold paragraphs that make a page's section style
_INDENT_SERIES = 3  # keyword headings at one indent that make it the headings' indent


@dataclass(slots=True)
class Evidence:
    """What the context says about one candidate (kept for tests and tuning)."""

    score: float
    reasons: list[tuple[str, float]]  # (what was seen, points it gave)


@dataclass(slots=True)
class Candidate:
    """A block that may be a heading, with what its line says."""

    index: int
    key: str
    label: str | None
    title: str
    explicit_level: int = 0  # Markdown/HTML heading level; 0 for text conventions
    match: HeadingMatch | None = None
    run_in_end: int | None = None  # text offset where a run-in heading ends
    merge_to: int | None = None  # index of a following block that holds its title
    body: bool = False  # a numbered paragraph that cannot be a heading (counted in sequences)
    bold: bool = False  # a web page's paragraph that opens in bold (its number or all of it)
    evidence: Evidence | None = field(default=None, repr=False)


def _kind(c: Candidate) -> str:
    m = c.match
    if m is None:
        return "explicit"
    if m.strong:
        return "strong"
    if c.key in ("named", "contents"):
        return "named"
    if c.key in ("bold", "indented"):
        return c.key
    if c.key == "caps":
        return "caps"
    return "dec" if c.key.startswith("dec") else "weak"


def _title_style(title: str) -> str:
    """``caps`` or ``title`` case, which set a heading's title apart; else ``text``."""
    if title.isupper():
        return "caps"
    return "title" if title_cased(title) and len(title.split()) > 1 else "text"


def _norm(label: str | None) -> str:
    return re.sub(r"[\W_]+", "", (label or "").lower())


def _neighbours(blocks: list[Block], start: int, step: int) -> Iterator[int]:
    """Indexes of the non-gap blocks from ``start`` going by ``step`` (lazily: callers
    look at a few)."""
    k = start
    while 0 <= k < len(blocks):
        if not is_gap(blocks[k]) and blocks[k].kind != FURNITURE:
            yield k
        k += step


def _leads_in(title: str) -> bool:
    """A sentence ending with a colon ("1. The following changes are made:"), which
    opens the list under it; a heading's short title may end so ("2. Definitions:")."""
    return title.endswith(":") and len(title.split()) > 5 and not title_cased(title)


class _Context:
    def __init__(self, shown: ShownText, blocks: list[Block], cands: list[Candidate]) -> None:
        self.shown = shown
        self.blocks = blocks
        self.numbered = [c for c in cands if c.match is not None and c.match.value is not None]
        self.cands = [c for c in cands if not c.body]
        self.at = {c.index: c for c in self.cands}
        self.explicit = [c for c in self.cands if c.explicit_level]
        self.explicit_labels = {_norm(c.label) for c in self.explicit if c.label}
        # Explicit section headings: a lone heading opening the document is its title
        # (an underlined or `#` title line), which says nothing of how sections are written.
        self.explicit_sections = self.explicit
        if len(self.explicit) == 1 and self.cands[0] is self.explicit[0]:
            self.explicit_sections = []
        self.count = Counter(c.key for c in self.cands if not c.explicit_level)
        # Only keyword, named and capitals headings are suspicious when repeated.
        self.shapes = {
            c.index: self._shape(c)
            for c in self.cands
            if not c.explicit_level and _kind(c) in ("strong", "caps", "named")
        }
        self.same = Counter(self.shapes.values())
        self.sequence, self.listed = self._sequences()
        # How the document titles the numbered headings it sets on a line of their own
        # ("4.1 ENTREE EN VIGUEUR"): a headed paragraph of that style among untitled
        # numbered ones ("11.1 CAUSE EXTERIEURE" beside "11.2 Le fait ...") is one too.
        self.headed_styles = {
            (c.key, _title_style(c.title))
            for c in self.cands
            if c.index not in self.listed and c.run_in_end is None and _kind(c) in ("dec", "weak")
        }
        # "1.Definitions" (no space after the stop) is a heading style only when the
        # document writes a series of its sections so; once, it is a typing slip.
        self.tight = sum(1 for c in self.cands if c.match is not None and c.match.tight)
        # Lines in capitals each directly over its text, no blank line between
        # ("DEFINITIONS" / "In this licence ..."): a series of them is the style of
        # the document's sections.
        self.over_text = sum(1 for c in self.cands if self._caps_over_text(c))
        # Paragraphs in bold, or led by a bold number: a series of them is how a web
        # page marks its sections (one alone is emphasis).
        self.bold = sum(1 for c in self.cands if c.bold)
        # The indents at which the document sets its keyword headings ("    Article 4"),
        # with how many stand at each.
        self.heading_indents = Counter(
            self._indent(c) for c in self.cands if _kind(c) == "strong" and c.run_in_end is None
        )
        self.indent_key = {
            self._indent(c): c.key
            for c in reversed(self.cands)
            if _kind(c) == "strong" and c.run_in_end is None
        }
        # A title block the importer set apart (a web page's cover): the lines over it
        # are the cover's (the house, the stage of a bill), not sections.
        self.title_at = next((k for k, b in enumerate(blocks) if b.kind == TITLE), -1)

    def _indent(self, c: Candidate) -> int:
        b = self.blocks[c.index]
        lead = self.shown.text[b.start : b.content_start]
        return len(lead) if "\n" not in lead else -1

    def _caps_over_text(self, c: Candidate) -> bool:
        if c.explicit_level or _kind(c) not in ("caps", "named") or not c.title.isupper():
            return False
        k = c.index + 1
        return k < len(self.blocks) and self.blocks[k].kind in CONTENT_KINDS

    @staticmethod
    def _shape(c: Candidate) -> tuple[str, str, str]:
        return (c.key, _norm(c.label), _norm(c.title))

    def _sequences(self) -> tuple[dict[int, int], set[int]]:
        """For each numbered candidate: +1 when it starts or continues its convention's
        numbering (numbered body paragraphs count), -1 when it jumps; and the
        candidates whose run of numbers is mostly body paragraphs (a list)."""
        last: dict[str, int] = {}
        seq: dict[int, int] = {}
        runs: dict[str, list[list[Candidate]]] = {}
        for c in self.numbered:
            value = c.match.value if c.match else None
            prev = last.get(c.key)
            # A series may start at 0 ("0. Definitions", as some licences number).
            follows = value in (0, 1) or (prev is not None and value == prev + 1)
            seq[c.index] = 1 if follows else -1
            key_runs = runs.setdefault(c.key, [])
            if not key_runs or value in (0, 1) or not follows:
                key_runs.append([])
            key_runs[-1].append(c)
            last[c.key] = value or 0
        listed: set[int] = set()
        for key_runs in runs.values():
            for run in key_runs:
                body = sum(1 for c in run if c.body)
                if body > len(run) - body:
                    listed.update(c.index for c in run if not c.body)
        return seq, listed

    def body_after(self, c: Candidate) -> tuple[int, bool, Candidate | None]:
        """Characters of body text under ``c`` up to the next candidate; whether body
        text or a heading follows it at once; the heading that follows it at once when
        it is of another convention (then ``c`` is its parent)."""
        n = 0
        if c.run_in_end is not None:
            n = self.blocks[c.index].content_end - c.run_in_end
        followed, child = n > 0, None
        start = (c.merge_to if c.merge_to is not None else c.index) + 1
        for k in _neighbours(self.blocks, start, 1):
            nxt = self.at.get(k)
            if nxt is not None:
                if n == 0 and not followed and nxt.key != c.key:
                    followed, child = True, nxt
                break
            b = self.blocks[k]
            if b.kind in CONTENT_KINDS:
                followed = True
                n += b.content_end - b.content_start
        return n, followed, child

    def lead_in_colon(self, c: Candidate) -> bool:
        before = list(islice(_neighbours(self.blocks, c.index - 1, -1), 1))
        if not before or before[0] in self.at:
            return False
        b = self.blocks[before[0]]
        return b.kind in CONTENT_KINDS and self.shown.content(b).rstrip().endswith((":", "："))

    def byline(self, c: Candidate) -> bool:
        """A short line right under another heading's head (its title, a dateline)."""
        for k in islice(_neighbours(self.blocks, c.index - 1, -1), 3):
            other = self.at.get(k)
            if other is not None:
                return other is not c and _kind(other) in ("strong", "explicit")
            b = self.blocks[k]
            if b.kind == HEADING:
                return True
            if b.content_end - b.content_start > _BYLINE_GAP:
                return False
        return False

    def closing(self, c: Candidate) -> bool:
        """Nothing but a few short lines after it to the end of the document."""
        total = 0
        for k in _neighbours(self.blocks, (c.merge_to or c.index) + 1, 1):
            size = self.blocks[k].content_end - self.blocks[k].content_start
            total += size
            if size >= 120 or total >= 300:
                return False
        return True

    def judge(self, c: Candidate) -> Evidence:
        kind = _kind(c)
        score = _BASE[kind]
        why = [(kind, score)]

        def add(points: float, reason: str) -> None:
            nonlocal score
            score += points
            why.append((reason, points))

        seq = self.sequence.get(c.index, 0)
        if seq > 0:
            add(1, "numbering")
        elif seq < 0:
            add(-2 if c.run_in_end is not None else -1.5, "numbering jumps")
        body, followed, child = self.body_after(c)
        parent = child is not None
        # A line in capitals over "1." ... heads those sections ("TERMS AND CONDITIONS").
        heads_numbers = child is not None and child.match is not None and child.match.value == 1
        # A bold paragraph among a series of them: the page's way of marking sections.
        bold_series = c.bold and self.bold >= _BOLD_SERIES
        if self.count[c.key] >= 2 and kind != "indented":  # its indent says it all
            add(0.5, "siblings")
        elif bold_series:
            pass  # its siblings are the series, whatever their shapes
        elif kind == "caps" or (kind in ("weak", "dec") and not parent and seq <= 0):
            add(-1, "alone")
        if followed:
            add(0.5, "followed by text")
        if body < _SHORT_BODY and kind in ("weak", "caps", "dec") and not parent:
            add(-1, "little under it")
        if c.index in self.listed and kind in ("weak", "dec"):
            if c.run_in_end is None and (c.key, _title_style(c.title)) in self.headed_styles:
                add(0, "titled as the document's headings of its numbering are")
            else:
                add(-2.5, "numbered like the body paragraphs around it")
        if c.match is not None and c.match.tight and self.tight < _TIGHT_SERIES:
            add(-3, "a number without a space, not a series")
        if kind in ("weak", "dec") and self.lead_in_colon(c):
            add(-2, "after a lead-in")
        if kind in ("weak", "dec") and _leads_in(c.title):
            add(-2, "a sentence leading into a list")
        if kind in ("weak", "caps", "dec", "bold") and c.index < self.title_at:
            add(-3, "on the cover, over the title")
        if bold_series:
            add(1.5, "one of a series of bold headings")
        elif kind == "indented" and self.heading_indents[self._indent(c)] >= _INDENT_SERIES:
            add(1.5, "indented as the document's keyword headings are")
            c.key = self.indent_key[self._indent(c)]  # and nested as they are
        elif self.explicit_sections and kind in ("weak", "caps", "dec", "bold"):
            add(-2.5, "explicit headings exist")
        if c.label and _norm(c.label) in self.explicit_labels:
            add(-4, "repeats an explicit heading")
        repeated = c.index in self.shapes and self.same[self.shapes[c.index]] > 1
        if repeated and (kind in ("strong", "caps") or (kind == "named" and self.explicit)):
            add(-2, "repeated word for word")  # a running title, not a heading
        if kind == "caps":
            # One of a series of capitals lines over their text heads a section however
            # short, and is no byline even right under the title.
            series = bold_series or (self.over_text >= _CAPS_SERIES and self._caps_over_text(c))
            if series and not bold_series:
                add(1, "one of a series of capitals lines over their text")
            elif self.byline(c):
                add(-3, "byline")
            if heads_numbers:
                add(0.5, "heads numbered sections")
            elif body < 250 and not series:
                add(-1.5, "short section")
            if self.closing(c) or c.title.rstrip().endswith("!"):
                add(-2, "closing line")
        return Evidence(score, why)


def judge_candidates(
    text: str, blocks: list[Block], cands: list[Candidate], shown: ShownText | None = None
) -> list[Candidate]:
    """The candidates their context confirms as headings (explicit ones always).

    ``cands`` may include numbered body paragraphs (``body``): they are counted in
    numbering sequences and never returned. ``shown`` is what a reader sees of ``text``.
    """
    ctx = _Context(shown or ShownText(text), blocks, cands)
    keep = []
    for c in ctx.cands:
        if c.explicit_level:
            keep.append(c)
            continue
        c.evidence = ctx.judge(c)
        if c.evidence.score >= KEEP:
            keep.append(c)
    return keep
