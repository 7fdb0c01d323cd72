"""Find in document (Ctrl+F) and library search (Ctrl+Shift+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import import_and_open


def test_find_bar_counts_and_steps(qtbot, window, paper, policy_paper):
    doc = import_and_open(qtbot, window, paper)
    window.actions.find.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    word = policy_paper.frequent_word
    qtbot.keyClicks(bar.edit, word)
    expected = window.reading.text.lower().count(word.lower())
    assert len(bar.matches) == expected > 5
    assert bar.count_label.text() == f"1 of {expected}"
    assert window.doc_view.textCursor().selectedText().lower() == word.lower()
    window.actions.find_next.trigger()
    assert bar.count_label.text() == f"2 of {expected}"
    window.actions.find_prev.trigger()
    window.actions.find_prev.trigger()
    assert bar.count_label.text() == f"{expected} of {expected}"
    # Every match on screen is drawn (those far off it are drawn as they come into view).
    view = window.doc_view
    shown = view.cursorForPosition(view.viewport().rect().topLeft()).position()
    shown_end = view.cursorForPosition(view.viewport().rect().bottomRight()).position()
    drawn = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}
    on_screen = {m for m in bar.matches if shown <= m[0] and m[1] <= shown_end}
    assert on_screen and on_screen <= drawn <= set(bar.matches)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.doc_view.extraSelections() == []
    window.actions.find.trigger()
    bar.edit.setText("zzzz-not-there")
    assert bar.count_label.text() == "No matches"
    assert doc


def test_library_search_lists_hits_and_opens_them(
    qtbot, window, library, paper, trade_paper, policy_paper
):
    trade = import_and_open(qtbot, window, trade_paper)
    doc = import_and_open(qtbot, window, paper)
    window.open_document(trade.id)
    start = doc.text.index(policy_paper.sentence)
    ann = library.add_annotation(doc.id, start, start + 40, note="volatile neighbourhood")
    window.actions.search.trigger()
    panel = window.search_panel
    assert window.tabs.currentWidget() is panel
    qtbot.keyClicks(panel.edit, "neighbourhood")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    hits = panel.model.rows()
    assert [h.kind for h in hits] == ["note"] and hits[0].annotation_id == ann.id
    panel.edit.clear()
    qtbot.keyClicks(panel.edit, "tariffs")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    hits = panel.model.rows()
    assert hits and all(h.document_id == trade.id for h in hits)
    assert "«" in panel.model.index(0, 0).data()
    assert panel.model.index(0, 2).data().startswith("Part I")
    # Search the big paper and open a hit from another document.
    panel.edit.clear()
    qtbot.keyClicks(panel.edit, f'"{policy_paper.phrase}"')
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    rect = panel.view.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.id == doc.id
    first_word = policy_paper.phrase.split()[0]
    assert first_word in window.doc_view.textCursor().selectedText().lower()


def test_empty_search_shows_nothing(window):
    window.search_library("   ")
    assert window.search_panel.model.rowCount() == 0


def test_excerpt_click_opens_document_in_place(
    qtbot, window, library, paper, trade_paper, policy_paper
):
    doc = import_and_open(qtbot, window, paper)
    other = import_and_open(qtbot, window, trade_paper)
    start = doc.text.index(policy_paper.section_title)
    end = start + len(policy_paper.section_title)
    ann = library.add_annotation(doc.id, start, end, tags=["science/space"])
    window.refresh_tags()
    window.tabs.setCurrentWidget(window.tags_panel)
    tree = window.tags_panel.tree
    index = window.tags_panel.tag_model.index_for_path("science")
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    excerpts = window.tags_panel.excerpts
    model = window.tags_panel.excerpt_model
    assert model.rowCount() == 1 and model.index(0, 1).data() == doc.title
    assert window.doc.id == other.id
    rect = excerpts.visualRect(model.index(0, 0))
    qtbot.mouseClick(excerpts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.doc.id == doc.id
    assert window.current_annotation().id == ann.id
