"""Fixtures for REFI-QDA: a library with tags, descriptions and several authors'
annotations, including a document with non-ASCII text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import parse_text
from reader.core.store import Library

SAMPLE = (Path(__file__).resolve().parent.parent / "fixtures" / "trade-policy-paper.txt").read_text(
    encoding="utf-8"
)

# Accents, a CJK phrase and an emoji (outside the BMP: one code point, two UTF-16 units,
# four UTF-8 bytes) before the tagged passage, so byte or UTF-16 positions would differ.
ACCENTED = (
    "Política exterior de China hacia América Latina\n\n"
    "Part I Introducción\n\n"
    "El comercio (贸易) crece 🌎 cada año. La cooperación financiera es clave.\n"
)


def span_of(text: str, quote: str) -> tuple[int, int]:
    """The span of the one occurrence of ``quote`` in ``text``."""
    assert text.count(quote) == 1
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def library(tmp_path):
    """An empty library in a temporary file, closed after the test."""
    with Library.open(tmp_path / "library.db") as lib:
        yield lib


@pytest.fixture
def filled(library):
    """``library`` with two documents, three authors, nested tags, notes and a description."""
    paper, _ = library.add_document(parse_text(SAMPLE, filename="trade.txt"))
    text = library.document_text(paper.id)
    spanish, _ = library.add_document(parse_text(ACCENTED, filename="politica.txt"))
    s, e = span_of(text, "Banks will cooperate.")
    library.add_annotation(
        paper.id, s, e, tags=["economy/finance", "cooperation"], note="swap lines", author="ana",
        color="green",
    )  # fmt: skip
    library.add_annotation(paper.id, s, e, tags=["economy/finance"], author="Bo", color="green")
    library.add_annotation(paper.id, 0, 10, author=None)  # untagged, no author
    es_text = library.document_text(spanish.id)
    s, e = span_of(es_text, "La cooperación financiera es clave.")
    library.add_annotation(
        spanish.id, s, e, tags=["economy/finance", "región/América"], note="¿préstamos?",
        author="Zoë", color="#12ab34",
    )  # fmt: skip
    gone = library.add_annotation(spanish.id, 0, 5, tags=["deleted-only"], author="ana")
    library.delete_annotation(gone.id)
    library.set_tag_description("economy/finance", "Loans, banks & <swap> lines")
    return library
