"""Correcting a document's title, date and source: what a user may type, cleaned.

An import guesses metadata (a PDF without a title is ``(anonymous)``, a news report's
title may be its first sentence cut short); the user corrects it in the window or with
``edit-doc``. These rules are the same for both and for the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.dates import parse_date_line
from reader.core.errors import LibraryError

MAX_TITLE = 500
MAX_SOURCE = 300
_PARTIAL_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2]))?")


@dataclass(frozen=True, slots=True)
class MetadataEdit:
    """New values for a document; None leaves a field as it is, ``""`` clears a date or
    a source (a title cannot be empty)."""

    title: str | None = None
    date: str | None = None
    source: str | None = None

    def cleaned(self) -> MetadataEdit:
        """The same edit with every value checked and normalised (see the functions)."""
        return MetadataEdit(
            None if self.title is None else clean_title(self.title),
            None if self.date is None else clean_date(self.date),
            None if self.source is None else clean_source(self.source),
        )


def clean_title(title: str) -> str:
    """The title on one line, spaces collapsed; raises for an empty or huge title."""
    text = " ".join(title.split())
    if not text:
        raise LibraryError("a document's title cannot be empty")
    if len(text) > MAX_TITLE:
        raise LibraryError(f"title too long ({len(text)} characters; at most {MAX_TITLE})")
    return text


def clean_date(date: str) -> str:
    """``""`` (no date), ``2016``, ``2016-11`` or an ISO day; a written date such as
    ``24 November 2016`` becomes ``2016-11-24``. Raises for anything else."""
    text = date.strip()
    if not text or _PARTIAL_DATE.fullmatch(text):
        return text
    iso = parse_date_line(text)
    if iso is None:
        raise LibraryError(
            f"not a date: {date!r} (give 2016-11-24, 24 November 2016, 2016-11 or 2016)"
        )
    return iso


def clean_source(source: str) -> str:
    """The publisher or source on one line (``""``: none)."""
    text = " ".join(source.split())
    if len(text) > MAX_SOURCE:
        raise LibraryError(f"source too long ({len(text)} characters; at most {MAX_SOURCE})")
    return text
