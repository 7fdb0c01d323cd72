"""File > REFI-QDA: export a codebook and a project, import a codebook, through the
menu actions with the file dialogs replaced."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from ui_helpers import import_and_open

from reader.core.colors import PALETTE_HEX
from reader.core.refiqda import read_project
from reader.ui.share_dialog import CHOSEN_DOCS, ShareDialog
from reader.ui.tag_model import PATH_ROLE
from reader.ui.theme import highlight_color

BANKS = "Banks will cooperate."


def _save_to(monkeypatch, path: Path) -> list:
    asked = []

    def fake(parent, title, suggested, file_filter):
        asked.append((title, file_filter))
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def _annotated(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    text = library.document_text(doc.id)
    start = text.index(BANKS)
    library.add_annotation(
        doc.id, start, start + len(BANKS), tags=["economy/finance"], author="Ana"
    )
    library.set_tag_description("economy/finance", "Banks and loans")
    window.refresh_after_merge()
    return doc


def test_the_menu_has_the_refiqda_commands(window):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [refi] = [a.menu() for a in file_menu.actions() if a.text() == "REFI-&QDA"]
    assert [a.text() for a in refi.actions()] == [
        "Export &Codebook…",
        "Export Codebook as CS&V (Taguette)…",
        "Export &Project…",
        "&Import Codebook…",
        "Import P&roject…",
    ]


def test_export_codebook_then_project(qtbot, window, library, trade_paper, monkeypatch, tmp_path):
    doc = _annotated(qtbot, window, library, trade_paper)
    asked = _save_to(monkeypatch, tmp_path / "tags")  # no suffix: the dialog may drop it
    window.actions.qdc_export.trigger()
    assert asked == [("Export REFI-QDA Codebook", "REFI-QDA codebook (*.qdc)")]
    assert (tmp_path / "tags.qdc").read_bytes().startswith(b"<?xml")
    assert window.refiqda.last_message.startswith("Saved 2 code(s)")

    asked = _save_to(monkeypatch, tmp_path / "tags")
    window.actions.codebook_csv_export.trigger()
    assert asked == [("Export Codebook as CSV", "Codebook CSV for Taguette (*.csv)")]
    assert (tmp_path / "tags.csv").read_bytes().startswith(b"\xef\xbb\xbftag,description\r\n")
    assert window.refiqda.last_message.startswith("Saved 2 tag(s)")

    def choose(dlg):
        assert dlg.windowTitle() == "Export REFI-QDA Project"
        dlg.set_scope(CHOSEN_DOCS)
        dlg.documents.set_checked([doc.id])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ShareDialog, "exec", choose)
    _save_to(monkeypatch, tmp_path / "p.qdpx")
    window.actions.qdpx_export.trigger()
    project = read_project(tmp_path / "p.qdpx")
    [source] = project.sources
    [sel] = source.selections
    assert source.text[sel.start : sel.end] == BANKS and sel.user == "Ana"
    assert "1 document(s), 1 annotation(s)" in window.refiqda.last_message
    assert zipfile.is_zipfile(tmp_path / "p.qdpx")


def test_import_codebook_refreshes_tags_with_descriptions(
    qtbot, window, library, trade_paper, monkeypatch, tmp_path
):
    _annotated(qtbot, window, library, trade_paper)
    qdc = tmp_path / "in.qdc"
    qdc.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="00000001-0000-4000-8000-000000000001" name="culture" isCodable="true">'
        "<Description>Arts and exchanges</Description></Code></Codes></CodeBook>",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(qdc), ""))
    window.actions.qdc_import.trigger()
    assert window.refiqda.last_message == (
        "in.qdc: 1 tag(s) added, 0 description(s) updated, 0 unchanged"
    )
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "1 tag(s) added" in boxes[-1].text()
    model = window.tags_panel.tag_model
    index = model.index_for_path("culture")
    assert index.isValid()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "culture: 0 highlight(s)\nArts and exchanges"
    finance = model.index_for_path("economy/finance")
    assert finance.data(PATH_ROLE) == "economy/finance"
    assert finance.data(Qt.ItemDataRole.ToolTipRole).endswith("\nBanks and loans")


def test_a_bad_codebook_shows_an_error_and_imports_nothing(
    qtbot, window, library, monkeypatch, tmp_path
):
    bad = tmp_path / "bad.qdc"
    bad.write_text("<Project xmlns='urn:QDA-XML:project:1.0'/>", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    window.actions.qdc_import.trigger()
    assert window.errors and "not a REFI-QDA codebook" in window.errors[-1]
    assert library.tag_tree() == []


def test_core_palette_matches_the_light_theme():
    for name, hex_color in PALETTE_HEX.items():
        assert highlight_color(name, dark=False).name().upper() == hex_color


def test_import_project_adds_documents_and_annotations(
    qtbot, window, library, trade_paper, monkeypatch, tmp_path
):
    from reader.core.importers import load_document
    from reader.core.refiqda import export_project
    from reader.core.store import Library

    with Library.open(tmp_path / "teammate.db") as teammate:  # a teammate's project
        doc, _ = teammate.add_document(load_document(trade_paper))
        start = teammate.document_text(doc.id).index(BANKS)
        teammate.add_annotation(
            doc.id, start, start + len(BANKS), tags=["economy/finance"], note="ask", author="Ana"
        )
        export_project(teammate, tmp_path / "p.qdpx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(tmp_path / "p.qdpx"), ""))
    window.actions.qdpx_import.trigger()
    assert window.refiqda.last_message.startswith("p.qdpx: 1 document(s) (1 new), 1 annotation(s)")
    [info] = library.list_documents()
    [ann] = library.annotations(info.id)
    assert (ann.quote, ann.tags, ann.note, ann.author) == (BANKS, ["economy/finance"], "ask", "Ana")
    assert window.library_panel.model.rowCount() == 1  # the list shows it
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and f"Added: {info.title}" in boxes[-1].detailedText()


def test_a_bad_project_shows_one_line_and_imports_nothing(window, library, monkeypatch, tmp_path):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(bad), ""))
    window.actions.qdpx_import.trigger()
    assert window.errors and "bad.qdpx" in window.errors[-1] and "\n" not in window.errors[-1]
    assert library.list_documents() == []
