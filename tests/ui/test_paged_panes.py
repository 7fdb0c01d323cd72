"""A PDF in the panes: highlights and search results say section path and page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from ui_helpers import import_and_open

from reader.ui.row_model import CARD_ROLE
from tests.core.pdf_fixtures import FRONT, HEADER, LABELS, PAPER, make_pdf, text_pdf

WHERE = "Part I > 1. In the Economic Field > (2) Investment, p. 2"


@pytest.fixture
def pdf_window(qtbot, window, tmp_path):
    path = tmp_path / "labelled.pdf"
    path.write_bytes(make_pdf(FRONT + PAPER, page_labels=LABELS))
    import_and_open(qtbot, window, path)
    return window


def test_highlights_pane_shows_section_path_and_printed_page(qtbot, pdf_window):
    window = pdf_window
    start = window.doc.text.index("settle disputes by consultation")
    window.doc_view.select_span(start, start + len("settle disputes by consultation"))
    window.actions.highlight.trigger()
    panel = window.annotations_panel
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Section"
    assert panel.model.index(0, 1).data() == WHERE
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(WHERE)
    # A narrow pane keeps the head of the path and its end (the deepest section and the
    # page); sections in between give way first.
    option = QStyleOptionViewItem()
    option.font = panel.view.font()
    card = panel.model.index(0, 0).data(CARD_ROLE)
    assert card.where == WHERE
    where = panel.view.itemDelegate().texts(card, option, 120)[1]
    assert where == "Part I > … > (2) Investment, p. 2"


def test_search_results_show_the_page(qtbot, pdf_window):
    window = pdf_window
    window.actions.search.trigger()
    panel = window.search_panel
    qtbot.keyClicks(panel.edit, "consultation")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    [hit] = panel.model.rows()
    assert (hit.page, hit.page_label) == (4, "2")
    assert panel.model.index(0, 2).data() == WHERE


def test_status_bar_tells_the_page_being_read(qtbot, window, tmp_path, trade_paper):
    path = tmp_path / "long.pdf"
    text = "\n\n".join(
        f"{n}. Section {n}\n\n" + " ".join(["The parties will cooperate on trade."] * 40)
        for n in range(1, 13)
    )
    path.write_bytes(text_pdf(text, page_labels=[(0, "r", None, 1), (1, "D", None, 1)]))
    doc = import_and_open(qtbot, window, path)
    indicator = window.page_indicator
    total = len(doc.pages)
    assert total > 3 and indicator.isVisible()
    window.doc_view.scroll_to_offset(0)
    qtbot.waitUntil(lambda: indicator.text() == f"Page i · 1 of {total}")
    # A few lines into the page: scrolling keeps a margin above the target.
    window.doc_view.scroll_to_offset(doc.pages[2] + 1500)
    qtbot.waitUntil(lambda: indicator.text() == f"Page 2 · 3 of {total}")
    # The reading view hides the page furniture: no running header, no page number line.
    shown = window.doc_view.toPlainText()
    assert HEADER not in shown and f"\n{total}\n" not in shown
    import_and_open(qtbot, window, trade_paper)
    assert not indicator.isVisible()
