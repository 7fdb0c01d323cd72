"""Excerpts across documents and full-text search."""

from __future__ import annotations

import pytest
from store_helpers import SAMPLE

from reader.core.document_edits import MetadataEdit
from reader.core.errors import LibraryError
from reader.core.importers import load_document, parse_text


@pytest.fixture
def tagged(library, doc_id):
    """Three annotations in the sample paper, by two authors."""
    lib = library
    return {
        "trade": lib.annotate_quote(
            doc_id, "Tariffs will fall", tags=["economy/trade"], author="Ana"
        ),
        "banks": lib.annotate_quote(
            doc_id,
            "Banks will cooperate.",
            tags=["economy/finance"],
            note="swap lines with central banks",
            author="Bo",
        ),
        "students": lib.annotate_quote(
            doc_id, "Students will travel.", tags=["culture", "economy/trade"], author="ana"
        ),
    }


def ids(excerpts) -> list[str]:
    return [e.annotation.id for e in excerpts]


def test_a_tag_matches_its_sub_tags_with_section_paths(library, tagged):
    found = library.excerpts(["economy"])
    assert ids(found) == [tagged[k].id for k in ("trade", "banks", "students")]
    assert [e.section_path for e in found] == [
        "Part I > 1. In the Economic Field > (1) Trade",
        "Part I > 1. In the Economic Field > (2) Financial Cooperation",
        "Part II Culture",
    ]
    assert found[1].annotation.note == "swap lines with central banks"
    assert found[1].document_title == "Trade Policy Paper"
    assert ids(library.excerpts(["economy/trade"])) == [tagged["trade"].id, tagged["students"].id]
    assert library.excerpts(["econ"]) == []  # a prefix of a name is not a parent


def test_tags_combine_with_and_or_any(library, tagged):
    assert ids(library.excerpts(["culture", "economy"])) == [tagged["students"].id]
    assert ids(library.excerpts(["culture", "economy/finance"], any_tag=True)) == [
        tagged["banks"].id,
        tagged["students"].id,
    ]


def test_filters_by_author_and_document(library, tagged, doc_id):
    assert ids(library.excerpts(author="ANA")) == [tagged["trade"].id, tagged["students"].id]
    other = parse_text(SAMPLE.replace("Trade Policy Paper", "Other Paper"))
    library.add_document(other)
    library.annotate_quote(other.id, "Banks will cooperate.", tags=["economy"])
    assert len(library.excerpts(["economy"])) == 4
    assert len(library.excerpts(["economy"], document_id=doc_id)) == 3


def test_deleted_annotations_are_not_excerpts(library, tagged):
    library.delete_annotation(tagged["banks"].id)
    assert tagged["banks"].id not in ids(library.excerpts())


def test_search_ranks_text_hits_with_snippets_and_section_paths(library, doc_id, sample_doc):
    hits = library.search("currency swaps")
    assert hits[0].kind == "text"
    assert hits[0].snippet.endswith("Banks will cooperate. «Currency» «swaps» will be expanded.")
    assert sample_doc.text[hits[0].start : hits[0].end] == "Currency"
    assert hits[0].section_path == "Part I > 1. In the Economic Field > (2) Financial Cooperation"
    assert hits[0].document_id == doc_id
    stemmed = library.search("swapping")[0]
    assert sample_doc.text[stemmed.start : stemmed.end] == "swaps"


def test_search_finds_notes_of_live_annotations(library, tagged):
    hits = library.search("central", marks=("<", ">"))
    assert [(h.kind, h.annotation_id) for h in hits] == [("note", tagged["banks"].id)]
    assert hits[0].snippet == "swap lines with <central> banks"
    library.set_note(tagged["banks"].id, "rewritten")
    assert library.search("central") == []
    library.set_note(tagged["banks"].id, "central again")
    library.delete_annotation(tagged["banks"].id)
    assert library.search("central") == []


@pytest.mark.parametrize("query", ["trade AND", '"1+3+6', "NOT", "(", "tariffs:", "a OR OR b"])
def test_queries_that_are_not_fts_syntax_do_not_crash(library, doc_id, query):
    library.search(query)


def test_operators_work_when_valid(library, doc_id):
    assert len(library.search("tariffs OR banks")) == 2
    assert "«will fall»" in library.search('"will fall"')[0].snippet


def test_empty_query_is_an_error(library):
    with pytest.raises(LibraryError, match="empty"):
        library.search("  ")


def test_search_policy_paper(library, paper_and_news):
    facts = paper_and_news[0]
    doc = load_document(facts.path)
    library.add_document(doc)
    query, shown = facts.phrase_search
    hits = library.search(query)
    assert hits and shown in hits[0].snippet
    query, word = facts.word_search
    hit = library.search(query)[0]
    assert hit.section_path == facts.section_path
    assert doc.section_path_text(hit.start) == hit.section_path
    assert doc.text[hit.start : hit.end] == word


def test_excerpts_come_in_sqlite_order_of_titles_then_positions(library):
    # Ordered in Python now: by title as SQLite's NOCASE compares it (ASCII letters
    # folded, nothing else), then id and position, whichever way the tag is looked up.
    titles = ["b paper", "\u00c4 paper", "A paper", "a paper", "\u00e4 paper", "B paper"]
    for k, title in enumerate(titles):
        text = f"{title}\n\nOne sentence here. Two sentences here. Three here {k}.\n"
        info, _ = library.add_document(parse_text(text, filename=f"{k}.txt"))
        library.edit_document(info.id, MetadataEdit(title=title))
        for word in ("Three", "One", "Two"):
            start = text.index(word)
            library.add_annotation(info.id, start, start + 3, tags=["common", f"only{k}"])
            library.add_annotation(info.id, start, start + 8, tags=["common"])

    def in_sql(where: str, params: tuple) -> list[str]:
        return [
            r[0]
            for r in library.conn.execute(
                "SELECT a.id FROM annotations a JOIN documents d ON d.id = a.document_id "
                f"WHERE a.deleted IS NULL AND {where} "
                "ORDER BY d.title COLLATE NOCASE, d.id, a.start_offset, a.end_offset",
                params,
            )
        ]

    everything = in_sql("1", ())
    assert [e.annotation.id for e in library.excerpts()] == everything
    assert [e.annotation.id for e in library.excerpts(["common"])] == everything
    rare = in_sql(
        "a.id IN (SELECT annotation_id FROM annotation_tags x JOIN tags t ON t.id = x.tag_id "
        "WHERE t.path = 'only2')",
        (),
    )
    assert [e.annotation.id for e in library.excerpts(["only2"])] == rare and len(rare) == 3
