"""Export excerpts, share and import annotations, Set Aside and the author's name,
driven through the File and Edit menus with file dialogs and reports replaced."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog
from ui_helpers import import_and_open

from reader.core.exchange import export_collection
from reader.core.store import Library
from reader.ui import import_report, preferences
from reader.ui.export_dialog import ExportDialog
from reader.ui.import_report import ImportReportDialog
from reader.ui.row_model import CARD_ROLE
from reader.ui.share_dialog import CHOSEN_DOCS, ShareDialog

TRADE = "Trade frictions will be handled properly."
BANKS = "Banks will cooperate."
ACCEPTED = QDialog.DialogCode.Accepted


def _annotate(library: Library, doc_id: str, quote: str, author: str, tags: list[str]):
    text = library.document_text(doc_id)
    start = text.index(quote)
    return library.add_annotation(doc_id, start, start + len(quote), author=author, tags=tags)


@pytest.fixture
def annotated(qtbot, window, library, trade_paper):
    """The trade paper open, with Ana's highlight tagged economy/trade and Ben's culture."""
    doc = import_and_open(qtbot, window, trade_paper)
    _annotate(library, doc.id, TRADE, "Ana", ["economy/trade"])
    _annotate(library, doc.id, BANKS, "Ben", ["culture"])
    window.refresh_after_merge()
    return window


def _answer(monkeypatch, dialog_class, configure=lambda dlg: None) -> list:
    """Replace ``dialog_class.exec``: ``configure`` plays the user, then OK is pressed."""
    seen = []

    def fake_exec(dlg):
        configure(dlg)
        seen.append(dlg)
        return ACCEPTED

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return seen


def _save_to(monkeypatch, path: Path) -> list:
    asked = []

    def fake(parent, title, suggested, file_filter):
        asked.append(suggested)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def _open(monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(p) for p in paths], ""))


def test_markdown_export_preselects_tag_and_writes_quote_with_citation(
    annotated, monkeypatch, tmp_path
):
    window = annotated
    window.tags_panel.select_tag("economy")
    seen = _answer(monkeypatch, ExportDialog)
    asked = _save_to(monkeypatch, tmp_path / "out.md")
    window.actions.export.trigger()
    (dlg,) = seen
    assert dlg.tags.checked() == ["economy"]
    assert dlg.count.text() == "1 excerpt"
    assert Path(asked[0]).name == f"excerpts-{date.today().isoformat()}.md"
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert f"> {TRADE}" in text and "*Trade Policy Paper*" in text
    assert BANKS not in text
    assert str(tmp_path / "out.md") in window.statusBar().currentMessage()
    assert window.settings.string("export/folder") == str(tmp_path)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_exports(annotated, monkeypatch, tmp_path, fmt):
    _answer(monkeypatch, ExportDialog, lambda dlg: dlg.set_format(fmt))
    _save_to(monkeypatch, tmp_path / "out")  # no suffix typed: the format's is added
    annotated.actions.export.trigger()
    text = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["quote"] for r in rows} == {TRADE, BANKS}
    else:
        assert TRADE in json.dumps(json.loads(text), ensure_ascii=False)


def test_tag_and_author_checks_change_the_count(annotated, qtbot):
    dlg = ExportDialog(annotated.library)
    qtbot.addWidget(dlg)
    assert dlg.count.text() == "2 excerpts"
    dlg.authors.set_checked(["Ben"])
    assert dlg.count.text() == "1 excerpt"
    dlg.authors.set_checked([])
    dlg.tags.set_checked(["economy"])  # includes economy/trade, shown checked and greyed
    assert dlg.tags.checked() == ["economy"]
    assert dlg.count.text() == "1 excerpt"
    dlg.authors.set_checked(["Ben"])
    assert dlg.count.text().startswith("No excerpts")
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dlg.set_format("csv")
    assert not dlg.group_by.isEnabled()  # grouping is Markdown's alone


def test_share_then_import_into_another_library(
    qtbot, annotated, make_window, monkeypatch, tmp_path, trade_paper
):
    seen = _answer(monkeypatch, ShareDialog, lambda dlg: dlg.author.setCurrentText("Ana"))
    _save_to(monkeypatch, tmp_path / "ana.json")
    annotated.actions.share.trigger()
    assert seen[0].count.text() == "1 annotation"
    other = Library.open(tmp_path / "other.db")
    try:
        window = make_window(other)
        doc = import_and_open(qtbot, window, trade_paper)
        reports = []
        monkeypatch.setattr(import_report, "show_import_report", lambda p, r: reports.append(r))
        _open(monkeypatch, tmp_path / "ana.json")
        window.actions.import_shared.trigger()
        (report,) = reports
        assert (report.added, report.newly_set_aside) == (1, 0)
        assert report.matches[0][1].how == "fingerprint"
        (ann,) = other.annotations(doc.id)
        assert (ann.quote, ann.author, ann.tags) == (TRADE, "Ana", ["economy/trade"])
        drawn = [s.cursor.selectedText() for s in window.doc_view.extraSelections()]
        assert drawn == [TRADE]
        assert window.library_panel.model.rows()[0].annotations == 1
        assert window.tags_panel.tag_model.index(0, 0).data() == "economy  (1)"
    finally:
        other.close()


def test_each_refused_file_shows_its_reason_in_the_report(annotated, monkeypatch, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(export_collection(annotated.library)), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", "first": {"items": [', encoding="utf-8")
    edge = json.loads(good.read_text(encoding="utf-8"))
    edge["first"]["items"][0]["modified"] = "0001-01-01T00:00:00+01:00"
    (tmp_path / "edge.json").write_text(json.dumps(edge), encoding="utf-8")
    before = annotated.library.excerpts()
    reports = []
    monkeypatch.setattr(import_report, "show_import_report", lambda p, r: reports.append(r))
    _open(monkeypatch, good, bad, tmp_path / "edge.json")
    annotated.actions.import_shared.trigger()
    [report] = reports
    assert annotated.errors == [] and report.files == 1
    assert [name for name, _ in report.refused] == ["bad.json", "edge.json"]
    html = import_report.report_html(report)
    for name, reason in report.refused:
        assert "\n" not in reason and name in html
    assert "not valid JSON" in html and "from year 1 to 9999" in html
    assert annotated.library.excerpts() == before  # good.json is this library's own
    assert annotated.set_aside_panel.model.rowCount() == 0


def test_waiting_annotations_are_placed_when_their_document_arrives(
    qtbot, annotated, make_window, monkeypatch, tmp_path, trade_paper
):
    shared = tmp_path / "all.json"
    shared.write_text(json.dumps(export_collection(annotated.library)), encoding="utf-8")
    other = Library.open(tmp_path / "empty.db")
    try:
        window = make_window(other)
        reports = []
        monkeypatch.setattr(import_report, "show_import_report", lambda p, r: reports.append(r))
        _open(monkeypatch, shared)
        window.actions.import_shared.trigger()
        html = import_report.report_html(reports[0])
        assert "Waiting for documents" in html and "Trade Policy Paper" in html
        panel = window.set_aside_panel
        assert [panel.model.index(r, 1).data() for r in range(2)] == ["Waiting"] * 2
        assert window.tabs.tabText(3) == "Set Aside (2)"
        doc = import_and_open(qtbot, window, trade_paper)
        drawn = sorted(s.cursor.selectedText() for s in window.doc_view.extraSelections())
        assert drawn == sorted([TRADE, BANKS])
        assert panel.model.rowCount() == 0 and window.tabs.tabText(3) == "Set Aside"
        assert {a.author for a in other.annotations(doc.id)} == {"Ana", "Ben"}
    finally:
        other.close()


def test_orphans_are_listed_first_with_their_reason(annotated, monkeypatch, tmp_path, qtbot):
    collection = export_collection(annotated.library, author="Ana")
    (item,) = collection["first"]["items"]
    item["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    for selector in item["target"]["selector"]:
        if selector["type"] == "TextQuoteSelector":
            selector["exact"] = "A sentence this paper never contained."
    path = tmp_path / "orphan.json"
    path.write_text(json.dumps(collection), encoding="utf-8")
    reports = []
    monkeypatch.setattr(import_report, "show_import_report", lambda p, r: reports.append(r))
    _open(monkeypatch, path)
    annotated.actions.import_shared.trigger()
    (orphan,) = annotated.set_aside_panel.model.rows()
    assert orphan.document_id == annotated.doc.id and orphan.reason
    assert annotated.set_aside_panel.model.index(0, 1).data() == "Not found"
    dlg = ImportReportDialog(reports[0])
    qtbot.addWidget(dlg)
    assert "Not placed (1)" in dlg.text.toPlainText()
    assert "A sentence this paper never contained." in dlg.text.toPlainText()


def test_new_highlights_carry_the_name_from_preferences(
    qtbot, window, library, monkeypatch, trade_paper
):
    monkeypatch.setenv(preferences.AUTHOR_ENV, "Env Name")
    assert preferences.default_author() == "Env Name"
    doc = import_and_open(qtbot, window, trade_paper)
    monkeypatch.setattr(
        preferences,
        "ask_preferences",
        lambda parent, current: preferences.Preferences("Ana Researcher"),
    )
    window.actions.preferences.trigger()
    start = doc.text.index(TRADE)
    window.doc_view.select_span(start, start + len(TRADE))
    window.actions.highlight.trigger()
    assert library.annotations(doc.id)[0].author == "Ana Researcher"
    panel = window.annotations_panel
    assert not panel.shows_authors  # one author: no byline repeating the name
    _annotate(library, doc.id, BANKS, "Ben", [])
    window.refresh_after_merge()
    assert panel.shows_authors
    assert panel.model.index(1, 0).data(CARD_ROLE).byline == "— Ben"
    assert "By: Ben" in panel.model.index(1, 0).data(3)  # the tooltip role


def test_share_dialog_scopes(annotated, qtbot):
    dlg = ShareDialog(annotated.library, annotated.doc.id)
    qtbot.addWidget(dlg)
    assert dlg.count.text() == "2 annotations"
    dlg.set_scope(CHOSEN_DOCS)
    assert dlg.count.text() == "No annotations to share."
    dlg.documents.set_checked([annotated.doc.id])
    assert dlg.choice().documents == [annotated.doc.id]
    assert dlg.count.text() == "2 annotations"


def test_export_dialog_keyboard_enter_exports_escape_cancels(annotated, qtbot):
    for key, result in ((Qt.Key.Key_Return, ACCEPTED), (Qt.Key.Key_Escape, 0)):
        dlg = ExportDialog(annotated.library, parent=annotated)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert dlg.focusWidget() is dlg.format
        qtbot.keyClick(dlg.focusWidget(), key)
        assert dlg.result() == result and not dlg.isVisible()
