"""Clause boundaries: sentences and bullet items, robust to abbreviations and brackets."""

from __future__ import annotations

import pytest

from reader.core.clauses import sentence_spans
from reader.core.importers import parse_text


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("One sentence. Another one.", ["One sentence.", "Another one."]),
        ("Mostly harmless, i.e. safe. The end.", ["Mostly harmless, i.e. safe.", "The end."]),
        ("See e.g. Annex B. Then act.", ["See e.g. Annex B.", "Then act."]),
        (
            "It was signed in the U.S. Congress reacted. Yes.",
            ["It was signed in the U.S. Congress reacted.", "Yes."],
        ),
        ("Visit No. 2 Chaoyangmen. Call us.", ["Visit No. 2 Chaoyangmen.", "Call us."]),
        ("Apples, pears, etc. are fruit. Good.", ["Apples, pears, etc. are fruit.", "Good."]),
        (
            'The new "1+3+6" framework (i.e. guided by the Plan (2015-2019). Really. Yes) works. '
            "Next.",
            [
                'The new "1+3+6" framework (i.e. guided by the Plan (2015-2019). '
                "Really. Yes) works.",
                "Next.",
            ],
        ),
        ('He said "Go now." Then he left.', ['He said "Go now."', "Then he left."]),
        (
            "Growth was 2.5 per cent. Inflation fell.",
            ["Growth was 2.5 per cent.", "Inflation fell."],
        ),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        (
            "Wrapped line one\ncontinues here. And\nanother.",
            ["Wrapped line one\ncontinues here.", "And\nanother."],
        ),
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("No terminal punctuation", ["No terminal punctuation"]),
        ("  Leading and trailing space.  ", ["Leading and trailing space."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_unbalanced_parenthesis_does_not_swallow_the_paragraph():
    text = "An open ( bracket. " + "Filler words here. " * 60 + "Last."
    assert len(sentences(text)) > 40


def test_clauses_of_a_document():
    doc = parse_text(
        "Part I Aims\n\nFirst sentence here. Second one (with a note. Inside) ends.\n\n"
        "- A bullet item. With two sentences.\n- Another item\n"
    )
    got = [(doc.text[c.start : c.end], c.kind) for c in doc.clauses]
    assert got == [
        ("First sentence here.", "sentence"),
        ("Second one (with a note. Inside) ends.", "sentence"),
        ("A bullet item. With two sentences.", "item"),
        ("Another item", "item"),
    ]
    for c in doc.clauses:
        block = doc.blocks[c.block]
        assert block.start <= c.start < c.end <= doc.blocks[-1].end


def test_no_clauses_in_headings_or_furniture():
    doc = parse_text(
        "Home > News > Paper\n\nPart I Aims\n\nBody text.\n\n"
        "Copyright 2020 Ministry. All rights reserved.\n"
    )
    assert [doc.text[c.start : c.end] for c in doc.clauses] == ["Body text."]
