"""The side panes as cards: quote wrapped, section path, tags, note and author each on a
line; sorting; search as you type with the matched words emphasised."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from ui_helpers import focus, import_and_open

from reader.ui.panels.card_text import unmark
from reader.ui.row_model import CARD_ROLE

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
LONG = "Trade frictions will be handled properly. Tariffs will fall over time."


def _annotate(library, doc, quote, **kw):
    return library.annotate_quote(doc.id, quote, **kw)


def test_highlight_cards_show_every_field_on_its_line_and_sort(
    qtbot, qtmodeltester, window, library, trade_paper
):
    doc = import_and_open(qtbot, window, trade_paper)
    _annotate(library, doc, LONG, tags=["economy/trade"], note="compare 2008", author="Ana",
              color="blue")  # fmt: skip
    _annotate(library, doc, "Banks will cooperate.", author="Ben", color="green")
    _annotate(library, doc, "Students will travel.", author="Ana", color="yellow")
    window.refresh_after_merge()
    panel = window.annotations_panel
    qtmodeltester.check(panel.model)
    view = panel.view
    option = QStyleOptionViewItem()
    option.font = view.font()
    card = panel.model.index(0, 0).data(CARD_ROLE)
    texts = view.itemDelegate().texts(card, option, view.viewport().width() - 16)
    assert texts == [
        LONG,
        "Part I > 1. In the Economic Field > (1) Trade",
        "economy/trade",
        "✎ compare 2008",
        "— Ana",
    ]
    # The pane at 1280x800 is wide enough for the path, and the quote wraps.
    assert view.visualRect(panel.model.index(0, 0)).height() > 4 * view.fontMetrics().height()
    narrow = view.itemDelegate().texts(card, option, 90)[0]
    assert narrow.endswith("…") and len(narrow) < len(LONG)

    def order() -> list[str]:
        return [a.quote for a in panel.model.rows()]

    assert order()[0] == LONG  # by position
    focus(qtbot, window, panel.cards.sort_box)
    for wanted in ("Date (newest first)", "Colour", "Author"):
        qtbot.keyClick(panel.cards.sort_box, Qt.Key.Key_Down)
        assert panel.cards.sort_box.currentText() == wanted
        if wanted == "Colour":
            assert order() == ["Students will travel.", "Banks will cooperate.", LONG]
        if wanted == "Author":
            assert [a.author for a in panel.model.rows()] == ["Ana", "Ana", "Ben"]
    # A highlight made now takes its place in the chosen order (authors: Ana, Ana, Ben).
    window.operations.author = "Zoe"
    start = doc.text.index("Currency swaps")
    window.doc_view.select_span(start, start + 14)
    focus(qtbot, window, window.doc_view)
    qtbot.keyClick(window.doc_view, Qt.Key.Key_H)
    assert [a.author for a in panel.model.rows()] == ["Ana", "Ana", "Ben", "Zoe"]


def test_search_runs_as_you_type_and_emphasises_the_matches(qtbot, window, library, trade_paper):
    import_and_open(qtbot, window, trade_paper)
    focus(qtbot, window, window.doc_view)
    qtbot.keyClick(window.doc_view, Qt.Key.Key_F, CTRL | SHIFT)
    panel = window.search_panel
    assert panel.edit.hasFocus()
    qtbot.keyClicks(panel.edit, "tariffs")  # no Enter
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    card = panel.model.index(0, 0).data(CARD_ROLE)
    assert [card.quote[s:e] for s, e in card.emphasis] == ["Tariffs"]
    assert card.heading == "Trade Policy Paper" and card.where.endswith("(1) Trade")
    # Enter searches at once; Down then Enter opens the hit.
    qtbot.keyClick(panel.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 1
    focus(qtbot, window, panel.view)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.doc_view.textCursor().selectedText() == "Tariffs"


def test_snippet_marks_become_emphasis():
    assert unmark("…the «trade» and\n«tariffs» fall…") == (
        "…the trade and tariffs fall…",
        [(5, 10), (15, 22)],
    )


def test_excerpt_cards_name_their_document_and_sort(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    _annotate(library, doc, "Banks will cooperate.", tags=["economy"], author="Ben")
    _annotate(library, doc, "Tariffs will fall over time.", tags=["economy/trade"], author="Ana")
    window.refresh_tags()
    window.tags_panel.select_tag("economy")
    model = window.tags_panel.excerpt_model
    cards = [model.index(r, 0).data(CARD_ROLE) for r in range(model.rowCount())]
    assert [c.heading for c in cards] == ["Trade Policy Paper"] * 2
    assert [c.quote for c in cards] == ["Tariffs will fall over time.", "Banks will cooperate."]
    assert cards[0].byline.startswith("— Ana, 20")
    window.tags_panel.excerpt_cards.sort_box.setCurrentText("Author")
    assert [e.annotation.author for e in model.rows()] == ["Ana", "Ben"]


def test_a_long_section_path_keeps_its_head_and_its_end(qtbot, window):
    from reader.ui.panels.card_text import path_lines

    font = window.annotations_panel.view.font()
    path = (
        "Part II China's Relations with Latin America and the Caribbean in the New Stage of "
        "Comprehensive Cooperation > 3. In the Social Aspects > (4) Health, p. 12"
    )
    wide = path_lines(path, font, 2000)
    assert wide.text() == path and wide.lineCount() == 1
    # Wrapped over two lines while it fits in them: nothing is cut.
    two = path_lines(path, font, 500)
    assert two.text() == path and two.lineCount() == 2
    # Narrower: the sections between the head and the end give way, then letters from
    # the middle; the head (Part II) and the end (the section and page) stay.
    for width in (300, 200, 120):
        shown = path_lines(path, font, width)
        assert shown.lineCount() <= 2
        assert shown.text().startswith("Part II") and shown.text().endswith(", p. 12")
        assert "…" in shown.text()
    # One long title alone: cut in its middle.
    title = path.split(" > ")[0]
    alone = path_lines(title, font, 150).text()
    assert alone.startswith("Part II") and alone.endswith("Cooperation") and "…" in alone
