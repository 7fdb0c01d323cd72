"""Closing the main window closes every window it owns and stops their timers, so
nothing reads the library once it is closed (the app closes it right after)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from ui_helpers import import_and_open

from reader.ui import dialogs
from reader.ui.statistics.window import REFRESH_DELAY_MS


def _active_timers(window: QWidget) -> list[QTimer]:
    return [t for t in window.findChildren(QTimer) if t.isActive()]


def _open_windows(window: QWidget) -> list[str]:
    """Titles of the windows and dialogs ``window`` owns that are still shown."""
    return [w.windowTitle() for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible()]


def test_secondary_windows_close_with_the_main_window(
    qtbot, make_window, library, trade_paper, monkeypatch
):
    window = make_window()
    doc = import_and_open(qtbot, window, trade_paper)
    window.actions.statistics.trigger()
    window.actions.agreement.trigger()
    window.actions.compare.trigger()
    window.show_error("Something to read")
    [message] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    owned = {
        "statistics": window.statistics_window,
        "agreement": window.agreement_window,
        "compare": window.compare_window,
        "message": message,
    }
    for other in owned.values():
        qtbot.waitExposed(other)
    # A new tagged highlight makes the statistics and agreement windows schedule a refresh.
    start = doc.text.index("Tariffs will fall")
    window.doc_view.select_span(start, start + len("Tariffs will fall"))
    monkeypatch.setattr(dialogs, "ask_tags", lambda parent, ann, known: ["economy/trade"])
    window.actions.tag.trigger()
    assert window.statistics_window._timer.isActive()
    assert window.agreement_window._refresh.isActive()

    window.close()
    assert {name: w.isVisible() for name, w in owned.items()} == dict.fromkeys(owned, False)
    assert _open_windows(window) == [] and _active_timers(window) == []
    library.close()
    # Had a refresh been left pending it would fire now on the closed library, and
    # pytest-qt fails the test on the exception raised in the slot.
    qtbot.wait(REFRESH_DELAY_MS + 200)


def test_an_import_under_way_stores_nothing_after_the_window_closed(
    qtbot, make_window, library, trade_paper, tmp_path
):
    window = make_window()
    copies = []
    for n in range(3):
        copy = tmp_path / f"paper-{n}.txt"
        copy.write_text(trade_paper.read_text(encoding="utf-8") + f"\nEdition {n}.\n")
        copies.append(str(copy))
    assert window.import_files(copies)
    window.close()  # before the parsed documents come back to the GUI thread
    assert not window.importer.busy
    assert _open_windows(window) == [] and _active_timers(window) == []
    stored = len(library.list_documents())
    library.close()
    qtbot.wait(200)  # the queued results arrive, and are dropped
    assert stored < len(copies)
