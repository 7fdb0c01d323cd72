"""The reader's main flow on a policy paper, in one go, as a researcher does it:
outline click, clause selection, highlight, tag, note, restart, tag pane, undo, find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import import_and_open

from reader.ui import dialogs


def test_outline_clause_highlight_tag_note_restart_undo_find(
    qtbot, make_window, library, paper, policy_paper, monkeypatch
):
    window = make_window()
    doc = import_and_open(qtbot, window, paper)

    # Click the third section of Part IV's second field (e.g. "(3) Financial Cooperation")
    # in the outline: the view is at that heading.
    part4 = window.outline_model.index(4, 0)
    window.outline.expand(part4)
    field2 = window.outline_model.index(1, 0, part4)
    window.outline.expand(field2)
    target = window.outline_model.index(2, 0, field2)
    assert target.data() == f"(3) {policy_paper.section_title}"
    rect = window.outline.visualRect(target)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    node = doc.outline[4].children[1].children[2]
    assert node.start <= window.doc_view.top_offset() < node.end

    # Select the section's first clause with one gesture, and highlight it.
    view = window.doc_view
    inside = doc.text.index(policy_paper.section_opening) + 5
    view.move_caret(inside)
    window.actions.select_clause.trigger()
    clause = next(c for c in doc.clauses if c.start <= inside < c.end)
    assert view.textCursor().selectedText() == doc.text[clause.start : clause.end]
    window.actions.highlight.trigger()
    (ann,) = library.annotations(doc.id)
    assert (ann.start, ann.end) == (clause.start, clause.end)

    # Tag economy/finance and add a note.
    monkeypatch.setattr(dialogs, "ask_tags", lambda parent, ann, known: ["economy/finance"])
    monkeypatch.setattr(dialogs, "ask_note", lambda parent, ann: "CELAC credit lines")
    window.actions.tag.trigger()
    window.actions.note.trigger()
    ann = library.get_annotation(ann.id)
    assert (ann.tags, ann.note) == (["economy/finance"], "CELAC credit lines")

    # Restart the window against the same library: the highlight is drawn again.
    window.close()
    window = make_window()
    window.session.restore_document()
    assert window.doc.id == doc.id
    drawn = [s.cursor.selectedText() for s in window.doc_view.extraSelections()]
    assert drawn == [ann.quote]

    # The tag pane lists the excerpt with its section path.
    window.refresh_tags()
    window.tags_panel.select_tag("economy")
    (excerpt,) = window.tags_panel.excerpt_model.rows()
    assert excerpt.annotation.id == ann.id
    assert excerpt.section_path == policy_paper.section_path

    # Undo (in the restarted window, delete then undo; in the first window the history
    # was the creation): delete, undo brings it back, redo removes it again.
    window.doc_view.select_span(ann.start, ann.end)
    window.actions.delete.trigger()
    assert library.annotations(doc.id) == []
    window.actions.undo.trigger()
    assert [a.id for a in library.annotations(doc.id)] == [ann.id]
    window.actions.redo.trigger()
    assert library.annotations(doc.id) == []
    assert window.doc_view.extraSelections() == []

    # Find in document counts the matches.
    window.actions.find.trigger()
    word = policy_paper.frequent_word
    qtbot.keyClicks(window.find_bar.edit, word)
    expected = window.reading.text.lower().count(word.lower())
    # Searching starts at the caret, so the first match shown is the next one after it.
    assert window.find_bar.count_label.text().endswith(f" of {expected}") and expected > 5
    assert len(window.find_bar.matches) == expected
