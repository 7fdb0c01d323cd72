"""How a document's blocks and clauses are stored: their columns packed as bytes.

A 10 MB document has about 50,000 blocks and 75,000 clauses. Stored as JSON they
take 11 MB, a tenth of a second to write and as long again (and 30 MiB of objects) to
read back. Packed, each column is written and read as one piece of bytes (about
2 MB in all) straight into a :class:`~reader.core.compact_model.BlockTable` or
:class:`~reader.core.compact_model.ClauseTable`.

The value is ``MAGIC``, the length of a JSON header (4 bytes, little-endian), the
header, then each column the header names, in its order: 32-bit little-endian
integers (``i``) or one byte an item (``B``). The header holds what is not a number:
the names of the block kinds and the labels, titles and roles of the few blocks that
have one. Libraries written before this keep their JSON (a ``str``, where this is
``bytes``); both read the same (:func:`read_blocks`, :func:`read_clauses`).
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Sequence
from typing import Any

from reader.core.compact_model import OFFSET, BlockTable, ClauseTable
from reader.core.errors import LibraryError
from reader.core.model import Block, Clause
from reader.core.store.indexing import blocks_from_json, clauses_from_json

MAGIC = b"PRcols1\x00"
_BIG_ENDIAN = sys.byteorder == "big"
_BLOCK_COLUMNS = ("starts", "ends", "content_starts", "content_ends", "levels")
_CLAUSE_COLUMNS = ("starts", "ends", "block_of")


def _int_bytes(column: array[int]) -> bytes:
    if _BIG_ENDIAN:  # stored little-endian, as every platform we ship on holds them
        column = array(OFFSET, column)
        column.byteswap()
    return column.tobytes()


def _pack(header: dict[str, Any], ints: list[array[int]], raw: list[bytes | bytearray]) -> bytes:
    head = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    parts = [MAGIC, len(head).to_bytes(4, "little"), head]
    parts += [_int_bytes(c) for c in ints]
    parts += [bytes(r) for r in raw]
    return b"".join(parts)


class _Reader:
    """Reads the columns of one packed value in order."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            raise LibraryError("a stored document's structure is unreadable (unknown format)")
        size = int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "little")
        start = len(MAGIC) + 4
        self.header: dict[str, Any] = json.loads(data[start : start + size].decode("utf-8"))
        self.n: int = self.header["n"]
        self.view = memoryview(data)
        self.pos = start + size

    def ints(self) -> array[int]:
        column = array(OFFSET)
        width = column.itemsize * self.n
        column.frombytes(self.view[self.pos : self.pos + width])
        self.pos += width
        if _BIG_ENDIAN:
            column.byteswap()
        return column

    def raw(self) -> bytearray:
        column = bytearray(self.view[self.pos : self.pos + self.n])
        self.pos += self.n
        return column


def pack_blocks(blocks: Sequence[Block]) -> bytes:
    """``blocks`` as a stored value."""
    table = blocks if isinstance(blocks, BlockTable) else BlockTable.of(blocks)
    header = {
        "n": len(table),
        "kinds": table.kind_names,
        "extras": [[i, *extra] for i, extra in sorted(table.extras.items())],
    }
    ints = [getattr(table, name) for name in _BLOCK_COLUMNS]
    return _pack(header, ints, [table.kinds, table.continues])


def pack_clauses(clauses: Sequence[Clause]) -> bytes:
    """``clauses`` as a stored value."""
    table = clauses if isinstance(clauses, ClauseTable) else ClauseTable.of(clauses)
    ints = [getattr(table, name) for name in _CLAUSE_COLUMNS]
    return _pack({"n": len(table)}, ints, [table.kinds])


def read_blocks(value: bytes | str) -> BlockTable:
    """The blocks of a stored value, packed or (older libraries) JSON."""
    if isinstance(value, str):
        return BlockTable.of(blocks_from_json(value))
    reader = _Reader(value)
    table = BlockTable()
    table.kind_names = reader.header["kinds"]
    for name in _BLOCK_COLUMNS:
        setattr(table, name, reader.ints())
    table.kinds, table.continues = reader.raw(), reader.raw()
    table.extras = {i: (label, title, role) for i, label, title, role in reader.header["extras"]}
    return table


def read_clauses(value: bytes | str) -> ClauseTable:
    """The clauses of a stored value, packed or (older libraries) JSON."""
    if isinstance(value, str):
        return ClauseTable.of(clauses_from_json(value))
    reader = _Reader(value)
    table = ClauseTable()
    for name in _CLAUSE_COLUMNS:
        setattr(table, name, reader.ints())
    table.kinds = reader.raw()
    return table
