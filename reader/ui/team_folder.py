"""The app's side of the team folder: watch it, merge what changes, write yours, sync git.

Thin over :mod:`reader.core.team`: a ``QFileSystemWatcher`` (plus a look at start-up
and on demand) triggers :meth:`TeamSession.check`; every edit restarts a short timer
after which your file is rewritten in a worker thread (reading and encoding 10,000
annotations takes most of a second, which the window must not freeze for), one write
at a time, a change meanwhile written after it; Sync runs git's steps in the worker
thread and the library's in this one. :attr:`TeamFolderController.stateChanged` tells
the status bar what is going on: off, up to date, merging, writing, syncing, or an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from reader.core.errors import ReaderError
from reader.core.store import Library
from reader.core.team import (
    CheckReport,
    TeamConfig,
    TeamSession,
    WriteReport,
    load_config,
    turn_off,
    turn_on,
)
from reader.core.team.git import is_work_tree
from reader.core.team.sync import GitSync, SyncReport

OFF, UP_TO_DATE, MERGING, SYNCING, ERROR = "off", "up to date", "merging", "syncing", "error"
WRITING = "writing"
WRITE_DELAY_MS = 1500  # after the last edit: a burst of edits is one write
CHECK_DELAY_MS = 300  # after the last file event: a sync engine writes in bursts


class _Signals(QObject):
    done = Signal(object, object)  # result, error message (or None)


class _Job(QRunnable):
    """Run ``fn`` in a worker thread; ``signals.done`` arrives in the GUI thread. The
    result (or the error's one line) stays on the job too, for a caller that waited for
    the thread instead of the signal."""

    def __init__(self, fn: Callable[[], Any], what: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps it until it has reported
        self.fn = fn
        self.what = what  # "Sync", "Writing your file": the start of an unforeseen error
        self.signals = _Signals()
        self.result: Any = None
        self.error: str | None = None

    def run(self) -> None:
        try:
            self.result = self.fn()
        except ReaderError as exc:
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a worker must always report back
            self.error = f"{self.what} failed: {exc}"
        self.signals.done.emit(self.result, self.error)


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
        self._write_job: _Job | None = None  # your file being written in the worker
        self._write_again = False  # a change came while it was: write once more after
        self._sync_waiting = False  # Sync was asked for while it was: sync after
        self._check_waiting = False  # a file event came while it was: look after
        self._flushing = False  # waiting for writes to end: start nothing else
        self._closed = False  # the app closed: the library may be closed too
        self._requested: set[str] = set()  # documents already asked to import
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        # Jobs not reported yet (kept alive until then), with what to do when they do.
        self._jobs: dict[int, tuple[_Job, Callable[[Any], None], Callable[[str], None]]] = {}
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
        """Merge what changed in the folder now (also: on demand, at start-up); while
        your file is being written, once it is."""
        if self.session is None or self._busy:
            return None
        if self._write_job is not None:
            self._check_waiting = True
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
        """Rewrite your file (if it changed) in the worker thread. One write at a time:
        a change while one is under way is written after it, so an older file never
        replaces a newer one."""
        self.write_timer.stop()
        if self.session is None:
            return
        if self._busy:
            self.write_timer.start()  # after the sync
            return
        if self._write_job is not None:
            self._write_again = True
            return
        session = self.session
        try:
            session.merge_mine_if_changed()  # here: it may write to the library
        except ReaderError as exc:
            self._fail("write", str(exc))
            return
        self._set_state(WRITING, f"writing {session.mine.name}…")
        self._write_job = self._thread(
            session.writer(),
            lambda report: self._written(session, report),
            self._write_failed,
            what="Writing your file",
        )

    def _written(self, session: TeamSession, report: WriteReport) -> None:
        self._write_job = None
        if session is self.session:  # not a folder left meanwhile
            session.wrote(report)
            self._errors["write"] = ""
            self._watch()  # the rename replaced the file the watcher had
        self._after_write()

    def _write_failed(self, message: str) -> None:
        self._write_job = None
        self._fail("write", message)
        self._after_write()

    def _after_write(self) -> None:
        """What waited for the write: another write, a sync, a look at the folder."""
        if self._write_again:
            self._write_again = False
            self.write_now()
        elif self._sync_waiting and not self._flushing:
            self._sync_waiting = False
            self.sync()
        elif self._check_waiting:
            self._check_waiting = False
            self.check_now()
        else:
            self._settle()

    def flush(self) -> None:
        """Write a pending change now and wait for the writes under way (the window
        closes, the folder changes)."""
        self._flushing = True
        try:
            if self.write_timer.isActive():
                self.write_now()
            while (job := self._write_job) is not None:
                self._pool.waitForDone()
                self._deliver(job)  # its report now (it may write again)
                if self._write_job is job:  # not taken in (the app closed): done
                    self._write_job = None
        finally:
            self._flushing = False

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
        if self._write_job is not None:
            self._sync_waiting = True  # after the write under way
            return
        if not self.is_git:
            report = self.check_now()
            self.write_now()
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

    def _thread(
        self,
        fn: Callable[[], Any],
        then: Callable[[Any], None],
        failed: Callable[[str], None] | None = None,
        what: str = "Sync",
    ) -> _Job:
        """Run ``fn`` (git, or writing your file) in the worker thread, then
        ``then(result)`` here (``failed(message)`` when it raised: by default the sync
        failed). One worker: jobs run in the order they are started."""
        job = _Job(fn, what)
        self._jobs[id(job)] = (job, then, failed or self._sync_failed)
        job.signals.done.connect(lambda _result, _error: self._deliver(job))
        self._pool.start(job)
        return job

    def _deliver(self, job: _Job) -> None:
        """Take in ``job``'s report once (from its signal, or from a caller that waited
        for the thread: whichever comes first)."""
        entry = self._jobs.get(id(job))
        if entry is None or entry[0] is not job:
            return  # taken in already
        del self._jobs[id(job)]
        _job, then, failed = entry
        if self._closed:
            return  # the app closed meanwhile: the library may be closed too
        if job.error is not None:
            failed(job.error)
        else:
            then(job.result)

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
