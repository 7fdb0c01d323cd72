"""Highlighting, tagging, notes and undo/redo, driven through the window's actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import import_and_open

from reader.ui import dialogs

QUOTE = "Trade frictions will be handled properly."


def _select(window, text: str) -> tuple[int, int]:
    start = window.doc.text.index(text)
    window.doc_view.select_span(start, start + len(text))
    return start, start + len(text)


def _drawn(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.doc_view.extraSelections()]


def test_highlight_undo_redo_and_restart(qtbot, make_window, library, trade_paper):
    window = make_window()
    doc = import_and_open(qtbot, window, trade_paper)
    start, end = _select(window, QUOTE)
    window.actions.highlight.trigger()
    (ann,) = library.annotations(doc.id)
    assert (ann.start, ann.end, ann.quote, ann.color) == (start, end, QUOTE, "yellow")
    assert _drawn(window) == [QUOTE]
    assert window.annotations_panel.model.rowCount() == 1
    assert window.library_panel.model.rows()[0].annotations == 1

    window.actions.undo.trigger()
    assert library.annotations(doc.id) == []
    assert _drawn(window) == []
    window.actions.redo.trigger()
    assert [a.id for a in library.annotations(doc.id)] == [ann.id]  # same annotation back
    assert _drawn(window) == [QUOTE]

    window.close()
    again = make_window()
    again.session.restore_document()
    assert _drawn(again) == [QUOTE]


def test_colour_shortcut_highlights_then_recolours(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    _select(window, QUOTE)
    window.actions.colors[1].trigger()  # Ctrl+2: green
    (ann,) = library.annotations(doc.id)
    assert ann.color == "green"
    assert window.current_annotation().id == ann.id  # the caret is in it
    window.actions.colors[2].trigger()  # Ctrl+3 on the highlight: recolour
    assert library.get_annotation(ann.id).color == "blue"
    window.actions.undo.trigger()
    assert library.get_annotation(ann.id).color == "green"


def test_tags_and_note_with_undo(qtbot, window, library, trade_paper, monkeypatch):
    doc = import_and_open(qtbot, window, trade_paper)
    _select(window, QUOTE)
    window.actions.highlight.trigger()
    offered = []

    def fake_tags(parent, ann, known):
        offered.append(known)
        return ["economy/trade", "frictions"]

    monkeypatch.setattr(dialogs, "ask_tags", fake_tags)
    monkeypatch.setattr(dialogs, "ask_note", lambda parent, ann: "Compare with 2008.")
    window.actions.tag.trigger()
    (ann,) = library.annotations(doc.id)
    assert ann.tags == ["economy/trade", "frictions"]
    window.actions.note.trigger()
    assert library.get_annotation(ann.id).note == "Compare with 2008."
    # The tags pane counts them; the tag's excerpts list the highlight with its section.
    tag_model = window.tags_panel.tag_model
    assert tag_model.index(0, 0).data() == "economy  (1)"
    window.tags_panel.select_tag("economy")
    (excerpt,) = window.tags_panel.excerpt_model.rows()
    assert excerpt.annotation.id == ann.id and excerpt.section_path.endswith("(1) Trade")
    # Completion offers existing tags, most used first.
    monkeypatch.setattr(dialogs, "ask_tags", fake_tags)
    window.actions.tag.trigger()
    assert offered[-1][:2] == ["economy/trade", "frictions"]
    # Undo: note, then both tags in one step.
    window.actions.undo.trigger()
    assert library.get_annotation(ann.id).note == ""
    window.actions.undo.trigger()
    assert library.get_annotation(ann.id).tags == []
    window.actions.redo.trigger()
    assert library.get_annotation(ann.id).tags == ["economy/trade", "frictions"]


def test_delete_and_undelete(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    _select(window, QUOTE)
    window.actions.highlight.trigger()
    window.actions.delete.trigger()
    assert library.annotations(doc.id) == []
    window.actions.undo.trigger()
    assert len(library.annotations(doc.id)) == 1


def test_select_clause_by_shortcut_and_alt_click(qtbot, window, library, trade_paper):
    doc = import_and_open(qtbot, window, trade_paper)
    view = window.doc_view
    inside = doc.text.index("Tariffs will") + 3
    view.move_caret(inside)
    window.actions.select_clause.trigger()
    assert view.textCursor().selectedText() == "Tariffs will fall over time."
    # Alt+click on another clause.
    cursor = view.textCursor()
    cursor.setPosition(view.offset_to_qt(doc.text.index("Banks will") + 2))
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, point
    )
    assert view.textCursor().selectedText() == "Banks will cooperate."
    window.actions.highlight.trigger()
    assert library.annotations(doc.id)[0].quote == "Banks will cooperate."


def test_clicking_annotation_in_panel_scrolls_to_it(qtbot, window, library, paper, policy_paper):
    doc = import_and_open(qtbot, window, paper)
    quote = policy_paper.sentence
    far = doc.text.rindex("cooperation")
    # Added by "another process" (a second connection, as a CLI call would be).
    from reader.core.store import Library

    other = Library.open(library.path)
    other.add_annotation(doc.id, far, far + len("cooperation"))
    other.close()
    assert window.check_external_changes()
    assert not window.check_external_changes()  # nothing new since
    _select(window, quote)
    window.actions.highlight.trigger()
    panel = window.annotations_panel
    assert [a.start for a in panel.model.rows()] == sorted(a.start for a in panel.model.rows())
    rect = panel.view.visualRect(panel.model.index(1, 0))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_annotation().start == far
    assert window.doc_view.verticalScrollBar().value() > 0
    assert view_contains(window.doc_view, window.doc_view.offset_to_qt(far))


def view_contains(view, qt_pos: int) -> bool:
    cursor = view.textCursor()
    cursor.setPosition(qt_pos)
    return view.viewport().rect().contains(view.cursorRect(cursor).center())


def test_context_menu_has_annotation_actions(window):
    actions = [a for a in window.doc_view.context_actions if a is not None]
    assert window.actions.highlight in actions and window.actions.tag in actions
