"""Documents managed in the window: details corrected (F2), deleted from the library list
(Delete, context menu) with undo, same-title documents told apart."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from ui_helpers import focus, import_and_open

from reader.core.export.markdown import to_markdown
from reader.core.export.selection import select
from reader.ui.document_dialog import DocumentDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _answer_dialog(qtbot, title: str, date: str, source: str) -> None:
    """When the details dialog opens, type into it as a user would and press Enter."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DocumentDialog)
        for field, text in ((dialog.title, title), (dialog.date, date), (dialog.source, source)):
            field.setFocus()
            field.selectAll()
            qtbot.keyClicks(field, text)
        qtbot.keyClick(dialog.source, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def test_f2_corrects_details_and_exports_cite_them_undoably(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    library.annotate_quote(doc.id, "Banks will cooperate.", tags=["finance"])
    focus(qtbot, window, window.doc_view)
    _answer_dialog(qtbot, "Trade Paper (revised)", "24 November 2016", "Ministry of Trade")
    qtbot.keyClick(window.doc_view, Qt.Key.Key_F2)
    info = library.document_info(doc.id)
    assert (info.title, info.date, info.source) == (
        "Trade Paper (revised)", "2016-11-24", "Ministry of Trade",
    )  # fmt: skip
    assert window.windowTitle().startswith("Trade Paper (revised)")
    assert window.library_panel.model.rows()[0].title == "Trade Paper (revised)"
    markdown = to_markdown(select(library, tags=["finance"]))
    assert "*Trade Paper (revised)* (Ministry of Trade, 2016-11-24)" in markdown
    focus(qtbot, window, window.doc_view)  # back from the dialog
    qtbot.keyClick(window.doc_view, Qt.Key.Key_Z, CTRL)
    assert library.document_info(doc.id).title == "Trade Policy Paper"
    assert window.windowTitle().startswith("Trade Policy Paper")


def test_a_bad_date_is_refused_with_one_message(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    focus(qtbot, window, window.doc_view)
    _answer_dialog(qtbot, "Trade Policy Paper", "someday", "")
    qtbot.keyClick(window.doc_view, Qt.Key.Key_F2)
    assert window.errors[-1].startswith("not a date")
    assert library.document_info(doc.id).date == "2016-11-24"


def test_delete_in_the_library_list_trashes_the_document_and_undo_brings_it_back(
    qtbot, window, library, trade_paper
):
    doc = import_and_open(qtbot, window, trade_paper)
    ann = library.annotate_quote(doc.id, "Banks will cooperate.", tags=["finance"])
    window.refresh_after_merge()
    view = window.library_panel.view
    focus(qtbot, window, view)
    view.setCurrentIndex(window.library_panel.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert library.list_documents() == [] and window.doc is None
    assert window.library_panel.model.rows() == []
    assert library.get_annotation(ann.id).deleted is not None  # in the trash with it
    assert window.tags_panel.tag_model.rowCount() == 1  # the tag stays, with no excerpt
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert [d.id for d in library.list_documents()] == [doc.id]
    assert library.get_annotation(ann.id).deleted is None
    assert window.library_panel.model.rows()[0].annotations == 1


def test_same_title_documents_are_told_apart_in_the_library_list(qtbot, window, tmp_path):
    text = (tmp_path / "a").parent
    for name, body in (("paper-2016.txt", "one"), ("paper-2019.txt", "two")):
        (text / name).write_text(f"Same Title\n\nThe text of edition {body}.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files([str(text / "paper-2016.txt"), str(text / "paper-2019.txt")])
    model = window.library_panel.model
    shown = sorted(model.index(r, 0).data() for r in range(model.rowCount()))
    assert shown == ["Same Title (paper-2016.txt)", "Same Title (paper-2019.txt)"]
