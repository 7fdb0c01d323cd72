"""Title, date and source of a document, from what the document itself states."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.clauses import sentence_spans
from reader.core.colophon import read_colophon
from reader.core.dates import parse_date_line
from reader.core.furniture import copyright_owner, source_line
from reader.core.model import CONTENT_KINDS, FURNITURE, HEADING, TITLE, Block

_COLOPHON_ZONE = 6  # content blocks before the first heading where a colophon stands

_MAX_DERIVED_TITLE = 90


@dataclass(slots=True)
class Metadata:
    """What an importer found outside the text flow (HTML <title>, front matter)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None


# A stored title such as "Microsoft Word - draft3.docx" or "untitled" says nothing.
_JUNK_TITLE_WORDS = ("microsoft word", "untitled", ".doc", ".pdf", ".indd", "powerpoint")


def stated_title(raw: str | None) -> str | None:
    """A title from a file's properties (PDF /Title, Word core.xml), unless it is junk."""
    title = " ".join((raw or "").split())
    if not title or any(w in title.lower() for w in _JUNK_TITLE_WORDS):
        return None
    return title


def _line(text: str, b: Block) -> str:
    return " ".join(text[b.content_start : b.content_end].split())


def _raw(text: str, b: Block) -> str:
    return text[b.content_start : b.content_end]


def shorten(sentence: str, limit: int = _MAX_DERIVED_TITLE) -> str:
    """A sentence cut at a word boundary to at most ``limit`` characters."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "\u2026"


def derive(text: str, blocks: list[Block], hints: Metadata, filename: str | None) -> Metadata:
    """Choose title, date and source; stated values win over derived ones."""
    out = Metadata()
    for b in blocks:
        if b.kind == TITLE:
            out.title = _line(text, b)
            break
    out.title = out.title or hints.title
    out.date = hints.date
    out.source = hints.source
    for b in blocks:
        if b.kind != FURNITURE:
            continue
        line = _line(text, b)
        if b.role == "date" and not out.date:
            out.date = parse_date_line(line)
        elif b.role == "source":
            found = source_line(line)
            if found:
                out.source = out.source or found[0]
                out.date = out.date or found[1]
        elif b.role == "footer" and not out.source:
            out.source = copyright_owner(_raw(text, b))
    _colophon(text, blocks, out)
    if not out.title:
        # A document that opens with a heading and states no title: its first heading
        # names it better than its first sentence (often a dateline or a salutation).
        lead = next((b for b in blocks if b.kind in (*CONTENT_KINDS, HEADING)), None)
        if lead is not None and lead.kind == HEADING:
            out.title = " ".join(x for x in (lead.label, lead.title) if x) or _line(text, lead)
    if not out.title:
        first = next((b for b in blocks if b.kind in CONTENT_KINDS), None)
        if first is not None:
            span = next(sentence_spans(text, first.content_start, first.content_end), None)
            if span:
                out.title = shorten(text[span[0] : span[1]])
    if not out.title:
        head = next((b for b in blocks if b.kind == HEADING), None)
        out.title = (head.title or _line(text, head)) if head else None
    if not out.title:
        out.title = filename.rsplit(".", 1)[0] if filename else "Untitled"
    return out


def _colophon(text: str, blocks: list[Block], out: Metadata) -> None:
    """Date and issuer from colophon lines at the top, when nothing stated them."""
    seen = 0
    found = []
    for b in blocks:
        if b.kind == HEADING or seen >= _COLOPHON_ZONE:
            break
        if b.kind not in (*CONTENT_KINDS, FURNITURE):
            continue
        seen += 1
        c = read_colophon(text[b.content_start : b.content_end])
        if c is not None:
            found.append(c)
    if not found:
        return
    best = next((c for c in found if c.issued and c.date), None) or found[0]
    out.date = out.date or best.date
    out.source = out.source or next((c.source for c in found if c.source), None)
