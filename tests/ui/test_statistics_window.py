"""Analysis > Tag Statistics, opened through its action: tables, heat map, excerpts, CSV."""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog
from ui_helpers import import_and_open

from reader.ui.statistics.table_model import OBJECT_ROLE
from reader.ui.statistics.window import TAB_COOCCURRENCE, TAB_SECTIONS, TAB_TAGS

Mode = QAbstractItemModelTester.FailureReportingMode
HIGHLIGHTS = [
    ("Trade frictions will be handled properly.", ["economy/trade", "conflict"], "Ana"),
    ("frictions will be handled", ["conflict"], "Ben"),
    ("Tariffs will fall over time.", ["economy/trade"], "Ben"),
    ("Banks will cooperate.", ["economy/finance"], "Ana"),
]


@pytest.fixture
def stats(qtbot, window, library, trade_paper):
    """The trade paper with four tagged highlights, and the statistics window open."""
    doc = import_and_open(qtbot, window, trade_paper)
    text = library.document_text(doc.id)
    ids = {}
    for quote, tags, author in HIGHLIGHTS:
        start = text.index(quote)
        ann = library.add_annotation(doc.id, start, start + len(quote), author=author, tags=tags)
        ids[quote] = ann.id
    window.refresh_after_merge()
    window.actions.statistics.trigger()
    sw = window.statistics_window
    qtbot.waitExposed(sw)
    for model in (sw.tag_model, sw.heat_model, sw.section_model, sw.excerpt_model):
        QAbstractItemModelTester(model, Mode.Fatal)
    sw.ids = ids
    return sw


def _column(view, col: int) -> list[str]:
    model = view.model()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def _listed(sw) -> list[str]:
    return [e.annotation.quote for e in sw.excerpt_model.rows()]


def test_action_opens_the_window_with_the_tag_table(stats, window):
    assert window.actions.statistics.shortcut().toString() == "Ctrl+Shift+T"
    assert "Analysis" in [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert _column(stats.tag_view, 0) == [
        "conflict",
        "economy",
        "economy/finance",
        "economy/trade",
    ]
    row = [stats.tag_view.model().index(1, c).data() for c in range(9)]
    # economy: 3 excerpts, 41 + 28 + 21 characters, 3 of 8 clauses, by both authors.
    assert row == ["economy", "all", "3", "0", "90", "3/8", "37.5%", "1", "Ana, Ben"]


def test_columns_sort_by_number_not_text(stats):
    view = stats.tag_view
    view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # characters: 90, 69, 41, 21
    assert _column(view, 4) == ["90", "69", "41", "21"]
    view.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # share
    assert _column(view, 6)[0] == "12.5%"


def test_clicking_a_row_lists_its_excerpts_and_double_click_opens_one(qtbot, stats, window):
    view = stats.tag_view
    index = view.model().index(0, 0)  # conflict
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert _listed(stats) == [HIGHLIGHTS[0][0], HIGHLIGHTS[1][0]]
    assert stats.excerpt_model.rows()[0].section_path.endswith("(1) Trade")
    stats.per_document.setChecked(True)
    assert _column(view, 1)[0] == "Trade Policy Paper"
    second = stats.excerpt_model.index(1, 0)
    stats.excerpt_view.doubleClicked.emit(second)
    assert window.current_annotation().id == stats.ids[HIGHLIGHTS[1][0]]


def test_clicking_a_heat_map_cell_lists_the_excerpts_behind_it(qtbot, stats):
    stats.tabs.setCurrentIndex(TAB_COOCCURRENCE)
    model = stats.heat_model
    assert model.matrix.tags == ["conflict", "economy/finance", "economy/trade"]
    cell = model.index(0, 2)  # conflict x economy/trade
    assert cell.data() == "2"  # one highlight carries both; it overlaps a conflict one
    view = stats.heat_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(cell).center())
    assert _listed(stats) == [HIGHLIGHTS[0][0], HIGHLIGHTS[1][0]]
    assert "meet 2 time(s)" in stats.excerpt_title.text()
    stats.depth.setCurrentIndex(1)  # rolled up to level 1
    assert model.matrix.tags == ["conflict", "economy"]
    assert model.index(1, 1).data() == "3"  # the diagonal: economy's excerpts
    assert stats.legend.maximum == 2


def test_sections_tab_and_csv_export_of_the_table_on_show(qtbot, stats, tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "CSV (*.csv)"))
    stats.tag_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    stats.tabs.setCurrentIndex(TAB_TAGS)
    stats.export_csv()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["tag"], r["excerpts"]) for r in rows][0] == ("economy", "3")
    assert {r["tag"] for r in rows} == {"conflict", "economy", "economy/finance", "economy/trade"}

    stats.tabs.setCurrentIndex(TAB_COOCCURRENCE)
    stats.export_csv()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "tag,conflict,economy/finance,economy/trade"
    assert lines[1] == "conflict,2,0,2"

    stats.tabs.setCurrentIndex(TAB_SECTIONS)
    sections = [stats.section_view.model().index(r, 0).data(OBJECT_ROLE) for r in range(3)]
    assert sections[0].section.path == "Part I Economy"
    assert sections[0].counts["economy"] == 3
    stats.export_csv()
    assert "Part I > 1. In the Economic Field > (1) Trade" in target.read_text(encoding="utf-8")


def test_refreshes_when_the_library_changes_and_remembers_geometry(qtbot, stats, window, library):
    doc_id = window.doc.id
    text = library.document_text(doc_id)
    quote = "Students will travel."
    start = text.index(quote)
    library.add_annotation(doc_id, start, start + len(quote), tags=["culture"])
    window.refresh_after_merge()
    qtbot.waitUntil(lambda: "culture" in _column(stats.tag_view, 0), timeout=3000)
    stats.resize(900, 600)
    stats.close()
    assert window.settings.bytes("statistics/geometry") is not None


def test_explains_empty_tables_when_nothing_is_tagged(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    text = library.document_text(doc.id)
    quote = "Banks will cooperate."
    start = text.index(quote)
    library.add_annotation(doc.id, start, start + len(quote))  # highlighted, not tagged
    window.refresh_after_merge()
    window.actions.statistics.trigger()
    sw = window.statistics_window
    qtbot.waitExposed(sw)
    assert sw.tag_model.rowCount() == 0
    assert sw.hint.isVisible() and "No highlight in these documents carries a tag" in (
        sw.hint.text()
    )
    library.add_annotation(doc.id, start, start + len(quote), tags=["economy"])
    window.refresh_after_merge()
    qtbot.waitUntil(lambda: sw.tag_model.rowCount() > 0, timeout=3000)
    assert not sw.hint.isVisible()


def test_same_title_documents_are_told_apart(qtbot, stats, window, library, trade_paper, tmp_path):
    other = tmp_path / "second-edition.txt"
    other.write_text(trade_paper.read_text(encoding="utf-8") + "\nA closing line.\n")
    doc = import_and_open(qtbot, window, other)
    quote = "Banks will cooperate."
    start = library.document_text(doc.id).index(quote)
    library.add_annotation(doc.id, start, start + len(quote), tags=["economy/finance"])
    stats.refresh()
    names = sorted(stats.documents.item(i).text() for i in range(stats.documents.count()))
    assert names == [
        "Trade Policy Paper (second-edition.txt)",
        "Trade Policy Paper (trade-policy-paper.txt)",
    ]
    stats.per_document.setChecked(True)
    assert set(_column(stats.tag_view, 1)) == set(names)
    sections = stats.section_model
    assert {sections.index(r, 0).data() for r in range(sections.rowCount())} == set(names)


def test_closing_the_main_window_closes_the_statistics_before_the_library_goes(
    qtbot, make_window, tmp_path, trade_paper
):
    from reader.core.store import Library

    lib = Library.open(tmp_path / "own.db")
    main = make_window(lib)
    import_and_open(qtbot, main, trade_paper)
    main.actions.statistics.trigger()
    sw = main.statistics_window
    qtbot.waitExposed(sw)
    main.context.tagsChanged.emit()  # a refresh is now due in a moment
    main.close()
    assert not sw.isVisible()  # closed with the main window
    lib.close()  # as the app does once the main window has closed
    qtbot.wait(500)  # a refresh left pending would now read a closed library and fail
