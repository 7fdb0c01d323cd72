"""After the tag or note editor closes, the keys go back to the text: a user tags a
highlight with Ctrl+T, presses Enter, and recolours it with Ctrl+3 at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import focus, import_and_open

QUOTE = "Trade frictions will be handled properly."


def _answer_dialog(qtbot, text: str, submit: Qt.KeyboardModifier) -> None:
    def type_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        editor = dialog.focusWidget()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return, submit)

    QTimer.singleShot(50, type_and_close)


def test_keys_reach_the_text_again_after_the_tag_and_note_editors(
    qtbot, window, library, trade_paper
):
    doc = import_and_open(qtbot, window, trade_paper)
    view = window.doc_view
    focus(qtbot, window, view)
    start = doc.text.index(QUOTE)
    view.select_span(start, start + len(QUOTE))
    qtbot.keyClick(view, Qt.Key.Key_H)
    (ann,) = library.annotations(doc.id)

    _answer_dialog(qtbot, "economy/trade", Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert library.get_annotation(ann.id).tags == ["economy/trade"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert library.get_annotation(ann.id).color == "blue"

    _answer_dialog(qtbot, "why it matters", Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert library.get_annotation(ann.id).note == "why it matters"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert library.get_annotation(ann.id).color == "green"
