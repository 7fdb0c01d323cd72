"""Document structure: which blocks are headings, how they nest, and the outline.

How the headings nest is :mod:`reader.core.heading_levels`' part.
"""

from __future__ import annotations

import re

from reader.core.heading_bold import (
    bold_candidate,
    without_full_stop,
)
from reader.core.heading_context import Candidate, judge_candidates
from reader.core.heading_levels import assign_levels
from reader.core.heading_run_in import may_run_in, split_run_in
from reader.core.headings import (
    HeadingMatch,
    looks_like_title,
    match_heading,
    numbering,
    reads_as_sentence,
    starts_numbered,
)
from reader.core.markdown_inline import MARKUP_START_RE
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
from reader.core.shown_text import Shown, ShownText

_ENDS_OPEN_RE = re.compile(r"[\w,\-\u2013\u2014(]")  # a paragraph ending mid-sentence


def _same_group(i: int, j: int) -> bool:
    """Blocks i < j follow each other with no blank line between them."""
    return j == i + 1


def _resolve_letter_keys(cands: list[Candidate]) -> None:
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


_RUN_IN_SPAN = 300
_LEADING_EMPHASIS_RE = re.compile(r"^\s*[*_]+")


def _title_block(shown: ShownText, blocks: list[Block], i: int) -> int | None:
    """The block after ``i`` that holds the title of a number-only heading
    (``FEDERALIST No. 1`` / ``General Introduction``, ``Article 4.`` / ``Scope.``)."""
    for k in range(i + 1, min(i + 3, len(blocks))):
        b = blocks[k]
        if b.kind == BLANK:
            continue
        if b.kind != PARAGRAPH or not any(x.kind != BLANK for x in blocks[k + 1 :]):
            return None
        line = shown.line(b)
        m = match_heading(line)
        if "\n" in shown.content(b).strip() and (m is None or m.key != "caps"):
            return None
        if (
            (m is None or m.key == "caps")
            and looks_like_title(line.rstrip("."), strong=False)
            and not reads_as_sentence(line)
        ):
            return k
        return None
    return None


_GLANCE = 160  # source characters: enough to see how a paragraph starts
_UNPAIRED_RE = re.compile(r"[*_~\[\]]")


def _opening(shown: ShownText, b: Block) -> Shown | None:
    """What a reader sees of a block's opening, where a heading or a number stands (a
    run-in heading within the first few hundred characters, markup included); None
    for a long paragraph whose first words show it starts with neither."""
    end = min(b.content_end, b.content_start + 600)
    if shown.markdown and end - b.content_start >= 600:
        # A glance first. Markup cut off at its end can hide the start: a tag or code
        # shown raw means look at the whole opening; an emphasis or link closed further
        # on shows its delimiters, which the test leaves out.
        start = b.content_start
        plain = MARKUP_START_RE.search(shown.text, start, start + 60) is None
        glance = shown.span(start, start + (60 if plain else _GLANCE)).text[:60]
        probe = _UNPAIRED_RE.sub("", glance).lstrip()
        if (
            "<" not in glance
            and "`" not in glance
            and not (starts_numbered(probe) or may_run_in(probe))
        ):
            return None
    return shown.span(b.content_start, end)


def _paragraph_candidate(shown: ShownText, blocks: list[Block], i: int) -> Candidate | None:
    b = blocks[i]
    short = b.content_end - b.content_start < 600  # longer ones can only start with a run-in
    seen = _opening(shown, b)
    if seen is None:
        return None
    content = seen.text
    lines = [x.strip() for x in content.splitlines() if x.strip()] if short else []
    m = match_heading(lines[0]) if lines and len(lines) <= 2 else None
    if m is not None and len(lines) == 2:
        second = match_heading(lines[1])
        if m.strong and not m.title and looks_like_title(lines[1]):
            m.title = lines[1]  # "Article 1" with its title on the next line
        elif m.key == "caps" and second is not None and second.key == "caps":
            m.title = f"{lines[0]} {lines[1]}"  # a heading in capitals wrapped over two lines
        else:
            m = None
    if m is not None:
        c = Candidate(i, m.key, m.label, m.title, match=m)
        if (m.strong or m.key == "piece") and not m.title and len(lines) == 1:
            k = _title_block(shown, blocks, i)
            if k is not None:
                c.title = m.title = shown.line(blocks[k]).rstrip(".")
                c.merge_to = k
        return c
    # A heading that runs into its paragraph: "Sec. 3.  Definitions.  For the ...".
    # The label and title stand in the first few hundred characters; the copy with
    # line breaks as spaces keeps offsets.
    flat = content[:_RUN_IN_SPAN].replace("\n", " ").replace("\r", " ")
    # Emphasis opened before the label and closed beyond the opening shows as its
    # delimiters here: blanked, as spaces keep the offsets.
    if shown.markdown:
        flat = _LEADING_EMPHASIS_RE.sub(lambda m: " " * len(m.group()), flat)
    r = split_run_in(flat)
    if r is None:
        return None
    return Candidate(
        i,
        r.match.key,
        r.match.label,
        r.match.title,
        match=r.match,
        run_in_end=seen.source_end(r.end),
    )


_INDENTED_WORDS = 6


def _indented_candidate(shown: ShownText, blocks: list[Block], i: int) -> Candidate | None:
    """A short line standing indented on its own in plain text (``    Warning``): a
    heading when the document indents its keyword headings so (heading_context)."""
    b = blocks[i]
    lead = shown.text[b.start : b.content_start]
    line = shown.text[b.content_start : b.content_end]
    if len(lead) < 2 or lead.strip() or "\n" in line:
        return None
    if len(line.split()) > _INDENTED_WORDS or line[-1] in ".:;,":
        return None
    if not looks_like_title(line):
        return None
    m = HeadingMatch("indented", None, line)
    return Candidate(i, m.key, None, line, match=m)


def find_candidates(
    text: str,
    blocks: list[Block],
    conventions: bool = True,
    shown: ShownText | None = None,
    bold: dict[int, int] | None = None,
) -> list[Candidate]:
    """Explicit headings, paragraphs that match a heading convention, and (marked
    ``body``) the other numbered paragraphs and items, which numbering sequences count.

    ``shown`` is what a reader sees of ``text`` (Markdown without its inline markup);
    ``bold`` says which paragraphs open in bold (see
    :func:`~reader.core.heading_bold.bold_candidate`).
    """
    shown = shown or ShownText(text)
    bold = bold or {}
    cands: list[Candidate] = []
    absorbed = -1
    for i, b in enumerate(blocks):
        if i <= absorbed:
            continue
        if b.kind == HEADING:
            title = b.title or shown.line(b)
            label = b.label
            # An explicit heading is a heading whatever its title reads like: its number
            # is split off as for any other ("Part I Land", "1. Exception to Section 3.").
            m = match_heading(title) or numbering(title)
            if m is not None and m.label and label is None:
                label, title = m.label, without_full_stop(m.title)
            cands.append(Candidate(i, f"h{b.level}", label, title, explicit_level=b.level))
            continue
        c = _paragraph_candidate(shown, blocks, i) if conventions and b.kind == PARAGRAPH else None
        if c is None and conventions and b.kind == PARAGRAPH and not shown.markdown:
            c = _indented_candidate(shown, blocks, i)
        if conventions and b.kind == PARAGRAPH and b.content_start in bold:
            c = bold_candidate(shown, blocks, i, bold[b.content_start], c)
        if c is not None:
            cands.append(c)
            absorbed = c.merge_to if c.merge_to is not None else -1
        elif conventions and b.kind in (PARAGRAPH, LIST_ITEM):
            seen = _opening(shown, b)
            m = numbering(seen.text[:200].split("\n", 1)[0]) if seen is not None else None
            if m is not None:
                cands.append(Candidate(i, m.key, m.label, m.title, match=m, body=True))
    _resolve_letter_keys(cands)
    return cands


def _filter_in_context(text: str, blocks: list[Block], cands: list[Candidate]) -> list[Candidate]:
    """Drop candidates that their surroundings show to be list items or stray lines."""
    by_index = {c.index: c for c in cands}
    keep: list[Candidate] = []
    last_body = max(
        (i for i, b in enumerate(blocks) if b.kind in CONTENT_KINDS or b.kind == HEADING),
        default=-1,
    )
    for c in cands:
        if c.explicit_level or c.body:
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
        if c.index >= last_body and c.run_in_end is None:
            continue  # a heading with nothing after it is a closing line, not a heading
        if c.key == "contents":
            b.kind, b.role = FURNITURE, "contents"
            continue
        keep.append(c)
    return keep


def _mark_contents(
    shown: ShownText, blocks: list[Block], cands: list[Candidate]
) -> list[Candidate]:
    """A table of contents: the run of heading candidates right after a 'Contents' line.

    The run ends at body text, or at a heading whose title the run already listed
    (the real section starting).
    """
    cand_at = {c.index: c for c in cands if not c.body}
    in_toc: set[int] = set()
    # The run starts at the "Contents" line itself: entries an importer already set
    # apart as contents (a PDF's) end no run of their own.
    starts = [
        i
        for i, b in enumerate(blocks)
        if b.role == "contents" and getattr(match_heading(shown.line(b)), "key", None) == "contents"
    ]
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


def find_title(shown: ShownText, blocks: list[Block], cands: list[Candidate]) -> int | None:
    """Index of the document's own title line at the top, if it has one.

    A document's one ``h1`` (``#`` in Markdown) is its title even when a header
    (a table of report numbers, a colophon) comes before it. A title the importer
    already marked (a Word Title paragraph, a page's title heading) is the only one.
    """
    if any(b.kind == TITLE for b in blocks):
        return None
    h1 = [c for c in cands if c.explicit_level == 1]
    explicit = [c for c in cands if c.explicit_level]
    if len(h1) == 1 and explicit[0] is h1[0]:
        return h1[0].index
    cand_at = {c.index: c for c in cands}
    for i, b in enumerate(blocks):
        if b.kind in (BLANK, FURNITURE):
            continue
        c = cand_at.get(i)
        if c is not None and c.key != "caps":
            return None
        if b.kind not in (PARAGRAPH, HEADING):
            return None
        line = shown.line(b)
        if "\n" in shown.content(b).strip() or not looks_like_title(line):
            return None
        if line.endswith((":", "\uff1a")):
            return None  # "From:", "Subject:": a label leading into what follows
        later = [k for k in range(i + 1, len(blocks)) if blocks[k].kind not in (BLANK, FURNITURE)]
        return i if later else None
    return None


def build_outline(
    blocks: list[Block], heading_indexes: list[int], body_end: int
) -> list[OutlineNode]:
    """Outline nodes from heading blocks (already given kind, level, label, title)."""
    nodes = []
    for i in heading_indexes:
        b = blocks[i]
        nodes.append(OutlineNode(b.label, b.title or "", b.level, b.start, body_end, i))
    return nest_outline(nodes, body_end)


def nest_outline(nodes: list[OutlineNode], body_end: int) -> list[OutlineNode]:
    """``nodes`` (in document order) nested by level, each ending where the next of
    the same or a higher level starts."""
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    for node in nodes:
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


def _reshape(text: str, blocks: list[Block], cands: list[Candidate]) -> None:
    """Cut run-in headings off their paragraphs and join a number-only heading with
    its title block, in place; candidates' indexes follow."""
    by_index = {c.index: c for c in cands}
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        c = by_index.get(i)
        if c is not None:
            c.index = len(out)
        if c is not None and c.merge_to is not None:
            last = blocks[c.merge_to]
            out.append(Block(HEADING, b.start, last.end, b.content_start, last.content_end))
            i = c.merge_to + 1
            continue
        if c is not None and c.run_in_end is not None:
            cut = c.run_in_end
            body = cut
            while body < b.content_end and text[body].isspace():
                body += 1
            out.append(Block(HEADING, b.start, cut, b.content_start, cut))
            out.append(Block(PARAGRAPH, cut, b.end, body, b.content_end))
            i += 1
            continue
        out.append(b)
        i += 1
    blocks[:] = out


def analyse(
    text: str,
    blocks: list[Block],
    conventions: bool = True,
    shown: ShownText | None = None,
    bold: dict[int, int] | None = None,
) -> list[OutlineNode]:
    """Classify headings and the title in place, repair breaks, and return the outline.

    Run-in headings are cut from their paragraphs, and a heading whose title stands on
    the next line is joined with it, so ``blocks`` may change length (it still tiles
    ``text``). Headings and the title are judged by ``shown``, what a reader sees of
    ``text`` (Markdown without its inline markup). ``bold``: the paragraphs that open
    in bold, by content offset (an HTML page's ``<strong>``).
    """
    shown = shown or ShownText(text)
    cands = find_candidates(text, blocks, conventions, shown, bold)
    cands = _filter_in_context(text, blocks, cands)
    cands = _mark_contents(shown, blocks, cands)
    cands = judge_candidates(text, blocks, cands, shown)
    title_at = find_title(shown, blocks, cands)
    if title_at is not None:
        blocks[title_at].kind = TITLE
        blocks[title_at].level = 0
        cands = [c for c in cands if c.index != title_at]
    _reshape(text, blocks, cands)
    for c, level in zip(cands, assign_levels(cands), strict=True):
        b = blocks[c.index]
        b.kind, b.level, b.label, b.title = HEADING, level, c.label, c.title
    repair_broken_paragraphs(text, blocks)
    body_end = max((b.end for b in blocks if b.kind not in (BLANK, FURNITURE)), default=0)
    return build_outline(blocks, [c.index for c in cands], body_end)
