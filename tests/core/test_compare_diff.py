"""Word diffs of aligned units: absolute offsets that rebuild both texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.compare import align
from reader.core.compare.diff import body_tokens, similarity, tokens, word_diff
from reader.core.compare.model import DELETE, EQUAL, INSERT, REPLACE, Unit
from reader.core.compare.units import span_text, text_spans
from reader.core.importers import load_document, parse_text


def _unit(doc) -> Unit:
    return Unit("p1", "paragraph", 0, len(doc.text), 0, None, "", "Paragraph 1")


def _check_rebuilds(doc_a, a, doc_b, b, ops):
    """Ops cover every token of both bodies (page furniture left out), in order; equal
    runs hold equal words."""
    for side, doc, unit, lo, hi, empty_kind in (
        ("a", doc_a, a, "a_start", "a_end", INSERT),
        ("b", doc_b, b, "b_start", "b_end", DELETE),
    ):
        spans = [(getattr(op, lo), getattr(op, hi)) for op in ops]
        words = []
        pos = unit.body_start
        for op, (start, end) in zip(ops, spans, strict=True):
            assert span_text(doc, pos, start).strip() == "", (side, op)
            if op.kind == empty_kind:
                assert start == end
            words += _words(doc, start, end)
            pos = max(pos, end)
        assert span_text(doc, pos, unit.end).strip() == ""
        assert words == [t[0] for t in body_tokens(doc, unit)]
    for op in ops:
        if op.kind == EQUAL:
            assert _words(doc_a, op.a_start, op.a_end) == _words(doc_b, op.b_start, op.b_end)


def _words(doc, start, end):
    """The words of ``doc.text[start:end]`` outside page furniture."""
    return [t[0] for s, e in text_spans(doc, start, end) for t in tokens(doc.text, s, e)]


def test_word_diff_marks_reworded_added_and_removed_words():
    a = parse_text("Central banks will open swap lines. Bonds will be listed.")
    b = parse_text("Central banks will widen swap lines. Green bonds will be listed. Again.")
    ops = word_diff(a, _unit(a), b, _unit(b))
    shown = [(op.kind, a.text[op.a_start : op.a_end], b.text[op.b_start : op.b_end]) for op in ops]
    assert shown == [
        (EQUAL, "Central banks will", "Central banks will"),
        (REPLACE, "open", "widen"),
        (EQUAL, "swap lines.", "swap lines."),
        (REPLACE, "Bonds", "Green bonds"),
        (EQUAL, "will be listed.", "will be listed."),
        (INSERT, "", "Again."),
    ]
    _check_rebuilds(a, _unit(a), b, _unit(b), ops)


def test_word_diff_of_aligned_editions_uses_absolute_offsets(fixtures_dir):
    folder = fixtures_dir / "compare"
    old = load_document(folder / "river-paper-2010.txt")
    new = load_document(folder / "river-paper-2020.txt")
    for pair in align(old, new).pairs:
        ops = word_diff(old, pair.a, new, pair.b)
        assert ops[0].a_start >= pair.a.body_start and ops[0].b_start >= pair.b.body_start
        _check_rebuilds(old, pair.a, new, pair.b, ops)
        if pair.similarity == 1.0:
            assert [op.kind for op in ops] == [EQUAL]


def test_similarity_falls_as_text_changes():
    base = parse_text("one two three four five six seven eight nine ten")
    few = parse_text("one two three four five six seven eight nine eleven")
    many = parse_text("one two zero zero zero zero zero zero nine eleven")
    scores = [similarity(base, _unit(base), d, _unit(d)) for d in (base, few, many)]
    assert scores[0] == 1.0 and scores[0] > scores[1] > scores[2] > 0.0


WORDS = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", ".", ",", "eps"]), max_size=40)


@settings(max_examples=60, deadline=None)
@given(WORDS, WORDS)
def test_word_diff_rebuilds_any_pair_of_texts(words_a, words_b):
    a = parse_text(" ".join(words_a) or "x")
    b = parse_text(" ".join(words_b) or "y")
    ua, ub = _unit(a), _unit(b)
    _check_rebuilds(a, ua, b, ub, word_diff(a, ua, b, ub))


@pytest.mark.parametrize("text", ["", "   "])
def test_word_diff_of_empty_bodies(text):
    a = parse_text("Some words here.")
    b = parse_text(text or "\n")
    ub = Unit("p1", "paragraph", 0, 0, 0, None, "", "")
    ops = word_diff(a, _unit(a), b, ub)
    assert [op.kind for op in ops] == [DELETE]


def test_page_furniture_is_no_part_of_units_diffs_or_similarity():
    from reader.core.compare.report import comparison_markdown
    from reader.core.importers import parse_bytes
    from tests.core.pdf_fixtures import HEADER, PAPER, make_pdf

    # The same pages, once with a running header and page numbers, once without:
    # "(1) Trade" runs across a page break, past the header and the number.
    plain = parse_bytes(make_pdf(PAPER, header=None, page_numbers=False), "pdf", "plain.pdf")
    paged = parse_bytes(make_pdf(PAPER), "pdf", "paged.pdf")
    alignment = align(plain, paged)
    assert len(alignment.pairs) >= 4 and not alignment.only_a and not alignment.only_b
    for pair in alignment.pairs:
        assert pair.similarity == 1.0, pair.a.display
        ops = word_diff(plain, pair.a, paged, pair.b)
        assert [op.kind for op in ops] == [EQUAL], pair.a.display
        _check_rebuilds(plain, pair.a, paged, pair.b, ops)
    report = comparison_markdown(plain, paged, alignment)
    assert HEADER not in report
    assert "**1**" not in report and "**2**" not in report
