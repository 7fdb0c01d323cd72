"""How headings nest: the outline level of each heading.

Conventions are nested by the order in which they appear in each document: the
first convention seen is the outermost, a convention seen for the first time below
another becomes its child, and meeting a convention again closes everything opened
inside it. Explicit headings (Markdown ``#``, HTML ``h1``-``h6``) nest by their
level, and conventions found in paragraphs nest below them. Container keywords
(parts, titles, appendices) go above the lesser ones opened before them.
"""

from __future__ import annotations

from reader.core.heading_bold import groups_series, unnumbered_bold
from reader.core.heading_context import Candidate

# Keywords that contain others: a Part that first appears after some Sections still
# goes above them. Conventions without a rank nest by order of appearance only.
KEYWORD_RANK = {
    "book": 8,
    "编": 8,
    "part": 7,
    "部分": 7,
    "title": 7,
    "subtitle": 6,
    "chapter": 5,
    "章": 5,
    "subchapter": 4,
    "节": 3,
    "amendment": 7,
    "schedule": 7,
    "annex": 7,
    "appendix": 7,
    "protocol": 7,
    "section": 2,
    "article": 1,
    "§": 1,
    "条": 1,
}


_CONTAINER_RANK = 7  # parts, titles, annexes: above any convention without a rank


def _outranked(stack: list[Candidate], c: Candidate) -> int | None:
    """Where a container keyword seen for the first time closes the lesser keywords
    opened before it (``PART 3`` after ``Sec. 2`` goes above it, not inside)."""
    rank = KEYWORD_RANK.get(c.key, 0)
    if not rank:
        return None
    for k, other in enumerate(stack):
        if other.explicit_level:
            continue
        other_rank = KEYWORD_RANK.get(other.key, 0)
        # A book, part or appendix also closes the numbered sections and lines in
        # capitals before it: an appendix after "9." is not a piece of section 9.
        if 0 < other_rank < rank or (rank >= _CONTAINER_RANK and not other_rank):
            return k
    return None


def assign_levels(cands: list[Candidate]) -> list[int]:
    """Outline level (1 = top) of each candidate, by order of appearance.

    An unnumbered bold heading of a web page is a sibling of the numbered sections
    around it (a preamble before ``1.``), unless the numbering goes on across it: then
    it takes the place of the section before it and the rest of the series nests in it.
    """
    levels: list[int] = []
    stack: list[Candidate] = []
    grouping: set[int] = set()
    for k, c in enumerate(cands):
        if stack and unnumbered_bold(stack[-1]) and id(stack[-1]) not in grouping and c.match:
            stack.pop()  # the bold heading before a series is its sibling
        if unnumbered_bold(c) and groups_series(cands, k):
            key = cands[k - 1].key
            at = next((p for p in range(len(stack) - 1, -1, -1) if stack[p].key == key), len(stack))
            del stack[at:]
            stack.append(c)
            grouping.add(id(c))
            levels.append(len(stack))
            continue
        if c.key == "named":
            stack.clear()  # front and back matter sit at the top and take no children
            levels.append(1)
            continue
        if c.explicit_level:
            while stack and (
                not stack[-1].explicit_level or stack[-1].explicit_level >= c.explicit_level
            ):
                stack.pop()
            stack.append(c)
            levels.append(len(stack))
            continue
        pos = None
        for p in range(len(stack) - 1, -1, -1):
            if stack[p].explicit_level:
                break
            if stack[p].key == c.key:
                pos = p
                break
        if pos is None:
            pos = _outranked(stack, c)
        if pos is None:
            stack.append(c)
        else:
            del stack[pos:]
            stack.append(c)
        levels.append(len(stack))
    return levels
