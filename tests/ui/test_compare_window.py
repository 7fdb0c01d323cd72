"""The compare window, driven like a user: through the main window's action, the
pair table, clicks in the panes, the Annotate commands and the export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.core.compare.report import comparison_markdown
from reader.ui import dialogs
from reader.ui.compare.diff_paint import ADDED, REMOVED, REWORDED, UNIT, UNMATCHED
from reader.ui.compare.pair_model import COL_SIMILARITY
from reader.ui.importer import import_now

Mode = QAbstractItemModelTester.FailureReportingMode
OLD, NEW = "river-paper-2010.txt", "river-paper-2020.txt"


@pytest.fixture
def editions(library, fixtures_dir):
    """Two editions of a hand-made paper in the library: (old, new) DocumentInfo."""
    folder = fixtures_dir / "compare"
    return import_now(library, folder / OLD), import_now(library, folder / NEW)


@pytest.fixture
def compared(qtbot, window, editions):
    """The compare window opened from the main window with the old edition open."""
    old, _new = editions
    assert window.open_document(old.id)
    window.actions.compare.trigger()
    cw = window.compare_window
    qtbot.waitUntil(lambda: cw.alignment is not None, timeout=10000)
    return cw


def _row(cw, a: str | None, b: str | None):
    """The table row (object) showing unit ``a`` in A and ``b`` in B (displays)."""
    for row in cw.pair_model.rows():
        if (row.a.display if row.a else None, row.b.display if row.b else None) == (a, b):
            return row
    raise AssertionError(f"no row {a!r} / {b!r}")


def _select(cw, row) -> None:
    at = cw.proxy.proxy_row(lambda r: r is row)
    cw.table.setCurrentIndex(cw.proxy.index(at, 0))


def _in_view(view, offset: int) -> bool:
    """True when text ``offset`` is inside the view's viewport."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_to_qt(offset))
    top = view.cursorRect(cursor).top()
    return 0 <= top < view.viewport().height()


def _painted(view) -> list[str]:
    return [s.cursor.selectedText() for s in view.extraSelections()]


def test_action_opens_the_open_document_as_a_and_lists_the_alignment(compared, editions):
    cw = compared
    old, new = editions
    assert cw.isVisible()
    assert cw.document_ids() == (old.id, new.id)
    assert cw.panes["a"].doc.id == old.id and cw.panes["b"].doc.id == new.id
    QAbstractItemModelTester(cw.pair_model, Mode.Fatal)
    QAbstractItemModelTester(cw.proxy, Mode.Fatal)
    rows = cw.pair_model.rows()
    # One row a pair and one a unit without counterpart, nothing else.
    alignment = cw.alignment
    paired = [(r.a.key, r.b.key) for r in rows if r.pair is not None]
    assert sorted(paired) == sorted((p.a.key, p.b.key) for p in alignment.pairs)
    assert [r.a.key for r in rows if r.status == "only A"] == [u.key for u in alignment.only_a]
    assert [r.b.key for r in rows if r.status == "only B"] == [u.key for u in alignment.only_b]
    assert len(rows) == len(alignment.pairs) + len(alignment.only_a) + len(alignment.only_b)
    # What the editions changed: a renamed section, a moved one, one dropped, one new.
    renamed = _row(cw, "(1) Trade", "(1) Trade in Goods and Services")
    assert cw.pair_model.index(rows.index(renamed), 0).data() == "(1) Trade"
    assert _row(cw, "(2) Investment", "(3) Investment").status == "same"
    only_a = _row(cw, "(3) Tourism", None)
    assert cw.pair_model.index(rows.index(only_a), 1).data() == "(only in A)"
    _row(cw, None, "(3) Digital Cooperation")
    # Reading order: A's sections in their order.
    a_starts = [r.a.start for r in rows if r.a is not None]
    assert a_starts == sorted(a_starts)


def test_filter_and_sort(compared):
    cw = compared
    rows = cw.pair_model.rows()
    cw.changed_only.setChecked(True)
    shown = [cw.proxy.row_object(cw.proxy.index(i, 0)) for i in range(cw.proxy.rowCount())]
    assert shown == [r for r in rows if r.status != "same"]
    assert len(shown) < len(rows)
    cw.changed_only.setChecked(False)
    cw.table.sortByColumn(COL_SIMILARITY, Qt.SortOrder.DescendingOrder)
    shown = [cw.proxy.row_object(cw.proxy.index(i, 0)) for i in range(cw.proxy.rowCount())]
    sims = [r.pair.similarity if r.pair else -1.0 for r in shown]
    assert sims == sorted(sims, reverse=True)


def test_selecting_a_pair_scrolls_both_panes_and_paints_the_word_diff(compared):
    cw = compared
    a, b = cw.panes["a"].view, cw.panes["b"].view
    row = _row(cw, "3. Military Exchanges", "3. Military Exchanges and Cooperation")
    _select(cw, row)
    assert cw.shown_row is row
    assert a.verticalScrollBar().value() > 0 and b.verticalScrollBar().value() > 0
    assert _in_view(a, row.a.start) and _in_view(b, row.b.start)
    assert "similarity" in cw.pair_info.text()

    fin = _row(cw, "(3) Financial Cooperation", "(2) Financial Cooperation")
    _select(cw, fin)
    text_a, text_b = cw.panes["a"].doc.text, cw.panes["b"].doc.text
    # "Central banks will open swap lines" became "... will widen swap lines".
    reworded_a = [s for s in a.diff if s.kind == REWORDED]
    reworded_b = [s for s in b.diff if s.kind == REWORDED]
    opened = text_a.index("open swap lines", fin.a.start)
    widened = text_b.index("widen swap lines", fin.b.start)
    assert (opened, opened + 4) in [(s.start, s.end) for s in reworded_a]
    assert (widened, widened + 5) in [(s.start, s.end) for s in reworded_b]
    assert all(fin.a.body_start <= s.start and s.end <= fin.a.end for s in reworded_a)
    assert [(s.start, s.end) for s in a.diff if s.kind == UNIT] == [(fin.a.start, fin.a.end)]
    # Each side paints only its own half; and Qt gets the selections.
    assert not [s for s in a.diff if s.kind == ADDED]
    assert not [s for s in b.diff if s.kind == REMOVED]
    assert "open" in _painted(a) and "widen" in _painted(b)

    dropped = _row(cw, "(3) Tourism", None)
    _select(cw, dropped)
    # No counterpart is no diff: the unit is marked neutrally, nothing struck out.
    assert [(s.kind, s.start, s.end) for s in a.diff] == [
        (UNMATCHED, dropped.a.start, dropped.a.end)
    ]
    assert b.diff == []
    assert not any(s.format.fontStrikeOut() for s in a.extraSelections())
    assert _in_view(a, dropped.a.start)


def test_clicking_in_a_pane_brings_the_other_to_the_counterpart(qtbot, compared):
    cw = compared
    a, b = cw.panes["a"].view, cw.panes["b"].view
    _select(cw, _row(cw, "Preface", "Preface"))
    target = _row(cw, "(2) Investment", "(3) Investment")
    assert not _in_view(b, target.b.start)
    a.scroll_to_offset(target.a.start)
    cursor = QTextCursor(a.document())
    cursor.setPosition(a.offset_to_qt(target.a.body_start + 10))
    qtbot.mouseClick(a.viewport(), Qt.MouseButton.LeftButton, pos=a.cursorRect(cursor).center())
    assert cw.shown_row is target
    assert cw.proxy.row_object(cw.table.currentIndex()) is target
    assert _in_view(b, target.b.start)
    # And the other way round, from B with the keyboard caret.
    back = _row(cw, "(1) Trade", "(1) Trade in Goods and Services")
    b.move_caret(back.b.body_start + 3)
    assert cw.shown_row is back and _in_view(a, back.a.start)


def test_highlight_and_tag_in_pane_b_act_on_document_b(
    qtbot, window, compared, editions, library, monkeypatch
):
    cw = compared
    old, new = editions
    pane = cw.panes["b"]
    quote = "Green bond issues by the commission"
    start = pane.doc.text.index(quote)
    pane.view.select_span(start, start + len(quote))
    cw.annotating.highlight.trigger()
    (ann,) = library.annotations(new.id)
    assert (ann.start, ann.end, ann.quote) == (start, start + len(quote), quote)
    assert library.annotations(old.id) == []
    assert quote in _painted(pane.view)
    counts = {d.id: d.annotations for d in window.library_panel.model.rows()}
    assert counts == {old.id: 0, new.id: 1}  # the main window's list follows

    monkeypatch.setattr(dialogs, "ask_tags", lambda parent, a, known: ["finance/bonds"])
    cw.annotating.tag.trigger()  # the caret is in the new highlight
    assert library.get_annotation(ann.id).tags == ["finance/bonds"]
    assert window.tags_panel.tag_model.index(0, 0).data() == "finance  (1)"
    assert cw.lens.tag.findData("finance/bonds") >= 0

    window.actions.undo.trigger()  # one undo stack for both windows
    assert library.get_annotation(ann.id).tags == []
    cw.annotating.undo.trigger()
    assert library.annotations(new.id) == []
    assert quote not in _painted(pane.view)


def test_panes_redraw_highlights_that_arrive_from_another_process(
    window, compared, editions, library
):
    cw = compared
    old, new = editions
    quotes = {"a": "Naval officers will patrol", "b": "Green bond issues by the commission"}
    # Written by "another process" (a second connection, as a CLI call would be).
    from reader.core.store import Library

    other = Library.open(library.path)
    added = {}
    for side, doc_id in (("a", old.id), ("b", new.id)):
        text = cw.panes[side].doc.text
        start = text.index(quotes[side])
        added[side] = other.add_annotation(
            doc_id, start, start + len(quotes[side]), tags=["security"]
        )
    other.close()

    def painted(side):  # highlights are painted near the viewport only: go there
        pane = cw.panes[side]
        pane.view.move_caret(pane.doc.text.index(quotes[side]))
        return _painted(pane.view)

    for side in "ab":
        assert quotes[side] not in painted(side)
    assert window.check_external_changes()  # the main window's polling
    for side in "ab":
        assert quotes[side] in painted(side)
        assert [a.id for a in cw.panes[side].annotations] == [added[side].id]
    assert cw.lens.tag.findData("security") >= 0  # the lens knows the new tag

    other = Library.open(library.path)
    other.delete_annotation(added["b"].id)
    other.close()
    window.refresh_after_merge()  # as after a shared-file import
    assert quotes["b"] not in painted("b")
    assert quotes["a"] in painted("a")


def test_tag_lens_lists_both_sides_in_outline_order(compared, editions, library):
    cw = compared
    old, new = editions
    quotes = {
        old.id: ["swap lines", "Investors from each state", "seed varieties"],
        new.id: ["seed varieties", "swap lines", "Green bond"],
    }
    for doc_id, words in quotes.items():
        text = library.get_document(doc_id).text
        for i, q in enumerate(words):
            ann = library.add_annotation(doc_id, text.index(q), text.index(q) + len(q))
            library.tag_annotation(ann.id, "economy/money" if i % 2 == 0 else "economy")
    library.tag_annotation(library.add_annotation(old.id, 0, 5).id, "other")
    cw.refresh_lens()
    cw.lens.select_tag("economy")  # sub-tags included
    for side, doc_id in (("a", old.id), ("b", new.id)):
        text = library.get_document(doc_id).text
        rows = cw.lens.models[side].rows()
        expected = sorted(quotes[doc_id], key=text.index)
        assert [e.annotation.quote for e in rows] == expected
        QAbstractItemModelTester(cw.lens.models[side], Mode.Fatal)
    at = cw.lens.models["b"].find_row(lambda e: e.annotation.quote == "seed varieties")
    seed = cw.lens.models["b"].rows()[at]
    assert seed.section_path.endswith("(4) Farming Technology")
    # Clicking an excerpt of B selects it there; A follows to the counterpart.
    index = cw.lens.models["b"].index(at, 0)
    cw.lens.tables["b"].clicked.emit(index)
    b = cw.panes["b"].view
    assert b.selected_span() is None  # caret in it, so its colour shows
    assert b.cursor_offset() == seed.annotation.start
    assert cw.shown_row.b.display == "(4) Farming Technology"
    assert _in_view(cw.panes["a"].view, cw.shown_row.a.start)


def test_export_writes_the_core_report(compared, monkeypatch, tmp_path):
    cw = compared
    asked = []

    def fake(parent, title, start, file_filter):
        asked.append(start)
        return str(tmp_path / "out" / "comparison"), file_filter

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    cw.export_action.trigger()
    written = (tmp_path / "out" / "comparison.md").read_text(encoding="utf-8")
    a, b = cw.panes["a"].doc, cw.panes["b"].doc
    assert written == comparison_markdown(a, b, cw.alignment)
    cw.export_action.trigger()  # the next export starts in the folder used last
    assert asked[1].startswith(str(tmp_path / "out"))


def test_swap_and_remembered_geometry(qtbot, window, compared, editions):
    cw = compared
    old, new = editions
    # Within the offscreen screen (restoring clamps to it) and above the minimum size.
    size = (max(cw.minimumSizeHint().width(), 700), 520)
    cw.resize(*size)
    with qtbot.waitSignal(cw.aligned, timeout=10000):
        cw.swap_button.click()
    assert cw.document_ids() == (new.id, old.id)
    assert cw.panes["a"].doc.id == new.id
    assert _row(cw, "(1) Trade in Goods and Services", "(1) Trade").pair is not None
    cw.close()
    window.compare_window = None
    again = window.open_compare()
    assert (again.width(), again.height()) == size


def test_a_news_report_against_a_paper_lists_its_pairs_before_unmatched_sections(
    policy_paper, news_report
):
    from reader.core.compare.align import align
    from reader.core.importers import load_document
    from reader.ui.compare.pair_model import alignment_rows

    news = load_document(news_report.path)
    paper = load_document(policy_paper.path)
    alignment = align(news, paper)
    rows = alignment_rows(alignment)
    kinds = ["b-only" if r.a is None else "a" for r in rows]
    assert alignment.pairs and alignment.only_b
    # Every row with a news paragraph comes first, in the report's order.
    assert kinds == sorted(kinds, key=lambda k: k == "b-only")
    starts = [r.a.start for r in rows if r.a is not None]
    assert starts == sorted(starts)
    assert [r.b for r in rows if r.a is None] == sorted(alignment.only_b, key=lambda u: u.start)


def test_a_document_is_never_compared_with_itself(qtbot, window, library, fixtures_dir):
    only = import_now(library, fixtures_dir / "compare" / OLD)
    assert window.open_document(only.id)
    window.actions.compare.trigger()
    cw = window.compare_window
    assert cw.document_ids() == (only.id, only.id)  # the one choice on both sides
    assert cw.alignment is None and not cw.aligner.busy
    assert cw.panes["a"].doc.id == only.id and cw.panes["b"].doc is None
    assert "Import a second document" in cw.pair_info.text()
    # With two documents B defaults to the other; choosing A again as B is refused.
    other = import_now(library, fixtures_dir / "compare" / NEW)
    cw.choose(only.id)
    qtbot.waitUntil(lambda: cw.alignment is not None, timeout=10000)
    assert cw.document_ids() == (only.id, other.id)
    cw.combos["b"].setCurrentIndex(cw.combos["b"].findData(only.id))
    assert cw.alignment is None and cw.pair_model.rowCount() == 0
    assert cw.panes["b"].doc is None
    assert "same document" in cw.pair_info.text()


def test_both_texts_open_at_their_start(qtbot, compared, editions):
    cw = compared
    cw.show()
    qtbot.waitExposed(cw)
    for pane in cw.panes.values():
        qtbot.waitUntil(lambda pane=pane: pane.view.isVisible())
        assert pane.view.textCursor().position() == 0
        assert _in_view(pane.view, 0)
        assert pane.view.verticalScrollBar().value() < pane.view.viewport().height() // 4
    # A document chosen later opens at its start too.
    old, new = editions
    cw.choose(new.id, old.id)
    qtbot.waitUntil(lambda: cw.alignment is not None, timeout=10000)
    for pane in cw.panes.values():
        assert _in_view(pane.view, 0) and pane.view.textCursor().position() == 0


def test_a_paper_against_a_news_report_lists_the_pairs_first(policy_paper, news_report):
    from reader.core.compare.align import align
    from reader.core.importers import load_document
    from reader.ui.compare.pair_model import alignment_rows

    paper = load_document(policy_paper.path)
    news = load_document(news_report.path)
    alignment = align(paper, news)
    rows = alignment_rows(alignment)
    assert alignment.pairs and alignment.only_a
    assert len(rows) == len(alignment.pairs) + len(alignment.only_a) + len(alignment.only_b)
    # The news paragraphs (pairs or not) come first, in the report's order; then the
    # paper's unmatched sections in the paper's order.
    kinds = ["a-only" if r.b is None else "b" for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k == "a-only")
    assert rows[0].pair is not None
    starts = [r.b.start for r in rows if r.b is not None]
    assert starts == sorted(starts)
    assert [r.a for r in rows if r.b is None] == sorted(alignment.only_a, key=lambda u: u.start)


def test_documents_with_one_title_are_told_apart(qtbot, window, library, tmp_path):
    from reader.core.importers import parse_bytes
    from tests.core.pdf_fixtures import PAPER, make_pdf

    title = "Regional Trade Paper"
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(PAPER, title=title))
    text = tmp_path / "paper-edition.txt"
    text.write_text(f"{title}\n\nPart I Overview\n\nThe parties will trade.\n", encoding="utf-8")
    assert parse_bytes(pdf.read_bytes(), "pdf", "paper.pdf").title == title
    docs = [import_now(library, pdf), import_now(library, text)]
    assert window.open_document(docs[0].id)
    window.actions.compare.trigger()
    cw = window.compare_window
    qtbot.waitUntil(lambda: cw.alignment is not None, timeout=10000)
    combo = cw.combos["a"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert len(set(labels)) == 2
    assert labels[combo.findData(docs[0].id)].startswith("PDF · ")
    assert labels[combo.findData(docs[1].id)].startswith("TXT · ")
    tips = [combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())]
    assert any("paper.pdf" in t for t in tips) and any("paper-edition.txt" in t for t in tips)
    captions = [pane.caption.toolTip() for pane in cw.panes.values()]
    assert captions[0] != captions[1]
    assert "paper.pdf" in captions[0] and "paper-edition.txt" in captions[1]


def test_the_window_fits_the_screen_with_its_export_button(compared):
    room = compared.screen().availableGeometry()
    assert compared.width() <= room.width() and compared.height() <= room.height()
    # At 1280x800 (the smallest screen the app is made for) every control is inside.
    compared.resize(1280, 760)
    QApplication.processEvents()
    button = compared.export_button
    right = button.mapTo(compared, button.rect().topRight()).x()
    assert button.isVisible() and right < compared.width()
    assert compared.minimumSizeHint().width() <= 1280
