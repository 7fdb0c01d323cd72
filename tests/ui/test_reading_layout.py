"""The reading view lays out only what is shown, and works on the whole document:
scrolling to any offset, selecting, clause selection, hit testing, hidden furniture."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from reader.core.importers import parse_text
from reader.core.reading import build_reading_view
from reader.ui.document_view import DocumentView
from reader.ui.reading_layout import KEEP_LAID_OUT


def long_text(parts: int = 40, paragraphs: int = 60) -> str:
    out = ["A Long Paper\n\n2020/01/02\n\n"]
    for p in range(1, parts + 1):
        out.append(f"Part {p} Matters Of Part {p}\n\n")
        for k in range(paragraphs):
            out.append(f"Paragraph {k} of part {p} says one thing. It then says another. " * 3)
            out.append("\n\n")
    return "".join(out)


def shown(qtbot, text: str) -> DocumentView:
    doc = parse_text(text, filename="long.txt")
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.painted, timeout=5000):
        view.load(doc, build_reading_view(doc))
    return view


def test_only_what_is_on_screen_is_laid_out(qtbot):
    view = shown(qtbot, long_text())
    blocks = view.document().blockCount()
    assert blocks > 2000
    assert 0 < view._layout.laid_out() < 60


def test_scrolling_anywhere_shows_that_place_and_memory_stays_bounded(qtbot):
    view = shown(qtbot, long_text())
    doc = view.doc
    for node in doc.outline[::3] + doc.outline[::-5]:
        view.scroll_to_offset(node.start, margin=0)
        qtbot.wait(1)
        assert node.start <= view.top_offset() < node.end
        assert view._layout.laid_out() <= KEEP_LAID_OUT
    last = doc.outline[-1]
    view.scroll_to_offset(last.start, margin=0)
    assert view.top_offset() == last.start


def test_selection_clauses_and_hits_work_far_into_the_document(qtbot):
    view = shown(qtbot, long_text())
    text = view.doc.text
    start = text.index("Paragraph 7 of part 39")
    view.select_span(start, start + 40)
    assert view.selected_span() == (start, start + 40)
    assert view.textCursor().selectedText() == text[start : start + 40]
    view.move_caret(start + 5)
    assert view.select_clause()
    s, e = view.selected_span()
    assert text[s:e].startswith("Paragraph 7 of part 39 says one thing.")
    # What is under a point of the viewport maps back to the text there.
    view.scroll_to_offset(start, margin=0)
    view.move_caret(start + 5)
    point = view.cursorRect(view.textCursor()).center()
    hit = view.qt_to_offset(view.cursorForPosition(QPoint(point.x(), point.y())).position())
    assert abs(hit - (start + 5)) <= 1


def test_hidden_furniture_takes_no_space(qtbot, paper):
    view = shown(qtbot, paper.read_text(encoding="utf-8"))
    furniture = [i for i, rb in enumerate(view.view.blocks) if rb.kind == "furniture"]
    assert furniture
    layout = view.document().documentLayout()
    tall = layout.documentSize().height()
    view.set_furniture_visible(False)
    layout = view.document().documentLayout()
    assert layout.documentSize().height() < tall
    assert all(not view.document().findBlockByNumber(i).isVisible() for i in furniture)


def test_freed_memory_goes_back_where_the_platform_allows(qtbot):
    import platform
    import sys

    from reader.ui.memory import map_large_blocks, release_freed_memory

    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_freed_memory() is glibc
    assert map_large_blocks() is glibc  # a long text's blocks are mapped, not in the heap
    view = shown(qtbot, long_text(parts=3))
    view.load(view.doc, view.view)  # a reload schedules the release after the old one goes
    qtbot.wait(700)
    assert view.document().characterCount() > 1000


def test_a_word_longer_than_the_column_wraps_instead_of_running_off_the_edge(qtbot):
    # A reference list's URL (NIST SP 800-223 cites one of 150 characters) has no
    # space to break at: it must break anywhere rather than be cut off at the right.
    url = "https://en.wikipedia.org/wiki/Omni-Path#:~:text=" + "Omni%2DPath%20" * 20
    view = shown(qtbot, f"A Paper\n\nSee {url} for more.\n\nThe end of it.\n")
    block = view.document().findBlock(view.document().toPlainText().index("See"))
    layout = view._layout._lay_out(block)
    assert layout.lineCount() > 1
    width = view._layout._width
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        assert line.x() + line.naturalTextWidth() <= width + 1
