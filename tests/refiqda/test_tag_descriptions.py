"""Tag descriptions (migration 5) and tag colours, the store side of codebooks."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core import migrations
from reader.core.errors import LibraryError
from reader.core.refiqda.colors import PALETTE_HEX
from reader.core.store import Library

V1_ANNOTATION = "0b7f6a52-3c1e-4d8e-9a51-2f4b1c9e7d10"


def test_a_version_3_library_gains_descriptions_and_keeps_its_tags(tmp_path, fixtures_dir):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript((fixtures_dir / "library_v1.sql").read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 1")
    migrations.migrate(conn, target=3)
    assert migrations.schema_version(conn) == 3
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        assert lib.integrity_check() == "ok"
        [economy] = lib.tag_tree()
        assert [(n.path, n.description) for n in economy.walk()] == [
            ("economy", ""),
            ("economy/finance", ""),
        ]
        lib.set_tag_description("Economy/Finance", "  Banks and loans ")
        assert lib.tag_description("economy/finance") == "Banks and loans"
        assert lib.get_annotation(V1_ANNOTATION).tags == ["economy/finance"]
        assert economy.children[0].to_dict()["description"] == ""


def test_descriptions_of_unknown_tags_are_refused(filled):
    with pytest.raises(LibraryError, match="unknown tag: nope"):
        filled.set_tag_description("nope", "x")
    with pytest.raises(LibraryError, match="unknown tag"):
        filled.tag_description("economy")  # implied by economy/finance only


def test_descriptions_follow_renames_and_merges_keep_the_targets(filled):
    filled.rename_tag("economy", "econ")
    assert filled.tag_description("econ/finance") == "Loans, banks & <swap> lines"
    filled.set_tag_description("cooperation", "Working together")
    filled.rename_tag("econ/finance", "cooperation")  # a merge into a described tag
    assert filled.tag_description("cooperation") == "Working together"


def test_tag_colours_are_the_most_used_live_highlight_colour(filled):
    colours = filled.tag_colors()
    assert colours["economy/finance"] == PALETTE_HEX["green"]  # 2 green, 1 #12ab34
    assert colours["región/américa"] == "#12AB34"
    assert "deleted-only" not in colours  # its only annotation is deleted
