"""Annotations: creation with quote and context, finding quotes, and every change."""

from __future__ import annotations

import re
import uuid

import pytest
from store_helpers import span_of

from reader.core.errors import LibraryError
from reader.core.quotes import CONTEXT_CHARS

ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def test_add_annotation_keeps_quote_and_context(library, doc_id, sample_doc):
    text = sample_doc.text
    start, end = span_of(text, "Banks will cooperate.")
    ann = library.add_annotation(
        doc_id, start, end, note="why", color="Green", author="ana", tags=["economy/finance"]
    )
    assert uuid.UUID(ann.id).version == 4
    assert ann.quote == "Banks will cooperate."
    assert ann.prefix == text[start - CONTEXT_CHARS : start]
    assert ann.suffix == text[end : end + CONTEXT_CHARS]
    assert (ann.color, ann.note, ann.author) == ("green", "why", "ana")
    assert ann.tags == ["economy/finance"]
    assert ISO_UTC.fullmatch(ann.created) and ann.modified == ann.created
    assert library.get_annotation(ann.id) == ann


def test_the_text_a_caller_holds_gives_the_same_quote_and_context(library, doc_id, sample_doc):
    text = sample_doc.text
    start, end = span_of(text, "Banks will cooperate.")
    read = library.add_annotation(doc_id, start, end)
    given = library.add_annotation(doc_id, start, end, text=text)
    stale = library.add_annotation(doc_id, start, end, text=text[:-1])  # not this text: read
    for ann in (given, stale):
        assert (ann.quote, ann.prefix, ann.suffix) == (read.quote, read.prefix, read.suffix)


def test_context_is_clipped_at_the_ends_of_the_text(library, doc_id, sample_doc):
    n = len(sample_doc.text)
    first = library.add_annotation(doc_id, 0, 5)
    last = library.add_annotation(doc_id, n - 3, n)
    assert first.prefix == "" and first.quote == sample_doc.text[:5]
    assert last.suffix == "" and last.quote == sample_doc.text[-3:]


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (7, 3), (0, 10_000)])
def test_spans_outside_the_text_are_refused(library, doc_id, start, end):
    with pytest.raises(LibraryError, match="not inside"):
        library.add_annotation(doc_id, start, end)
    assert library.annotations(doc_id) == []


def test_unknown_document_or_colour_is_refused(library, doc_id):
    with pytest.raises(LibraryError, match="unknown document"):
        library.add_annotation("f" * 64, 0, 3)
    with pytest.raises(LibraryError, match="unknown colour"):
        library.add_annotation(doc_id, 0, 3, color="sparkly")


def test_annotate_quote_finds_the_span(library, doc_id, sample_doc):
    ann = library.annotate_quote(doc_id, "Currency  swaps\nwill", tags=["money"])
    assert (ann.start, ann.end) == span_of(sample_doc.text, "Currency swaps will")


def test_annotate_quote_needs_an_occurrence_when_the_quote_repeats(library, doc_id, sample_doc):
    assert sample_doc.text.count("Trade") == 3
    with pytest.raises(LibraryError, match=r"occurs 3 times.*--occurrence 1\.\.3"):
        library.annotate_quote(doc_id, "Trade")
    second = library.annotate_quote(doc_id, "Trade", occurrence=2)
    assert second.start == [m.start() for m in re.finditer("Trade", sample_doc.text)][1]
    with pytest.raises(LibraryError, match="only 3 times"):
        library.annotate_quote(doc_id, "Trade", occurrence=4)


def test_quote_not_found_names_the_closest_match(library, doc_id):
    closest = 'quote not found.*closest match: "Banks will cooperate."'
    with pytest.raises(LibraryError, match=closest):
        library.annotate_quote(doc_id, "Banks wil co-operate.")
    with pytest.raises(LibraryError) as err:
        library.annotate_quote(doc_id, "quantum chromodynamics")
    assert "closest" not in str(err.value)


def test_whole_clauses_widens_to_the_clauses_touched(library, doc_id, sample_doc):
    ann = library.annotate_quote(doc_id, "handled properly. Tariffs", whole_clauses=True)
    assert ann.quote == "Trade frictions will be handled properly. Tariffs will fall over time."
    inside = library.annotate_quote(doc_id, "swaps", whole_clauses=True)
    assert inside.quote == "Currency swaps will be expanded."


def test_tag_untag_note_colour(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 5, tags=["a"])
    assert library.tag_annotation(ann.id, " economy / trade ").tags == ["a", "economy/trade"]
    assert library.tag_annotation(ann.id, "Economy/Trade").tags == ["a", "economy/trade"]
    assert library.untag_annotation(ann.id, "a").tags == ["economy/trade"]
    with pytest.raises(LibraryError, match="has no tag"):
        library.untag_annotation(ann.id, "a")
    noted = library.set_note(ann.id, "first note")
    assert noted.note == "first note" and noted.modified >= ann.modified
    assert library.set_color(ann.id, "blue").color == "blue"
    assert library.set_note(ann.id, "").note == ""


def test_delete_is_recoverable(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 5, note="keep me", tags=["t"])
    gone = library.delete_annotation(ann.id)
    assert gone.deleted is not None
    assert library.annotations(doc_id) == []
    assert [a.id for a in library.deleted_annotations()] == [ann.id]
    with pytest.raises(LibraryError, match="is deleted"):
        library.tag_annotation(ann.id, "x")
    with pytest.raises(LibraryError, match="is deleted"):
        library.delete_annotation(ann.id)
    back = library.undelete_annotation(ann.id)
    assert (back.deleted, back.note, back.tags) == (None, "keep me", ["t"])
    with pytest.raises(LibraryError, match="not deleted"):
        library.undelete_annotation(ann.id)


def test_failed_change_leaves_nothing_behind(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 5)
    library.delete_annotation(ann.id)
    with pytest.raises(LibraryError):
        library.tag_annotation(ann.id, "brand-new-tag")  # refused after creating the tag
    assert library.tag_tree() == []


def test_resolve_annotation_by_prefix(library, doc_id):
    ann = library.add_annotation(doc_id, 0, 5)
    assert library.resolve_annotation(ann.id[:8].upper()) == ann.id
    with pytest.raises(LibraryError, match="too short"):
        library.resolve_annotation(ann.id[:3])
    with pytest.raises(LibraryError, match="unknown annotation"):
        library.resolve_annotation("ffffffff-0000")


def test_annotations_are_in_text_order(library, doc_id):
    later = library.add_annotation(doc_id, 50, 60)
    earlier = library.add_annotation(doc_id, 10, 20)
    assert [a.id for a in library.annotations(doc_id)] == [earlier.id, later.id]
