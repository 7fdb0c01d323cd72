"""Migration 12: tombstones of deleted annotations, version times, settings kept in the
library file, and the source files documents were imported from."""

from __future__ import annotations

import sqlite3

import pytest
from test_store_migrations import V1_ANNOTATION, make_v1_library

from reader.core.errors import LibraryError
from reader.core.library_model import DocumentSource, Tombstone
from reader.core.store import Library, migrations


def test_a_version_11_library_upgrades_to_tombstones_and_sources(tmp_path, fixtures_dir):
    path = tmp_path / "old.db"
    make_v1_library(path, fixtures_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=11)
    conn.execute("DELETE FROM annotations WHERE id = ?", (V1_ANNOTATION,))  # untraced
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION >= 12
        assert lib.integrity_check() == "ok"
        assert lib.version_times([V1_ANNOTATION]) == {}
        doc_id = lib.list_documents()[0].id
        ann = lib.add_annotation(doc_id, 0, 5, author="ana")
        # From version 12 on, removing a row for good leaves its tombstone.
        lib.conn.execute("DELETE FROM annotations WHERE id = ?", (ann.id,))
        [stone] = lib.tombstones("ANA")
        assert stone.id == ann.id and stone.author == "ana" and stone.deleted >= ann.modified


def test_a_deleted_annotation_is_its_authors_tombstone(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 10, author="ana")
    other = library.add_annotation(doc_id, 20, 30, author="ben")
    assert library.tombstones("ana") == []
    gone = library.delete_annotation(ann.id)
    library.delete_annotation(other.id)
    assert library.tombstones("ana") == [Tombstone(ann.id, gone.modified, "ana")]
    assert library.version_times([ann.id, "nope"]) == {ann.id: gone.modified}
    library.undelete_annotation(ann.id)
    assert library.tombstones("ana") == []


def test_a_teammates_tombstone_applies_only_when_newer_and_theirs(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 10, author="ana")
    assert library.apply_tombstones([Tombstone(ann.id, "2000-01-01T00:00:00.000Z", "ana")]) == 0
    assert library.get_annotation(ann.id).deleted is None  # older than the local edit
    later = "2999-01-01T00:00:00.000Z"
    assert library.apply_tombstones([Tombstone(ann.id, later, "ben")]) == 0
    assert library.get_annotation(ann.id).deleted is None  # ben cannot delete ana's
    assert library.apply_tombstones([Tombstone(ann.id, later, "Ana")]) == 1
    deleted = library.get_annotation(ann.id)
    assert (deleted.deleted, deleted.modified) == (later, later)


def test_a_tombstone_of_an_unknown_id_is_remembered(library):
    stone = Tombstone("f" * 8 + "-0000-4000-8000-" + "0" * 12, "2026-01-02T00:00:00.000Z", "ben")
    assert library.apply_tombstones([stone]) == 0
    assert library.version_times([stone.id]) == {stone.id: stone.deleted}
    assert library.tombstones("ben") == [stone]


def test_settings_live_in_the_library_file(tmp_path):
    path = tmp_path / "lib.db"
    with Library.open(path) as lib:
        assert lib.setting("team.folder") is None
        lib.set_setting("team.folder", "/srv/team")
    with Library.open(path) as lib:
        assert lib.setting("team.folder") == "/srv/team"
        lib.set_setting("team.folder", None)
        assert lib.setting("team.folder") is None
        with pytest.raises(LibraryError):
            lib.set_setting("application", "other")


def test_a_documents_source_is_recorded_newest_first(library, doc_id):
    assert library.document_source(doc_id) is None
    library.record_source(DocumentSource(doc_id, "/a/trade.txt", 10, "ab" * 32))
    library.record_source(DocumentSource(doc_id, "/b/trade.txt", 10, "ab" * 32))
    assert library.document_source(doc_id) == DocumentSource(doc_id, "/b/trade.txt", 10, "ab" * 32)
