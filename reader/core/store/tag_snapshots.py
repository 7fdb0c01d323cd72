"""Tag changes that can be taken back: a snapshot of some tags (with their sub-tags),
the highlights carrying them and those highlights' colours, and its exact restoration.

Renaming, merging, deleting, moving, recolouring and describing a tag each take a
snapshot of every tag they may touch first; undoing restores it, ids and all, so that a
merge comes apart again and a deleted tag returns to every highlight it was on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.colors import color_hex, normalize_color
from reader.core.errors import LibraryError
from reader.core.store.base import StoreBase, utc_now
from reader.core.store.tags import TagsMixin
from reader.core.tags import normalize_tag

_TAG_COLUMNS = ("id", "path", "description", "guid", "color", "codable")


@dataclass(slots=True)
class TagSnapshot:
    """Tags (full rows), their links to highlights, and those highlights' colours."""

    scope: list[str]  # the tag paths (with their sub-tags) the snapshot covers
    tags: list[dict] = field(default_factory=list)
    links: list[tuple[str, int]] = field(default_factory=list)  # (annotation id, tag id)
    colors: dict[str, str] = field(default_factory=dict)  # annotation id -> colour


class TagSnapshotsMixin(TagsMixin, StoreBase):
    """Snapshots of tags for undo, and recolouring a tag's highlights."""

    def _scope_ids(self, scope: list[str]) -> list[int]:
        ids: set[int] = set()
        for path in scope:
            ids.update(self._matching_tag_ids(normalize_tag(path)))
        return sorted(ids)

    def tag_snapshot(self, scope: list[str]) -> TagSnapshot:
        """Everything a change to the tags ``scope`` (and their sub-tags) may alter."""
        snap = TagSnapshot(list(scope))
        ids = self._scope_ids(scope)
        if not ids:
            return snap
        marks = ",".join("?" * len(ids))
        columns = ", ".join(_TAG_COLUMNS)
        for row in self.conn.execute(f"SELECT {columns} FROM tags WHERE id IN ({marks})", ids):
            snap.tags.append(dict(zip(_TAG_COLUMNS, row, strict=True)))
        snap.links = self.conn.execute(
            f"SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id IN ({marks})", ids
        ).fetchall()
        snap.colors = dict(
            self.conn.execute(
                "SELECT a.id, a.color FROM annotations a WHERE a.id IN (SELECT annotation_id "
                f"FROM annotation_tags WHERE tag_id IN ({marks}))",
                ids,
            ).fetchall()
        )
        return snap

    def restore_tag_snapshot(self, snap: TagSnapshot) -> None:
        """Put the tags of ``snap``'s scope back as they were, in one transaction: the
        tags now under the scope (which names where a tag was renamed or moved to) are
        removed, the snapshot's rows, links and colours written back."""
        with self.transaction():
            now = self._scope_ids(snap.scope)
            # Every highlight whose tags or colour change is modified now, so that a
            # teammate's merge (the newer version wins) carries the undo too.
            touched = {a for a, _ in snap.links} | set(snap.colors)
            if now:
                marks = ",".join("?" * len(now))
                touched.update(
                    a
                    for (a,) in self.conn.execute(
                        f"SELECT annotation_id FROM annotation_tags WHERE tag_id IN ({marks})",
                        now,
                    )
                )
                self.conn.execute(f"DELETE FROM tags WHERE id IN ({marks})", now)
            self.db.table("tags").insert_all(snap.tags, replace=True)
            self.db.table("annotation_tags").insert_all(
                ({"annotation_id": a, "tag_id": t} for a, t in snap.links), ignore=True
            )
            self.conn.executemany(
                "UPDATE annotations SET color = ? WHERE id = ?",
                [(color, ann) for ann, color in snap.colors.items()],
            )
            self._touch(touched)

    def recolor_tag(self, tag: str, color: str) -> int:
        """Give tag ``tag`` the colour ``color`` (what its codebook entry says) and paint
        every live highlight carrying it (or a sub-tag) in it; returns how many."""
        path, color = normalize_tag(tag), normalize_color(color)
        with self.transaction():
            ids = self._matching_tag_ids(path)
            if not ids:
                raise LibraryError(f"unknown tag: {tag}")
            self.conn.execute(
                "UPDATE tags SET color = ? WHERE path = ?", (color_hex(color) or None, path)
            )
            marks = ",".join("?" * len(ids))
            cur = self.conn.execute(
                "UPDATE annotations SET color = ?, modified = ? WHERE deleted IS NULL AND id IN "
                f"(SELECT annotation_id FROM annotation_tags WHERE tag_id IN ({marks}))",
                (color, utc_now(), *ids),
            )
        return cur.rowcount
