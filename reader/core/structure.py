"""Document structure: which blocks are headings, how they nest, and the outline.

Conventions are nested by the order in which they appear in each document: the
first convention seen is the outermost, a convention seen for the first time below
another becomes its child, and meeting a convention again closes everything opened
inside it. Explicit headings (Markdown ``#``, HTML ``h1``-``h6``) nest by their
level, and conventions found in paragraphs nest below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.headings import HeadingMatch, looks_like_title, match_heading
from reader.core.model import (
    BLANK,
    CONTENT_KINDS,
    FURNITURE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TITLE,
    Block,
    OutlineNode,
    is_gap,
)

_ENDS_OPEN_RE = re.compile(r"[\w,\-\u2013\u2014(]")  # a paragraph ending mid-sentence


@dataclass(slots=True)
class _Candidate:
    index: int
    key: str
    label: str | None
    title: str
    explicit_level: int = 0  # Markdown/HTML heading level; 0 for text conventions
    match: HeadingMatch | None = None


def _text(text: str, b: Block) -> str:
    return " ".join(text[b.content_start : b.content_end].split())


def _same_group(i: int, j: int) -> bool:
    """Blocks i < j follow each other with no blank line between them."""
    return j == i + 1


def _resolve_letter_keys(cands: list[_Candidate]) -> None:
    """Decide whether (i), (v), (x), I., V., X. continue a letter or a roman sequence."""
    last_value: dict[str, int] = {}
    for c in cands:
        m = c.match
        if m is not None and m.letter:
            alpha_key = c.key.replace("roman", "alpha")
            alpha_value = ord(m.letter.lower()) - ord("a") + 1
            if (
                last_value.get(alpha_key) == alpha_value - 1
                and last_value.get(c.key) != (m.value or 0) - 1
            ):
                c.key = alpha_key
                m.value = alpha_value
        if m is not None and m.value is not None:
            last_value[c.key] = m.value


def find_candidates(text: str, blocks: list[Block], conventions: bool = True) -> list[_Candidate]:
    """Explicit headings, and paragraphs that match a heading convention."""
    cands: list[_Candidate] = []
    for i, b in enumerate(blocks):
        if b.kind == HEADING:
            title = b.title or _text(text, b)
            label = b.label
            m = match_heading(title)
            if m is not None and m.label and label is None:
                label, title = m.label, m.title  # "Part I Land" -> label "Part I"
            cands.append(_Candidate(i, f"h{b.level}", label, title, explicit_level=b.level))
        elif conventions and b.kind == PARAGRAPH and b.content_end - b.content_start < 600:
            content = text[b.content_start : b.content_end]
            lines = [x.strip() for x in content.splitlines() if x.strip()]
            if not lines or len(lines) > 2:
                continue
            m = match_heading(lines[0])
            if m is None:
                continue
            if len(lines) == 2:
                # Only "Article 1" + its title on the next line makes a two-line heading.
                if not (m.strong and not m.title and looks_like_title(lines[1])):
                    continue
                m.title = lines[1]
            cands.append(_Candidate(i, m.key, m.label, m.title, match=m))
    _resolve_letter_keys(cands)
    return cands


def _filter_in_context(text: str, blocks: list[Block], cands: list[_Candidate]) -> list[_Candidate]:
    """Drop candidates that their surroundings show to be list items or stray lines."""
    by_index = {c.index: c for c in cands}
    keep: list[_Candidate] = []
    last_body = max(
        (i for i, b in enumerate(blocks) if b.kind in CONTENT_KINDS or b.kind == HEADING),
        default=-1,
    )
    for c in cands:
        if c.explicit_level:
            keep.append(c)
            continue
        prev = by_index.get(c.index - 1)
        nxt = by_index.get(c.index + 1)
        in_list = (prev is not None and prev.key == c.key and _same_group(prev.index, c.index)) or (
            nxt is not None and nxt.key == c.key and _same_group(c.index, nxt.index)
        )
        b = blocks[c.index]
        if in_list:
            b.kind = LIST_ITEM
            b.label = c.label
            continue
        if c.index >= last_body:
            continue  # a heading with nothing after it is a closing line, not a heading
        if c.key == "contents":
            b.kind, b.role = FURNITURE, "contents"
            continue
        keep.append(c)
    return keep


def _mark_contents(text: str, blocks: list[Block], cands: list[_Candidate]) -> list[_Candidate]:
    """A table of contents: the run of heading candidates right after a 'Contents' line.

    The run ends at body text, or at a heading whose title the run already listed
    (the real section starting).
    """
    cand_at = {c.index: c for c in cands}
    in_toc: set[int] = set()
    starts = [i for i, b in enumerate(blocks) if b.role == "contents"]
    for i in starts:
        seen: set[str] = set()
        for k in range(i + 1, len(blocks)):
            nb = blocks[k]
            if nb.kind == BLANK:
                continue
            c = cand_at.get(k)
            if c is None or c.title.lower() in seen:
                break
            seen.add(c.title.lower())
            nb.kind, nb.role = FURNITURE, "contents"
            in_toc.add(k)
    return [c for c in cands if c.index not in in_toc]


def find_title(text: str, blocks: list[Block], cands: list[_Candidate]) -> int | None:
    """Index of the document's own title line at the top, if it has one."""
    cand_at = {c.index: c for c in cands}
    for i, b in enumerate(blocks):
        if b.kind in (BLANK, FURNITURE):
            continue
        c = cand_at.get(i)
        if c is not None:
            if c.explicit_level == 1 and sum(1 for x in cands if x.explicit_level == 1) == 1:
                return i
            if c.key != "caps":
                return None
        if b.kind not in (PARAGRAPH, HEADING):
            return None
        line = _text(text, b)
        if "\n" in text[b.content_start : b.content_end].strip() or not looks_like_title(line):
            return None
        later = [k for k in range(i + 1, len(blocks)) if blocks[k].kind not in (BLANK, FURNITURE)]
        return i if later else None
    return None


def assign_levels(cands: list[_Candidate]) -> list[int]:
    """Outline level (1 = top) of each candidate, by order of appearance."""
    levels: list[int] = []
    stack: list[_Candidate] = []
    for c in cands:
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
        for k in range(len(stack) - 1, -1, -1):
            if stack[k].explicit_level:
                break
            if stack[k].key == c.key:
                pos = k
                break
        if pos is None:
            stack.append(c)
        else:
            del stack[pos:]
            stack.append(c)
        levels.append(len(stack))
    return levels


def build_outline(
    blocks: list[Block], heading_indexes: list[int], body_end: int
) -> list[OutlineNode]:
    """Outline nodes from heading blocks (already given kind, level, label, title)."""
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    nodes = []
    for i in heading_indexes:
        b = blocks[i]
        node = OutlineNode(b.label, b.title or "", b.level, b.start, body_end, i)
        nodes.append(node)
        while stack and stack[-1].level >= node.level:
            stack.pop()
        if stack:
            stack[-1].children.append(node)
        else:
            roots.append(node)
        stack.append(node)
    # A node ends where the next heading of the same or a higher level starts.
    open_nodes: list[OutlineNode] = []
    for node in nodes:
        while open_nodes and open_nodes[-1].level >= node.level:
            open_nodes.pop().end = node.start
        open_nodes.append(node)
    for node in nodes:
        node.end = max(node.start, min(node.end, body_end))
    return roots


def repair_broken_paragraphs(text: str, blocks: list[Block]) -> None:
    """Mark a paragraph that continues the previous one after a stray break."""
    prev: Block | None = None
    page_break = False
    for b in blocks:
        if is_gap(b):
            page_break = page_break or b.kind == FURNITURE
            continue
        if (
            prev is not None
            and b.kind == PARAGRAPH
            and prev.kind in (PARAGRAPH, LIST_ITEM)
            and b.content_end > b.content_start
        ):
            first = text[b.content_start]
            # Across a page break a sentence may go on with a name ("... with" | "Latin
            # America"); elsewhere a capital after a blank line starts a new paragraph.
            if (
                (first.islower() or (page_break and first.isupper()))
                and prev.content_end > prev.content_start
                and _ENDS_OPEN_RE.match(text[prev.content_end - 1])
            ):
                b.continues = True
        prev = b
        page_break = False


def analyse(text: str, blocks: list[Block], conventions: bool = True) -> list[OutlineNode]:
    """Classify headings and the title in place, repair breaks, and return the outline."""
    cands = find_candidates(text, blocks, conventions)
    cands = _filter_in_context(text, blocks, cands)
    cands = _mark_contents(text, blocks, cands)
    title_at = find_title(text, blocks, cands)
    if title_at is not None:
        blocks[title_at].kind = TITLE
        blocks[title_at].level = 0
        cands = [c for c in cands if c.index != title_at]
    for c, level in zip(cands, assign_levels(cands), strict=True):
        b = blocks[c.index]
        b.kind, b.level, b.label, b.title = HEADING, level, c.label, c.title
    repair_broken_paragraphs(text, blocks)
    body_end = max((b.end for b in blocks if b.kind not in (BLANK, FURNITURE)), default=0)
    return build_outline(blocks, [c.index for c in cands], body_end)
