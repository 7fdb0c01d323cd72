"""Documents in the library: import, fetch, list, and find one from what a user typed."""

from __future__ import annotations

import re
from typing import Literal, overload

from reader.core.errors import LibraryError
from reader.core.gc_pause import paused_gc
from reader.core.ids import MIN_ID_PREFIX, short_id
from reader.core.library_model import DocumentInfo
from reader.core.model import Document
from reader.core.store import cjk_search
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.columns import pack_blocks, pack_clauses, read_blocks, read_clauses
from reader.core.store.indexing import (
    outline_from_json,
    outline_to_json,
    search_chunks,
    section_rows,
)

# A document's list row; documents in the trash (``deleted`` set) are left out of lists.
INFO_COLUMNS = (
    "d.id, d.title, d.date, d.source, d.format, d.filename, d.length, d.imported, "
    "(SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted IS NULL)"
)
_HEX = re.compile(r"[0-9a-f]+")


def info_from_row(row: tuple) -> DocumentInfo:
    """A :class:`DocumentInfo` from a row of :data:`INFO_COLUMNS`."""
    return DocumentInfo(*row)


class DocumentsMixin(StoreBase):
    """Import and look up documents."""

    def add_document(self, doc: Document) -> tuple[DocumentInfo, bool]:
        """Store ``doc`` with its structure and search index, in one transaction.

        Re-importing the same text (same id) changes nothing and returns the
        existing document; one in the trash comes back from it, with its annotations.
        Returns ``(info, added)``.
        """
        with paused_gc(), self.transaction():
            existing = self.document_info(doc.id, missing_ok=True)
            if existing is not None:
                deleted = self._one("SELECT deleted FROM documents WHERE id = ?", (doc.id,))
                if deleted is not None and deleted[0] is not None:
                    self.conn.execute(
                        "UPDATE annotations SET deleted = NULL WHERE document_id = ? "
                        "AND deleted = ?",
                        (doc.id, deleted[0]),
                    )
                    self.db.table("documents").update(doc.id, {"deleted": None})
                    existing = self.document_info(doc.id)
                return existing, False
            row = {
                "id": doc.id,
                "title": doc.title,
                "date": doc.date,
                "source": doc.source,
                "format": doc.format,
                "encoding": doc.encoding,
                "filename": doc.filename,
                "imported": utc_now(),
                "length": len(doc.text),
                "text": doc.text,
                "blocks": pack_blocks(doc.blocks),
                "outline": outline_to_json(doc.outline),
                "clauses": pack_clauses(doc.clauses),
            }
            # A plain INSERT: importing sqlite-utils would add a tenth of a second to
            # an import from the command line (see StoreBase).
            self.conn.execute(
                f"INSERT INTO documents ({', '.join(row)}) "
                f"VALUES ({', '.join(':' + k for k in row)})",
                row,
            )
            # The rows of a document's index (thousands for a long one) are plain
            # executemany INSERTs: sqlite-utils' per-row work would cost more than
            # SQLite's own (see StoreBase).
            self.conn.executemany(
                "INSERT INTO sections (document_id, start_offset, end_offset, depth, path) "
                "VALUES (?, ?, ?, ?, ?)",
                [(doc.id, *row) for row in section_rows(doc.outline)],
            )
            labels: list[str | None] = [*doc.page_labels] or [None] * len(doc.pages)
            self.conn.executemany(
                "INSERT INTO document_pages (document_id, page, start_offset, label) "
                "VALUES (?, ?, ?, ?)",
                [
                    (doc.id, n, start, label)
                    for n, (start, label) in enumerate(zip(doc.pages, labels, strict=True), 1)
                ],
            )
            chunks = search_chunks(doc.text, doc.blocks, doc.outline)
            self.conn.executemany(
                "INSERT INTO text_fts (document_id, start_offset, end_offset, text) "
                "VALUES (?, ?, ?, ?)",
                [(doc.id, s, e, doc.text[s:e]) for s, e in chunks],
            )
            # Raw SQL: cjk_search owns its statement (a contentless FTS table of bigrams).
            self.conn.executemany(
                cjk_search.INSERT_ROWS, cjk_search.index_rows(doc.id, doc.text, chunks)
            )
            info = self.document_info(doc.id)
        return info, True

    @overload
    def document_info(
        self, document_id: str, missing_ok: Literal[False] = False
    ) -> DocumentInfo: ...

    @overload
    def document_info(self, document_id: str, missing_ok: bool) -> DocumentInfo | None: ...

    def document_info(self, document_id: str, missing_ok: bool = False) -> DocumentInfo | None:
        """One document's list row; None (``missing_ok``) or :class:`LibraryError` if absent."""
        row = self._one(f"SELECT {INFO_COLUMNS} FROM documents d WHERE d.id = ?", (document_id,))
        if row is None:
            if missing_ok:
                return None
            raise LibraryError(f"unknown document: {document_id}")
        return info_from_row(row)

    def get_document(self, document_id: str) -> Document:
        """The stored document, rebuilt exactly as it was imported (no re-parsing)."""
        row = self._one(
            "SELECT id, title, date, source, format, text, blocks, outline, clauses, encoding, "
            "filename FROM documents WHERE id = ?",
            (document_id,),
        )
        if row is None:
            raise LibraryError(f"unknown document: {document_id}")
        pages = self.conn.execute(
            "SELECT start_offset, label FROM document_pages WHERE document_id = ? ORDER BY page",
            (row[0],),
        ).fetchall()
        has_labels = any(label is not None for _, label in pages)
        return Document(
            id=row[0],
            title=row[1],
            date=row[2],
            source=row[3],
            format=row[4],
            text=row[5],
            blocks=read_blocks(row[6]),
            outline=outline_from_json(row[7]),
            clauses=read_clauses(row[8]),
            encoding=row[9],
            filename=row[10],
            pages=[start for start, _ in pages],
            page_labels=[label or str(n) for n, (_, label) in enumerate(pages, 1)]
            if has_labels
            else [],
        )

    def list_documents(self) -> list[DocumentInfo]:
        """Every document (not in the trash) with its count of live annotations, by title."""
        rows = self.conn.execute(
            f"SELECT {INFO_COLUMNS} FROM documents d WHERE d.deleted IS NULL "
            "ORDER BY d.title COLLATE NOCASE, d.id"
        )
        return [info_from_row(r) for r in rows]

    def resolve_document(self, ref: str) -> DocumentInfo:
        """The one document ``ref`` names: an id, an id prefix, or a title/filename fragment.

        :raises LibraryError: no document matches, or several do (they are listed).
        """
        ref = ref.strip()
        if not ref:
            raise LibraryError("empty document reference")
        found = self.document_info(ref.lower(), missing_ok=True)
        if found is not None and self._one(
            "SELECT 1 FROM documents WHERE id = ? AND deleted IS NULL", (found.id,)
        ):
            return found
        candidates: list[DocumentInfo] = []
        if len(ref) >= MIN_ID_PREFIX and _HEX.fullmatch(ref.lower()):
            rows = self.conn.execute(
                f"SELECT {INFO_COLUMNS} FROM documents d "
                "WHERE substr(d.id, 1, ?) = ? AND d.deleted IS NULL",
                (len(ref), ref.lower()),
            )
            candidates = [info_from_row(r) for r in rows]
        if not candidates:
            # instr() on lower() rather than LIKE: a title may contain % or _.
            rows = self.conn.execute(
                f"SELECT {INFO_COLUMNS} FROM documents d "
                "WHERE (instr(lower(d.title), lower(?)) OR instr(lower(d.filename), lower(?))) "
                "AND d.deleted IS NULL "
                "ORDER BY d.title COLLATE NOCASE",
                (ref, ref),
            )
            candidates = [info_from_row(r) for r in rows]
        if not candidates:
            raise LibraryError(f'unknown document: "{ref}" (see the list with: docs)')
        exact = [c for c in candidates if c.title.lower() == ref.lower()]
        if len(exact) == 1:
            return exact[0]
        if len(candidates) > 1:
            shown = "; ".join(
                f"{short_id(c.id)} {c.title}" + (f" ({c.date})" if c.date else "")
                for c in candidates[:5]
            )
            more = f"; and {len(candidates) - 5} more" if len(candidates) > 5 else ""
            raise LibraryError(
                f'ambiguous document "{ref}": {len(candidates)} match ({shown}{more}); '
                "give more of the title or an id prefix"
            )
        return candidates[0]
