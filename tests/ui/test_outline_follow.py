"""The outline beside the text: while the reader scrolls (wheel, held Page Down) its
current section and the status bar's page follow at once, not only once scrolling
stops; a title the pane cuts short is there whole in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip
from ui_helpers import focus, import_and_open

from reader.ui.document_view import SCROLL_TELL_MS
from tests.core.pdf_fixtures import text_pdf

SECTIONS = 16


@pytest.fixture
def long_pdf(qtbot, window, tmp_path):
    """A paged document of about ten pages, one numbered section in each."""
    path = tmp_path / "long.pdf"
    text = "\n\n".join(
        f"{n}. Section {n}\n\n"
        + "\n\n".join(" ".join([f"Clause {n}.{k} binds the parties."] * 12) for k in range(6))
        for n in range(1, SECTIONS + 1)
    )
    path.write_bytes(text_pdf(text))
    doc = import_and_open(qtbot, window, path)
    assert len(doc.pages) >= 8 and len(doc.outline) >= SECTIONS - 1
    window.doc_view.scroll_to_offset(0)
    qtbot.waitUntil(lambda: window.page_indicator.text() == f"Page 1 of {len(doc.pages)}")
    return doc


def _wheel(widget, notches: int) -> None:
    """Turn the mouse wheel ``notches`` down over ``widget`` (one event, as a fast flick)."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos, widget.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def _told(window, doc) -> tuple[str, str | None]:
    """What the window says is being read: the page label and the outline's section."""
    return window.page_indicator.text(), window.outline.currentIndex().data()


def _truth(window, doc) -> tuple[str, str | None]:
    """What is at the top of the reading view."""
    top = window.doc_view.top_offset()
    index = window.outline_model.index_for_offset(top)
    return f"Page {doc.page_at(top)} of {len(doc.pages)}", index.data() if index.isValid() else None


def test_a_wheel_turn_moves_page_and_section_at_once(qtbot, window, long_pdf):
    doc = long_pdf
    view = window.doc_view
    view.scroll_to_offset(doc.pages[1] - 300)  # a few lines above page 2
    qtbot.wait(3 * SCROLL_TELL_MS)  # that scroll told, and the reader pausing
    assert _told(window, doc) == _truth(window, doc)
    assert window.page_indicator.text() == f"Page 1 of {len(doc.pages)}"
    _wheel(view.viewport(), 3)
    # No wait: the first step of a scroll is told as it happens.
    assert _told(window, doc) == _truth(window, doc)
    assert window.page_indicator.text() == f"Page 2 of {len(doc.pages)}"


def test_page_and_section_follow_a_held_page_down(qtbot, window, long_pdf):
    doc = long_pdf
    view = window.doc_view
    focus(qtbot, window, view)
    seen = []
    for _ in range(30):  # as a key held down repeats, without a pause to settle
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        qtbot.wait(10)
        seen.append(_told(window, doc))
    # Followed on the way, not only once the key is let go.
    assert len({page for page, _section in seen[:15]}) >= 2
    assert len({section for _page, section in seen[:15]}) >= 2
    qtbot.waitUntil(lambda: _told(window, doc) == _truth(window, doc))
    assert seen[-1][0] != seen[0][0]


def test_a_cut_title_is_whole_in_its_tooltip_with_its_page(qtbot, window, tmp_path):
    title = "Cooperation on Customs and Quality Inspection Between the Two Sides of the Pacific"
    path = tmp_path / "customs.pdf"
    path.write_bytes(text_pdf(f"1. Trade\n\nThe parties trade.\n\n2. {title}\n\nThey inspect."))
    import_and_open(qtbot, window, path)
    outline = window.outline
    index = window.outline_model.index(1, 0)
    assert index.data() == f"2. {title}"
    rect = outline.visualRect(index)
    assert outline.fontMetrics().horizontalAdvance(index.data()) > outline.viewport().width()
    at = rect.center()
    QApplication.sendEvent(
        outline.viewport(),
        QHelpEvent(QHelpEvent.Type.ToolTip, at, outline.viewport().mapToGlobal(at)),
    )
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"2. {title}\np. 1"
    QToolTip.hideText()


def test_the_mark_opens_branches_and_closes_those_it_opened_for_a_section_left(
    qtbot, window, paper
):
    doc = import_and_open(qtbot, window, paper)
    outline, model = window.outline, window.outline_model
    field = model.index(1, 0, model.index(4, 0))  # Part IV > 2. In the Economic Field
    node = doc.outline[4].children[1]
    assert field.data() == node.display and not outline.isExpanded(field)
    view = window.doc_view
    view.scroll_to_offset(node.children[2].start)  # (3) in it
    qtbot.waitUntil(lambda: outline.currentIndex() == model.index(2, 0, field))
    assert outline.isExpanded(field)  # opened to show the section read
    after = model.index(2, 0, model.index(4, 0))  # 3. In the Social Aspects
    view.scroll_to_offset(doc.outline[4].children[2].start)
    qtbot.waitUntil(lambda: outline.currentIndex() == after)
    assert not outline.isExpanded(field)  # opened by the mark only: closed again
    # A branch the reader opens stays open when the mark moves on.
    outline.expand(field)
    view.scroll_to_offset(node.children[1].start)
    qtbot.waitUntil(lambda: outline.currentIndex() == model.index(1, 0, field))
    view.scroll_to_offset(doc.outline[4].children[2].start)
    qtbot.waitUntil(lambda: outline.currentIndex() == after)
    assert outline.isExpanded(field)
