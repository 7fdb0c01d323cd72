"""Merging teammates' annotations, and the ones set aside (orphans, waiting).

The plan (which document, which span) is made by :mod:`reader.core.exchange.plan`;
here it is applied in one transaction: new ids are inserted, a newer ``modified``
replaces an older one, and anything that could not be placed is kept aside and
retried when its document arrives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.exchange.plan import Placed, Unplaced
from reader.core.exchange.validation import parse_annotation
from reader.core.exchange.webannotation import SharedAnnotation, to_web_annotation
from reader.core.library_model import DocumentInfo
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.tags import TagsMixin

_CHUNK = 500  # ids per IN (...) query


@dataclass(slots=True)
class MergeCounts:
    """What a merge did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    set_aside: int = 0


@dataclass(slots=True)
class SetAside:
    """A shared annotation kept aside, as listed to the user."""

    id: str
    quote: str
    document_title: str | None
    document_fingerprint: str | None
    document_id: str | None
    reason: str
    author: str | None


class ExchangeMixin(TagsMixin, StoreBase):
    """Apply merge plans; keep and list the annotations set aside."""

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

    def _set_tags(self, ann_id: str, tags: Iterable[str], cache: dict[str, int]) -> None:
        self.conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (ann_id,))
        rows = []
        for tag in tags:
            if tag not in cache:
                cache[tag] = self._ensure_tag(tag)
            rows.append((ann_id, cache[tag]))
        self.conn.executemany(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", rows
        )

    def apply_merge(self, placed: list[Placed], unplaced: list[Unplaced]) -> MergeCounts:
        """Write a merge plan in one transaction; importing the same file twice changes
        nothing the second time."""
        counts = MergeCounts()
        tag_ids: dict[str, int] = {}
        with self.transaction():
            ids = [p.shared.id for p in placed] + [u.shared.id for u in unplaced]
            have = self._modified_of("annotations", ids)
            aside = self._modified_of("pending_annotations", ids)
            for p in placed:
                s = p.shared
                row = {
                    "id": s.id, "doc": p.document_id, "start": p.start, "end": p.end,
                    "quote": p.quote, "prefix": p.prefix, "suffix": p.suffix, "color": s.color,
                    "note": s.note, "author": s.author, "created": s.created,
                    "modified": s.modified,
                }  # fmt: skip
                if s.id not in have:
                    self.conn.execute(
                        "INSERT INTO annotations (id, document_id, start_offset, end_offset, "
                        "quote, prefix, suffix, color, note, author, created, modified) VALUES "
                        "(:id, :doc, :start, :end, :quote, :prefix, :suffix, :color, :note, "
                        ":author, :created, :modified)",
                        row,
                    )
                    counts.added += 1
                elif s.modified > have[s.id]:
                    self.conn.execute(
                        "UPDATE annotations SET document_id = :doc, start_offset = :start, "
                        "end_offset = :end, quote = :quote, prefix = :prefix, suffix = :suffix, "
                        "color = :color, note = :note, author = :author, modified = :modified, "
                        "deleted = NULL WHERE id = :id",
                        row,
                    )
                    counts.updated += 1
                else:
                    counts.unchanged += 1
                    continue
                self._set_tags(s.id, s.tags, tag_ids)
                self.conn.execute("DELETE FROM pending_annotations WHERE id = ?", (s.id,))
            for u in unplaced:
                s = u.shared
                if s.id in have:
                    # Placed here before: a newer version that cannot be placed still
                    # brings its note, tags and colour; the highlight stays where it is.
                    if s.modified > have[s.id]:
                        self.conn.execute(
                            "UPDATE annotations SET color = ?, note = ?, modified = ? WHERE id = ?",
                            (s.color, s.note, s.modified, s.id),
                        )
                        self._set_tags(s.id, s.tags, tag_ids)
                        counts.updated += 1
                    else:
                        counts.unchanged += 1
                    continue
                if s.id in aside and s.modified <= aside[s.id]:
                    counts.unchanged += 1
                    continue
                self._put_aside(u)
                counts.set_aside += 1
        return counts

    def _put_aside(self, u: Unplaced) -> None:
        s = u.shared
        self.conn.execute(
            "INSERT OR REPLACE INTO pending_annotations (id, document_fingerprint, "
            "document_title, document_id, reason, modified, received, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.id,
                s.document_fingerprint,
                s.document_title,
                u.document_id,
                u.reason,
                s.modified,
                utc_now(),
                json.dumps(to_web_annotation(s), ensure_ascii=False),
            ),
        )

    def set_aside(self) -> list[SetAside]:
        """Shared annotations not placed yet: orphans first, then those waiting."""
        rows = self.conn.execute(
            "SELECT id, document_fingerprint, document_title, document_id, reason, payload "
            "FROM pending_annotations ORDER BY document_id IS NULL, document_title, id"
        )
        out = []
        for ann_id, fp, title, doc_id, reason, payload in rows:
            shared = parse_annotation(json.loads(payload))
            out.append(
                SetAside(ann_id, shared.selectors.exact, title, fp, doc_id, reason, shared.author)
            )
        return out

    def _waiting(self) -> list[SharedAnnotation]:
        rows = self.conn.execute(
            "SELECT payload FROM pending_annotations WHERE document_id IS NULL"
        )
        return [parse_annotation(json.loads(r[0])) for r in rows]

    def adopt_waiting(self, info: DocumentInfo) -> MergeCounts:
        """Place the annotations that were waiting for a document like ``info``.

        Called when a document is imported: those whose document it is (same
        fingerprint, or a close title and their quotes in its text) are anchored in it;
        any that cannot be found stay aside as orphans of this document.
        """
        from reader.core.exchange.plan import plan_merge

        waiting = self._waiting()
        if not waiting:
            return MergeCounts()
        plan = plan_merge(waiting, [info], self.document_text)
        placed = plan.placed
        # Only those matched to this document move; the rest keep waiting.
        unplaced = [u for u in plan.unplaced if u.document_id == info.id]
        return self.apply_merge(placed, unplaced)
