"""An empty pane says what would fill it and how; lists of documents to choose from
tell same-title documents apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import focus, import_and_open

from reader.ui.export_dialog import ExportDialog
from reader.ui.panels.annotations_panel import NO_DOCUMENT, NO_HIGHLIGHTS
from reader.ui.panels.search_panel import NO_QUERY
from reader.ui.panels.tags_panel import CHOOSE_TAG, NO_TAGS
from reader.ui.share_dialog import ShareDialog
from reader.ui.window_layout import NO_HEADINGS


def test_empty_panes_say_what_would_fill_them(qtbot, window, library, tmp_path, trade_paper):
    assert window.annotations_panel.view.placeholder == NO_DOCUMENT
    assert window.tags_panel.tree.placeholder == NO_TAGS
    assert window.tags_panel.excerpts.placeholder == CHOOSE_TAG
    assert window.search_panel.view.placeholder == NO_QUERY
    doc = import_and_open(qtbot, window, trade_paper)
    assert window.annotations_panel.view.placeholder == NO_HIGHLIGHTS
    assert window.outline.placeholder == ""  # it has headings
    window.show_search()
    focus(qtbot, window, window.search_panel.edit)
    qtbot.keyClicks(window.search_panel.edit, "zebra")
    qtbot.keyClick(window.search_panel.edit, Qt.Key.Key_Return)
    assert window.search_panel.model.rowCount() == 0
    assert window.search_panel.view.placeholder.startswith("Nothing matches “zebra”")
    library.annotate_quote(doc.id, "Banks will cooperate.", tags=["finance"])
    window.refresh_after_merge()
    window.tags_panel.select_tag("finance")
    assert window.tags_panel.excerpt_model.rowCount() == 1
    # A text without headings: the outline says why it is empty.
    plain = tmp_path / "memo.txt"
    plain.write_text("a memo of one paragraph, with nothing that reads as a heading.\n")
    import_and_open(qtbot, window, plain)
    assert window.outline_model.rowCount() == 0 and window.outline.placeholder == NO_HEADINGS
    window.outline.grab()  # it paints (the placeholder) without an error


def test_export_and_share_tell_same_title_documents_apart(qtbot, window, library, tmp_path):
    for name, body in (("paper-2016.txt", "one"), ("paper-2019.txt", "two")):
        (tmp_path / name).write_text(f"Same Title\n\nThe text of edition {body}.\n")
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files([str(tmp_path / "paper-2016.txt"), str(tmp_path / "paper-2019.txt")])
    for dialog in (ExportDialog(library, "", window), ShareDialog(library, None, window)):
        qtbot.addWidget(dialog)
        items = [dialog.documents.item(i) for i in range(dialog.documents.count())]
        labels = sorted(i.text() for i in items)
        assert labels == ["Same Title (paper-2016.txt)", "Same Title (paper-2019.txt)"]
        assert all(i.toolTip().startswith("Same Title\n") for i in items)
