"""Tag descriptions and colours, and applying a codebook (REFI-QDA) to the tags."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.core.errors import LibraryError
from reader.core.refiqda.colors import color_hex
from reader.core.store.base import StoreBase
from reader.core.store.tags import TagsMixin, normalize_tag


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


class CodebookMixin(TagsMixin, StoreBase):
    """Descriptions say what a tag means; colours come from the highlights using it."""

    def tag_exists(self, tag: str) -> bool:
        """Whether ``tag`` is a tag, or the implied parent of one (``economy`` of
        ``economy/trade``), ignoring case."""
        return bool(self._matching_tag_ids(normalize_tag(tag)))

    def tag_description(self, tag: str) -> str:
        """The description of ``tag`` ("" when it has none); raises for an unknown tag."""
        row = self._one("SELECT description FROM tags WHERE path = ?", (normalize_tag(tag),))
        if row is None:
            raise LibraryError(f"unknown tag: {tag}")
        return row[0]

    def set_tag_description(self, tag: str, description: str) -> None:
        """Set (or, with "", clear) what ``tag`` means; raises for an unknown tag."""
        with self.transaction():
            cur = self.conn.execute(
                "UPDATE tags SET description = ? WHERE path = ?",
                (description.strip(), normalize_tag(tag)),
            )
            if cur.rowcount == 0:
                raise LibraryError(f"unknown tag: {tag}")

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

    def apply_codebook(self, entries: list[tuple[str, str]]) -> CodebookCounts:
        """Create the tags of ``entries`` (``(path, description)``, parents first) that
        are new, and set the descriptions that differ, in one transaction. Existing tags
        keep their annotations; an empty description never clears one."""
        counts = CodebookCounts()
        with self.transaction():
            for raw_path, description in entries:
                path = normalize_tag(raw_path)
                row = self._one("SELECT id, description FROM tags WHERE path = ?", (path,))
                if row is None:
                    self.conn.execute(
                        "INSERT INTO tags (path, description) VALUES (?, ?)", (path, description)
                    )
                    counts.added.append(path)
                elif description and description != row[1]:
                    self.conn.execute(
                        "UPDATE tags SET description = ? WHERE id = ?", (description, row[0])
                    )
                    counts.described.append(path)
                else:
                    counts.unchanged += 1
        return counts
