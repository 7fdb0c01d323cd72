"""The Tags pane manages tags: context menu (rename/merge, delete, recolour, describe),
F2 and Delete on the tree, drag and drop to re-parent; all undoable with Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPlainTextEdit
from ui_helpers import focus, import_and_open

CTRL = Qt.KeyboardModifier.ControlModifier


def _answer(qtbot, text: str) -> None:
    """When the input dialog opens, replace its text as a user would and press Enter
    (Ctrl+Enter in a multi-line one)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit) or dialog.findChild(QPlainTextEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        if isinstance(edit, QPlainTextEdit):
            dialog.accept()
        else:
            qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def _tree_paths(window) -> list[tuple[str, int]]:
    return [(n.path, n.count) for root in window.library.tag_tree() for n in root.walk()]


def _select(window, path: str) -> None:
    window.tabs.setCurrentWidget(window.tags_panel)
    window.tags_panel.select_tag(path)
    assert window.tags_panel.current_tag() == path


def test_rename_merge_delete_from_the_tree_and_undo(
    qtbot, qtmodeltester, window, library, trade_paper
):
    doc = import_and_open(qtbot, window, trade_paper)
    trade = library.annotate_quote(doc.id, "Tariffs will fall over time.", tags=["trade"])
    library.annotate_quote(doc.id, "Banks will cooperate.", tags=["economy"])
    window.refresh_after_merge()
    qtmodeltester.check(window.tags_panel.tag_model)
    tree = window.tags_panel.tree
    before = _tree_paths(window)
    # F2 renames; a name that exists merges.
    _select(window, "trade")
    focus(qtbot, window, tree)
    _answer(qtbot, "economy")
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert _tree_paths(window) == [("economy", 2)]
    assert window.annotations_panel.model.rows()[1].tags == ["economy"]  # views re-read
    focus(qtbot, window, tree)
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert _tree_paths(window) == before
    assert library.get_annotation(trade.id).tags == ["trade"]
    # Delete removes the tag from its highlights; undo puts it back.
    _select(window, "trade")
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert library.get_annotation(trade.id).tags == [] and len(library.annotations(doc.id)) == 2
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert library.get_annotation(trade.id).tags == ["trade"]


def test_recolour_and_describe_from_the_context_menu_and_undo(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    ann = library.annotate_quote(doc.id, "Tariffs will fall over time.", tags=["trade"])
    window.refresh_after_merge()
    _select(window, "trade")
    menu = window.tag_actions.menu_for("trade")
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Rename…\tF2", "Recolour Highlights", "Describe…", "Delete Tag\tDel"]
    recolour = menu.actions()[1].menu()
    next(a for a in recolour.actions() if a.text() == "Blue").trigger()
    assert library.get_annotation(ann.id).color == "blue"
    assert window.annotations_panel.model.rows()[0].color == "blue"
    _answer(qtbot, "Trade between the parties")
    next(a for a in menu.actions() if a.text() == "Describe…").trigger()
    assert library.tag_description("trade") == "Trade between the parties"
    focus(qtbot, window, window.tags_panel.tree)
    qtbot.keyClick(window.tags_panel.tree, Qt.Key.Key_Z, CTRL)
    assert library.tag_description("trade") == ""
    qtbot.keyClick(window.tags_panel.tree, Qt.Key.Key_Z, CTRL)
    assert library.get_annotation(ann.id).color == "yellow"


def test_dragging_a_tag_onto_another_reparents_it_undoably(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    library.annotate_quote(doc.id, "Tariffs will fall over time.", tags=["trade"])
    library.annotate_quote(doc.id, "Banks will cooperate.", tags=["economy/finance"])
    window.refresh_after_merge()
    _select(window, "trade")
    model = window.tags_panel.tag_model
    data = model.mimeData([model.index_for_path("trade")])
    target = model.index_for_path("economy")
    assert not model.canDropMimeData(
        data, Qt.DropAction.MoveAction, -1, -1, model.index_for_path("trade")
    )
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert [p for p, _ in _tree_paths(window)] == ["economy", "economy/finance", "economy/trade"]
    # And back to the top level by dropping on the empty space.
    data = model.mimeData([model.index_for_path("economy/trade")])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(-1, -1))
    assert [p for p, _ in _tree_paths(window)] == ["economy", "economy/finance", "trade"]
    focus(qtbot, window, window.tags_panel.tree)
    qtbot.keyClick(window.tags_panel.tree, Qt.Key.Key_Z, CTRL)
    assert [p for p, _ in _tree_paths(window)] == ["economy", "economy/finance", "economy/trade"]
    qtbot.keyClick(window.tags_panel.tree, Qt.Key.Key_Z, CTRL)
    assert [p for p, _ in _tree_paths(window)] == ["economy", "economy/finance", "trade"]
