"""Tag descriptions and colours, and applying a codebook (REFI-QDA) to the tags."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.core.colors import color_hex
from reader.core.errors import LibraryError
from reader.core.library_model import CodebookEntry, CodeIdentity
from reader.core.limits import MAX_DESCRIPTION, checked_field
from reader.core.store.base import StoreBase
from reader.core.store.tags import TagsMixin
from reader.core.tags import normalize_tag

HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(slots=True)
class CodebookCounts:
    """What applying a codebook did: tag paths added, descriptions changed, the rest."""

    added: list[str] = field(default_factory=list)
    described: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        """``"12 tags added, 3 descriptions updated, 4 unchanged"``."""
        return (
            f"{len(self.added)} tag(s) added, {len(self.described)} description(s) updated, "
            f"{self.unchanged} unchanged"
        )


def _key(path: str) -> str:
    """A tag path as ``COLLATE NOCASE`` compares it: ASCII letters folded, no others."""
    return path.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _hex_color(color: str | None) -> str | None:
    return color if color and HEX_COLOR.fullmatch(color) else None


class CodebookMixin(TagsMixin, StoreBase):
    """Descriptions say what a tag means; colours come from the highlights using it."""

    def tag_exists(self, tag: str) -> bool:
        """Whether ``tag`` is a tag, or the implied parent of one (``economy`` of
        ``economy/trade``), ignoring case."""
        return bool(self._matching_tag_ids(normalize_tag(tag)))

    def tag_description(self, tag: str) -> str:
        """The description of ``tag`` ("" when it has none, or is an implied parent);
        raises for an unknown tag."""
        row = self._one("SELECT description FROM tags WHERE path = ?", (normalize_tag(tag),))
        if row is None:
            if self.tag_exists(tag):
                return ""
            raise LibraryError(f"unknown tag: {tag}")
        return row[0]

    def set_tag_description(self, tag: str, description: str) -> None:
        """Set (or, with "", clear) what ``tag`` means; an implied parent (``economy``
        of ``economy/trade``) becomes a tag of its own. Raises for an unknown tag."""
        path = normalize_tag(tag)
        description = checked_field(description, "the description", MAX_DESCRIPTION)
        with self.transaction():
            cur = self.conn.execute(
                "UPDATE tags SET description = ? WHERE path = ?", (description.strip(), path)
            )
            if cur.rowcount == 0:
                child = self._one(
                    "SELECT path FROM tags WHERE path > :tag || '/' AND path < :tag || '0'",
                    {"tag": path},
                )
                if child is None:
                    raise LibraryError(f"unknown tag: {tag}")
                self.db.table("tags").insert(  # spelled as in its sub-tag's path
                    {"path": child[0][: len(path)], "description": description.strip()}
                )

    def code_identities(self) -> dict[str, CodeIdentity]:
        """Lower-cased tag path -> the GUID, colour and codability kept from a codebook,
        for tags that have any."""
        rows = self.conn.execute(
            "SELECT path, guid, color, codable FROM tags "
            "WHERE guid IS NOT NULL OR color IS NOT NULL OR codable = 0"
        )
        return {path.lower(): CodeIdentity(g, c, bool(k)) for path, g, c, k in rows}

    def tag_colors(self) -> dict[str, str]:
        """Lower-cased tag path -> ``#RRGGBB`` of the highlight colour its live
        annotations use most (ties: the colour name first in alphabetical order)."""
        rows = self.conn.execute(
            "SELECT t.path, a.color, count(*) FROM annotation_tags x "
            "JOIN tags t ON t.id = x.tag_id JOIN annotations a ON a.id = x.annotation_id "
            "WHERE a.deleted IS NULL GROUP BY t.id, a.color"
        )
        uses: dict[str, Counter[str]] = {}
        for path, color, n in rows:
            uses.setdefault(path.lower(), Counter())[color] += n
        out = {}
        for path, counts in uses.items():
            best = min(counts, key=lambda c: (-counts[c], c))
            if hex_color := color_hex(best):
                out[path] = hex_color
        return out

    def apply_codebook(self, entries: list[CodebookEntry]) -> CodebookCounts:
        """Create the tags of ``entries`` (parents first) that are new, and set the
        descriptions that differ, in one transaction. Existing tags keep their
        annotations; an empty description never clears one. Every tag keeps the
        entry's GUID, colour and codability, so exporting gives them back (a GUID
        moves from another tag holding it: GUIDs stay unique).

        O(n): the tags are read once and written in batches, and everything that can
        be checked is checked before the write lock is taken (50,000 codes hold it
        for well under a second)."""
        wanted = [
            (
                normalize_tag(e.path),
                checked_field(e.description, f"the description of {e.path!r}", MAX_DESCRIPTION),
                e,
            )
            for e in entries
        ]
        counts = CodebookCounts()
        with self.transaction():
            tags = self._tags_by_key()
            new = {_key(path): path for path, _d, _e in wanted if _key(path) not in tags}
            self.db.table("tags").insert_all(
                ({"path": path, "description": ""} for path in new.values()), ignore=True
            )
            if new:
                tags = self._tags_by_key()
            holders = {guid.lower(): tag_id for tag_id, _d, guid in tags.values() if guid}
            described, cleared, identities = [], [], []
            for path, description, entry in wanted:
                tag_id, old_description, _guid = tags[_key(path)]
                if _key(path) in new:
                    new.pop(_key(path))
                    counts.added.append(path)
                    if description:
                        described.append((description, tag_id))
                elif description and description != old_description:
                    described.append((description, tag_id))
                    counts.described.append(path)
                else:
                    counts.unchanged += 1
                if entry.guid:
                    holder = holders.get(entry.guid.lower())
                    if holder is not None and holder != tag_id:
                        cleared.append((holder,))
                identities.append((entry.guid, _hex_color(entry.color), int(entry.codable), tag_id))
            self.conn.executemany("UPDATE tags SET description = ? WHERE id = ?", described)
            self.conn.executemany("UPDATE tags SET guid = NULL WHERE id = ?", cleared)
            self.conn.executemany(
                "UPDATE tags SET guid = coalesce(?, guid), color = coalesce(?, color), "
                "codable = ? WHERE id = ?",
                identities,
            )
        return counts

    def _tags_by_key(self) -> dict[str, tuple[int, str, str | None]]:
        """Every tag: its path as the ``tags.path`` column compares it -> (id, description,
        GUID)."""
        rows = self.conn.execute("SELECT id, path, description, guid FROM tags")
        return {_key(path): (tag_id, desc, guid) for tag_id, path, desc, guid in rows}
