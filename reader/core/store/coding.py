"""Coding for intercoder agreement: a document's tagged annotations and their authors."""

from __future__ import annotations

from reader.core.library_model import Annotation
from reader.core.store.annotations import ANNOTATION_COLUMNS, annotation_from_row
from reader.core.store.base import StoreBase


class CodingMixin(StoreBase):
    """Read-only queries behind :mod:`reader.core.analysis.agreement`."""

    def tagged_annotations(self, document_id: str) -> list[Annotation]:
        """A document's live annotations that carry at least one tag, in text order.

        One grouped join rather than a tag sub-query per annotation: a document
        coded by a team holds thousands of them.
        """
        rows = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS}, group_concat(t.path, char(31)) "
            "FROM annotations a JOIN annotation_tags x ON x.annotation_id = a.id "
            "JOIN tags t ON t.id = x.tag_id "
            "WHERE a.document_id = ? AND a.deleted IS NULL "
            "GROUP BY a.id ORDER BY a.start_offset, a.end_offset",
            (document_id,),
        )
        return [annotation_from_row(r[:-1], r[-1]) for r in rows]

    def coders(self, document_id: str) -> list[tuple[str, int]]:
        """Authors of a document's live tagged annotations, with how many each wrote,
        by name (annotations without an author are not anybody's coding)."""
        rows = self.conn.execute(
            "SELECT a.author, count(*) FROM annotations a "
            "WHERE a.document_id = ? AND a.deleted IS NULL AND a.author IS NOT NULL "
            "AND a.author != '' "
            "AND EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = a.id) "
            "GROUP BY a.author ORDER BY a.author COLLATE NOCASE",
            (document_id,),
        )
        return [(r[0], r[1]) for r in rows]
