"""Your team file is written in a worker thread: the window keeps answering while
thousands of annotations are encoded, the status bar says it is writing, and a change
made meanwhile is written after it (never overtaken by the older write)."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import Qt
from ui_helpers import focus

from reader.core.exchange import add_document
from reader.core.importers import load_document
from reader.core.team import session as team_session
from reader.core.team import turn_on
from reader.ui.team_folder import UP_TO_DATE, WRITING
from tests.ui.test_team_ui import PAPER, QUOTE

MANY = 3000
WAIT = 15000


@pytest.fixture
def gate(monkeypatch):
    """Holds every write of a team file in the worker, after the library was read and
    the file encoded, until the test lets it go; records how many annotations each
    write put in the file, in order, and that reading and encoding ran off the GUI
    thread."""
    release = threading.Event()
    written: list[int] = []
    real_write, real_encode = team_session.write_atomic, team_session.encode_team_file

    def encode(*args):
        assert threading.current_thread() is not threading.main_thread()
        return real_encode(*args)

    def held(path, data):
        assert threading.current_thread() is not threading.main_thread()
        assert release.wait(WAIT / 1000)
        real_write(path, data)
        written.append(len(json.loads(data)["first"]["items"]))

    monkeypatch.setattr(team_session, "encode_team_file", encode)
    monkeypatch.setattr(team_session, "write_atomic", held)
    return release, written


def _annotated(library, folder):
    add_document(library, load_document(PAPER), PAPER)
    doc_id = library.list_documents()[0].id
    text = library.document_text(doc_id)
    with library.transaction():
        for n in range(MANY):
            start = (n * 7) % (len(text) - 40)
            library.add_annotation(doc_id, start, start + 30, author="Ana", tags=[f"t{n % 9}"])
    turn_on(library, folder, "Ana")
    return doc_id


def _annotations_in(path) -> int:
    return len(json.loads(path.read_text(encoding="utf-8"))["first"]["items"])


def test_the_window_answers_while_a_large_file_is_written(
    qtbot, tmp_path, make_window, library, gate
):
    release, written = gate
    folder = tmp_path / "team"
    folder.mkdir()
    _annotated(library, folder)
    window = make_window()
    team = window.context.team
    qtbot.waitUntil(lambda: team.state == WRITING, timeout=WAIT)  # the first write, at start
    assert window.team.status.text() == "Team: writing your file…"
    mine = team.session.mine
    # The write is under way in the worker: keys typed now are handled now.
    window.show_search()
    focus(qtbot, window, window.search_panel.edit)
    qtbot.keyClicks(window.search_panel.edit, "trade")
    assert window.search_panel.edit.text() == "trade"
    assert team.state == WRITING and not mine.exists() and written == []
    release.set()
    qtbot.waitUntil(lambda: team.state == UP_TO_DATE, timeout=WAIT)
    assert written == [MANY] and _annotations_in(mine) == MANY
    assert window.team.status.text() == "Team: up to date"


def test_a_change_during_a_write_is_written_after_it(qtbot, tmp_path, make_window, library, gate):
    release, written = gate
    folder = tmp_path / "team"
    folder.mkdir()
    doc_id = _annotated(library, folder)
    window = make_window()
    window.context.operations.author = "Ana"  # what Preferences says: her highlights
    team = window.context.team
    team.write_timer.setInterval(10)  # the debounce, shortened for the test
    qtbot.waitUntil(lambda: team.state == WRITING, timeout=WAIT)
    # A highlight made while the first write waits: its own write must come after.
    start = library.document_text(doc_id).index(QUOTE)
    window.open_document(doc_id)
    window.doc_view.select_span(start, start + len(QUOTE))
    focus(qtbot, window, window.doc_view)
    qtbot.keyClick(window.doc_view, Qt.Key.Key_H)
    assert len(library.annotations(doc_id)) == MANY + 1
    qtbot.waitUntil(lambda: not team.write_timer.isActive(), timeout=WAIT)
    release.set()
    qtbot.waitUntil(lambda: written == [MANY, MANY + 1], timeout=WAIT)
    qtbot.waitUntil(lambda: team.state == UP_TO_DATE, timeout=WAIT)
    assert _annotations_in(team.session.mine) == MANY + 1


def test_closing_waits_for_the_write_and_writes_what_is_pending(
    qtbot, tmp_path, make_window, library, gate
):
    release, written = gate
    folder = tmp_path / "team"
    folder.mkdir()
    doc_id = _annotated(library, folder)
    window = make_window()
    team = window.context.team
    qtbot.waitUntil(lambda: team.state == WRITING, timeout=WAIT)
    mine = team.session.mine
    start = library.document_text(doc_id).index(QUOTE)
    window.context.operations.author = "Ana"
    window.context.operations.highlight(doc_id, start, start + len(QUOTE), "green")
    assert team.write_timer.isActive()  # debounced: not written yet
    release.set()
    window.close()
    assert written == [MANY, MANY + 1] and _annotations_in(mine) == MANY + 1
