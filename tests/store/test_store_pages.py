"""Paged documents in the library: the page map survives storage and upgrades, and
excerpts and exports cite the page beside the section path."""

from __future__ import annotations

import json
import sqlite3

from reader.core.export import select, to_csv, to_json, to_markdown
from reader.core.importers import parse_bytes
from reader.core.store import Library, migrations
from tests.core.pdf_fixtures import FRONT, LABELS, PAPER, make_pdf
from tests.store.store_helpers import undo_team_folder
from tests.store.test_store_migrations import make_v1_library


def pdf_doc():
    return parse_bytes(make_pdf(PAPER), "pdf", "paper.pdf")


def test_page_map_round_trips_through_the_library(library):
    doc = pdf_doc()
    info, added = library.add_document(doc)
    assert added and info.format == "pdf"
    stored = library.get_document(info.id)
    assert stored.pages == doc.pages and len(stored.pages) == 3
    assert stored.text == doc.text and stored.blocks == doc.blocks


def test_excerpts_and_exports_cite_the_page(library):
    info, _ = library.add_document(pdf_doc())
    library.annotate_quote(info.id, "settle disputes by consultation", tags=["law"])
    [ex] = library.excerpts(["law"])
    assert ex.page == 2
    assert ex.section_path == "Part I > 1. In the Economic Field > (2) Investment"
    assert ex.location == "Part I > 1. In the Economic Field > (2) Investment, p. 2"
    sel = select(library, tags=["law"])
    md = to_markdown(sel, "tag")
    assert "(2) Investment, p. 2" in md
    assert "(2) Investment, p. 2" in to_csv(sel)
    [record] = json.loads(to_json(sel))["excerpts"]
    assert record["page"] == 2 and record["section_path"].endswith(", p. 2")


def test_text_documents_have_no_page(library, doc_id):
    library.annotate_quote(doc_id, "Tariffs", occurrence=1, tags=["t"])
    [ex] = library.excerpts(["t"])
    assert ex.page is None and ex.location == ex.section_path
    assert library.get_document(doc_id).pages == []
    assert "page" not in json.loads(to_json(select(library)))["excerpts"][0]


def test_an_upgraded_version_1_library_takes_paged_documents(tmp_path, fixtures_dir):
    path = tmp_path / "old.db"
    make_v1_library(path, fixtures_dir)
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        old = lib.list_documents()[0]
        assert lib.get_document(old.id).pages == []  # nothing to backfill
        info, _ = lib.add_document(pdf_doc())
        assert len(lib.get_document(info.id).pages) == 3
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM document_pages").fetchone()[0] == 3
    conn.close()


def labelled_doc():
    return parse_bytes(make_pdf(FRONT + PAPER, page_labels=LABELS), "pdf", "labelled.pdf")


def test_page_labels_round_trip_and_excerpts_cite_them(library):
    doc = labelled_doc()
    info, _ = library.add_document(doc)
    assert library.get_document(info.id).page_labels == ["i", "ii", "1", "2", "3"]
    library.annotate_quote(info.id, "settle disputes by consultation", tags=["law"])
    [ex] = library.excerpts(["law"])
    assert (ex.page, ex.page_label) == (4, "2")
    assert ex.location.endswith("(2) Investment, p. 2")
    [record] = json.loads(to_json(select(library, tags=["law"])))["excerpts"]
    assert (record["page"], record["page_label"]) == (4, "2")
    assert record["section_path"].endswith(", p. 2")
    assert "(2) Investment, p. 2" in to_markdown(select(library, tags=["law"]), "tag")


def test_a_version_5_library_keeps_its_pages_and_cites_physical_numbers(tmp_path):
    path = tmp_path / "v5.db"
    with Library.open(path) as lib:
        info, _ = lib.add_document(pdf_doc())
        lib.annotate_quote(info.id, "settle disputes by consultation", tags=["law"])
    # Take the library back to version 5's schema: document_pages without labels (and
    # tags without what version 7 added, no CJK index of version 8, documents without
    # version 11's trash, no team tables of 12).
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE documents DROP COLUMN deleted")
    undo_team_folder(conn)
    conn.execute("ALTER TABLE document_pages DROP COLUMN label")
    for column in ("guid", "color", "codable"):
        conn.execute(f"ALTER TABLE tags DROP COLUMN {column}")
    conn.execute("DROP TABLE cjk_fts")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        stored = lib.get_document(info.id)
        assert len(stored.pages) == 3 and stored.page_labels == []
        [ex] = lib.excerpts(["law"])
        assert (ex.page, ex.page_label, ex.location[-6:]) == (2, None, ", p. 2")
        labelled, _ = lib.add_document(labelled_doc())
        assert lib.get_document(labelled.id).page_labels[:2] == ["i", "ii"]


def test_statistics_excerpts_cite_the_page_too(library):
    info, _ = library.add_document(labelled_doc())
    ann = library.annotate_quote(info.id, "settle disputes by consultation", tags=["law"])
    [ex] = library.excerpts_by_id([ann.id])
    assert (ex.page, ex.page_label) == (4, "2")
    assert ex.location.endswith("(2) Investment, p. 2")


def test_search_hits_give_the_page_of_the_match(library, doc_id):
    info, _ = library.add_document(labelled_doc())
    ann = library.annotate_quote(info.id, "settle disputes by consultation", note="arbitration")
    hits = {h.kind: h for h in library.search("consultation OR arbitration")}
    text, note = hits["text"], hits["note"]
    assert (text.page, text.page_label) == (4, "2")
    assert text.location == "Part I > 1. In the Economic Field > (2) Investment, p. 2"
    assert (note.annotation_id, note.page, note.page_label) == (ann.id, 4, "2")
    assert note.to_dict()["page_label"] == "2"
    [plain] = library.search("tariffs", limit=1)
    assert plain.document_id == doc_id and plain.page is None
    assert plain.location == plain.section_path and "page" not in plain.to_dict()


def test_a_pdf_with_a_blank_page_is_stored_and_cites_pages_around_it(library):
    # A blank page starts where the next one does (it was refused by the page key).
    pages = [["Trade Policy Paper", "Some text here."], [None], ["More text on page three."]]
    doc = parse_bytes(make_pdf(pages, header=None, page_numbers=False), "pdf", "blank.pdf")
    assert doc.pages[1] == doc.pages[2]
    info, _ = library.add_document(doc)
    assert library.get_document(info.id).pages == doc.pages
    library.annotate_quote(info.id, "More text on page three.", tags=["t"])
    library.annotate_quote(info.id, "Some text here.", tags=["t"])
    assert sorted(ex.page for ex in library.excerpts(["t"])) == [1, 3]


def test_a_version_9_library_keeps_its_pages_on_upgrade(tmp_path):
    path = tmp_path / "v9.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(conn, target=9)
    conn.close()
    with Library.open(path) as lib:  # upgraded at once; put the page table back as it was
        info, _ = lib.add_document(pdf_doc())
        lib.annotate_quote(info.id, "settle disputes by consultation", tags=["law"])
    conn = sqlite3.connect(path, isolation_level=None)
    rows = conn.execute("SELECT document_id, page, start_offset, label FROM document_pages")
    rows = rows.fetchall()
    conn.execute("DROP TABLE document_pages")
    conn.execute(
        "CREATE TABLE document_pages (document_id TEXT NOT NULL REFERENCES documents(id) "
        "ON DELETE CASCADE, page INTEGER NOT NULL, start_offset INTEGER NOT NULL, "
        "label TEXT, PRIMARY KEY (document_id, start_offset)) WITHOUT ROWID"
    )
    conn.executemany("INSERT INTO document_pages VALUES (?, ?, ?, ?)", rows)
    conn.execute("ALTER TABLE documents DROP COLUMN deleted")  # version 11's trash
    undo_team_folder(conn)
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION
        assert len(lib.get_document(info.id).pages) == 3
        [ex] = lib.excerpts(["law"])
        assert ex.page == 2
