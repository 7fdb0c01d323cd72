"""Documents in the library: import, idempotency, round trip, listing, resolving a reference."""

from __future__ import annotations

import pytest
from store_helpers import SAMPLE

from reader.core.errors import LibraryError
from reader.core.importers import load_document, parse_text


def test_add_document_stores_and_reimport_is_a_no_op(library, sample_doc):
    info, added = library.add_document(sample_doc)
    assert added
    assert (info.id, info.title, info.date) == (sample_doc.id, "Trade Policy Paper", "2016-11-24")
    assert info.length == len(sample_doc.text)
    again, added_again = library.add_document(parse_text(SAMPLE, filename="copy.txt"))
    assert not added_again
    assert again == info  # the existing document, imported timestamp and file name included
    assert [d.id for d in library.list_documents()] == [sample_doc.id]


def test_a_different_edition_is_a_separate_document(library, sample_doc):
    library.add_document(sample_doc)
    edition = parse_text(SAMPLE.replace("It is short.", "It is short and revised."))
    _, added = library.add_document(edition)
    assert added
    assert {d.id for d in library.list_documents()} == {sample_doc.id, edition.id}


def test_get_document_rebuilds_the_imported_document_exactly(library, sample_doc):
    library.add_document(sample_doc)
    assert library.get_document(sample_doc.id) == sample_doc


def test_policy_paper_round_trips_with_its_outline(library, paper_and_news):
    facts = paper_and_news[0]
    doc = load_document(facts.path)
    library.add_document(doc)
    stored = library.get_document(doc.id)
    assert stored == doc
    offset = doc.text.index(facts.section_title + "\n")
    assert stored.section_path_text(offset) == doc.section_path_text(offset)


def test_list_documents_counts_live_annotations(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5)
    library.add_annotation(doc_id, 10, 15)
    library.delete_annotation(a.id)
    [info] = library.list_documents()
    assert info.annotations == 1


def test_unknown_document(library):
    with pytest.raises(LibraryError, match="unknown document"):
        library.get_document("0" * 64)
    with pytest.raises(LibraryError, match="unknown document"):
        library.resolve_document("nothing like this")


def test_resolve_by_id_prefix_title_and_filename(library, doc_id):
    assert library.resolve_document(doc_id).id == doc_id
    assert library.resolve_document(doc_id[:6].upper()).id == doc_id
    assert library.resolve_document("policy PAPER").id == doc_id
    assert library.resolve_document("trade.txt").id == doc_id


def test_ambiguous_reference_lists_the_candidates(library, sample_doc):
    library.add_document(sample_doc)
    other = parse_text(SAMPLE.replace("Trade Policy Paper", "Trade Policy Review"))
    library.add_document(other)
    with pytest.raises(LibraryError, match="ambiguous") as err:
        library.resolve_document("Trade Policy")
    assert sample_doc.id[:12] in str(err.value) and other.id[:12] in str(err.value)
    assert "\n" not in str(err.value)
    # A title given in full picks its document even when it is part of another title.
    assert library.resolve_document("trade policy paper").id == sample_doc.id
