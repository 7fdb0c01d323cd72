"""The team folder in the app: two running apps see each other's changes after file
events; the status bar, Preferences, the Sync button and teammates' documents."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolBar

from reader.core.exchange import add_document
from reader.core.importers import load_document
from reader.core.store import Library
from reader.core.team import turn_on
from reader.ui.context import AppContext
from reader.ui.preferences import Preferences, PreferencesDialog
from reader.ui.settings import ini_settings
from reader.ui.team_folder import ERROR, UP_TO_DATE

PAPER = Path(__file__).resolve().parents[1] / "fixtures" / "trade-policy-paper.txt"
QUOTE = "Banks will cooperate."
WAIT = 5000


def member(tmp_path, name, folder, with_paper=True):
    lib = Library.open(tmp_path / f"{name}.db")
    if with_paper:
        add_document(lib, load_document(PAPER), PAPER)
    turn_on(lib, folder, name)
    context = AppContext(lib, ini_settings(tmp_path / f"{name}.ini"))
    context.operations.author = name
    context.team.write_timer.setInterval(20)  # the debounce, shortened for the test
    context.team.start()
    return context


def close(context):
    context.team.close()
    context.library.close()


@pytest.fixture
def apps(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    made = [member(tmp_path, "Ana", folder), member(tmp_path, "Ben", folder)]
    yield made
    for context in made:
        close(context)


def live(context):
    doc_id = context.library.list_documents()[0].id
    return context.library.annotations(doc_id)


def test_each_change_reaches_the_other_app_after_a_file_event(qtbot, apps):
    a, b = apps
    doc_id = a.library.list_documents()[0].id
    start = a.library.document_text(doc_id).index(QUOTE)
    ann_id = a.operations.highlight(doc_id, start, start + len(QUOTE), "green")
    qtbot.waitUntil(lambda: [x.id for x in live(b)] == [ann_id], timeout=WAIT)
    assert live(b)[0].author == "Ana" and live(b)[0].color == "green"

    a.operations.set_tags(live(a)[0], ["economy/finance"])
    qtbot.waitUntil(lambda: live(b)[0].tags == ["economy/finance"], timeout=WAIT)
    a.operations.set_note(live(a)[0], "swap lines")
    qtbot.waitUntil(lambda: live(b)[0].note == "swap lines", timeout=WAIT)
    with qtbot.waitSignal(b.reloaded, timeout=WAIT):  # B's windows are told to re-read
        a.operations.delete(live(a)[0])
    qtbot.waitUntil(lambda: live(b) == [], timeout=WAIT)

    # And the reverse.
    start = b.library.document_text(doc_id).index("Students will travel.")
    mine = b.operations.highlight(doc_id, start, start + 21, "yellow")
    qtbot.waitUntil(lambda: [x.id for x in live(a)] == [mine], timeout=WAIT)
    b.operations.undo_stack.undo()  # undoing the highlight deletes it for Ana too
    qtbot.waitUntil(lambda: live(a) == [], timeout=WAIT)
    assert a.team.state == b.team.state == UP_TO_DATE


def test_a_corrupt_teammate_file_shows_as_an_error_and_heals(qtbot, apps):
    a, b = apps
    bad = a.team.session.folder.annotations / "cara.jsonld"
    bad.write_text("{ half", encoding="utf-8")
    qtbot.waitUntil(lambda: b.team.state == ERROR, timeout=WAIT)
    assert "cara.jsonld: not valid JSON" in b.team.message
    bad.write_text('{"type": "AnnotationCollection", "total": 0}', encoding="utf-8")
    qtbot.waitUntil(lambda: b.team.state == UP_TO_DATE, timeout=WAIT)


def test_preferences_ask_for_a_name_before_taking_a_team_folder(qtbot, tmp_path):
    dlg = PreferencesDialog(None, Preferences(""))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.folder.setFocus()
    qtbot.keyClicks(dlg.folder, str(tmp_path))
    qtbot.keyClick(dlg.folder, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.problem.isVisible()
    assert "needs your name" in dlg.problem.text()
    qtbot.keyClicks(dlg.name, "Ana")
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    assert dlg.choice() == Preferences("Ana", str(tmp_path), False)


def _answer_preferences(qtbot, folder: str, name: str) -> None:
    def fill() -> None:
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, PreferencesDialog)
        dlg.name.clear()
        qtbot.keyClicks(dlg.name, name)
        dlg.folder.clear()
        qtbot.keyClicks(dlg.folder, folder)
        dlg.auto_import.setChecked(True)
        qtbot.keyClick(dlg.folder, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def test_the_window_turns_the_team_folder_on_and_imports_a_teammates_document(
    qtbot, tmp_path, make_window, library
):
    folder = tmp_path / "team"
    folder.mkdir()
    ana = member(tmp_path, "Ana", folder)
    doc_id = ana.library.list_documents()[0].id
    start = ana.library.document_text(doc_id).index(QUOTE)
    ann_id = ana.operations.highlight(doc_id, start, start + len(QUOTE), "blue")
    ana.team.flush()
    assert (folder / "documents" / f"{doc_id}.txt").exists()

    window = make_window()
    assert not window.actions.sync.isVisible() and window.team.status.isHidden()
    _answer_preferences(qtbot, str(folder), "Cara")
    window.actions.preferences.trigger()
    assert library.setting("team.folder") == str(folder.resolve())
    assert window.actions.sync.isEnabled()
    # Imported automatically (chosen in Preferences); Ana's highlight is placed in it.
    qtbot.waitUntil(
        lambda: (
            [a.id for a in library.annotations(doc_id)] == [ann_id]
            if library.document_info(doc_id, missing_ok=True)
            else False
        ),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: window.team.status.text() == "Team: up to date", timeout=WAIT)
    assert (folder / "annotations" / "cara.jsonld").exists()
    close(ana)


def test_the_status_link_imports_documents_with_one_click(qtbot, tmp_path, make_window, library):
    folder = tmp_path / "team"
    folder.mkdir()
    ana = member(tmp_path, "Ana", folder)
    doc_id = ana.library.list_documents()[0].id
    ana.library.annotate_quote(doc_id, QUOTE, author="Ana")
    ana.team.write_now()
    turn_on(library, folder, "Cara")
    window = make_window()
    status = window.team.status
    qtbot.waitUntil(lambda: "import 1 document" in status.text(), timeout=WAIT)
    status.linkActivated.emit("import")  # what a click on the link sends
    qtbot.waitUntil(lambda: len(library.annotations(doc_id)) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "import" not in status.text(), timeout=WAIT)
    close(ana)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_sync_button_pulls_and_pushes_in_the_background(qtbot, tmp_path, make_window, library):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True,
                   capture_output=True)  # fmt: skip
    add_document(library, load_document(PAPER), PAPER)
    doc_id = library.list_documents()[0].id
    library.annotate_quote(doc_id, QUOTE, author="Ana")
    turn_on(library, clone, "Ana")
    window = make_window()
    qtbot.waitUntil(lambda: window.actions.sync.isVisible(), timeout=WAIT)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert window.actions.sync in toolbar.actions()
    with qtbot.waitSignal(window.context.team.synced, timeout=30000):
        window.actions.sync.trigger()
    assert "out to origin: 1 commit(s)" in window.statusBar().currentMessage()
    log = subprocess.run(["git", "-C", str(remote), "log", "--format=%an"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert log.split() == ["Ana"]
    subprocess.run(["git", "-C", str(clone), "remote", "set-url", "origin", str(tmp_path / "x")],
                   check=True)  # fmt: skip
    library.annotate_quote(doc_id, "Students will travel.", author="Ana")
    with qtbot.waitSignal(window.context.team.synced, timeout=30000):
        window.actions.sync.trigger()
    assert window.context.team.state == ERROR
    assert "cannot reach origin" in window.team.status.toolTip()
    assert any("cannot reach origin" in e for e in window.errors)


def _answer_question_yes(qtbot) -> None:
    """Press Return on the next message box (its default button: Yes) once it shows."""
    from PySide6.QtWidgets import QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_highlights_made_before_a_name_are_signed_and_shared_when_asked(
    qtbot, tmp_path, make_window, library
):
    """Without a name a highlight has no author, and a team file carries only its
    author's: turning the team folder on offers to sign them, as one undo step."""
    from reader.core.team.teamfile import read_team_file

    folder = tmp_path / "team"
    folder.mkdir()
    info, _ = add_document(library, load_document(PAPER), PAPER)
    earlier = library.annotate_quote(info.id, QUOTE)
    assert earlier.author is None
    window = make_window()
    _answer_preferences(qtbot, str(folder), "Cara")
    _answer_question_yes(qtbot)
    window.actions.preferences.trigger()
    assert library.get_annotation(earlier.id).author == "Cara"
    mine = folder / "annotations" / "cara.jsonld"
    qtbot.waitUntil(
        lambda: mine.exists() and [a.id for a in read_team_file(mine).annotations] == [earlier.id],
        timeout=WAIT,
    )
    window.actions.undo.trigger()
    assert library.get_annotation(earlier.id).author is None
