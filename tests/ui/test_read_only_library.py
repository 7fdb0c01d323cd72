"""A read-only library in the window (issue 18, case 8): it opens, documents read and
search, the status bar says it is read-only and why, and a highlight is refused with
that reason instead of being lost."""

from __future__ import annotations

import os

import pytest
from ui_helpers import import_and_open

from reader.core.store import Library

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
QUOTE = "Trade frictions will be handled properly."


def test_a_read_only_library_reads_and_says_why_it_cannot_change(
    qtbot, make_window, library, trade_paper
):
    window = make_window()
    doc = import_and_open(qtbot, window, trade_paper)
    window.close()
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.path.chmod(0o444)
    try:
        read_only = Library.open(library.path)
        try:
            window = make_window(read_only)
            assert window.read_only_label.text() == "Read-only library (the file is read-only)"
            assert window.open_document(doc.id)
            start = window.doc.text.index(QUOTE)
            window.doc_view.select_span(start, start + len(QUOTE))
            window.actions.highlight.trigger()
            assert read_only.annotations(doc.id) == []
            assert "open read-only (the file is read-only)" in window.errors[-1]
            window.close()
        finally:
            read_only.close()
    finally:
        library.path.chmod(0o644)
