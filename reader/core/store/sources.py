"""Where each document was imported from: the path, size and SHA-256 of its source file.

A team folder holds the source files of annotated documents; this record lets the app
copy the file a document was read from, and only while it is still the same file.
"""

from __future__ import annotations

from reader.core.library_model import DocumentSource
from reader.core.store.base import StoreBase, utc_now


class SourcesMixin(StoreBase):
    """Record and look up documents' source files."""

    def record_source(self, source: DocumentSource) -> None:
        """Remember the file ``source.document_id`` was (last) imported from."""
        # A plain statement: every import records its source, and importing sqlite-utils
        # would add a tenth of a second to an import from the command line.
        with self.transaction():
            self.conn.execute(
                # OR REPLACE: imported again from elsewhere, the newest place is kept.
                "INSERT OR REPLACE INTO document_sources "
                "(document_id, path, size, sha256, recorded) VALUES (?, ?, ?, ?, ?)",
                (source.document_id, source.path, source.size, source.sha256, utc_now()),
            )

    def document_source(self, document_id: str) -> DocumentSource | None:
        """The file a document was imported from, if recorded."""
        row = self._one(
            "SELECT document_id, path, size, sha256 FROM document_sources WHERE document_id = ?",
            (document_id,),
        )
        return DocumentSource(*row) if row else None
