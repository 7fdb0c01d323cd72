"""Opening a library: where it lives, its settings, and refusing files that are not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import LibraryError
from reader.core.paths import DB_ENV, default_library_path
from reader.core.store import Library, migrations


def test_new_library_has_wal_foreign_keys_busy_timeout_and_latest_schema(tmp_path):
    with Library.open(tmp_path / "new.db") as lib:
        pragma = lambda name: lib.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 1000
        assert lib.schema_version == migrations.LATEST_VERSION
        assert lib.integrity_check() == "ok"


def test_default_location_is_the_env_override(tmp_path, monkeypatch):
    monkeypatch.setenv(DB_ENV, str(tmp_path / "elsewhere.db"))
    with Library.open() as lib:
        assert lib.path == tmp_path / "elsewhere.db"
    assert (tmp_path / "elsewhere.db").is_file()


def test_default_location_is_created_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(DB_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = default_library_path()
    assert path == tmp_path / "xdg" / "PolicyReader" / "library.db"
    assert path.parent.is_dir()
    with Library.open() as lib:
        assert lib.path == path


def test_reopening_keeps_data(tmp_path, sample_doc):
    with Library.open(tmp_path / "lib.db") as lib:
        lib.add_document(sample_doc)
        ann = lib.add_annotation(sample_doc.id, 0, 5, tags=["x"])
    with Library.open(tmp_path / "lib.db") as lib:
        assert lib.get_annotation(ann.id) == ann


def _refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(LibraryError, match=match):
        Library.open(path)
    assert path.read_bytes() == before


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n" * 100)
    _refused(path, "not a Policy Reader library")


def test_another_sqlite_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id TEXT, body TEXT)")
    conn.execute("INSERT INTO documents VALUES ('a', 'someone else''s data')")
    conn.commit()
    conn.close()
    _refused(path, "not a Policy Reader library")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_library_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    _refused(path, "newer Policy Reader")


def test_a_damaged_header_is_refused(tmp_path):
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _refused(path, "not a usable library|not a Policy Reader library")


def test_an_empty_file_or_empty_database_becomes_a_library(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    with Library.open(empty) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).close()
    with Library.open(blank) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION


def test_folders_are_refused(tmp_path):
    with pytest.raises(LibraryError, match="is a folder"):
        Library.open(tmp_path)
    with pytest.raises(LibraryError, match="no such folder"):
        Library.open(tmp_path / "missing" / "lib.db")
