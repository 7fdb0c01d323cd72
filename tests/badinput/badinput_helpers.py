"""What the regression tests of issue 18 share (a module name of its own: test folders'
``conftest`` modules would shadow one another)."""

from __future__ import annotations

import hashlib

from reader.core.store import Library


def span(lib: Library, doc_id: str, quote: str) -> tuple[int, int]:
    """The span of ``quote`` in a document's text."""
    start = lib.document_text(doc_id).index(quote)
    return start, start + len(quote)


def file_digest(lib: Library) -> str:
    """The library file's bytes (its WAL checkpointed): a refused import leaves them."""
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(lib.path.read_bytes()).hexdigest()
