"""Reconciling a disagreement records a consensus annotation; teammates' stay as they were."""

from __future__ import annotations

import pytest

from reader.core.analysis.agreement import AgreementError, document_agreement
from reader.core.analysis.reconcile import (
    accepted_tags,
    consensus_author,
    merged_tags,
    reconcile,
)


def test_store_gives_coders_and_tagged_annotations(library, doc):
    assert library.coders(doc.id) == [("ana", 4), ("ben", 4), ("cai", 3)]
    untagged = library.add_annotation(doc.id, 0, 5, author="dan")
    deleted = library.add_annotation(doc.id, 0, 5, author="eve", tags=["x"])
    library.delete_annotation(deleted.id)
    tagged = library.tagged_annotations(doc.id)
    assert len(tagged) == 11
    assert untagged.id not in {a.id for a in tagged}
    assert library.coders(doc.id) == [("ana", 4), ("ben", 4), ("cai", 3)]
    assert [a.start for a in tagged] == sorted(a.start for a in tagged)


def test_stored_agreement_equals_plain_data(library, doc, coded):
    from reader.core.analysis.agreement import compute_agreement

    stored = document_agreement(library, doc.id)
    plain = compute_agreement(doc, coded)
    assert stored.tags == plain.tags
    assert stored.overall == plain.overall


def test_accept_and_merge_tags(library, doc):
    second = document_agreement(library, doc.id).disagreements[1]
    assert accepted_tags(second, "ana") == ["trade/quota"]
    assert merged_tags(second) == ["trade", "trade/quota"]
    with pytest.raises(AgreementError, match="no tag"):
        accepted_tags(second, "cai")
    with pytest.raises(AgreementError, match="not one of the coders"):
        accepted_tags(second, "zoe")


def test_reconcile_adds_a_consensus_annotation_and_keeps_the_coders(library, doc):
    before = {a.id: a for a in library.annotations(doc.id)}
    report = document_agreement(library, doc.id)
    second = report.disagreements[1]
    author = consensus_author("ana", report.coders)
    assert author == "ana (consensus)"
    ann = reconcile(library, doc.id, second, merged_tags(second), author)
    assert (ann.start, ann.end) == (second.start, second.end)
    assert ann.tags == ["trade", "trade/quota"] and ann.author == "ana (consensus)"
    after = {a.id: a for a in library.annotations(doc.id)}
    assert {k: v for k, v in after.items() if k != ann.id} == before
    again = document_agreement(library, doc.id, consensus_author=author)
    assert again.coders == report.coders
    assert again.tags == report.tags  # the coders' agreement is unchanged
    assert again.disagreements[1].consensus == ["trade", "trade/quota"]


def test_consensus_author_is_the_user_unless_a_coder():
    assert consensus_author("lead", ["ana", "ben"]) == "lead"
    assert consensus_author("Ben", ["ana", "ben"]) == "Ben (consensus)"
    assert consensus_author("  ", ["ana"]) == "consensus"
