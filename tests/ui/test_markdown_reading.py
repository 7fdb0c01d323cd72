"""A Markdown document reads as its rendered page in the window: no markup shown, and
selecting, highlighting, finding and selecting a clause still land on the stored text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import import_and_open

SOURCE = """---
title: Rules on the
  Waters of the Valley
---

## 1. [Chapter One](https://example.org/one)

<span class="u">Sec</span>. <span class="u">1</span>.  <span class="u">Scope</span>.  These
rules cover&#8212;in every valley&#8212;the **rivers** and lakes. [^1] Tariffs will fall.

[^1]: Lakes include reservoirs.
"""


def test_markdown_reads_clean_and_maps_back(qtbot, window, library, tmp_path):
    path = tmp_path / "rivers.md"
    path.write_text(SOURCE, encoding="utf-8")
    doc = import_and_open(qtbot, window, path)
    assert doc.text == SOURCE
    assert doc.title == "Rules on the Waters of the Valley"
    assert [n.display for n in doc.iter_nodes()] == ["1. Chapter One", "Sec. 1. Scope"]
    shown = window.doc_view.toPlainText()
    assert "1. Chapter One" in shown and "Sec. 1. Scope." in shown
    assert "cover\u2014in every valley\u2014the rivers and lakes. \u00b9 Tariffs" in shown
    for mark in ("<span", "**", "&#8212;", "](", "[^1]"):
        assert mark not in shown

    # Find: the match is the clean words; highlighting it stores the source span.
    window.actions.find.trigger()
    qtbot.keyClicks(window.find_bar.edit, "rivers and lakes")
    assert window.find_bar.count_label.text() == "1 of 1"
    view = window.doc_view
    assert view.textCursor().selectedText() == "rivers and lakes"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    start = doc.text.index("rivers** and lakes")
    assert view.selected_span() == (start, start + len("rivers** and lakes"))
    window.actions.highlight.trigger()
    (ann,) = library.annotations(doc.id)
    assert ann.quote == "rivers** and lakes"  # the stored text, markup and all
    assert [s.cursor.selectedText() for s in view.extraSelections()] == ["rivers and lakes"]

    # A clause selected from the caret shows as clean text and maps to the stored one.
    view.move_caret(doc.text.index("Tariffs will") + 3)
    window.actions.select_clause.trigger()
    assert view.textCursor().selectedText() == "Tariffs will fall."
    s, e = view.selected_span()
    assert doc.text[s:e] == "Tariffs will fall."
