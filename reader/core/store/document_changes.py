"""Documents changed after import: metadata corrected, moved to the trash and back.

A deleted document leaves every list, search and statistic; its live annotations go to
the trash with it (deleted at the same moment) and come back with it, while annotations
deleted before stay deleted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from reader.core.document_edits import MetadataEdit
from reader.core.errors import LibraryError
from reader.core.library_model import DocumentInfo
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.documents import INFO_COLUMNS, DocumentsMixin, info_from_row


class DocumentChangesMixin(DocumentsMixin, StoreBase):
    """Edit metadata, delete and undelete documents; each change is one transaction."""

    def _deleted_at(self, document_id: str) -> str | None:
        row = self._one("SELECT deleted FROM documents WHERE id = ?", (document_id,))
        if row is None:
            raise LibraryError(f"unknown document: {document_id}")
        return row[0]

    def in_library(self, document_id: str) -> bool:
        """Whether the document is stored and not in the trash."""
        return bool(
            self._one("SELECT 1 FROM documents WHERE id = ? AND deleted IS NULL", (document_id,))
        )

    def edit_document(self, document_id: str, edit: MetadataEdit) -> DocumentInfo:
        """Give a document a corrected title, date and/or source (see
        :class:`MetadataEdit`); returns its list row as it now is."""
        edit = edit.cleaned()
        values = {
            "title": edit.title,
            "date": None if edit.date == "" else edit.date,
            "source": None if edit.source == "" else edit.source,
        }
        given = {
            k: v for k, v in values.items() if getattr(edit, k) is not None
        }  # "" clears: stored as NULL, as an import without one stores it
        with self.transaction():
            if self._deleted_at(document_id) is not None:
                raise LibraryError(f"document {document_id} is deleted (undelete it first)")
            if given:
                self.db.table("documents").update(document_id, given)
        return self.document_info(document_id)

    def delete_document(self, document_id: str) -> int:
        """Move a document to the trash with its live annotations; returns how many."""
        with self.transaction():
            if self._deleted_at(document_id) is not None:
                raise LibraryError(f"document {document_id} is already deleted")
            now = self._later_than_any_deletion(document_id)
            trashed = self.conn.execute(
                "UPDATE annotations SET deleted = ? WHERE document_id = ? AND deleted IS NULL",
                (now, document_id),
            ).rowcount
            self.db.table("documents").update(document_id, {"deleted": now})
        return trashed

    def _later_than_any_deletion(self, document_id: str) -> str:
        """Now, or a millisecond after the document's latest annotation deletion when that
        fell in the same millisecond: the shared time is what ties annotations to the
        document in the trash, so one deleted just before must not share it."""
        now = utc_now()
        (latest,) = self._row(
            "SELECT max(deleted) FROM annotations WHERE document_id = ?", (document_id,)
        )
        if latest is None or latest < now:
            return now
        later = datetime.fromisoformat(latest.replace("Z", "+00:00")) + timedelta(milliseconds=1)
        return later.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def undelete_document(self, document_id: str) -> int:
        """Bring a document back from the trash with the annotations that went with it;
        returns how many."""
        with self.transaction():
            when = self._deleted_at(document_id)
            if when is None:
                raise LibraryError(f"document {document_id} is not deleted")
            back = self.conn.execute(
                "UPDATE annotations SET deleted = NULL WHERE document_id = ? AND deleted = ?",
                (document_id, when),
            ).rowcount
            self.db.table("documents").update(document_id, {"deleted": None})
        return back

    def deleted_documents(self) -> list[DocumentInfo]:
        """Documents in the trash, most recently deleted first (their annotation count is
        of those that come back with them)."""
        columns = INFO_COLUMNS.replace("AND a.deleted IS NULL", "AND a.deleted = d.deleted")
        rows = self.conn.execute(
            f"SELECT {columns} FROM documents d WHERE d.deleted IS NOT NULL ORDER BY d.deleted DESC"
        )
        return [info_from_row(r) for r in rows]

    def resolve_deleted_document(self, ref: str) -> DocumentInfo:
        """The one deleted document ``ref`` names (id, id prefix or title fragment)."""
        ref = ref.strip().lower()
        found = [
            d
            for d in self.deleted_documents()
            if d.id.startswith(ref) or ref in d.title.lower() or ref in (d.filename or "").lower()
        ]
        if not found:
            raise LibraryError(f'no deleted document matches "{ref}"')
        if len(found) > 1:
            raise LibraryError(f'ambiguous: {len(found)} deleted documents match "{ref}"')
        return found[0]
