"""Schema migrations: numbering, idempotency, and upgrading a library made by version 1."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.store import Library, migrations

V1_ANNOTATION = "0b7f6a52-3c1e-4d8e-9a51-2f4b1c9e7d10"


def make_v1_library(path, fixtures_dir) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((fixtures_dir / "library_v1.sql").read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_migrations_are_numbered_one_to_n_without_gaps():
    versions = [m.version for m in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))


def test_migrate_twice_is_a_no_op(tmp_path):
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    assert migrations.migrate(conn) == [m.version for m in migrations.MIGRATIONS]
    assert migrations.migrate(conn) == []
    conn.close()


def test_a_version_1_library_is_upgraded_with_its_data(tmp_path, fixtures_dir):
    path = tmp_path / "old.db"
    make_v1_library(path, fixtures_dir)
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        assert lib.integrity_check() == "ok"
        ann = lib.get_annotation(V1_ANNOTATION)
        assert (ann.quote, ann.tags, ann.note) == (
            "Banks will cooperate.",
            ["economy/finance"],
            "central bank swap lines",
        )
        # Version 2 indexed the old document and note for search.
        [text_hit] = lib.search("tariffs")
        assert text_hit.section_path == "Part I > 1. In the Economic Field > (1) Trade"
        [note_hit] = lib.search("central")
        assert note_hit.annotation_id == V1_ANNOTATION
        # And the upgraded library works as a new one does.
        lib.set_note(V1_ANNOTATION, "rewritten")
        assert lib.search("central") == []
        assert [e.annotation.id for e in lib.excerpts(["economy"])] == [V1_ANNOTATION]


def test_a_failed_migration_leaves_the_previous_version(tmp_path, fixtures_dir, monkeypatch):
    path = tmp_path / "old.db"
    make_v1_library(path, fixtures_dir)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(
        migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], migrations.Migration(2, "x", broken)]
    )
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError, match="power cut"):
        migrations.migrate(conn)
    assert migrations.schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()
