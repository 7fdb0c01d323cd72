"""Heading conventions beyond the seed documents, one small hand-written fixture each:
run-in sections, titles on the next line, ordinal words, numbered pieces, headings in
capitals over two lines, Parts above their sections, Chinese and European numbering."""

from __future__ import annotations

from reader.core.importers import parse_text
from reader.core.model import HEADING, PARAGRAPH, TITLE
from tests.core.outline_helpers import check_offsets, tree

BODY = "The members of the board meet twice a year and report to the council."


def doc_of(*paragraphs: str, fmt: str = "text"):
    text = "\n\n".join(paragraphs) + "\n"
    doc = parse_text(text, fmt)
    assert doc.text == text  # nothing lost
    assert "".join(doc.text[b.start : b.end] for b in doc.blocks) == text
    check_offsets(doc)
    return doc


def labels(doc) -> list[tuple[int, str | None, str]]:
    return [(n.level, n.label, n.title) for n in doc.iter_nodes()]


def test_run_in_sections_are_cut_from_their_paragraphs():
    doc = doc_of(
        "Sec. 1.  Purpose.  This order protects the rivers of the region from harm.",
        "Sec. 2.  Definitions.  For the purposes of this order, a river is any stream.",
        "(a)  the term stream includes a canal;",
        "(b)  the term bank means the land beside a river.",
        "Section 3.  General Provisions.",
        "(a)  Nothing in this order impairs the authority of any agency.",
    )
    assert labels(doc) == [
        (1, "Sec. 1.", "Purpose"),
        (1, "Sec. 2.", "Definitions"),
        (1, "Section 3.", "General Provisions"),
    ]
    heading = doc.blocks[doc.outline[1].block]
    assert doc.text[heading.content_start : heading.content_end] == "Sec. 2.  Definitions."
    after = doc.blocks[doc.outline[1].block + 1]
    assert after.kind == PARAGRAPH
    assert doc.text[after.content_start :].startswith("For the purposes of this order")


def test_run_in_without_a_title_and_a_sentence_that_only_starts_like_one():
    doc = doc_of(
        "Sec. 1. The Secretary shall publish the list within 30 days.",
        "Sec. 2. Each agency shall report on progress every year.",
        "Section 3 of the earlier order is revoked by this order.",
    )
    assert labels(doc) == [(1, "Sec. 1.", ""), (1, "Sec. 2.", "")]


def test_number_then_title_on_the_next_line():
    doc = doc_of("Article 4.", "Scope of application.", BODY, "Article 5.", "Definitions", BODY)
    assert labels(doc) == [
        (1, "Article 4.", "Scope of application"),
        (1, "Article 5.", "Definitions"),
    ]
    merged = doc.blocks[doc.outline[0].block]
    assert (
        doc.text[merged.content_start : merged.content_end] == "Article 4.\n\nScope of application."
    )


def test_ordinal_words_with_sections_inside():
    schedules = doc_of(
        "First Schedule",
        "Section 1 Fees",
        BODY,
        "Section 2 Exemptions",
        BODY,
        "Second Schedule",
        "Section 1 Forms",
        BODY,
    )
    assert tree(schedules.outline) == [
        ("First Schedule", ["Section 1 Fees", "Section 2 Exemptions"]),
        ("Second Schedule", ["Section 1 Forms"]),
    ]
    amendments = doc_of(
        "Twentieth Amendment", "Section 1.", BODY, "Twenty-First Amendment", "Section 1.", BODY
    )
    assert labels(amendments) == [
        (1, "Twentieth Amendment", ""),
        (2, "Section 1.", ""),
        (1, "Twenty-First Amendment", ""),
        (2, "Section 1.", ""),
    ]


def test_numbered_pieces_with_title_and_author_lines():
    doc = doc_of(
        "LETTERS ON THE COMMONS",
        "LETTER No. 1",
        "On Shared Pastures",
        "WILLOUGHBY",
        "To the Editor:",
        BODY + " " + BODY,
        "LETTER No. 2",
        "On Fences",
        "WILLOUGHBY",
        BODY + " " + BODY,
    )
    assert doc.title == "LETTERS ON THE COMMONS"  # the collection's header is its title
    assert labels(doc) == [
        (1, "LETTER No. 1", "On Shared Pastures"),
        (1, "LETTER No. 2", "On Fences"),
    ]


def test_heading_in_capitals_wrapped_over_two_lines():
    doc = doc_of(
        "GENERAL RULES FOR THE\nPROTECTION OF RIVERS",
        BODY + " " + BODY + " " + BODY + " " + BODY,
        "SPECIAL RULES FOR\nLAKES AND PONDS",
        BODY + " " + BODY + " " + BODY + " " + BODY,
        "Signed at the council hall.",
    )
    assert [n.title for n in doc.outline] == [
        "GENERAL RULES FOR THE PROTECTION OF RIVERS",
        "SPECIAL RULES FOR LAKES AND PONDS",
    ]


def test_a_part_goes_above_the_sections_before_it():
    doc = doc_of(
        "Sec. 1. Short Title.",
        BODY,
        "Sec. 2. Findings.",
        BODY,
        "PART 3\u2014IMPLEMENTATION",
        "Sec. 301. Duties of the Board.",
        BODY,
        "Sec. 302. Reports.",
        BODY,
    )
    assert tree(doc.outline) == [
        "Sec. 1. Short Title",
        "Sec. 2. Findings",
        ("PART 3 IMPLEMENTATION", ["Sec. 301. Duties of the Board", "Sec. 302. Reports"]),
    ]


def test_chinese_chapters_sections_and_articles():
    doc = doc_of(
        "第一章 总则",
        "第一条 为了保护河流，制定本办法。",
        "第二条 本办法适用于本市行政区域内的河流。",
        "第二章 管理",
        "第一节 一般规定",
        "第三条 河道管理机构负责日常巡查。",
        "第四条 有下列情形之一的，应当报告：",
        "（一）河道淤塞的；",
        "（二）堤防损坏的。",
    )
    assert [(n.level, n.label, n.title) for n in doc.iter_nodes()] == [
        (1, "第一章", "总则"),
        (2, "第一条", ""),
        (2, "第二条", ""),
        (1, "第二章", "管理"),
        (2, "第一节", "一般规定"),
        (3, "第三条", ""),
        (3, "第四条", ""),
    ]
    article = doc.blocks[doc.outline[0].children[0].block]
    assert doc.text[article.content_start : article.content_end] == "第一条"


def test_chinese_policy_numbering():
    doc = doc_of(
        "关于保护河流的意见",
        "一、总体要求",
        "（一）指导思想",
        "坚持保护优先，统筹上下游、左右岸的治理，建立长效机制，逐步改善河流生态环境。",
        "（二）基本原则",
        "坚持依法治理，明确各方责任，落实属地管理，加强部门协作，形成工作合力。",
        "二、主要任务",
        "加强水质监测，完善预警体系，及时发布监测信息，接受社会监督。",
    )
    assert doc.title == "关于保护河流的意见"
    assert tree(doc.outline) == [
        ("一、总体要求", ["（一）指导思想", "（二）基本原则"]),
        "二、主要任务",
    ]


def test_spanish_french_and_german_numbering():
    es = doc_of(
        "TÍTULO I",
        "Disposiciones generales",
        "Artículo 1. Objeto. La presente ley regula el uso de los ríos.",
        "Artículo 2. Ámbito. Se aplica a todo el territorio.",
        "TÍTULO II",
        "Del consejo",
        "Artículo 3. Composición. El consejo tiene nueve miembros.",
    )
    assert labels(es) == [
        (1, "TÍTULO I", "Disposiciones generales"),
        (2, "Artículo 1.", "Objeto"),
        (2, "Artículo 2.", "Ámbito"),
        (1, "TÍTULO II", "Del consejo"),
        (2, "Artículo 3.", "Composición"),
    ]
    fr = doc_of(
        "Art. 1er. - Le présent décret s'applique aux cours d'eau.",
        "Art. 2. - Le préfet veille à son application.",
    )
    assert labels(fr) == [(1, "Art. 1er.", ""), (1, "Art. 2.", "")]
    de = doc_of("§ 1 Zweck", BODY, "§ 2 Begriffe", BODY)
    assert labels(de) == [(1, "§ 1", "Zweck"), (1, "§ 2", "Begriffe")]


def test_list_items_deep_in_a_section_stay_list_items():
    doc = doc_of(
        "Sec. 4.  Reports.  Each agency shall report on:",
        "(i) the rivers in its care;",
        "(ii) the state of their banks;",
        "(iii) the money it spent; and",
        "(iv) Planned Works",
        "(c) Other Matters",
        BODY,
        "Sec. 5.  Effect.  This order takes effect at once.",
    )
    assert labels(doc) == [(1, "Sec. 4.", "Reports"), (1, "Sec. 5.", "Effect")]


def test_closing_slogan_and_signature_are_not_headings():
    doc = doc_of(
        "Part I Aims",
        BODY,
        "Part II Means",
        BODY + " " + BODY,
        "LONG LIVE OUR RIVERS!",
        "The Council, 3 May 2021",
    )
    assert tree(doc.outline) == ["Part I Aims", "Part II Means"]


def test_markdown_comment_is_not_a_heading():
    doc = doc_of("# Rules", "<!-- END OF HEADER -->", "## Chapter 1 Scope", BODY, fmt="markdown")
    assert tree(doc.outline) == ["Chapter 1 Scope"]
    assert [b.kind for b in doc.blocks if b.kind in (TITLE, HEADING)] == [TITLE, HEADING]
    comment = next(b for b in doc.blocks if doc.text[b.start :].startswith("<!--"))
    assert (comment.kind, comment.role) == ("furniture", "comment")
