"""The main window's team folder: Preferences, the Sync button, importing teammates'
documents, and the status bar's word on the folder (up to date, merging, error).

The work is the :class:`~reader.ui.team_folder.TeamFolderController`'s (one per app, in
the :class:`~reader.ui.context.AppContext`); this only connects it to the window.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import QLabel, QMainWindow

from reader.core.errors import ReaderError
from reader.core.team.session import CheckReport
from reader.core.team.sync import SyncReport
from reader.ui import preferences
from reader.ui.context import AppContext
from reader.ui.team_folder import ERROR, MERGING, OFF, SYNCING, WRITING

_WORDS = {MERGING: "merging…", WRITING: "writing your file…", SYNCING: "syncing…", ERROR: "error"}
_SHOWN = 60  # characters of an error shown in the status bar (all of it in the tooltip)


class TeamStatus(QLabel):
    """``Team: up to date`` (or merging…, syncing…, error), with a link that imports the
    teammates' documents this library lacks."""

    def __init__(self, menu: TeamMenu) -> None:
        super().__init__()
        self.menu = menu
        self.setObjectName("team_status")
        self.setTextFormat(self.textFormat().RichText)
        self.linkActivated.connect(lambda _href: menu.import_documents())
        self.hide()

    def show_state(self, state: str, message: str) -> None:
        """Show the folder's state (hidden while there is no team folder)."""
        if state == OFF:
            self.hide()
            return
        word = _WORDS.get(state, state)
        text = f"Team: {escape(word)}"
        if state == ERROR:
            short = message if len(message) <= _SHOWN else message[: _SHOWN - 1] + "…"
            text += f" — {escape(short)}"
        missing = len(self.menu.context.team.missing_documents())
        if missing and state not in (MERGING, WRITING, SYNCING):
            text += f' · <a href="import">import {missing} document{"s" * (missing > 1)}</a>'
        self.setText(text)
        self.setToolTip(message)
        self.show()


class TeamMenu:
    """Connects the context's team folder to ``window``; ``import_files`` imports paths
    in the background (the window's importer)."""

    def __init__(
        self, context: AppContext, window: QMainWindow, import_files: Callable[[list[str]], object]
    ) -> None:
        self.context = context
        self.window = window
        self.status = TeamStatus(self)
        team = context.team
        team.stateChanged.connect(self.status.show_state)
        team.stateChanged.connect(lambda _s, _m: self.update_actions())
        team.importRequested.connect(import_files)
        team.synced.connect(self._report)
        self.sync_action = None  # set by the window's actions

    def update_actions(self) -> None:
        """Sync is there only with a team folder (the toolbar button included)."""
        if self.sync_action is not None:
            on = self.context.team.session is not None
            self.sync_action.setEnabled(on)
            self.sync_action.setVisible(on)

    def sync(self) -> None:
        """Toolbar Sync: git pull, merge, write, commit, push (or look at a synced folder)."""
        self.context.team.sync()

    def check_now(self) -> None:
        """Look at the team folder now."""
        self.context.team.check_now()

    def import_documents(self) -> None:
        """One click: import every teammates' document this library lacks."""
        if not self.context.team.import_documents():
            self.window.statusBar().showMessage("No teammates' documents to import", 4000)

    def _report(self, report: object) -> None:
        team = self.context.team
        if team.sync_error:  # the status bar says it too; a sync asked for says it aloud
            self.context.report_error(team.sync_error, title="Sync failed")
        elif isinstance(report, SyncReport):
            self.window.statusBar().showMessage("Synced: " + "; ".join(report.lines()), 15000)
        elif isinstance(report, CheckReport):
            message = f"Team folder: {report.total().summary()}"
            self.window.statusBar().showMessage(message, 8000)

    def edit_preferences(self) -> None:
        """Edit > Preferences: your name, and the library's team folder."""
        ops, team = self.context.operations, self.context.team
        config = team.config
        current = preferences.Preferences(
            ops.author or "", str(config.folder or ""), config.auto_import_documents
        )
        choice = preferences.ask_preferences(self.window, current)
        if choice is None:
            return
        self.context.settings.set(preferences.AUTHOR_KEY, choice.author)
        ops.author = preferences.author(self.context.settings)
        team_of = (choice.team_folder, choice.auto_import)
        moved = team_of != (current.team_folder, current.auto_import)
        renamed = bool(choice.team_folder) and choice.author != current.author
        if not (moved or renamed):
            return
        try:
            team.configure(choice.team_folder or None, ops.author or "", choice.auto_import)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Team folder not set")
            return
        if choice.team_folder and ops.author:
            self.offer_to_sign(ops.author)

    def offer_to_sign(self, author: str) -> None:
        """Highlights made before you had a name would never reach your team: offer to
        sign them as yours (one undo step)."""
        ops = self.context.operations
        unsigned = ops.library.unsigned_annotations()
        if unsigned and preferences.ask_sign(self.window, len(unsigned), author):
            ops.sign(unsigned, author)
