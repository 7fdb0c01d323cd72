"""Tag descriptions (migration 5) and tag colours, the store side of codebooks."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.colors import PALETTE_HEX
from reader.core.errors import LibraryError
from reader.core.store import Library, migrations

V1_ANNOTATION = "0b7f6a52-3c1e-4d8e-9a51-2f4b1c9e7d10"


def old_library(tmp_path, fixtures_dir, version: int):
    """The version 1 fixture library brought up to ``version`` only."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript((fixtures_dir / "library_v1.sql").read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 1")
    migrations.migrate(conn, target=version)
    assert migrations.schema_version(conn) == version
    conn.close()
    return path


def test_a_version_3_library_gains_descriptions_and_keeps_its_tags(tmp_path, fixtures_dir):
    path = old_library(tmp_path, fixtures_dir, 3)
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


def test_describing_an_implied_parent_makes_it_a_tag(filled):
    assert filled.tag_description("ECONOMY") == ""  # implied by economy/finance only
    [economy] = [n for n in filled.tag_tree() if n.path.lower() == "economy"]
    assert not economy.exists
    filled.set_tag_description("economy", "Money matters")
    assert filled.tag_description("economy") == "Money matters"
    [economy] = [n for n in filled.tag_tree() if n.path.lower() == "economy"]
    assert economy.exists and economy.count == 3
    with pytest.raises(LibraryError, match="unknown tag: econ"):
        filled.set_tag_description("econ", "a prefix of a tag is not its parent")


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


def test_a_version_6_library_gains_code_identities_and_exports_as_before(tmp_path, fixtures_dir):
    from reader.core.refiqda import export_codebook
    from reader.core.refiqda.guids import tag_guid

    path = old_library(tmp_path, fixtures_dir, 6)
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        assert lib.integrity_check() == "ok"
        assert lib.code_identities() == {}  # nothing kept: derived as before
        export_codebook(lib, tmp_path / "old.qdc")
        text = (tmp_path / "old.qdc").read_text(encoding="utf-8")
        assert f'guid="{tag_guid("economy/finance")}"' in text
        assert 'isCodable="false"' not in text
        assert lib.get_annotation(V1_ANNOTATION).tags == ["economy/finance"]
