"""The window through a user's actions: import, open, navigate, remember, errors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from ui_helpers import import_and_open

from reader.ui.checklists import CheckList
from reader.ui.context import AppContext
from reader.ui.main_window import MainWindow
from reader.ui.settings import ini_settings


def test_first_run_opens_the_guide(window):
    window.session.restore_document()
    assert window.doc is not None
    assert window.doc.title == "A Short Guide to Policy Reader"
    titles = [
        window.outline_model.index(r, 0).data() for r in range(window.outline_model.rowCount())
    ]
    assert titles[:3] == [
        "Preface",
        "Part I Reading a Document",
        "Part II Highlighting and Tagging",
    ]
    assert window.library_panel.model.rowCount() == 1


def test_import_lists_and_opens_document(qtbot, window, paper, policy_paper):
    doc = import_and_open(qtbot, window, paper)
    assert doc.title == policy_paper.title
    assert window.library_panel.model.rows()[0].title == doc.title
    assert window.doc_view.toPlainText() == window.reading.text
    assert window.outline_model.rowCount() == len(doc.outline)


def test_clicking_outline_node_scrolls_reading_view(qtbot, window, paper, policy_paper):
    doc = import_and_open(qtbot, window, paper)
    part4 = window.outline_model.index(4, 0)
    window.outline.expand(part4)
    target = window.outline_model.index(2, 0, part4)  # 3. In the Social ...
    rect = window.outline.visualRect(target)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    node = doc.outline[4].children[2]
    assert window.doc_view.verticalScrollBar().value() > 0
    assert node.start <= window.doc_view.top_offset() < node.end
    # Scrolling marks the section read in the outline.
    with qtbot.waitSignal(window.doc_view.topOffsetChanged, timeout=2000):
        window.doc_view.scroll_to_offset(doc.outline[4].children[1].children[2].start)
    assert window.outline.currentIndex().data() == f"(3) {policy_paper.section_title}"


def test_unsupported_file_is_a_message_not_a_crash(qtbot, window, tmp_path):
    bad = tmp_path / "notes.pdfx"
    bad.write_text("whatever")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00")  # a BOM and half a character
    with qtbot.waitSignal(window.importer.finished, timeout=10000):
        window.import_files([str(bad), str(broken)])
    assert any("unsupported file type" in e for e in window.errors)
    assert window.doc is None or window.doc.filename != "notes.pdfx"


def test_restart_remembers_document_position_and_view(qtbot, make_window, library, paper):
    window = make_window()
    doc = import_and_open(qtbot, window, paper)
    target = doc.outline[4].children[1].start
    window.doc_view.scroll_to_offset(target)
    window.zoom_in()
    window.splitter.setSizes([300, 600, 380])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window()
    again.session.restore_document()
    assert again.doc is not None and again.doc.id == doc.id
    assert abs(again.doc_view.top_offset() - target) < 200
    assert again.doc_view.zoom == 1
    assert again.splitter.sizes() == sizes


def test_settings_are_injected(tmp_path, library, qtbot):
    path = tmp_path / "s.ini"
    w = MainWindow(AppContext(library, ini_settings(path)))
    qtbot.addWidget(w)
    w.close()
    assert path.exists() and "geometry" in path.read_text()


def test_zoom_and_furniture_toggle(qtbot, window, paper):
    import_and_open(qtbot, window, paper)
    size = window.doc_view.document().defaultFont().pointSizeF()
    window.actions.zoom_in.trigger()
    assert window.doc_view.document().defaultFont().pointSizeF() > size
    window.actions.zoom_reset.trigger()
    assert window.doc_view.document().defaultFont().pointSizeF() == size
    furniture = [i for i, b in enumerate(window.reading.blocks) if b.kind == "furniture"]
    assert window.doc_view.document().findBlockByNumber(furniture[0]).isVisible()
    window.actions.furniture.trigger()  # hide
    assert not window.doc_view.document().findBlockByNumber(furniture[0]).isVisible()
    assert window.doc_view.toPlainText() == window.reading.text  # offsets unchanged


def test_theme_switch(qtbot, window):
    window.actions.themes["dark"].trigger()
    assert window.theme.mode == "dark" and window.doc_view.dark
    # An unchecked box in a list (Export, Share) can be seen on the dark base: its
    # outline stands out (Fusion's own was the window colour, darker: invisible).
    checks = CheckList([("Ana", "Ana")])
    qtbot.addWidget(checks)
    checks.show()
    image = checks.grab().toImage()
    base = checks.palette().color(QPalette.ColorRole.Base).lightness()
    row = checks.visualItemRect(checks.item(0))
    brightest = max(
        image.pixelColor(x, y).lightness()
        for x in range(row.left(), row.left() + 20)  # the box, not the name after it
        for y in range(row.top(), row.bottom())
    )
    assert brightest - base > 60
    window.actions.themes["light"].trigger()
    assert not window.doc_view.dark


def test_restart_remembers_how_each_list_is_sorted(qtbot, make_window):
    """The Sort by choice of the library, highlights, excerpts and search lists is kept
    between runs, as the window's layout is."""
    window = make_window()
    lists = [
        window.library_panel.cards,
        window.annotations_panel.cards,
        window.tags_panel.excerpt_cards,
        window.search_panel.cards,
    ]
    chosen = []
    for cards in lists:
        last = cards.sort_box.count() - 1  # not the default, which is the first
        cards.sort_box.setCurrentIndex(last)
        chosen.append(cards.sort_box.currentText())
    window.close()
    again = make_window()
    assert [
        c.sort_box.currentText()
        for c in (
            again.library_panel.cards,
            again.annotations_panel.cards,
            again.tags_panel.excerpt_cards,
            again.search_panel.cards,
        )
    ] == chosen
