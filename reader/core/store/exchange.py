"""Merging teammates' annotations, and keeping the ones set aside (orphans, waiting).

Where each goes is decided above the store (:mod:`reader.core.exchange.plan`); here a
merge is applied in one transaction: new ids are inserted, a newer ``modified``
replaces an older one, and anything that could not be placed is kept aside as
received, to be placed when its document arrives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from reader.core.library_model import Annotation, MergeCounts, PendingAnnotation, SetAside
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.tags import TagsMixin

_CHUNK = 500  # ids per IN (...) query

# The payload is the annotation as an exchange file holds it, a W3C Web Annotation
# (reader.core.exchange.webannotation.to_web_annotation writes it): the quote is its
# TextQuoteSelector's exact text, the author its creator's name. Read in SQL so that
# listing what is aside needs nothing of the exchange format's code.
_PAYLOAD_QUOTE = (
    "coalesce((SELECT json_extract(s.value, '$.exact') "
    "FROM json_each(payload, '$.target.selector') s "
    "WHERE json_extract(s.value, '$.type') = 'TextQuoteSelector' LIMIT 1), '')"
)
_PAYLOAD_AUTHOR = "json_extract(payload, '$.creator.name')"


class ExchangeMixin(TagsMixin, StoreBase):
    """Apply merges; keep and list the annotations set aside."""

    def document_text(self, document_id: str) -> str:
        """A document's text alone (cheaper than rebuilding the whole Document)."""
        row = self._one("SELECT text FROM documents WHERE id = ?", (document_id,))
        return row[0] if row else ""

    def _modified_of(self, table: str, ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT id, modified FROM {table} WHERE id IN ({marks})", chunk
            )
            out.update(rows)
        return out

    def _set_tags(
        self, tagged: list[tuple[str, Iterable[str]]], cache: dict[str, int], fresh: set[str]
    ) -> None:
        """Make each annotation's tags these, in two statements for all of them (the
        ``fresh`` ones, just inserted, have none to remove)."""
        stale = json.dumps([ann_id for ann_id, _ in tagged if ann_id not in fresh])
        self.conn.execute(
            "DELETE FROM annotation_tags WHERE annotation_id IN (SELECT value FROM json_each(?))",
            (stale,),
        )
        rows = []
        for ann_id, tags in tagged:
            for tag in tags:
                if tag not in cache:
                    cache[tag] = self._ensure_tag(tag)
                rows.append((ann_id, cache[tag]))
        # executemany, not sqlite-utils' insert_all: its per-row work (type checks, JSON
        # conversion) costs more than SQLite's own for tens of thousands of rows.
        self.conn.executemany(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", rows
        )

    def apply_merge(
        self, placed: list[Annotation], unplaced: list[PendingAnnotation]
    ) -> MergeCounts:
        """Write a merge in one transaction: ``placed`` annotations (anchored in a
        document) and ``unplaced`` ones to keep aside. Importing the same file twice
        changes nothing the second time.

        New rows go in with one insert each table, not one per annotation: a merge of
        10,000 would otherwise spend seconds in per-call overhead."""
        counts = MergeCounts()
        tag_ids: dict[str, int] = {}
        new_rows: list[dict[str, object]] = []
        tagged: list[tuple[str, Iterable[str]]] = []
        with self.transaction():
            ids = [a.id for a in placed] + [u.id for u in unplaced]
            have = self._modified_of("annotations", ids)
            aside = self._modified_of("pending_annotations", ids)
            for a in placed:
                row = {
                    "id": a.id, "document_id": a.document_id, "start_offset": a.start,
                    "end_offset": a.end, "quote": a.quote, "prefix": a.prefix,
                    "suffix": a.suffix, "color": a.color, "note": a.note, "author": a.author,
                    "created": a.created, "modified": a.modified,
                }  # fmt: skip
                if a.id not in have:
                    new_rows.append(row)
                    counts.added += 1
                elif a.modified > have[a.id]:
                    # Raw SQL: the row is found by the public id, not the table's key (seq),
                    # and only when the incoming version is newer (checked above).
                    self.conn.execute(
                        "UPDATE annotations SET document_id = :document_id, "
                        "start_offset = :start_offset, end_offset = :end_offset, quote = :quote, "
                        "prefix = :prefix, suffix = :suffix, color = :color, note = :note, "
                        "author = :author, modified = :modified, deleted = NULL WHERE id = :id",
                        row,
                    )
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                    continue
                tagged.append((a.id, a.tags))
            if new_rows:  # executemany: see _set_tags
                columns = list(new_rows[0])
                self.conn.executemany(
                    f"INSERT INTO annotations ({', '.join(columns)}) "
                    f"VALUES ({', '.join(':' + c for c in columns)})",
                    new_rows,
                )
            self.conn.execute(
                "DELETE FROM pending_annotations WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([ann_id for ann_id, _ in tagged]),),
            )
            for u in unplaced:
                if u.id in have:
                    # Placed here before: a newer version that cannot be placed still
                    # brings its note, tags and colour; the highlight stays where it is.
                    if u.modified > have[u.id]:
                        self.conn.execute(
                            "UPDATE annotations SET color = ?, note = ?, modified = ? WHERE id = ?",
                            (u.color, u.note, u.modified, u.id),
                        )
                        tagged.append((u.id, u.tags))
                        counts.updated += 1
                    else:
                        counts.unchanged += 1
                    continue
                if u.id in aside and u.modified <= aside[u.id]:
                    counts.unchanged += 1
                    continue
                self._put_aside(u)
                counts.set_aside += 1
            self._set_tags(tagged, tag_ids, {str(r["id"]) for r in new_rows})
        return counts

    def _put_aside(self, u: PendingAnnotation) -> None:
        self.db.table("pending_annotations").insert(
            {
                "id": u.id,
                "document_fingerprint": u.document_fingerprint,
                "document_title": u.document_title,
                "document_id": u.document_id,
                "reason": u.reason,
                "modified": u.modified,
                "received": utc_now(),
                "payload": u.payload,
            },
            replace=True,  # a newer version of one already aside replaces it
        )

    def set_aside(self) -> list[SetAside]:
        """Shared annotations not placed yet: orphans first, then those waiting."""
        rows = self.conn.execute(
            f"SELECT id, {_PAYLOAD_QUOTE}, document_title, document_fingerprint, document_id, "
            f"reason, {_PAYLOAD_AUTHOR} "
            "FROM pending_annotations ORDER BY document_id IS NULL, document_title, id"
        )
        return [SetAside(*row) for row in rows]

    def waiting_payloads(self) -> list[str]:
        """The payloads of the shared annotations waiting for their document."""
        rows = self.conn.execute(
            "SELECT payload FROM pending_annotations WHERE document_id IS NULL"
        )
        return [r[0] for r in rows]
