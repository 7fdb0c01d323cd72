"""The shared pipeline after an importer: furniture, structure, metadata, clauses."""

from __future__ import annotations

from reader.core.clauses import split_clauses
from reader.core.fingerprint import fingerprint
from reader.core.furniture import mark_furniture
from reader.core.limits import MAX_NAME, shorten_to
from reader.core.metadata import Metadata, derive
from reader.core.model import Block, Document
from reader.core.shown_text import ShownText
from reader.core.structure import analyse
from reader.core.text_rules import clean_field, clean_text


def build_document(
    text: str,
    blocks: list[Block],
    fmt: str,
    *,
    encoding: str | None = None,
    filename: str | None = None,
    hints: Metadata | None = None,
    conventions: bool = True,
    structured: bool = False,
    bold: dict[int, int] | None = None,
) -> Document:
    """Turn an importer's text and initial blocks into a :class:`Document`.

    :param blocks: blocks tiling ``text``; explicit headings (Markdown, HTML) come
        with kind ``heading`` and their source level, everything else unclassified.
    :param conventions: also look for headings written as text conventions.
    :param structured: the importer set the page's furniture apart by its structure
        (a web page with a main landmark): none is guessed from the words of the text.
    :param bold: for paragraphs that open in bold (HTML ``<strong>``), by their content
        offset, how many characters are bold: a page may mark its sections so.

    The text follows the one rule for characters that are not text
    (:func:`~reader.core.text_rules.clean_text`: one for one, so the blocks' offsets
    hold), here and nowhere else; title, source and file name follow it too, and the
    title is cut to :data:`~reader.core.limits.MAX_NAME` characters.
    """
    text = clean_text(text)
    mark_furniture(text, blocks, by_words=not structured)
    # Headings and titles are judged by what a reader sees: Markdown without its markup.
    shown = ShownText(text, markdown=fmt == "markdown")
    outline = analyse(text, blocks, conventions, shown, bold)
    meta = derive(text, blocks, hints or Metadata(), filename, shown)
    return Document(
        id=fingerprint(text),
        title=shorten_to(clean_field(meta.title or "Untitled"), MAX_NAME),
        date=meta.date,
        source=shorten_to(clean_field(meta.source), MAX_NAME) if meta.source else None,
        format=fmt,
        text=text,
        blocks=blocks,
        outline=outline,
        clauses=split_clauses(text, blocks),
        encoding=encoding,
        filename=clean_field(filename) if filename else filename,
    )
