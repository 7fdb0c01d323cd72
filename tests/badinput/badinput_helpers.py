"""What the regression tests of issue 18 share: the ``lib`` fixture (a library holding
the short trade paper) and helpers. A module name of its own, imported by each test
module: test folders' ``conftest`` modules would shadow one another."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.core.importers import parse_text
from reader.core.store import Library

PAPER = (Path(__file__).resolve().parent.parent / "fixtures" / "trade-policy-paper.txt").read_text(
    encoding="utf-8"
)


def span(lib: Library, doc_id: str, quote: str) -> tuple[int, int]:
    """The span of ``quote`` in a document's text."""
    start = lib.document_text(doc_id).index(quote)
    return start, start + len(quote)


def file_digest(lib: Library) -> str:
    """The library file's bytes (its WAL checkpointed): a refused import leaves them."""
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(lib.path.read_bytes()).hexdigest()


@pytest.fixture
def lib(tmp_path):
    """A library with the trade paper; yields (library, document id)."""
    with Library.open(tmp_path / "lib.db") as library:
        info, _ = library.add_document(parse_text(PAPER, filename="paper.txt"))
        yield library, info.id
