"""Hierarchical tags: the tree and its counts, rename/merge, delete."""

from __future__ import annotations

import pytest

from reader.core.errors import LibraryError
from reader.core.tags import normalize_tag


def tree_counts(library) -> dict[str, int]:
    return {n.path: n.count for root in library.tag_tree() for n in root.walk()}


def test_normalize_tag():
    assert normalize_tag(" economy //  trade  policy/ ") == "economy/trade policy"
    with pytest.raises(LibraryError, match="empty tag"):
        normalize_tag(" / ")


def test_tree_counts_include_sub_tags_once_and_skip_deleted(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5, tags=["economy", "economy/trade"])
    library.add_annotation(doc_id, 5, 9, tags=["economy/finance/banks"])
    gone = library.add_annotation(doc_id, 9, 12, tags=["economy/trade", "culture"])
    library.delete_annotation(gone.id)
    assert tree_counts(library) == {
        "culture": 0,
        "economy": 2,  # a once, although it carries economy and economy/trade
        "economy/finance": 1,
        "economy/finance/banks": 1,
        "economy/trade": 1,
    }
    roots = library.tag_tree()
    assert [r.name for r in roots] == ["culture", "economy"]
    finance = roots[1].children[0]
    assert (finance.name, finance.exists) == ("finance", False)  # implied by economy/finance/banks
    assert library.get_annotation(a.id).tags == ["economy", "economy/trade"]


def test_rename_carries_annotations_and_sub_tags(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5, tags=["economy"])
    b = library.add_annotation(doc_id, 5, 9, tags=["economy/trade"])
    c = library.add_annotation(doc_id, 9, 12, tags=["economics"])  # not a sub-tag of economy
    assert library.rename_tag("economy", "econ") == 2
    assert library.get_annotation(a.id).tags == ["econ"]
    assert library.get_annotation(b.id).tags == ["econ/trade"]
    assert library.get_annotation(c.id).tags == ["economics"]
    assert set(tree_counts(library)) == {"econ", "econ/trade", "economics"}


def test_rename_onto_an_existing_tag_merges(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5, tags=["trade", "commerce"])
    b = library.add_annotation(doc_id, 5, 9, tags=["commerce/eu"])
    library.rename_tag("commerce", "trade")
    assert library.get_annotation(a.id).tags == ["trade"]
    assert library.get_annotation(b.id).tags == ["trade/eu"]
    assert tree_counts(library) == {"trade": 2, "trade/eu": 1}


def test_rename_into_its_own_subtree_and_by_case(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5, tags=["a"])
    b = library.add_annotation(doc_id, 5, 9, tags=["a/b"])
    library.rename_tag("a", "a/b")
    assert library.get_annotation(a.id).tags == ["a/b"]
    assert library.get_annotation(b.id).tags == ["a/b/b"]
    library.rename_tag("A", "Alpha")
    assert library.get_annotation(b.id).tags == ["Alpha/b/b"]


def test_rename_unknown_tag(library):
    with pytest.raises(LibraryError, match="unknown tag: nope"):
        library.rename_tag("nope", "yes")


def test_delete_tag_keeps_annotations(library, doc_id):
    a = library.add_annotation(doc_id, 0, 5, tags=["economy/trade", "keep"])
    assert library.delete_tag("economy") == 1
    assert library.get_annotation(a.id).tags == ["keep"]
    assert library.annotations(doc_id)[0].id == a.id
    assert set(tree_counts(library)) == {"keep"}
    with pytest.raises(LibraryError, match="unknown tag"):
        library.delete_tag("economy")
