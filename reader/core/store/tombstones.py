"""Deletions as teammates learn of them: tombstones, and the version time of any id.

A deleted annotation is its own tombstone while its row exists (``deleted`` set); the
``annotation_tombstones`` table keeps those whose row is gone and teammates' deletions
of annotations this library never had. Every id has one *version time*, the moment of
its latest change here (edit, deletion, or the version set aside); a teammate's version
or tombstone applies only when it is newer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.library_model import Tombstone
from reader.core.store.base import StoreBase

_CHUNK = 500  # ids per IN (...) query
# A deleted row's version is its deletion (or a later edit made while deleted).
_ROW_VERSION = "CASE WHEN deleted IS NOT NULL AND deleted > modified THEN deleted ELSE modified END"


class TombstonesMixin(StoreBase):
    """Version times of ids, tombstones of an author, teammates' tombstones applied."""

    def version_times(self, ids: Iterable[str]) -> dict[str, str]:
        """The latest version time known here of each of ``ids`` (annotations, deleted or
        not; annotations set aside; tombstones). Ids never seen are left out."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, str] = {}
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT id, {_ROW_VERSION} FROM annotations WHERE id IN ({marks}) "
                f"UNION ALL SELECT id, modified FROM pending_annotations WHERE id IN ({marks}) "
                f"UNION ALL SELECT id, deleted FROM annotation_tombstones WHERE id IN ({marks})",
                chunk * 3,
            )
            for ann_id, when in rows:
                if when > out.get(ann_id, ""):
                    out[ann_id] = when
        return out

    def tombstones(self, author: str) -> list[Tombstone]:
        """The deletions of ``author``'s annotations (name compared ignoring case), by id;
        not those deleted with their document."""
        # Not those deleted with their document (the trash): putting a document away here
        # takes nobody's highlights away from the team.
        rows = self.conn.execute(
            f"SELECT a.id, {_ROW_VERSION}, a.author FROM annotations a "
            "WHERE a.deleted IS NOT NULL AND a.author = ? COLLATE NOCASE AND NOT EXISTS "
            "(SELECT 1 FROM documents d WHERE d.id = a.document_id AND d.deleted = a.deleted) "
            "UNION ALL SELECT id, deleted, author FROM annotation_tombstones "
            "WHERE author = ? COLLATE NOCASE ORDER BY 1",
            (author, author),
        )
        return [Tombstone(*r) for r in rows]

    def apply_tombstones(self, tombstones: Sequence[Tombstone]) -> int:
        """Apply teammates' deletions, in one transaction; returns how many annotations
        (placed or set aside) they removed.

        A tombstone applies when it is newer than the version here, and to a placed
        annotation only when it names the same author (a teammate deletes their own
        highlights, not others'). Each is remembered, so an older copy of the annotation
        arriving later stays deleted; a newer one brings it back.
        """
        removed = 0
        with self.transaction():
            have = self.version_times(t.id for t in tombstones)
            for t in tombstones:
                if t.deleted <= have.get(t.id, ""):
                    continue
                row = self._one("SELECT author, deleted FROM annotations WHERE id = ?", (t.id,))
                if row is not None:
                    owner, deleted = row
                    if (owner or "").casefold() != (t.author or "").casefold():
                        continue
                    self.conn.execute(
                        "UPDATE annotations SET deleted = :t, modified = :t WHERE id = :id",
                        {"t": t.deleted, "id": t.id},
                    )
                    removed += deleted is None
                    continue
                gone = self.conn.execute(
                    "DELETE FROM pending_annotations WHERE id = ?", (t.id,)
                ).rowcount
                removed += gone
                self.db.table("annotation_tombstones").insert(
                    {"id": t.id, "deleted": t.deleted, "author": t.author}, replace=True
                )
        return removed
