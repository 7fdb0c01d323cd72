"""Names that tell documents apart: the title, and for documents sharing a title (a
paper imported as text and as PDF) what differs.

:func:`document_labels` names them in lists (statistics, agreement, the CLI) with the
fewest of format, date and file name that differ, e.g. ``China's Policy Paper (PDF)``
and ``China's Policy Paper (text)``; :func:`chooser_labels` and :func:`caption` name
them where the file matters most (the compare window's A/B choosers and panes). Both
decide "the same title" in one way: :func:`same_title_key`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import PurePath

from reader.core.ids import BRIEF_ID, short_id
from reader.core.library_model import DocumentInfo
from reader.core.model import Document

FORMAT_NAMES = {"text": "text", "markdown": "Markdown", "html": "HTML"}  # else upper case


def format_name(fmt: str) -> str:
    """``pdf`` -> ``PDF``, ``text`` -> ``text``: the format as a reader names it."""
    return FORMAT_NAMES.get(fmt, fmt.upper())


_Field = Callable[[DocumentInfo], str]


def _format(doc: DocumentInfo) -> str:
    return format_name(doc.format)


def _date(doc: DocumentInfo) -> str:
    return doc.date or "no date"


def _file(doc: DocumentInfo) -> str:
    return doc.filename or ""


def _id(doc: DocumentInfo) -> str:
    return short_id(doc.id, BRIEF_ID)


def _source(doc: DocumentInfo) -> str:
    return doc.source or ""


# Tried in order; the id prefix always differs.
_CHOICES: list[tuple[_Field, ...]] = [
    (_format,),
    (_date,),
    (_format, _date),
    (_file,),
    (_format, _file),
    (_format, _id),
]


def _suffix(doc: DocumentInfo, fields: tuple[_Field, ...]) -> str:
    return ", ".join(v for v in (f(doc) for f in fields) if v)


def same_title_key(title: str) -> str:
    """What two titles share when they are "the same title": case and outer space aside."""
    return title.strip().lower()


# The library list shows each document's date and source on a line of their own: what
# tells same-title documents apart beyond them, the file name first (what the user
# imported), else the format and the id.
LIST_CHOICES: list[tuple[_Field, ...]] = [
    (_file,),
    (_format, _file),
    (_format, _id),
]


def distinctions(
    docs: Sequence[DocumentInfo], choices: Sequence[tuple[_Field, ...]] = _CHOICES
) -> dict[str, str]:
    """Document id -> what tells it apart from the others of ``docs`` with the same
    title (ignoring case), e.g. ``PDF`` or ``paper-2016.txt``: the fewest of ``choices``
    (tried in order) that differ within each such group. Documents with a title of
    their own are not in it."""
    same_title: dict[str, list[DocumentInfo]] = defaultdict(list)
    for doc in docs:
        same_title[same_title_key(doc.title)].append(doc)
    out: dict[str, str] = {}
    for group in same_title.values():
        if len(group) == 1:
            continue
        for fields in choices:
            suffixes = [_suffix(d, fields) for d in group]
            if all(suffixes) and len(set(suffixes)) == len(group):
                break
        out.update((doc.id, suffix) for doc, suffix in zip(group, suffixes, strict=True))
    return out


def document_labels(
    docs: Sequence[DocumentInfo], choices: Sequence[tuple[_Field, ...]] = _CHOICES
) -> dict[str, str]:
    """Document id -> its title, with a distinguishing suffix in brackets when another
    of ``docs`` has the same title (ignoring case); ``choices`` are the fields tried,
    fewest first (:data:`LIST_CHOICES` for the library list)."""
    apart = distinctions(docs, choices)
    return {d.id: f"{d.title} ({apart[d.id]})" if d.id in apart else d.title for d in docs}


def kind_of(doc: Document | DocumentInfo) -> str:
    """``PDF``, ``DOCX``, ``TXT``…: the file's extension, else the import format."""
    suffix = PurePath(doc.filename).suffix.lstrip(".") if doc.filename else ""
    return (suffix or doc.format or "?").upper()


def chooser_labels(infos: Sequence[DocumentInfo]) -> dict[str, tuple[str, str]]:
    """Per document id, the (text, tooltip) of its entry in a document chooser.

    The text is the title and date; a title shared by several documents starts with the
    file kind and ends with the file name (the chooser may clip its end; the tooltip
    says everything).
    """
    shared = Counter(same_title_key(info.title) for info in infos)
    out = {}
    for info in infos:
        text = f"{info.title}  ({info.date})" if info.date else info.title
        if shared[same_title_key(info.title)] > 1:
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
                f"Id: {short_id(info.id)}",
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
