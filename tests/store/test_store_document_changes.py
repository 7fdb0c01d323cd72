"""Correcting a document's metadata, deleting it to the trash and bringing it back."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.document_edits import MetadataEdit, clean_date
from reader.core.errors import LibraryError
from reader.core.export.markdown import citation
from reader.core.store import Library, migrations
from tests.store.store_helpers import undo_team_folder


def test_metadata_is_corrected_and_cleaned(library, doc_id):
    info = library.edit_document(
        doc_id, MetadataEdit("  Trade   Policy\nPaper (revised) ", "24 November 2016", " MFA ")
    )
    assert (info.title, info.date, info.source) == (
        "Trade Policy Paper (revised)",
        "2016-11-24",
        "MFA",
    )
    # None keeps a field; "" clears a date or a source.
    info = library.edit_document(doc_id, MetadataEdit(source=""))
    assert (info.title, info.date, info.source) == (
        "Trade Policy Paper (revised)",
        "2016-11-24",
        None,
    )
    assert library.get_document(doc_id).title == "Trade Policy Paper (revised)"
    # Excerpts, and so every citation, read the corrected title.
    ann = library.annotate_quote(doc_id, "Banks will cooperate.", tags=["finance"])
    [ex] = library.excerpts(["finance"])
    assert (ex.annotation.id, ex.document_title) == (ann.id, "Trade Policy Paper (revised)")


@pytest.mark.parametrize("bad", ["", "   "])
def test_an_empty_title_is_refused_and_nothing_changes(library, doc_id, bad):
    with pytest.raises(LibraryError, match="title cannot be empty"):
        library.edit_document(doc_id, MetadataEdit(title=bad))
    assert library.document_info(doc_id).title == "Trade Policy Paper"


def test_dates_accept_years_months_and_written_days():
    assert [clean_date(d) for d in ("2016", "2016-11", "2016-11-24", "24 Nov 2016", "")] == [
        "2016", "2016-11", "2016-11-24", "2016-11-24", "",
    ]  # fmt: skip
    with pytest.raises(LibraryError, match="not a date"):
        clean_date("last Tuesday")


def test_citations_name_the_source():
    assert citation("T", "2016-11-24", "Part I", "MFA") == "*T* (MFA, 2016-11-24), Part I"
    assert citation("T", None, "", "MFA") == "*T* (MFA)"
    assert citation("T", None) == "*T*"


def test_a_deleted_document_takes_its_annotations_to_the_trash_and_back(library, doc_id):
    kept = library.annotate_quote(doc_id, "Banks will cooperate.", tags=["finance"])
    earlier = library.annotate_quote(doc_id, "Students will travel.")
    library.delete_annotation(earlier.id)
    assert library.delete_document(doc_id) == 1
    assert library.list_documents() == []
    assert library.excerpts() == [] and library.search("Banks") == []
    assert library.tag_tree()[0].count == 0
    assert [d.id for d in library.deleted_documents()] == [doc_id]
    with pytest.raises(LibraryError, match="unknown document"):
        library.resolve_document("Trade Policy")
    with pytest.raises(LibraryError, match="deleted document"):
        library.undelete_annotation(kept.id)
    with pytest.raises(LibraryError, match="already deleted"):
        library.delete_document(doc_id)

    assert library.undelete_document(doc_id) == 1
    assert [d.id for d in library.list_documents()] == [doc_id]
    # What went with the document comes back; what was deleted before stays deleted.
    assert [a.id for a in library.annotations(doc_id)] == [kept.id]
    assert library.get_annotation(kept.id).tags == ["finance"]
    assert [h.document_id for h in library.search("Banks")][:1] == [doc_id]


def test_importing_a_deleted_document_again_brings_it_back(library, sample_doc, doc_id):
    ann = library.annotate_quote(doc_id, "Banks will cooperate.")
    library.delete_document(doc_id)
    info, added = library.add_document(sample_doc)
    assert (info.id, added, info.annotations) == (doc_id, False, 1)
    assert library.get_annotation(ann.id).deleted is None


def test_a_version_10_library_gains_the_trash(tmp_path, sample_doc):
    path = tmp_path / "v10.db"
    with Library.open(path) as lib:
        info, _ = lib.add_document(sample_doc)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE documents DROP COLUMN deleted")
    undo_team_folder(conn)
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        assert lib.schema_version == migrations.LATEST_VERSION >= 11
        assert [d.id for d in lib.list_documents()] == [info.id]
        lib.delete_document(info.id)
        assert lib.list_documents() == []


def test_an_annotation_deleted_in_the_same_millisecond_stays_deleted(library, doc_id, monkeypatch):
    """Annotations go to the trash with their document by sharing its deletion time, so
    one deleted just before, within the same clock tick, must not come back with it."""
    from reader.core.store import annotations, document_changes

    frozen = "2026-11-30T12:00:00.000Z"
    monkeypatch.setattr(annotations, "utc_now", lambda: frozen)
    monkeypatch.setattr(document_changes, "utc_now", lambda: frozen)
    kept = library.annotate_quote(doc_id, "Banks will cooperate.")
    earlier = library.annotate_quote(doc_id, "Students will travel.")
    library.delete_annotation(earlier.id)
    assert library.delete_document(doc_id) == 1
    assert library.undelete_document(doc_id) == 1
    assert [a.id for a in library.annotations(doc_id)] == [kept.id]
