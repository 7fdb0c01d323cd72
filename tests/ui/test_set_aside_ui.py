"""Teammates' annotations on a revised edition (fewer than 30% of their quotes found
word for word): waiting until the edition is imported, then orphans of it, placed by
hand (select the passage, Place Here) or dismissed, both undoable."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from ui_helpers import focus, import_and_open

from reader.core.exchange import export_collection
from reader.core.store import Library
from reader.ui import import_report

CTRL = Qt.KeyboardModifier.ControlModifier
QUOTES = ["Banks will cooperate.", "Tariffs will fall over time.", "Students will travel."]
REWORDED = ["Lenders are to work together.", "Duties decline gradually.", "Pupils go abroad."]


def test_waiting_items_become_orphans_placed_by_hand_or_dismissed(
    qtbot, window, library, monkeypatch, tmp_path, trade_paper
):
    # A teammate annotated the first edition.
    with Library.open(tmp_path / "ana.db") as theirs:
        from reader.core.importers import load_document

        info, _ = theirs.add_document(load_document(trade_paper))
        for q in QUOTES:
            theirs.annotate_quote(info.id, q, author="Ana", tags=["economy"], note=f"on {q[:5]}")
        shared = tmp_path / "ana.json"
        shared.write_text(json.dumps(export_collection(theirs)), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(shared)], ""))
    monkeypatch.setattr(import_report, "show_import_report", lambda parent, report: None)
    window.actions.import_shared.trigger()
    panel = window.set_aside_panel
    assert [panel.model.index(r, 1).data() for r in range(3)] == ["Waiting"] * 3
    # The revised edition keeps the title and rewords every sentence quoted.
    revised = tmp_path / "revised.txt"
    text = trade_paper.read_text(encoding="utf-8")
    for old, new in zip(QUOTES, REWORDED, strict=True):
        text = text.replace(old, new)
    revised.write_text(text, encoding="utf-8")
    doc = import_and_open(qtbot, window, revised)
    assert [panel.model.index(r, 1).data() for r in range(3)] == ["Not found"] * 3
    assert {s.document_id for s in panel.model.rows()} == {doc.id}
    # Place one by hand on the reworded passage.
    start = doc.text.index(REWORDED[0])
    window.doc_view.select_span(start, start + len(REWORDED[0]))
    item = next(s for s in panel.model.rows() if s.quote == QUOTES[0])
    window.set_aside_actions.menu_for(item).actions()[0].trigger()
    [ann] = library.annotations(doc.id)
    assert (ann.quote, ann.author, ann.tags, ann.note) == (
        REWORDED[0], "Ana", ["economy"], "on Banks",
    )  # fmt: skip
    assert panel.model.rowCount() == 2 and window.tabs.tabText(3) == "Set Aside (2)"
    assert window.annotations_panel.model.rowCount() == 1
    focus(qtbot, window, window.doc_view)
    qtbot.keyClick(window.doc_view, Qt.Key.Key_Z, CTRL)
    assert library.annotations(doc.id) == [] and panel.model.rowCount() == 3
    qtbot.keyClick(window.doc_view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(library.annotations(doc.id)) == 1 and panel.model.rowCount() == 2
    # Dismiss one with Delete in the pane; undo keeps it aside again.
    window.tabs.setCurrentWidget(panel)
    focus(qtbot, window, panel.view)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == 1 and len(library.set_aside()) == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, CTRL)
    assert panel.model.rowCount() == 2
