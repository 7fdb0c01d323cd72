"""PDF page labels: citations give the number printed on the page, not the physical one."""

from __future__ import annotations

from reader.core.importers import parse_bytes
from tests.core.pdf_fixtures import ANNEX, FRONT, LABELS, PAPER, make_pdf


def test_page_labels_are_kept_and_cited():
    doc = parse_bytes(make_pdf(FRONT + PAPER + ANNEX, page_labels=LABELS), "pdf", "l.pdf")
    assert doc.page_labels == ["i", "ii", "1", "2", "3", "A-1"]
    at = doc.text.index("(2) Investment")
    assert (doc.page_at(at), doc.page_label_at(at)) == (4, "2")
    annex = doc.text.index("The tariff schedules")
    assert (doc.page_at(annex), doc.page_label_at(annex)) == (6, "A-1")
    assert doc.page_label_at(doc.text.index("This preface")) == "i"


def test_without_page_labels_the_physical_number_is_cited():
    doc = parse_bytes(make_pdf(PAPER), "pdf", "p.pdf")
    assert doc.page_labels == []
    assert doc.page_label_at(doc.text.index("(2) Investment")) == "2"


def test_labels_that_are_the_physical_numbers_are_not_kept():
    doc = parse_bytes(make_pdf(PAPER, page_labels=[(0, "D", None, 1)]), "pdf", "p.pdf")
    assert doc.page_labels == []
