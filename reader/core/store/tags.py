"""Hierarchical tags (``economy/trade``): the tree with counts, rename/merge, delete."""

from __future__ import annotations

from reader.core.errors import LibraryError
from reader.core.library_model import TagNode
from reader.core.limits import MAX_TAG, check_length
from reader.core.store.base import StoreBase, utc_now
from reader.core.tags import SEPARATOR, normalize_tag, tag_lineage

# Tags whose path is ``tag`` or starts with ``tag/``. '0' is the character after '/',
# so the range covers exactly the sub-tags and can use the index on tags.path.
TAG_AND_SUBTAGS = "(path = :tag OR (path > :tag || '/' AND path < :tag || '0'))"


class TagsMixin(StoreBase):
    """The tag vocabulary. Paths compare without regard to case."""

    def _ensure_tag(self, path: str) -> int:
        """The id of tag ``path`` (normalised), created if new. Call inside a transaction."""
        check_length(path, f"the tag {path[:40]!r}...", MAX_TAG)  # a rename may lengthen it
        self.conn.execute("INSERT OR IGNORE INTO tags (path) VALUES (?)", (path,))  # see StoreBase
        # The path may exist in another case (paths compare without it): look it up.
        return self._row("SELECT id FROM tags WHERE path = ?", (path,))[0]

    def _matching_tag_ids(self, tag: str) -> list[int]:
        rows = self.conn.execute(f"SELECT id FROM tags WHERE {TAG_AND_SUBTAGS}", {"tag": tag})
        return [r[0] for r in rows]

    def tag_tree(self) -> list[TagNode]:
        """Every tag as a tree, sorted by name.

        A node's count is the number of live (not deleted) annotations carrying the
        tag or any of its sub-tags, each annotation counted once.
        """
        rows = self.conn.execute("SELECT id, path, description FROM tags").fetchall()
        paths = {tag_id: path for tag_id, path, _ in rows}
        # Links alone, minus the (few) deleted annotations: much faster than joining
        # every link to its annotation row.
        deleted = {
            r[0] for r in self.conn.execute("SELECT id FROM annotations WHERE deleted IS NOT NULL")
        }
        links = self.conn.execute("SELECT tag_id, annotation_id FROM annotation_tags").fetchall()
        nodes: dict[str, TagNode] = {}
        roots: list[TagNode] = []

        def node_for(path: str, exists: bool) -> TagNode:
            key = path.lower()
            node = nodes.get(key)
            if node is None:
                parent_path, _, name = path.rpartition(SEPARATOR)
                node = TagNode(name=name, path=path, exists=exists)
                nodes[key] = node
                siblings = node_for(parent_path, False).children if parent_path else roots
                siblings.append(node)
            elif exists:
                node.exists = True
            return node

        for _tag_id, path, description in rows:
            node_for(path, True).description = description
        lineage = {}  # tag id -> its own key and its ancestors' keys
        for tag_id, path in paths.items():
            lineage[tag_id] = tag_lineage(path.lower())
        members: dict[str, set[str]] = {key: set() for key in nodes}
        for tag_id, annotation_id in links:
            if annotation_id not in deleted:
                for key in lineage[tag_id]:
                    members[key].add(annotation_id)
        for key, node in nodes.items():
            node.count = len(members[key])

        def sort(level: list[TagNode]) -> None:
            level.sort(key=lambda n: n.name.lower())
            for n in level:
                sort(n.children)

        sort(roots)
        return roots

    def rename_tag(self, old: str, new: str) -> int:
        """Rename tag ``old`` and its sub-tags to ``new``; merge where ``new`` exists.

        ``economy`` -> ``econ`` also moves ``economy/trade`` to ``econ/trade``.
        Returns the number of annotation-tag links carried over.
        """
        old, new = normalize_tag(old), normalize_tag(new)
        with self.transaction():
            rows = self.conn.execute(
                f"SELECT id, path, description FROM tags WHERE {TAG_AND_SUBTAGS}", {"tag": old}
            ).fetchall()
            if not rows:
                raise LibraryError(f"unknown tag: {old}")
            # Collect first, then delete, then recreate: renaming into one's own
            # subtree (a -> a/b) must not merge a tag into one being renamed.
            links: list[tuple[str, str]] = []
            for tag_id, path, _description in rows:
                target = new + path[len(old) :]
                links.extend(
                    (annotation_id, target)
                    for (annotation_id,) in self.conn.execute(
                        "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (tag_id,)
                    )
                )
            self.conn.executemany("DELETE FROM tags WHERE id = ?", [(r[0],) for r in rows])
            for _tag_id, path, description in rows:
                self._ensure_tag(new + path[len(old) :])
                # The description moves too; a merge keeps the target's own, if any.
                self.conn.execute(
                    "UPDATE tags SET description = ? WHERE path = ? AND description = ''",
                    (description, new + path[len(old) :]),
                )
            ids = {}
            for annotation_id, target in links:
                if target not in ids:
                    ids[target] = self._ensure_tag(target)
                self.conn.execute(
                    "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                    (annotation_id, ids[target]),
                )
            self._touch({a for a, _ in links})
        return len(links)

    def delete_tag(self, tag: str) -> int:
        """Remove tag ``tag`` and its sub-tags; the annotations stay, without them.

        Returns the number of annotations that lost a tag.
        """
        tag = normalize_tag(tag)
        with self.transaction():
            ids = self._matching_tag_ids(tag)
            if not ids:
                raise LibraryError(f"unknown tag: {tag}")
            marks = ",".join("?" * len(ids))
            touched = {
                r[0]
                for r in self.conn.execute(
                    f"SELECT annotation_id FROM annotation_tags WHERE tag_id IN ({marks})", ids
                )
            }
            self.conn.execute(f"DELETE FROM tags WHERE id IN ({marks})", ids)
            self._touch(touched)
        return len(touched)

    def _touch(self, annotation_ids: set[str]) -> None:
        now = utc_now()
        self.conn.executemany(
            "UPDATE annotations SET modified = ? WHERE id = ?", [(now, a) for a in annotation_ids]
        )
