"""Code points (the core) vs UTF-16 positions (Qt): the one adapter, on astral text."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from reader.core.importers import parse_text
from reader.core.reading import build_reading_view
from reader.ui.offsets import OffsetMap

ASTRAL = "Part I 🌍 Aims\n\nThe 𠀀𠀁 clause 😀 here. Next clause is plain.\n"


def test_bmp_text_is_identity():
    m = OffsetMap("plain text, ünïcode but BMP 中文")
    assert m.identity
    assert m.to_qt(7) == 7 and m.from_qt(7) == 7


def test_astral_round_trip_matches_qt():
    text = "a😀b𠀀𠀁c"
    m = OffsetMap(text)
    doc = QTextDocument()
    doc.setPlainText(text)
    assert doc.characterCount() - 1 == m.to_qt(len(text))
    for i, ch in enumerate(text):
        q = m.to_qt(i)
        assert m.from_qt(q) == i
        assert doc.characterAt(q) == ch[0] or ord(ch) > 0xFFFF
    # The middle of a surrogate pair snaps back to the character.
    assert m.from_qt(m.to_qt(1) + 1) == 1


def test_selection_in_view_maps_to_exact_source_span(qtbot):
    from reader.ui.document_view import DocumentView

    doc = parse_text(ASTRAL, filename="astral.txt")
    view = DocumentView()
    qtbot.addWidget(view)
    view.load(doc, build_reading_view(doc))
    start = doc.text.index("clause 😀")
    end = start + len("clause 😀")
    view.select_span(start, end)
    assert view.textCursor().selectedText() == "clause 😀"
    assert view.selected_span() == (start, end)
    # Highlights land on the same characters.
    from reader.core.library_model import Annotation

    ann = Annotation("x", doc.id, start, end, "", "", "", "yellow", "", None, "", "")
    view.set_annotations([ann])
    (sel,) = view.extraSelections()
    assert sel.cursor.selectedText() == "clause 😀"
