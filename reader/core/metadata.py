"""Title, date and source of a document, from what the document itself states."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.clauses import sentence_spans
from reader.core.colophon import read_colophon
from reader.core.dates import parse_date_line
from reader.core.furniture import copyright_owner, source_line
from reader.core.model import CONTENT_KINDS, FURNITURE, HEADING, TITLE, Block
from reader.core.shown_text import ShownText

_COLOPHON_ZONE = 6  # content blocks before the first heading where a colophon stands

_MAX_DERIVED_TITLE = 90


@dataclass(slots=True)
class Metadata:
    """What an importer found outside the text flow (HTML <title>, front matter)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    # The title is stated as the document's title (Markdown front matter) and wins over
    # a title-looking first line; a page's <title> or a file's properties only stand in
    # for a missing title line.
    title_wins: bool = field(default=False, compare=False)


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


def derive(
    text: str,
    blocks: list[Block],
    hints: Metadata,
    filename: str | None,
    shown: ShownText | None = None,
) -> Metadata:
    """Choose title, date and source; stated values win over derived ones.

    ``shown`` is what a reader sees of ``text`` (Markdown without its markup): titles
    derived from the text carry no markup.
    """
    shown = shown or ShownText(text)
    out = Metadata()
    head = next((b for b in blocks if b.kind == TITLE), None)
    line_title = (head.title or shown.line(head)) if head is not None else None
    # A title heading (``#``, ``h1``) states the title as much as front matter does; a
    # first line that only looks like a title does not.
    if hints.title_wins and not (head is not None and head.title):
        out.title = hints.title or line_title
    else:
        out.title = line_title or hints.title
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
    named = filename.rsplit(".", 1)[0] if filename else None
    if not out.title:
        # A document that opens with a heading and states no title: its first heading
        # names it better than its first sentence (often a dateline or a salutation),
        # unless it is the first of several numbered sections and the file has a name.
        lead = next((b for b in blocks if b.kind in (*CONTENT_KINDS, HEADING)), None)
        if lead is not None and lead.kind == HEADING and not (named and _a_section(blocks, lead)):
            out.title = " ".join(x for x in (lead.label, lead.title) if x) or shown.line(lead)
        elif lead is not None and lead.kind == HEADING:
            out.title = named
    if not out.title:
        first = next((b for b in blocks if b.kind in CONTENT_KINDS), None)
        if first is not None:
            said = shown.content(first)
            span = next(sentence_spans(said, 0, len(said)), None)
            if span:
                out.title = shorten(said[span[0] : span[1]])
    if not out.title:
        head = next((b for b in blocks if b.kind == HEADING), None)
        out.title = (head.title or shown.line(head)) if head else None
    if not out.title:
        out.title = named or "Untitled"
    return out


def _a_section(blocks: list[Block], lead: Block) -> bool:
    """Whether a numbered heading has a sibling after it (``1.`` before ``2.``): one
    of the document's sections, not its name."""
    if not lead.label:
        return False
    later = (b for b in blocks if b.kind == HEADING and b is not lead)
    return any(b.level == lead.level and b.label for b in later)


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
