"""Names that tell documents apart in lists: the title, and for documents sharing a
title (a paper imported as text and as PDF) the fewest of format, date and file name
that differ, e.g. ``China's Policy Paper (PDF)`` and ``China's Policy Paper (text)``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from reader.core.library_model import DocumentInfo

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
    return doc.id[:8]


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


def document_labels(docs: Sequence[DocumentInfo]) -> dict[str, str]:
    """Document id -> its title, with a distinguishing suffix in brackets when another
    of ``docs`` has the same title (ignoring case)."""
    same_title: dict[str, list[DocumentInfo]] = defaultdict(list)
    for doc in docs:
        same_title[doc.title.strip().lower()].append(doc)
    labels = {}
    for group in same_title.values():
        if len(group) == 1:
            labels[group[0].id] = group[0].title
            continue
        for fields in _CHOICES:
            suffixes = [_suffix(d, fields) for d in group]
            if all(suffixes) and len(set(suffixes)) == len(group):
                break
        for doc, suffix in zip(group, suffixes, strict=True):
            labels[doc.id] = f"{doc.title} ({suffix})"
    return labels
