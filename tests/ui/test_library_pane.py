"""The library pane as cards: titles wrapped whole, date and source, what tells same-title
documents apart, the highlight count; sorting, keyboard, dropping files, the context
menu."""

from __future__ import annotations

import warnings

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from ui_helpers import focus

from reader.ui.document_dialog import DocumentDialog
from reader.ui.row_model import CARD_ROLE

LONG = "China's Policy Paper on Latin America and the Caribbean and Its Neighbours"


def _write(folder, name: str, title: str, date: str, body: str) -> str:
    path = folder / name
    path.write_text(f"{title}\n\n{date}\n\n{body}\n", encoding="utf-8")
    return str(path)


def _import(qtbot, window, paths: list[str]) -> None:
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files(paths)


def _texts(window, row: int) -> list[str]:
    panel = window.library_panel
    option = QStyleOptionViewItem()
    option.font = panel.view.font()
    card = panel.model.index(row, 0).data(CARD_ROLE)
    return panel.view.itemDelegate().texts(card, option, panel.view.viewport().width() - 16)


def _titles(window) -> list[str]:
    return [d.title for d in window.library_panel.model.rows()]


def _library(qtbot, window, tmp_path) -> dict[str, str]:
    """Two editions of one long title and a short one; returns title/file -> id."""
    _import(qtbot, window, [
        _write(tmp_path, "paper-2016.txt", LONG, "2016/11/24", "The text of edition one."),
        _write(tmp_path, "paper-2019.txt", LONG, "2019/03/03", "The text of edition two."),
        _write(tmp_path, "aid.txt", "Aid Report", "2010/05/01", "The aid report. It will help."),
    ])  # fmt: skip
    return {d.filename: d.id for d in window.library.list_documents()}


def test_cards_show_whole_titles_dates_and_what_tells_editions_apart(qtbot, window, tmp_path):
    ids = _library(qtbot, window, tmp_path)
    window.library.annotate_quote(ids["paper-2019.txt"], "edition two")
    window.refresh_after_merge()
    model = window.library_panel.model
    assert _titles(window) == ["Aid Report", LONG, LONG]  # by title
    rows = {d.filename: r for r, d in enumerate(model.rows())}
    # The whole title over two lines (the pane is too narrow for one), nothing elided.
    first = _texts(window, rows["paper-2016.txt"])
    assert first[0] == LONG and "…" not in first[0]
    assert first[1:] == ["2016-11-24", "paper-2016.txt"]
    assert _texts(window, rows["paper-2019.txt"])[1:] == ["2019-03-03", "paper-2019.txt"]
    assert _texts(window, rows["aid.txt"])[1:] == ["2010-05-01"]  # a title of its own
    card = model.index(rows["paper-2019.txt"], 0).data(CARD_ROLE)
    assert card.badge == "1" and not model.index(rows["aid.txt"], 0).data(CARD_ROLE).badge
    assert "1 highlight" in model.index(rows["paper-2019.txt"], 0).data(Qt.ItemDataRole.ToolTipRole)
    rect = window.library_panel.view.visualRect(model.index(rows["paper-2016.txt"], 0))
    assert rect.height() > 3 * window.library_panel.view.fontMetrics().height()


def test_sorting_and_the_keyboard(qtbot, window, tmp_path):
    ids = _library(qtbot, window, tmp_path)
    window.library.annotate_quote(ids["aid.txt"], "It will help.")
    window.refresh_after_merge()
    panel = window.library_panel
    focus(qtbot, window, panel.cards.sort_box)
    orders = {}
    for _ in range(3):
        qtbot.keyClick(panel.cards.sort_box, Qt.Key.Key_Down)
        orders[panel.cards.sort_box.currentText()] = [d.filename for d in panel.model.rows()]
    assert orders["Date (newest first)"] == ["paper-2019.txt", "paper-2016.txt", "aid.txt"]
    assert orders["Most highlights"][0] == "aid.txt"
    for _ in range(3):
        qtbot.keyClick(panel.cards.sort_box, Qt.Key.Key_Up)
    assert [d.filename for d in panel.model.rows()] == [
        "aid.txt",
        "paper-2016.txt",
        "paper-2019.txt",
    ]
    # Up and down the list with the arrows; Enter opens the card chosen.
    focus(qtbot, window, panel.view)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    chosen = panel.current()
    assert chosen is not None and chosen.filename == "paper-2016.txt"
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.doc is not None and window.doc.id == ids["paper-2016.txt"]


def test_the_context_menu_edits_and_deletes(qtbot, window, tmp_path):
    ids = _library(qtbot, window, tmp_path)
    panel = window.library_panel
    info = next(d for d in panel.model.rows() if d.filename == "aid.txt")
    menu = window.document_actions.menu_for(info)
    assert [a.text() for a in menu.actions() if a.text()] == ["Open", "Details…", "Delete Document"]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DocumentDialog)
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "Development Aid Report")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    next(a for a in menu.actions() if a.text() == "Details…").trigger()
    assert "Development Aid Report" in _titles(window)
    menu = window.document_actions.menu_for(window.library.document_info(ids["aid.txt"]))
    next(a for a in menu.actions() if a.text() == "Delete Document").trigger()
    assert sorted(d.filename for d in panel.model.rows()) == ["paper-2016.txt", "paper-2019.txt"]


def test_an_empty_library_says_how_to_fill_it_and_files_dropped_on_it_import(
    qtbot, window, tmp_path, trade_paper
):
    panel = window.library_panel
    assert panel.model.rowCount() == 0 and "Drop files here" in panel.view.placeholder
    # Dropped where a user drops them, on the list: the window's drop target finds the
    # widget under the pointer that takes drops (the window, through the list).
    where = panel.view.viewport().mapTo(window, QPoint(40, 40))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(trade_paper))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks Qt's only constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, mime, buttons, keys)
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        QApplication.sendEvent(window.windowHandle(), drop)
    assert _titles(window) == ["Trade Policy Paper"] and window.doc is not None
