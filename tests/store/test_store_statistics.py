"""What the statistics read from a library: live annotations, clauses, sections."""

from __future__ import annotations

from reader.core.analysis.cooccurrence import cooccurrence
from reader.core.analysis.statistics import tag_statistics
from reader.core.importers import parse_text
from reader.core.store.indexing import section_rows


def test_coding_data_reads_live_annotations_clauses_and_sections(library, doc_id, sample_doc):
    tariffs = library.annotate_quote(
        doc_id, "Tariffs will fall", tags=["economy/trade", "Policy"], author="ana"
    )
    banks = library.annotate_quote(doc_id, "Banks will cooperate.", tags=["economy"], author="ben")
    gone = library.annotate_quote(doc_id, "Students will travel.", tags=["culture"])
    library.delete_annotation(gone.id)
    plain = library.annotate_quote(doc_id, "It is short.")

    data = library.coding_data()
    [doc] = data.documents
    assert (doc.id, doc.title) == (doc_id, "Trade Policy Paper")
    assert doc.clauses == [(c.start, c.end) for c in sample_doc.clauses]
    assert [(s.start, s.end, s.depth, s.path) for s in doc.sections] == sorted(
        section_rows(sample_doc.outline), key=lambda r: (r[0], r[2])
    )
    spans = {s.annotation_id: s for s in data.spans}
    assert set(spans) == {tariffs.id, banks.id, plain.id}  # the deleted one is left out
    t = spans[tariffs.id]
    assert (t.start, t.end, t.author) == (tariffs.start, tariffs.end, "ana")
    assert sorted(t.tags) == ["Policy", "economy/trade"]
    assert spans[plain.id].tags == ()

    report = tag_statistics(data)
    assert [t.tag for t in report.tags] == ["economy", "economy/trade", "Policy"]
    assert "culture" not in {t.tag for t in report.tags}
    assert cooccurrence(data).count("policy", "economy/trade") == 1


def test_coding_data_for_chosen_documents(library, doc_id):
    other, _ = library.add_document(parse_text("Other Paper\n\nOne clause here. Another.\n"))
    library.annotate_quote(doc_id, "Banks will cooperate.", tags=["economy"])
    library.annotate_quote(other.id, "One clause here.", tags=["x"])
    data = library.coding_data([other.id])
    assert [d.id for d in data.documents] == [other.id]
    assert [s.tags for s in data.spans] == [("x",)]
    assert len(library.coding_data().documents) == 2
    assert library.coding_data([]).spans == []


def test_excerpts_by_id_keeps_order_and_leaves_out_deleted(library, doc_id):
    a = library.annotate_quote(doc_id, "Banks will cooperate.", tags=["economy"])
    b = library.annotate_quote(doc_id, "Trade frictions", tags=["economy/trade"])
    c = library.annotate_quote(doc_id, "Students will travel.")
    library.delete_annotation(c.id)
    found = library.excerpts_by_id([b.id, c.id, a.id, "nope"])
    assert [e.annotation.id for e in found] == [b.id, a.id]
    assert found[0].section_path == "Part I > 1. In the Economic Field > (1) Trade"
    assert found[0].document_title == "Trade Policy Paper"
    assert found[1].annotation.tags == ["economy"]
