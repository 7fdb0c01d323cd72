"""Blocks and clauses held as columns (reader.core.compact_model) and stored packed
(reader.core.store.columns): the same blocks and clauses as the lists they came from,
from a new library and from one written before, as JSON."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.compact_model import BlockTable, ClauseTable
from reader.core.errors import LibraryError
from reader.core.importers import parse_text
from reader.core.model import Block, Clause
from reader.core.store import Library
from reader.core.store.columns import (
    MAGIC,
    pack_blocks,
    pack_clauses,
    read_blocks,
    read_clauses,
)
from reader.core.store.indexing import blocks_to_json, clauses_to_json

MARKDOWN = (
    "# Rules\n\n## Part I Aims\n\nThe aims are set. They hold.\n\n"
    "- first item\n- second item\n\n> A quote. With two sentences.\n"
)


def test_tables_hold_the_blocks_and_clauses_they_were_made_from(sample_doc):
    blocks = BlockTable.of(sample_doc.blocks)
    clauses = ClauseTable.of(sample_doc.clauses)
    assert blocks == list(sample_doc.blocks) and list(sample_doc.blocks) == blocks
    assert clauses == list(sample_doc.clauses) and list(sample_doc.clauses) == clauses
    assert list(blocks) == list(sample_doc.blocks)
    assert blocks[-1] == sample_doc.blocks[-1] and blocks[1:3] == list(sample_doc.blocks[1:3])
    assert clauses[0] == sample_doc.clauses[0] and clauses[-2:] == list(sample_doc.clauses[-2:])
    with pytest.raises(IndexError):
        blocks[len(blocks)]
    changed = list(sample_doc.clauses)
    changed[-1] = dataclasses.replace(changed[-1], end=changed[-1].end - 1)
    assert clauses != changed and clauses != list(sample_doc.clauses)[:-1]


def test_a_block_made_from_a_table_is_a_copy():
    table = BlockTable.of([Block("paragraph", 0, 5, 0, 5)])
    table[0].kind = "heading"
    assert table[0].kind == "paragraph"


def test_packed_values_read_back_as_equal_tables(sample_doc):
    blocks, clauses = pack_blocks(sample_doc.blocks), pack_clauses(sample_doc.clauses)
    assert blocks.startswith(MAGIC) and clauses.startswith(MAGIC)
    assert read_blocks(blocks) == sample_doc.blocks
    assert read_clauses(clauses) == sample_doc.clauses
    # The JSON of libraries written before reads the same.
    assert read_blocks(blocks_to_json(list(sample_doc.blocks))) == sample_doc.blocks
    assert read_clauses(clauses_to_json(list(sample_doc.clauses))) == sample_doc.clauses
    with pytest.raises(LibraryError, match="unreadable"):
        read_blocks(b"not a packed value")


def test_a_stored_document_equals_the_imported_one_and_holds_tables(library):
    doc = parse_text(MARKDOWN, "markdown")
    library.add_document(doc)
    stored = library.get_document(doc.id)
    assert stored == doc and dataclasses.replace(stored, title="x") == dataclasses.replace(
        doc, title="x"
    )
    assert isinstance(stored.blocks, BlockTable) and isinstance(stored.clauses, ClauseTable)
    assert [c.kind for c in stored.clauses] == [c.kind for c in doc.clauses]
    assert any(c.kind == "item" for c in stored.clauses)


def test_a_document_stored_as_json_by_an_older_version_reads_the_same(tmp_path):
    doc = parse_text(MARKDOWN, "markdown")
    path = tmp_path / "old.db"
    with Library.open(path) as lib:
        lib.add_document(doc)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE documents SET blocks = ?, clauses = ?",
        (blocks_to_json(list(doc.blocks)), clauses_to_json(list(doc.clauses))),
    )
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        stored = lib.get_document(doc.id)
        assert stored == doc and stored.blocks == doc.blocks and stored.clauses == doc.clauses
        layout = lib.coding_data([doc.id]).documents[0]
        assert layout.clauses == [(c.start, c.end) for c in doc.clauses]


def test_clause_table_kinds_and_columns():
    table = ClauseTable.of([Clause(0, 4, 1), Clause(5, 9, 2, "item")])
    assert list(table.starts) == [0, 5] and list(table.block_of) == [1, 2]
    assert [c.kind for c in table] == ["sentence", "item"]
    assert repr(table) == "ClauseTable(2 clauses)"
