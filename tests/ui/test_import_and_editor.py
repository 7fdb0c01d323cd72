"""Drag and drop, recent files, and the tag editor's completion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader.core.library_model import TagNode
from reader.ui.tag_editor import TagLineEdit, split_tags, tags_by_use


def test_dropping_files_imports_them(qtbot, window, trade_paper):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(trade_paper))])
    event = QDropEvent(
        QPointF(200, 200), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.dropEvent(event)
    assert window.doc is not None and window.doc.title == "Trade Policy Paper"
    assert window.settings.recent_files() == [str(trade_paper.resolve())]
    window._fill_recent_menu()
    assert [a.text() for a in window.actions.recent_menu.actions()] == [trade_paper.name]


def test_tags_by_use_puts_most_used_first():
    roots = [
        TagNode("a", "a", 1, True, [TagNode("b", "a/b", 5)]),
        TagNode("implied", "implied", 2, False, [TagNode("x", "implied/x", 2)]),
    ]
    assert tags_by_use(roots) == ["a/b", "implied/x", "a"]
    assert split_tags(" a/b,, c ,") == ["a/b", "c"]


def test_tag_line_edit_completes_the_tag_being_typed(qtbot):
    edit = TagLineEdit(["economy/trade", "economy/finance", "law"])
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit, "law, trad")
    completer = edit._completer
    assert completer.completionPrefix() == "trad"
    assert completer.currentCompletion() == "economy/trade"
    edit._insert_completion("economy/trade")
    assert edit.text() == "law, economy/trade, "
    assert edit.tags() == ["law", "economy/trade"]


def test_open_recent_lists_only_files_that_imported(qtbot, window, trade_paper, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00")  # a BOM and half a character: cannot be read
    edition = tmp_path / "edition.txt"
    edition.write_text(trade_paper.read_text(encoding="utf-8") + "\nRevised.\n")
    chosen = [str(trade_paper), str(broken), str(edition)]

    def pick(*_args, **_kwargs):
        return chosen, ""

    qtbot_patch = pytest.MonkeyPatch()
    qtbot_patch.setattr(QFileDialog, "getOpenFileNames", pick)
    try:
        with qtbot.waitSignal(window.importer.finished, timeout=10000):
            window.actions.open.trigger()  # File > Open… with the three files picked
    finally:
        qtbot_patch.undo()
    assert any("broken.txt" in e for e in window.errors)
    good = {str(trade_paper.resolve()), str(edition.resolve())}
    assert set(window.settings.recent_files()) == good
    menu = window.actions.recent_menu
    menu.aboutToShow.emit()
    assert sorted(a.text() for a in menu.actions()) == sorted([trade_paper.name, edition.name])

    # A listed file that no longer imports leaves the list when it fails from there.
    edition.write_bytes(b"\xff\xfe\x00")
    [again] = [a for a in menu.actions() if a.text() == edition.name]
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        again.trigger()
    assert window.settings.recent_files() == [str(trade_paper.resolve())]
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [trade_paper.name]
