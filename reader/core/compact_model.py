"""Blocks and clauses of a document held as columns of machine integers.

A 10 MB document has about 50,000 blocks and 75,000 clauses. As Python objects they
take about 30 MiB (each object, each offset an ``int`` object, each kind a string of
its own when read from JSON); as columns (``array('i')``, one byte a kind) they take
under 3 MiB, and a column reads from and writes to the store as one piece of bytes.

:class:`ClauseTable` and :class:`BlockTable` are read-only sequences of
:class:`~reader.core.model.Clause` and :class:`~reader.core.model.Block`: indexing
one makes a small object of the model on demand (a copy: changing it changes nothing
in the table), and a table equals any sequence of the same items, a list included.
The importers still build lists of blocks (the structure pass changes blocks in place);
documents read from the library hold tables.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from reader.core.model import Block, Clause

# Offsets fit in 32 bits: imports are limited far below 2**31 characters
# (reader.core.limits.MAX_IMPORT_BYTES); a larger one would raise OverflowError.
OFFSET = "i"
CLAUSE_KINDS = ("sentence", "item")


def _same_items(table: Sequence[Any], other: object) -> bool:
    """Sequence equality of ``table`` with ``other``, item by item (NotImplemented for
    what is no sequence, so Python tries the other side)."""
    if not isinstance(other, Sequence) or isinstance(other, str | bytes):
        return NotImplemented
    return len(table) == len(other) and all(a == b for a, b in zip(table, other, strict=True))


class ClauseTable(Sequence[Clause]):
    """The clauses of a document as columns: ``starts``, ``ends``, ``block_of`` (the
    index of the block a clause starts in) and ``kinds`` (0 sentence, 1 item)."""

    __slots__ = ("starts", "ends", "block_of", "kinds")
    __hash__ = None  # type: ignore[assignment]  # equal to lists, so not hashable

    def __init__(self) -> None:
        self.starts = array(OFFSET)
        self.ends = array(OFFSET)
        self.block_of = array(OFFSET)
        self.kinds = bytearray()

    @classmethod
    def of(cls, clauses: Iterable[Clause]) -> ClauseTable:
        """A table holding ``clauses``."""
        table = cls()
        for c in clauses:
            table.add(c.start, c.end, c.block, c.kind)
        return table

    def add(self, start: int, end: int, block: int, kind: str = "sentence") -> None:
        """Append one clause."""
        self.starts.append(start)
        self.ends.append(end)
        self.block_of.append(block)
        self.kinds.append(CLAUSE_KINDS.index(kind))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Clause: ...

    @overload
    def __getitem__(self, i: slice) -> list[Clause]: ...

    def __getitem__(self, i: int | slice) -> Clause | list[Clause]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Clause(self.starts[i], self.ends[i], self.block_of[i], CLAUSE_KINDS[self.kinds[i]])

    def __iter__(self) -> Iterator[Clause]:
        kinds = CLAUSE_KINDS
        for s, e, b, k in zip(self.starts, self.ends, self.block_of, self.kinds, strict=True):
            yield Clause(s, e, b, kinds[k])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ClauseTable):
            return (
                self.starts == other.starts
                and self.ends == other.ends
                and self.block_of == other.block_of
                and self.kinds == other.kinds
            )
        return _same_items(self, other)

    def __repr__(self) -> str:
        return f"ClauseTable({len(self)} clauses)"


class BlockTable(Sequence[Block]):
    """The blocks of a document as columns.

    Offsets and levels are integer columns, each kind and ``continues`` one byte (an
    index into ``kind_names``); the few blocks with a label, a title or a role (the
    headings, numbered items and page furniture) keep those strings in ``extras``.
    """

    __slots__ = (
        "kind_names",
        "kinds",
        "starts",
        "ends",
        "content_starts",
        "content_ends",
        "levels",
        "continues",
        "extras",
    )
    __hash__ = None  # type: ignore[assignment]  # equal to lists, so not hashable

    def __init__(self) -> None:
        self.kind_names: list[str] = []
        self.kinds = bytearray()
        self.starts = array(OFFSET)
        self.ends = array(OFFSET)
        self.content_starts = array(OFFSET)
        self.content_ends = array(OFFSET)
        self.levels = array(OFFSET)
        self.continues = bytearray()
        self.extras: dict[int, tuple[str | None, str | None, str | None]] = {}

    @classmethod
    def of(cls, blocks: Iterable[Block]) -> BlockTable:
        """A table holding ``blocks`` (a copy of what they are now; a table, which does
        not change, is returned as it is)."""
        if isinstance(blocks, BlockTable):
            return blocks
        table = cls()
        for b in blocks:
            table.add(b)
        return table

    def kind_code(self, kind: str) -> int:
        """The byte that stands for ``kind`` in :attr:`kinds` (added when new)."""
        try:
            return self.kind_names.index(kind)
        except ValueError:
            self.kind_names.append(kind)
            return len(self.kind_names) - 1

    def add(self, b: Block) -> None:
        """Append one block."""
        if b.label is not None or b.title is not None or b.role is not None:
            self.extras[len(self.starts)] = (b.label, b.title, b.role)
        self.kinds.append(self.kind_code(b.kind))
        self.starts.append(b.start)
        self.ends.append(b.end)
        self.content_starts.append(b.content_start)
        self.content_ends.append(b.content_end)
        self.levels.append(b.level)
        self.continues.append(b.continues)

    def kind(self, i: int) -> str:
        """The kind of block ``i`` (without making the block)."""
        return self.kind_names[self.kinds[i]]

    def role(self, i: int) -> str | None:
        """The furniture role of block ``i`` (without making the block)."""
        extra = self.extras.get(i)
        return extra[2] if extra else None

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Block: ...

    @overload
    def __getitem__(self, i: slice) -> list[Block]: ...

    def __getitem__(self, i: int | slice) -> Block | list[Block]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        label, title, role = self.extras.get(i) or (None, None, None)
        return Block(
            self.kind_names[self.kinds[i]],
            self.starts[i],
            self.ends[i],
            self.content_starts[i],
            self.content_ends[i],
            self.levels[i],
            label,
            title,
            role,
            bool(self.continues[i]),
        )

    def __iter__(self) -> Iterator[Block]:
        for i in range(len(self)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        return _same_items(self, other)

    def __repr__(self) -> str:
        return f"BlockTable({len(self)} blocks)"
