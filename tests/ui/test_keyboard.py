"""A keyboard-only workflow: F6 / Shift+F6 through the panes, Esc back to the text,
N / Shift+N through highlights, Alt+Down / Alt+Up through sections, Ctrl+Enter saves a
note, noted highlights marked in the text, and the shortcuts sheet (F1)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
from ui_helpers import focus, import_and_open

from reader.ui.shortcuts_sheet import ShortcutsSheet

SHIFT, ALT, CTRL = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ControlModifier,
)


def _focused():
    return QApplication.focusWidget()


def test_f6_cycles_the_panes_and_esc_returns_to_the_text(qtbot, window, trade_paper):
    import_and_open(qtbot, window, trade_paper)
    view = window.doc_view
    focus(qtbot, window, view)
    visited = []
    for _ in range(4):
        qtbot.keyClick(_focused(), Qt.Key.Key_F6)
        visited.append(_focused())
    assert visited == [
        window.annotations_panel.view, window.library_panel.view, window.outline, view,
    ]  # fmt: skip
    qtbot.keyClick(_focused(), Qt.Key.Key_F6, SHIFT)
    assert _focused() is window.outline
    for pane in (window.outline, window.library_panel.view, window.annotations_panel.view):
        pane.setFocus()
        qtbot.waitUntil(pane.hasFocus)
        qtbot.keyClick(pane, Qt.Key.Key_Escape)
        assert _focused() is view
    # The Tags tab shown: F6 from the text reaches its tree.
    window.tabs.setCurrentWidget(window.tags_panel)
    focus(qtbot, window, view)
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert _focused() is window.tags_panel.tree


def test_n_and_alt_arrows_walk_highlights_and_sections(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    quotes = ["Tariffs will fall over time.", "Banks will cooperate.", "Students will travel."]
    for q in quotes:
        library.annotate_quote(doc.id, q)
    window.refresh_after_merge()
    view = window.doc_view
    focus(qtbot, window, view)
    view.move_caret(0)
    seen = []
    for _ in quotes:
        qtbot.keyClick(view, Qt.Key.Key_N)
        seen.append(window.current_annotation().quote)
    assert seen == quotes
    assert window.annotations_panel.view.currentIndex().row() == 2  # the pane follows
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == "No more highlights"
    qtbot.keyClick(view, Qt.Key.Key_N, SHIFT)
    assert window.current_annotation().quote == quotes[1]
    # Sections: Alt+Down from the top goes through the outline in order.
    view.move_caret(0)
    starts = sorted({n.start for root in doc.outline for n in root.walk()})
    for start in starts[:3]:
        qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
        assert view.cursor_offset() == start
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert view.cursor_offset() == starts[1]


def test_ctrl_enter_saves_a_note_and_noted_highlights_are_marked(
    qtbot, window, library, trade_paper
):
    doc = import_and_open(qtbot, window, trade_paper)
    ann = library.annotate_quote(doc.id, "Banks will cooperate.")
    window.refresh_after_merge()
    view = window.doc_view
    focus(qtbot, window, view)
    view.move_caret(ann.start)

    def write() -> None:
        dialog = QApplication.activeModalWidget()
        QTimer.singleShot(5000, dialog.reject)  # never hang the suite if a key is lost
        dialog.activateWindow()
        qtbot.waitActive(dialog)
        edit = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(edit, "swap lines")
        qtbot.keyClick(edit, Qt.Key.Key_Return)  # a new line, not OK
        qtbot.keyClicks(edit, "2008")
        qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)

    QTimer.singleShot(0, write)
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL | SHIFT)
    assert library.get_annotation(ann.id).note == "swap lines\n2008"
    view.move_caret(0)  # the caret elsewhere: the highlight is drawn as any other
    window.refresh_after_merge()
    [sel] = [s for s in view.extraSelections() if s.cursor.selectedText() == ann.quote]
    assert sel.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline


def test_f1_shows_every_shortcut_from_the_actions(qtbot, window):
    focus(qtbot, window, window.doc_view)
    qtbot.keyClick(window.doc_view, Qt.Key.Key_F1)
    sheet = next(w for w in window.findChildren(ShortcutsSheet) if w.isVisible())
    rows = {(where, what): keys for where, keys, what in sheet.rows}
    assert rows[("Go", "Next Highlight")] == "N"
    assert rows[("Go", "Next Pane")] == "F6"
    assert rows[("Annotate", "Note")] == "Ctrl+Shift+N"
    assert set(rows[("Edit", "Redo")].split(" or ")) == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert rows[("File", "Document Details")] == "F2"
    assert rows[("Any pane", "Back to the text")] == "Esc"
    # Every action of the window with a key is in the sheet.
    keyed = {
        a.text().replace("&", "").rstrip("…") for a in QMainWindow.actions(window) if a.shortcuts()
    }
    assert keyed <= {what for _, _, what in sheet.rows}
    sheet.close()


def test_letter_keys_still_type_in_the_search_field(qtbot, window, trade_paper):
    import_and_open(qtbot, window, trade_paper)
    window.actions.search.trigger()
    edit = window.search_panel.edit
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "nNh")
    assert edit.text() == "nNh"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert _focused() is window.doc_view
