"""Markdown: ``#`` (and underlined) headings are the outline.

The stored text is the Markdown source itself; blocks point into it, and a
heading's content span excludes its ``#`` marks, so the reading view shows clean text.
"""

from __future__ import annotations

import re

from reader.core.dates import find_date
from reader.core.document import build_document
from reader.core.importers.front_matter import read_front_matter
from reader.core.importers.text import LINE_RE, block, decode
from reader.core.metadata import Metadata
from reader.core.model import (
    BLANK,
    CODE,
    FURNITURE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
)
from reader.core.shown_text import ShownText

_ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_FENCE_RE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_RE = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE_RE = re.compile(r" {0,3}>[ \t]?")


def _strip(line: str) -> str:
    return line.rstrip("\r\n")


def _span(text: str, start: int, end: int, skip: re.Pattern[str] | None = None) -> Block:
    return block(PARAGRAPH, text, start, end, skip)


def _front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[int, Metadata]:
    """YAML front matter at the very top: how many lines it takes, and what it states.

    A ``title:`` there is the document's title outright, over a title-looking first line.
    """
    if not lines or _strip(text[lines[0][0] : lines[0][1]]).strip() != "---":
        return 0, Metadata()
    n = next((n for n, (s, e) in enumerate(lines[1:], 1) if text[s:e].strip() in ("---", "...")), 0)
    if not n:
        return 0, Metadata()
    stated = read_front_matter([_strip(text[s:e]) for s, e in lines[1:n]])
    meta = Metadata(title=" ".join(stated.get("title", "").split()) or None, title_wins=True)
    for key in ("date", "published"):
        found = find_date(stated.get(key, ""))
        if found:
            meta.date = found[0]
            break
    for key in ("source", "publisher", "author"):
        meta.source = meta.source or " ".join(stated.get(key, "").split()) or None
    return n + 1, meta


def segment(text: str) -> tuple[list[Block], Metadata]:
    """Blocks tiling the Markdown source, and the front matter's metadata."""
    lines = [m.span() for m in LINE_RE.finditer(text)]
    blocks: list[Block] = []
    shown = ShownText(text, markdown=True)  # a heading's title is its text without markup
    skip, meta = _front_matter(text, lines)
    if skip:
        b = _span(text, lines[0][0], lines[skip - 1][1])
        b.kind, b.role = FURNITURE, "front-matter"
        blocks.append(b)
    i = skip
    n = len(lines)
    while i < n:
        s, e = lines[i]
        line = _strip(text[s:e])
        if not line.strip():
            j = i
            while j < n and not text[lines[j][0] : lines[j][1]].strip():
                j += 1
            blocks.append(Block(BLANK, s, lines[j - 1][1], lines[j - 1][1], lines[j - 1][1]))
            i = j
            continue
        if line.lstrip().startswith("<!--"):
            # An HTML comment is invisible in rendered Markdown: kept, shown apart.
            j = i
            while j < n - 1 and "-->" not in text[lines[j][0] : lines[j][1]]:
                j += 1
            b = _span(text, s, lines[j][1])
            b.kind, b.role = FURNITURE, "comment"
            blocks.append(b)
            i = j + 1
            continue
        fence = _FENCE_RE.match(line)
        if fence:
            mark = fence.group(1)
            j = i + 1
            while j < n and not _strip(text[lines[j][0] : lines[j][1]]).strip().startswith(mark):
                j += 1
            j = min(j + 1, n)
            b = _span(text, s, lines[j - 1][1])
            b.kind = CODE
            blocks.append(b)
            i = j
            continue
        atx = _ATX_RE.match(line)
        if atx:
            b = _span(text, s, e)
            title = (atx.group(2) or "").strip()
            if title:
                b.content_start = s + line.index(title, len(atx.group(1)))
                b.content_end = b.content_start + len(title)
            b.kind, b.level, b.title = HEADING, len(atx.group(1)), shown.line(b)
            blocks.append(b)
            i += 1
            continue
        kind = PARAGRAPH
        marker = None
        if _QUOTE_RE.match(line):
            kind, marker = QUOTE, _QUOTE_RE
        elif _LIST_RE.match(line):
            kind, marker = LIST_ITEM, _LIST_RE
        j = i + 1
        setext = 0
        while j < n:
            nxt = _strip(text[lines[j][0] : lines[j][1]])
            if not nxt.strip() or _ATX_RE.match(nxt) or _FENCE_RE.match(nxt):
                break
            if (
                kind == PARAGRAPH
                and _SETEXT_RE.match(nxt)
                and (nxt.strip()[0] == "=" or j == i + 1)
            ):
                setext = 1 if nxt.strip()[0] == "=" else 2
                j += 1
                break
            if _LIST_RE.match(nxt) or (kind != QUOTE and _QUOTE_RE.match(nxt)):
                break
            j += 1
        b = _span(text, s, lines[j - 1][1], marker)
        b.kind = kind
        if setext:
            title_end = lines[j - 2][1]
            b.content_end = _span(text, s, title_end).content_end
            b.kind, b.level = HEADING, setext
            b.title = shown.line(b)
        blocks.append(b)
        i = j
    return blocks, meta


def from_string(text: str, filename: str | None = None, encoding: str | None = None) -> Document:
    """Parse already decoded Markdown."""
    blocks, meta = segment(text)
    return build_document(
        text, blocks, "markdown", encoding=encoding, filename=filename, hints=meta
    )


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of a Markdown file."""
    text, encoding = decode(data, filename or "document")
    return from_string(text, filename, encoding)
