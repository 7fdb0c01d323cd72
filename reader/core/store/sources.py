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
        with self.transaction():
            self.db.table("document_sources").insert(
                {
                    "document_id": source.document_id,
                    "path": source.path,
                    "size": source.size,
                    "sha256": source.sha256,
                    "recorded": utc_now(),
                },
                replace=True,  # imported again from elsewhere: the newest place
            )

    def document_source(self, document_id: str) -> DocumentSource | None:
        """The file a document was imported from, if recorded."""
        row = self._one(
            "SELECT document_id, path, size, sha256 FROM document_sources WHERE document_id = ?",
            (document_id,),
        )
        return DocumentSource(*row) if row else None
