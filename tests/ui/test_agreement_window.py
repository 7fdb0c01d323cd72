"""Analysis > Intercoder Agreement: opened through its action, figures as the core
computes them, a clause shown in the main window, reconciling and undoing it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from ui_helpers import import_and_open

from reader.core.analysis.agreement import document_agreement

Mode = QAbstractItemModelTester.FailureReportingMode
# (quote, tags) per coder on the trade paper: they agree on trade, differ on banks.
CODING = {
    "ana": [("Trade frictions will be handled properly.", ["economy/trade"]),
            ("Banks will cooperate.", ["economy/finance"])],
    "ben": [("Trade frictions will be handled properly.", ["economy/trade"]),
            ("Banks will cooperate.", ["culture"])],
}  # fmt: skip


@pytest.fixture
def coded(qtbot, window, library, trade_paper):
    """The trade paper open, coded by ana and ben; the agreement window open."""
    doc = import_and_open(qtbot, window, trade_paper)
    for coder, items in CODING.items():
        for quote, tags in items:
            start = doc.text.index(quote)
            library.add_annotation(doc.id, start, start + len(quote), author=coder, tags=tags)
    window.refresh_after_merge()
    window.operations.author = "lead"
    window.actions.agreement.trigger()
    agreement = window.agreement_window
    qtbot.waitExposed(agreement)
    return window, agreement, doc


def test_action_opens_the_window_with_the_open_document(coded, library):
    window, agreement, doc = coded
    assert window.actions.agreement.shortcut().toString() == "Ctrl+Shift+K"
    assert agreement.document_id() == doc.id
    assert agreement.coders() == ["ana", "ben"]
    expected = document_agreement(library, doc.id, coders=["ana", "ben"])
    model = agreement.tag_model
    assert [r.tag for r in model.rows()] == [r.tag for r in expected.tags]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Tag", "ana", "ben", "Agreement", "Kappa", "Alpha", "Note"]
    view = agreement.tag_proxy
    first = [view.index(0, c).data() for c in range(view.columnCount())]
    culture = expected.tags[0]
    assert first[:4] == ["culture", "0", "1", f"{culture.percent:.1%}"]
    assert "Overall" in agreement.summary.text()
    assert agreement.record_as.text() == "lead"


def test_tag_table_sorts_by_numbers(coded):
    _window, agreement, _doc = coded
    proxy = agreement.tag_proxy
    alpha_col = 5
    agreement.tag_view.sortByColumn(alpha_col, Qt.SortOrder.DescendingOrder)
    values = [proxy.index(r, alpha_col).data(proxy.sortRole()) for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)


def test_models_pass_the_model_tester(coded):
    _window, agreement, _doc = coded
    QAbstractItemModelTester(agreement.tag_model, Mode.Fatal)
    QAbstractItemModelTester(agreement.disagreement_model, Mode.Fatal)
    agreement.coder_boxes["ben"].setChecked(False)  # one coder: tables empty
    assert agreement.tag_model.rowCount() == 0
    assert "at least two coders" in agreement.summary.text()
    agreement.coder_boxes["ben"].setChecked(True)
    assert agreement.tag_model.rowCount() > 0


def test_clicking_a_disagreement_shows_the_clause(coded, qtbot):
    window, agreement, doc = coded
    model = agreement.disagreement_model
    assert [d.text for d in model.rows()] == ["Banks will cooperate."]
    index = agreement.disagreement_proxy.index(0, 1)
    agreement.disagreement_view.clicked.emit(index)
    d = model.rows()[0]
    assert window.doc_view.selected_span() == (d.start, d.end)


def test_accept_a_coder_then_undo(coded, library, qtbot):
    window, agreement, doc = coded
    agreement.select_clause(agreement.disagreement_model.rows()[0].clause)
    assert agreement.accept_buttons["ben"].isEnabled()
    before = {a.id for a in library.annotations(doc.id)}
    agreement.accept_buttons["ben"].click()
    added = [a for a in library.annotations(doc.id) if a.id not in before]
    assert [(a.author, a.tags, a.quote) for a in added] == [
        ("lead", ["culture"], "Banks will cooperate.")
    ]
    qtbot.waitUntil(lambda: agreement.disagreement_model.rows()[0].consensus == ["culture"])
    assert "lead" in agreement.coder_boxes and not agreement.coder_boxes["lead"].isChecked()
    assert agreement.coders() == ["ana", "ben"]  # the consensus is not a coder
    assert window.operations.undo_stack.undoText() == "Reconcile Clause"
    window.actions.undo.trigger()
    assert {a.id for a in library.annotations(doc.id)} == before
    qtbot.waitUntil(lambda: agreement.disagreement_model.rows()[0].consensus is None)


def test_merge_records_every_coders_tags(coded, library):
    _window, agreement, doc = coded
    agreement.select_clause(agreement.disagreement_model.rows()[0].clause)
    agreement.merge.click()
    lead = [a for a in library.annotations(doc.id) if a.author == "lead"]
    assert [a.tags for a in lead] == [["culture", "economy/finance"]]


def test_window_geometry_is_remembered(coded, make_window, library):
    window, agreement, _doc = coded
    agreement.resize(900, 611)
    agreement.close()
    window.settings.sync()
    again = make_window(library)
    again.show_agreement()
    assert again.agreement_window.height() == 611
    again.agreement_window.close()


def test_disagreement_columns_fit_their_tags_and_the_clause_takes_the_rest(coded, library):
    window, agreement, doc = coded
    quote = "Tariffs will fall over time."
    start = doc.text.index(quote)
    tags = ["economy/finance", "política/económica"]
    library.add_annotation(doc.id, start, start + len(quote), author="ana", tags=tags)
    agreement.recompute()
    view = agreement.disagreement_view
    model = agreement.disagreement_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "Reconciled"
    width = [view.columnWidth(c) for c in range(len(headers))]
    for col in (headers.index("ana"), headers.index("ben")):  # two tags are not cut
        assert width[col] >= view.sizeHintForColumn(col)
    # Nothing reconciled yet: that column is narrow; the clause text is the widest.
    assert width[-1] < width[1] and width[1] == max(width)


def test_same_title_documents_are_told_apart(coded, qtbot, trade_paper, tmp_path):
    window, agreement, doc = coded
    other = tmp_path / "second-edition.txt"
    other.write_text(trade_paper.read_text(encoding="utf-8") + "\nA closing line.\n")
    import_and_open(qtbot, window, other)
    agreement.fill_documents(doc.id)
    names = [agreement.documents.itemText(i) for i in range(agreement.documents.count())]
    assert sorted(names) == [
        "Trade Policy Paper (second-edition.txt)",
        "Trade Policy Paper (trade-policy-paper.txt)",
    ]
    assert agreement.documents.currentText() == "Trade Policy Paper (trade-policy-paper.txt)"
