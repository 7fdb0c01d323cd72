"""What tag statistics and co-occurrence read: annotations with tags, clauses, sections."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from reader.core.library_model import CodedSpan, CodingData, DocumentLayout, Excerpt, Section
from reader.core.store.base import StoreBase
from reader.core.store.columns import read_clauses
from reader.core.store.queries import read_excerpts


def _in_documents(column: str, document_ids: list[str] | None) -> tuple[str, tuple]:
    """A WHERE condition limiting ``column`` to ``document_ids`` (None: no limit)."""
    if document_ids is None:
        return "1", ()
    return f"{column} IN (SELECT value FROM json_each(?))", (json.dumps(document_ids),)


class StatisticsMixin(StoreBase):
    """Read-only queries for :mod:`reader.core.analysis`."""

    def coding_data(self, document_ids: Iterable[str] | None = None) -> CodingData:
        """The documents ``document_ids`` (None: every document) with their clauses and
        outline sections, and their live annotations with tags, in document order."""
        ids = None if document_ids is None else list(dict.fromkeys(document_ids))
        where, params = _in_documents("d.id", ids)
        documents = []
        for doc_id, title, clauses in self.conn.execute(
            f"SELECT d.id, d.title, d.clauses FROM documents d WHERE {where} "
            "AND d.deleted IS NULL "
            "ORDER BY d.title COLLATE NOCASE, d.id",
            params,
        ):
            table = read_clauses(clauses)
            documents.append(
                DocumentLayout(doc_id, title, list(zip(table.starts, table.ends, strict=True)))
            )
        where, params = _in_documents("s.document_id", ids)
        sections: dict[str, list[Section]] = defaultdict(list)
        for doc_id, start, end, depth, path in self.conn.execute(
            "SELECT s.document_id, s.start_offset, s.end_offset, s.depth, s.path "
            f"FROM sections s WHERE {where} ORDER BY s.document_id, s.start_offset, s.depth",
            params,
        ):
            sections[doc_id].append(Section(start, end, depth, path))
        for doc in documents:
            doc.sections = sections.get(doc.id, [])
        # Links and tag paths apart, joined here: much faster than a tag list per row.
        paths = dict(self.conn.execute("SELECT id, path FROM tags").fetchall())
        where, params = _in_documents("a.document_id", ids)
        tags_of: dict[str, list[str]] = defaultdict(list)
        links = self.conn.execute(
            "SELECT x.annotation_id, x.tag_id FROM annotation_tags x"
            if ids is None
            else "SELECT x.annotation_id, x.tag_id FROM annotation_tags x WHERE x.annotation_id "
            f"IN (SELECT a.id FROM annotations a WHERE {where})",
            () if ids is None else params,
        )
        for annotation_id, tag_id in links:
            tags_of[annotation_id].append(paths[tag_id])
        spans = [
            CodedSpan(
                ann_id,
                doc_id,
                start,
                end,
                author,
                tuple(sorted(tags_of[ann_id], key=str.lower)) if ann_id in tags_of else (),
            )
            for ann_id, doc_id, start, end, author in self.conn.execute(
                "SELECT a.id, a.document_id, a.start_offset, a.end_offset, a.author "
                f"FROM annotations a WHERE a.deleted IS NULL AND {where} ORDER BY a.seq",
                params,
            )
        ]
        return CodingData(documents, spans)

    def excerpts_by_id(self, annotation_ids: Iterable[str]) -> list[Excerpt]:
        """The live annotations ``annotation_ids`` as excerpts (with document title,
        section path and page), in the order given; unknown or deleted ids are left out."""
        order = list(dict.fromkeys(annotation_ids))
        excerpts = read_excerpts(
            self.conn,
            "a.deleted IS NULL AND a.id IN (SELECT value FROM json_each(?))",
            (json.dumps(order),),
        )
        found = {ex.annotation.id: ex for ex in excerpts}
        return [found[i] for i in order if i in found]
