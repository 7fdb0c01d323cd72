"""Merge one teammate's file into the library: their newer versions and their deletions.

The exchange merge does the work (matched by id, the more recently modified version
wins, authorship kept, re-anchored when the text differs, set aside when the document
is missing); before it, every annotation and tombstone no newer than what the library
already knows of its id is dropped, so a file merged again costs only its reading, and
a deletion is never undone by an older copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.exchange.plan import plan_merge
from reader.core.library_model import Tombstone
from reader.core.store import Library
from reader.core.team.teamfile import TeamFile

_NONE = Tombstone("", "")


@dataclass
class FileMerge:
    """What merging one teammate's file did."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    set_aside: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        """Whether the library changed."""
        return bool(self.added or self.updated or self.deleted or self.set_aside)

    def add(self, other: FileMerge) -> None:
        """Count ``other`` in as well."""
        self.added += other.added
        self.updated += other.updated
        self.deleted += other.deleted
        self.set_aside += other.set_aside
        self.unchanged += other.unchanged

    def summary(self) -> str:
        """``3 added, 1 updated, 2 deleted`` (or ``no change``)."""
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.added, "added"),
                (self.updated, "updated"),
                (self.deleted, "deleted"),
                (self.set_aside, "set aside"),
            )
            if n
        ]
        return ", ".join(parts) or "no change"


def merge_team_file(library: Library, team_file: TeamFile) -> FileMerge:
    """Merge ``team_file`` into ``library`` in one transaction."""
    result = FileMerge(unchanged=team_file.known)
    ids = [a.id for a in team_file.annotations] + [t.id for t in team_file.tombstones]
    with library.transaction():
        known = library.version_times(ids)
        # A file may hold an id twice only if edited by hand: the newer entry counts.
        stones: dict[str, Tombstone] = {}
        for t in team_file.tombstones:
            if t.deleted > known.get(t.id, "") and t.deleted > stones.get(t.id, _NONE).deleted:
                stones[t.id] = t
        fresh = []
        for a in team_file.annotations:
            stone = stones.get(a.id)
            if a.modified <= known.get(a.id, "") or (stone and stone.deleted >= a.modified):
                result.unchanged += 1
                continue
            stones.pop(a.id, None)  # re-created after it was deleted
            fresh.append(a)
        if fresh:
            plan = plan_merge(fresh, library.list_documents(), library.document_text)
            counts = library.apply_merge(plan.annotations(), plan.pending())
            result.added, result.updated = counts.added, counts.updated
            result.set_aside = counts.set_aside
            result.unchanged += counts.unchanged
        if stones:
            result.deleted = library.apply_tombstones(list(stones.values()))
    return result
