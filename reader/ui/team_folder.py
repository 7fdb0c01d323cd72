"""The app's side of the team folder: watch it, merge what changes, write yours, sync git.

Thin over :mod:`reader.core.team`: a ``QFileSystemWatcher`` (plus a look at start-up
and on demand) triggers :meth:`TeamSession.check`; every edit restarts a short timer
after which your file is rewritten; Sync runs git's steps in a worker thread and the
library's in this one. :attr:`TeamFolderController.stateChanged` tells the status bar
what is going on: off, up to date, merging, syncing, or an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.core.errors import ReaderError
from reader.core.store import Library
from reader.core.team import CheckReport, TeamConfig, TeamSession, load_config, turn_off, turn_on
from reader.core.team.git import is_work_tree
from reader.core.team.sync import GitSync, SyncReport

OFF, UP_TO_DATE, MERGING, SYNCING, ERROR = "off", "up to date", "merging", "syncing", "error"
WRITE_DELAY_MS = 1500  # after the last edit: a burst of edits is one write
CHECK_DELAY_MS = 300  # after the last file event: a sync engine writes in bursts


class _Signals(QObject):
    done = Signal(object, object)  # result, error message (or None)


class _Job(QRunnable):
    """Run ``fn`` in a worker thread; ``signals.done`` arrives in the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except ReaderError as exc:
            result, error = None, str(exc)
        except Exception as exc:  # noqa: BLE001 - a worker must always report back
            result, error = None, f"Sync failed: {exc}"
        self.signals.done.emit(result, error)


class TeamFolderController(QObject):
    """Keeps ``library`` in step with its team folder (none: it stays off)."""

    stateChanged = Signal(str, str)  # state, message
    libraryChanged = Signal()  # teammates' work was merged: views re-read
    importRequested = Signal(list)  # paths of teammates' documents to import
    synced = Signal(object)  # a SyncReport, or a CheckReport for a folder without git

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.session: TeamSession | None = None
        self.state, self.message = OFF, ""
        # The last failure of each kind of step, "" once that step works again.
        self._errors = {"check": "", "write": "", "sync": ""}
        self._busy = False  # a sync is running: no checks or writes meanwhile
        self._closed = False  # the app closed: the library may be closed too
        self._requested: set[str] = set()  # documents already asked to import
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: list[_Job] = []
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _p: self.schedule_check())
        self.watcher.fileChanged.connect(lambda _p: self.schedule_check())
        self.write_timer = QTimer(self, singleShot=True, interval=WRITE_DELAY_MS)
        self.write_timer.timeout.connect(self.write_now)
        self.check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)

    @property
    def error(self) -> str:
        """What failed last and has not worked since ("" when all is well)."""
        return next((e for e in self._errors.values() if e), "")

    @property
    def sync_error(self) -> str:
        """Why the last Sync failed ("" when it worked)."""
        return self._errors["sync"]

    # --- setting ---------------------------------------------------------------
    @property
    def config(self) -> TeamConfig:
        """The library's team folder setting."""
        return load_config(self.library)

    @property
    def is_git(self) -> bool:
        """Whether the folder is a git work tree (Sync pulls and pushes)."""
        return self.session is not None and is_work_tree(self.session.folder.root)

    def start(self) -> None:
        """Begin with the library's setting: look at the folder, write yours, watch."""
        if self._closed:
            return
        config = self.config
        if config.folder is None or not config.author:
            self._set_state(OFF, "")
            return
        reason = getattr(self.library, "read_only", None)
        if reason:
            self._fail("check", f"the library is read-only ({reason}): teammates' work waits")
            return
        try:
            self.session = TeamSession(self.library, config)
        except ReaderError as exc:
            self._fail("check", str(exc))
            return
        self.check_now()
        self.write_now()

    def configure(self, folder: str | None, author: str, auto_import: bool) -> None:
        """Use ``folder`` as the team folder (None or "": turn it off). Raises
        :class:`ReaderError` (nothing changed) for an unusable folder or no name."""
        self.flush()
        if not folder:
            turn_off(self.library)
            self.session = None
            self._unwatch()
            self._set_state(OFF, "")
            return
        turn_on(self.library, folder, author, auto_import)
        self.session = None
        self.start()

    # --- reading ----------------------------------------------------------------
    def schedule_check(self) -> None:
        """A file event: look at the folder once events calm down."""
        if self.session is not None:
            self.check_timer.start()

    def check_now(self) -> CheckReport | None:
        """Merge what changed in the folder now (also: on demand, at start-up)."""
        if self.session is None or self._busy:
            return None
        self._set_state(MERGING, "merging teammates' annotations…")
        try:
            report = self.session.check(import_docs=False)
        except ReaderError as exc:
            self._fail("check", str(exc))
            return None
        finally:
            self._watch()
        self._errors["check"] = ""
        if report.changed:
            self.libraryChanged.emit()
        self._offer_documents()
        self._settle()
        return report

    def missing_documents(self) -> list:
        """The folder's documents this library lacks (TeamDocument)."""
        return self.session.missing_documents() if self.session is not None else []

    def import_documents(self) -> int:
        """One click: ask the window to import every document the library lacks."""
        paths = [str(d.path) for d in self.missing_documents()]
        self._requested.update(paths)
        if paths:
            self.importRequested.emit(paths)
        return len(paths)

    def _offer_documents(self) -> None:
        if self.session is None or not self.session.config.auto_import_documents:
            return
        paths = [
            str(d.path) for d in self.missing_documents() if str(d.path) not in self._requested
        ]
        self._requested.update(paths)
        if paths:
            self.importRequested.emit(paths)

    # --- writing ----------------------------------------------------------------
    def schedule_write(self, *_args: object) -> None:
        """An edit: rewrite your file once the edits pause."""
        if self.session is not None:
            self.write_timer.start()

    def write_now(self) -> None:
        """Rewrite your file now (if it changed)."""
        self.write_timer.stop()
        if self.session is None:
            return
        if self._busy:
            self.write_timer.start()  # after the sync
            return
        try:
            self.session.write_mine()
        except ReaderError as exc:
            self._fail("write", str(exc))
            return
        self._errors["write"] = ""
        self._watch()  # the rename replaced the file the watcher had
        self._settle()

    def flush(self) -> None:
        """Write a pending change now (the window closes, the folder changes)."""
        if self.write_timer.isActive():
            self.write_now()

    def close(self) -> None:
        """The app closes: write what is pending, stop watching and wait for a sync."""
        self.flush()
        self._closed = True
        self.check_timer.stop()
        self.write_timer.stop()
        self._pool.waitForDone()
        self._unwatch()
        self.session = None

    # --- git ------------------------------------------------------------------
    def sync(self) -> None:
        """Sync: in a git work tree pull, merge, write, commit and push (git in a worker
        thread); in another folder, look at it and write yours now."""
        if self.session is None or self._busy:
            return
        if not self.is_git:
            self.write_now()
            report = self.check_now()
            if report is not None:
                self.synced.emit(report)
            return
        self._busy = True
        self._set_state(SYNCING, "syncing with git…")
        run = GitSync(self.session)
        if self._step(run.merge):
            self._thread(run.pull, lambda _none: self._after_pull(run, attempts=2))

    def _after_pull(self, run: GitSync, attempts: int) -> None:
        if self._step(run.merge):
            self._thread(run.push, lambda pushed: self._after_push(run, pushed, attempts - 1))

    def _after_push(self, run: GitSync, pushed: bool, attempts: int) -> None:
        if not pushed:
            if attempts <= 0:
                self._sync_failed("Sync: the remote kept refusing the push; nothing was lost")
                return
            self._thread(run.pull, lambda _none: self._after_pull(run, attempts))
            return
        self._busy = False
        self._errors = dict.fromkeys(self._errors, "")  # merged, written and synced: all well
        if run.report.merged.changed:
            self.libraryChanged.emit()
        self._watch()
        self._settle()
        self.synced.emit(run.report)

    def _step(self, step: Callable[[], None]) -> bool:
        """Run a library step of the sync here; False (reported) when it failed."""
        try:
            step()
        except ReaderError as exc:
            self._sync_failed(str(exc))
            return False
        return True

    def _thread(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Run a git step in the worker thread, then ``then(result)`` here."""
        job = _Job(fn)
        self._jobs.append(job)  # keeps its signals alive until it reports

        def finished(result: object, error: str | None) -> None:
            self._jobs.remove(job)
            if self._closed:
                return  # the app closed meanwhile: the library may be closed too
            if error is not None:
                self._sync_failed(error)
            else:
                then(result)

        job.signals.done.connect(finished)
        self._pool.start(job)

    def _sync_failed(self, message: str) -> None:
        self._busy = False
        self._fail("sync", message)
        self.synced.emit(SyncReport())

    # --- state -----------------------------------------------------------------
    def _fail(self, step: str, message: str) -> None:
        self._errors[step] = message
        self._set_state(ERROR, message)

    def _settle(self) -> None:
        """Up to date, unless something is wrong (a failure, a file skipped)."""
        if self.session is None:
            self._set_state(OFF, "")
        elif self.error:
            self._set_state(ERROR, self.error)
        elif self.session.problems:
            name, why = next(iter(self.session.problems.items()))
            more = len(self.session.problems) - 1
            self._set_state(ERROR, f"skipped {why}" + (f" (and {more} more)" if more else ""))
        else:
            message = str(self.session.folder.root)
            if self.session.unshared:
                message += (
                    f"\nNot in documents/ (open their files again to share them): "
                    f"{', '.join(self.session.unshared)}"
                )
            self._set_state(UP_TO_DATE, message)

    def _set_state(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        self.stateChanged.emit(state, message)

    def _watch(self) -> None:
        """Watch the folder, its two subfolders and every author's file (a file replaced by
        a rename is dropped by the watcher: adding again after each look keeps it)."""
        if self.session is None:
            return
        folder = self.session.folder
        wanted = [folder.root, folder.annotations, folder.documents, *folder.annotation_files()]
        have = set(self.watcher.files()) | set(self.watcher.directories())
        new = [str(p) for p in wanted if str(p) not in have and Path(p).exists()]
        if new:
            self.watcher.addPaths(new)

    def _unwatch(self) -> None:
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
