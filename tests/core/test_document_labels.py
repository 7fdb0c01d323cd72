"""Names that tell same-title documents apart in document lists."""

from __future__ import annotations

from reader.core.document_labels import document_labels
from reader.core.library_model import DocumentInfo


def info(doc_id, title, fmt="text", date=None, filename=None):
    return DocumentInfo(doc_id, title, date, None, fmt, filename, 100, "2024-01-01T00:00:00Z")


def test_unique_titles_are_kept_and_same_titles_get_the_fewest_fields_that_differ():
    docs = [
        info("a1", "Policy Paper", "text", "2016-11-24", "paper.txt"),
        info("b2", "policy paper", "pdf", "2016-11-24", "paper.pdf"),
        info("c3", "News", "text", "2008-11-05"),
    ]
    assert document_labels(docs) == {
        "a1": "Policy Paper (text)",
        "b2": "policy paper (PDF)",
        "c3": "News",
    }


def test_falls_back_to_date_file_name_then_id():
    by_date = [info("a1", "T", date="2016-01-01"), info("b2", "T", date="2017-01-01")]
    assert document_labels(by_date) == {"a1": "T (2016-01-01)", "b2": "T (2017-01-01)"}
    by_file = [info("a1", "T", filename="x.txt"), info("b2", "T", filename="y.txt")]
    assert document_labels(by_file) == {"a1": "T (x.txt)", "b2": "T (y.txt)"}
    same = [info("a1234567z", "T", filename="x.txt"), info("b7654321z", "T", filename="x.txt")]
    assert document_labels(same) == {
        "a1234567z": "T (text, a1234567)",
        "b7654321z": "T (text, b7654321)",
    }
