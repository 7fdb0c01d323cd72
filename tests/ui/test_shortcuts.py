"""Keyboard shortcuts: each key sequence fires one action, and undo/redo work from the
keyboard (real key events sent to the focused reading view)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget
from ui_helpers import import_and_open

from reader.ui.actions import StdKey, key_sequences

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _names(sequences: list[QKeySequence]) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in sequences]


def test_key_sequences_keep_each_sequence_once(qapp):
    # On X11 the standard Redo key is Ctrl+Shift+Z itself: bound twice, Qt fires neither.
    assert _names(key_sequences("Ctrl+Shift+Z", "Ctrl+Shift+Z", "Ctrl+Y")) == [
        "Ctrl+Shift+Z",
        "Ctrl+Y",
    ]
    redo = _names(key_sequences(StdKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
    assert len(redo) == len(set(redo)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(redo)
    assert key_sequences("") == []  # a standard key this platform does not bind


def _shortcut_owners(top: QWidget) -> dict[str, str]:
    """Key sequence -> text of the one action of window ``top`` bound to it."""
    owner_of: dict[str, str] = {}
    for action in top.findChildren(QAction):
        parent = action.parent()
        if isinstance(parent, QWidget) and parent.window() is not top:
            continue  # another window's action: its shortcuts work in that window only
        for name in _names(action.shortcuts()):
            assert name, f"{action.text()!r} has an empty shortcut"
            clash = owner_of.get(name)
            assert clash is None, f"{name} is bound to {clash!r} and {action.text()!r}"
            owner_of[name] = action.text()
    return owner_of


def test_no_two_actions_of_a_window_share_a_key_sequence(window):
    window.actions.statistics.trigger()  # windows opened later must not add clashes
    window.actions.agreement.trigger()
    window.actions.compare.trigger()
    main = _shortcut_owners(window)
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "F3", "Shift+F3"} <= set(main)
    assert main["Ctrl+Shift+Z"] == main["Ctrl+Y"] == window.actions.redo.text()
    for other in (window.compare_window, window.statistics_window, window.agreement_window):
        _shortcut_owners(other)
    compare = _shortcut_owners(window.compare_window)
    assert compare["Ctrl+Shift+Z"] == compare["Ctrl+Y"]


def test_undo_and_both_redo_keys_work_in_the_reading_view(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    window.activateWindow()
    qtbot.waitActive(window)
    view = window.doc_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    quote = "Banks will cooperate."
    start = doc.text.index(quote)
    view.select_span(start, start + len(quote))
    qtbot.keyClick(view, Qt.Key.Key_H)  # highlight

    def drawn() -> list[str]:
        return [s.cursor.selectedText() for s in view.extraSelections()]

    assert [a.quote for a in library.annotations(doc.id)] == [quote] and drawn() == [quote]
    for redo in ((Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Y, CTRL)):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # undo: the highlight goes
        assert library.annotations(doc.id) == [] and drawn() == []
        qtbot.keyClick(view, *redo)  # redo: it comes back
        assert [a.quote for a in library.annotations(doc.id)] == [quote]
        assert drawn() == [quote]
