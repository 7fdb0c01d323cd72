"""A comparison as Markdown: each aligned pair with its differences, then what is unmatched.

Every piece of document text goes through :mod:`reader.core.export.escape`, so a
``#`` or ``<script>`` in a paper shows literally. Differences use ``~~removed~~`` and
``**added**`` (strikethrough is a GitHub/Obsidian/Pandoc extension; without it the
tildes still show). A pair whose texts share little (a news paragraph and the section
it reports on) is shown as both texts: a word diff of them would be all noise.

Pairs that share a unit (five news paragraphs on one section, a section split in two)
form one group, shown once: the pairs with their figures, then each unit's text once.
"""

from __future__ import annotations

import re

from reader import __version__
from reader.core.compare.diff import word_diff
from reader.core.compare.model import DELETE, EQUAL, INSERT, Alignment, DiffOp, Pair, Unit
from reader.core.compare.units import span_text
from reader.core.export.escape import escape_inline, escape_lines, yaml_value
from reader.core.export.markdown import citation
from reader.core.ids import short_id
from reader.core.model import Document

# Below this body similarity the report shows both texts instead of a word diff.
DIFF_MIN_SIMILARITY = 0.5
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def comparison_markdown(
    doc_a: Document, doc_b: Document, alignment: Alignment, *, generated: str | None = None
) -> str:
    """The report of ``alignment`` between ``doc_a`` and ``doc_b``, as Markdown.

    :param generated: a timestamp for the front matter (left out when None).
    """
    lines = _front_matter(doc_a, doc_b, alignment, generated)
    lines += [f"# Comparison: {escape_inline(doc_a.title)} / {escape_inline(doc_b.title)}", ""]
    lines += [f"- **A:** {_document_line(doc_a)}", f"- **B:** {_document_line(doc_b)}"]
    lines += [
        f"- **Aligned pairs:** {len(alignment.pairs)}; **only in A:** "
        f"{len(alignment.only_a)}; **only in B:** {len(alignment.only_b)}",
        "",
        "## Aligned sections",
        "",
    ]
    for group in pair_groups(alignment.pairs):
        if len(group) == 1:
            lines += pair_lines(doc_a, doc_b, group[0])
        else:
            lines += group_lines(doc_a, doc_b, group)
    if not alignment.pairs:
        lines += ["(none: no section of one document matches a section of the other)", ""]
    for side, doc, units in (("A", doc_a, alignment.only_a), ("B", doc_b, alignment.only_b)):
        lines += [f"## Only in {side}: {escape_inline(doc.title)}", ""]
        lines += [f"- {unit_citation(doc, u)}" for u in units] or ["- (none)"]
        lines.append("")
    return "\n".join(lines)


def pair_lines(doc_a: Document, doc_b: Document, pair: Pair) -> list[str]:
    """One aligned pair: heading, figures, citations, then the diff or both texts."""
    lines = [
        f"### {escape_inline(pair.a.display)} ↔ {escape_inline(pair.b.display)}",
        "",
        f"- **Match:** {pair.score:.2f} by {pair.method}; **similarity:** {pair.similarity:.0%}",
        f"- **A:** {unit_citation(doc_a, pair.a)}",
        f"- **B:** {unit_citation(doc_b, pair.b)}",
        "",
    ]
    if pair.similarity >= DIFF_MIN_SIMILARITY:
        lines += diff_paragraphs(doc_a, doc_b, word_diff(doc_a, pair.a, doc_b, pair.b))
    else:
        for side, doc, unit in (("A", doc_a, pair.a), ("B", doc_b, pair.b)):
            lines += [f"**{side}:**", ""]
            lines += _quote(span_text(doc, unit.body_start, unit.end))
    return lines


def pair_groups(pairs: list[Pair]) -> list[list[Pair]]:
    """``pairs`` grouped by shared units (connected through A or B), in order of first pair."""
    parent = list(range(len(pairs)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first_seen: dict[tuple[str, str], int] = {}
    for n, pair in enumerate(pairs):
        for unit_id in (("a", pair.a.key), ("b", pair.b.key)):
            if unit_id in first_seen:
                parent[root(n)] = root(first_seen[unit_id])
            else:
                first_seen[unit_id] = n
    groups: dict[int, list[Pair]] = {}
    for n, pair in enumerate(pairs):
        groups.setdefault(root(n), []).append(pair)
    return sorted(groups.values(), key=lambda g: pairs.index(g[0]))


def group_lines(doc_a: Document, doc_b: Document, group: list[Pair]) -> list[str]:
    """Pairs sharing units: heading, each pair's figures, then every unit's text once."""
    units_a = _distinct([p.a for p in group])
    units_b = _distinct([p.b for p in group])
    lines = [f"### {_group_side(units_a)} ↔ {_group_side(units_b)}", ""]
    for pair in group:
        lines.append(
            f"- {escape_inline(pair.a.display)} ↔ {escape_inline(pair.b.display)}: "
            f"**match** {pair.score:.2f} by {pair.method}; **similarity** {pair.similarity:.0%}"
        )
    lines.append("")
    for side, doc, units in (("A", doc_a, units_a), ("B", doc_b, units_b)):
        for unit in units:
            lines += [f"**{side}:** {unit_citation(doc, unit)}", ""]
            lines += _quote(span_text(doc, unit.body_start, unit.end))
    return lines


def _distinct(units: list[Unit]) -> list[Unit]:
    """``units`` without repeats, in document order."""
    return sorted({u.key: u for u in units}.values(), key=lambda u: u.start)


def _group_side(units: list[Unit]) -> str:
    if len(units) == 1:
        return escape_inline(units[0].display)
    return f"{len(units)} {units[0].kind}s"


def diff_paragraphs(doc_a: Document, doc_b: Document, ops: list[DiffOp]) -> list[str]:
    """The word diff as Markdown paragraphs: kept text plain, ~~removed~~, **added**.

    Pieces are joined as the source text joins them (``decade**.**`` keeps no space
    before the full stop), and a blank line in the source starts a new paragraph.
    """
    out = _DiffText()
    last_a = ops[0].a_start if ops else 0
    last_b = ops[0].b_start if ops else 0
    for op in ops:
        if op.kind != INSERT:
            mark = "" if op.kind == EQUAL else "~~"
            out.add(doc_a.text[last_a : op.a_start], doc_a.text[op.a_start : op.a_end], mark)
        if op.kind not in (EQUAL, DELETE):
            gap = doc_b.text[last_b : op.b_start] if op.kind == INSERT else " "
            out.add(gap, doc_b.text[op.b_start : op.b_end], "**")
        # An insert consumes no A text and a delete no B text: the gap before the
        # next piece is measured from the last text each side really showed.
        if op.kind != INSERT:
            last_a = op.a_end
        if op.kind != DELETE:
            last_b = op.b_end
    return out.lines()


class _DiffText:
    """Markdown paragraphs built piece by piece."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = [""]

    def add(self, gap: str, text: str, mark: str) -> None:
        """Append ``text`` wrapped in ``mark`` after the source whitespace ``gap``."""
        for n, part in enumerate(_PARAGRAPH_BREAK.split(text)):
            if n or _PARAGRAPH_BREAK.search(gap):
                self.paragraphs.append("")
            elif gap and self.paragraphs[-1]:
                self.paragraphs[-1] += " "
            if part.strip():
                self.paragraphs[-1] += f"{mark}{escape_inline(part)}{mark}"
            gap = ""

    def lines(self) -> list[str]:
        """The paragraphs, each followed by a blank line."""
        return [line for p in self.paragraphs if p for line in (p, "")]


def unit_citation(doc: Document, unit: Unit) -> str:
    """``*Title* (2016-11-24), Part IV > 6. ... > (1) Military ..., p. 3`` (escaped)."""
    return citation(doc.title, doc.date, unit.citation, doc.source)


def _quote(text: str) -> list[str]:
    return [("> " + line) if line else ">" for line in escape_lines(text.strip())] + [""]


def _document_line(doc: Document) -> str:
    return f"{citation(doc.title, doc.date, source=doc.source)}, id `{short_id(doc.id)}`"


def _front_matter(
    doc_a: Document, doc_b: Document, alignment: Alignment, generated: str | None
) -> list[str]:
    lines = [
        "---",
        f"title: {yaml_value(f'Comparison: {doc_a.title} / {doc_b.title}')}",
        f"generator: {yaml_value(f'Policy Reader {__version__}')}",
        f"document_a: {yaml_value(doc_a.id)}",
        f"document_b: {yaml_value(doc_b.id)}",
        f"pairs: {len(alignment.pairs)}",
    ]
    if generated:
        lines.append(f"generated: {yaml_value(generated)}")
    return lines + ["---", ""]
