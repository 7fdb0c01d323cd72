"""Heading conventions, nested by their order of appearance in each document."""

from __future__ import annotations

import pytest

from reader.core.headings import match_heading, roman_value
from reader.core.importers import parse_text
from tests.core.outline_helpers import check_offsets, tree

BODY = "This paragraph is body text. It has two sentences."


def doc_of(*lines: str):
    return parse_text("\n\n".join(lines) + "\n")


@pytest.mark.parametrize(
    "line,key,label,title",
    [
        (
            "Part IV Further Strengthening Cooperation",
            "part",
            "Part IV",
            "Further Strengthening Cooperation",
        ),
        ("PART 1: SCOPE", "part", "PART 1", "SCOPE"),
        ("Part One - The Setting", "part", "Part One", "The Setting"),
        ("Chapter 3 Trade", "chapter", "Chapter 3", "Trade"),
        ("CHAPTER XII", "chapter", "CHAPTER XII", ""),
        ("Section 2.1 Definitions", "section", "Section 2.1", "Definitions"),
        ("Article 12", "article", "Article 12", ""),
        ("Annex A Tables", "annex", "Annex A", "Tables"),
        ("2. In the Economic Field", "num.", "2.", "In the Economic Field"),
        ("1.1 Scope of Work", "dec2", "1.1", "Scope of Work"),
        ("1.2.3. Fine Print", "dec3", "1.2.3.", "Fine Print"),
        ("(3) Financial Cooperation", "(num)", "(3)", "Financial Cooperation"),
        ("(b) Second Point", "(alpha-lower)", "(b)", "Second Point"),
        ("(iv) Fourth Item", "(roman-lower)", "(iv)", "Fourth Item"),
        ("IV. Conclusions and Outlook", "roman-upper.", "IV.", "Conclusions and Outlook"),
        ("B. Regional Programmes", "alpha-upper.", "B.", "Regional Programmes"),
        ("§ 4 Enforcement", "§", "§ 4", "Enforcement"),
        ("Preface", "named", None, "Preface"),
        ("Executive Summary:", "named", None, "Executive Summary"),
        ("CONCLUSION", "named", None, "CONCLUSION"),
        ("STRATEGIC PRIORITIES FOR 2030", "caps", None, "STRATEGIC PRIORITIES FOR 2030"),
    ],
)
def test_conventions_recognised(line, key, label, title):
    m = match_heading(line)
    assert m is not None, line
    assert (m.key, m.label, m.title) == (key, label, title)


@pytest.mark.parametrize(
    "line",
    [
        "1. China will actively carry out military exchanges and cooperation with Latin "
        "American and Caribbean countries, increase friendly exchanges between defense and "
        "military leaders.",
        "(1) the two sides agree on this.",
        "2. In the economic field we will. We also will.",
        "Part of the plan is to grow.",
        "Section 3 of the Act provides that the minister may act.",
        "The world today is undergoing unprecedented change.",
        "1949.",
        "UN.",
        "- Bullet text",
    ],
)
def test_body_text_is_not_a_heading(line):
    assert match_heading(line) is None


def test_roman_values():
    assert [roman_value(x) for x in ("I", "iv", "IX", "XIV", "MMXXVI")] == [1, 4, 9, 14, 2026]
    assert roman_value("IIII") is None and roman_value("ABC") is None


def test_nesting_follows_order_of_appearance():
    doc = doc_of(
        "Foreword",
        BODY,
        "Chapter 1 Background",
        BODY,
        "1.1 Scope",
        BODY,
        "1.1.1 Detail",
        BODY,
        "1.2 Method",
        BODY,
        "Chapter 2 Approach",
        BODY,
        "(a) First Point",
        BODY,
        "(b) Second Point",
        BODY,
        "Conclusion",
        BODY,
    )
    assert tree(doc.outline) == [
        "Foreword",
        ("Chapter 1 Background", [("1.1 Scope", ["1.1.1 Detail"]), "1.2 Method"]),
        ("Chapter 2 Approach", ["(a) First Point", "(b) Second Point"]),
        "Conclusion",
    ]
    check_offsets(doc)


def test_same_conventions_other_order_nest_the_other_way():
    # (1) appears first here, so it is the outer level and "1." nests inside it.
    doc = doc_of(
        "(1) Outer One", BODY, "1. Inner A", BODY, "2. Inner B", BODY, "(2) Outer Two", BODY
    )
    assert tree(doc.outline) == [("(1) Outer One", ["1. Inner A", "2. Inner B"]), "(2) Outer Two"]


def test_roman_and_letter_i_are_told_apart_by_sequence():
    letters = doc_of(
        "Part I Topic", BODY, *[x for c in "abcdefghi" for x in (f"({c}) Point {c.upper()}", BODY)]
    )
    assert [n.label for n in letters.outline[0].children][-2:] == ["(h)", "(i)"]
    assert len({n.level for n in letters.outline[0].children}) == 1
    romans = doc_of("Part I Topic", BODY, "(i) One", BODY, "(ii) Two", BODY, "(iii) Three", BODY)
    assert [n.label for n in romans.outline[0].children] == ["(i)", "(ii)", "(iii)"]


def test_numbered_body_paragraphs_are_not_headings():
    long = (
        "1. The Parties shall cooperate closely in the areas listed below, taking into "
        "account their respective capacities and national circumstances."
    )
    doc = doc_of("Article 1 Scope", long, "2. Each Party shall report annually.", BODY)
    assert tree(doc.outline) == ["Article 1 Scope"]


def test_consecutive_numbered_lines_are_a_list():
    doc = parse_text(
        f"Part I Aims\n\n{BODY}\n\n1. Grow Trade\n2. Build Roads\n3. Train People\n\n{BODY}\n"
    )
    assert tree(doc.outline) == ["Part I Aims"]
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.label for b in items] == ["1.", "2.", "3."] or len(items) == 3


def test_heading_followed_directly_by_text():
    doc = parse_text(
        "Part I Aims\nThe aims of this paper are set out below, in the order of "
        "their priority for the coming\nfive years of cooperation.\n"
    )
    assert tree(doc.outline) == ["Part I Aims"]


def test_article_with_title_on_next_line():
    doc = parse_text(f"Article 1\nPurpose\n\n{BODY}\n\nArticle 2\nDefinitions\n\n{BODY}\n")
    assert [(n.label, n.title) for n in doc.outline] == [
        ("Article 1", "Purpose"),
        ("Article 2", "Definitions"),
    ]


def test_hard_wrapped_paragraph_is_not_split():
    text = (
        "1. Cooperation will be extended to downstream and supporting industries\n"
        "such as smelting, processing, logistics trade and equipment manufacturing,\n"
        "so as to improve added value of products.\n"
    )
    doc = parse_text(text)
    assert doc.outline == []
    assert [b.kind for b in doc.blocks] == ["paragraph"]


def test_heading_at_the_very_end_is_a_closing_line():
    doc = doc_of("Part I Start", BODY, "THE END OF THE PAPER")
    assert tree(doc.outline) == ["Part I Start"]


def test_table_of_contents_is_furniture():
    doc = doc_of(
        "Contents",
        "Part I Origins",
        "Part II Futures",
        "Part I Origins",
        BODY,
        "Part II Futures",
        BODY,
    )
    assert tree(doc.outline) == ["Part I Origins", "Part II Futures"]
    assert [b.role for b in doc.blocks if b.kind == "furniture"] == ["contents"] * 3
    assert doc.outline[0].start > doc.text.index("Part II")


def test_caps_title_line_becomes_the_title():
    doc = doc_of("NATIONAL STRATEGY FOR CLEAN WATER", "Introduction", BODY, "Part I Goals", BODY)
    assert doc.title == "NATIONAL STRATEGY FOR CLEAN WATER"
    assert tree(doc.outline) == ["Introduction", "Part I Goals"]
