"""How the compare window names a document, so that two with one title (a paper's text
edition and its PDF) can be told apart in the A/B choosers and the pane captions."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from reader.core.library_model import DocumentInfo
from reader.core.model import Document


def kind_of(doc: Document | DocumentInfo) -> str:
    """``PDF``, ``DOCX``, ``TXT``…: the file's extension, else the import format."""
    suffix = PurePath(doc.filename).suffix.lstrip(".") if doc.filename else ""
    return (suffix or doc.format or "?").upper()


def chooser_labels(infos: list[DocumentInfo]) -> dict[str, tuple[str, str]]:
    """Per document id, the (text, tooltip) of its entry in an A/B chooser.

    The text is the title and date; a title shared by several documents starts with the
    file kind and ends with the file name (the chooser may clip its end; the tooltip
    says everything).
    """
    shared = Counter(info.title for info in infos)
    out = {}
    for info in infos:
        text = f"{info.title}  ({info.date})" if info.date else info.title
        if shared[info.title] > 1:
            text = f"{kind_of(info)} · {text}"
            if info.filename:
                text += f"  · {info.filename}"
        tip = "\n".join(
            part
            for part in (
                info.title,
                info.date and f"Date: {info.date}",
                f"File: {info.filename or '—'} ({kind_of(info)})",
                f"Imported: {info.imported[:10]}",
                f"Id: {info.id[:12]}",
            )
            if part
        )
        out[info.id] = (text, tip)
    return out


def caption(side: str, doc: Document) -> str:
    """``A (2016-11-24, paper2016.pdf): China's Policy Paper…``: the date and file go
    before the title, which is elided first."""
    where = ", ".join(part for part in (doc.date, doc.filename or kind_of(doc)) if part)
    return f"{side.upper()} ({where}): {doc.title}"
