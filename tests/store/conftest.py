"""Fixtures for the library store: a fresh library file and a small structured document."""

from __future__ import annotations

import pytest
from store_helpers import SAMPLE

from reader.core.importers import parse_text
from reader.core.model import Document
from reader.core.store import Library


@pytest.fixture
def library(tmp_path):
    """An empty library in a temporary file."""
    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()


@pytest.fixture
def sample_doc() -> Document:
    """A short paper with Parts, numbered fields, sections and clauses."""
    return parse_text(SAMPLE, filename="trade.txt")


@pytest.fixture
def doc_id(library, sample_doc) -> str:
    """The sample paper, imported into ``library``."""
    info, _ = library.add_document(sample_doc)
    return info.id
