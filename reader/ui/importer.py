"""Importing files without freezing the window.

Parsing (``load_document``) runs in a worker thread; the store write happens back
in the GUI thread, because an SQLite connection must not cross threads. Errors
are collected and reported once, after the whole batch.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.errors import ReaderError
from reader.core.importers import load_document
from reader.core.library_model import DocumentInfo
from reader.core.model import Document
from reader.core.store import Library


class _Signals(QObject):
    parsed = Signal(str, object)  # path, Document
    failed = Signal(str, str)  # path, message


class _ParseJob(QRunnable):
    def __init__(self, path: str, signals: _Signals) -> None:
        super().__init__()
        self.path, self.signals = path, signals

    def run(self) -> None:
        try:
            doc = load_document(self.path)
        except ReaderError as exc:
            self.signals.failed.emit(self.path, str(exc))
        except Exception as exc:  # noqa: BLE001 - a parser bug must not kill the app
            self.signals.failed.emit(self.path, f"{Path(self.path).name}: cannot import ({exc})")
        else:
            self.signals.parsed.emit(self.path, doc)


class Importer(QObject):
    """Imports batches of files into a library; one batch at a time."""

    imported = Signal(str, object)  # path, DocumentInfo: as each file lands
    rejected = Signal(str, str)  # path, error message: a file that could not be imported
    finished = Signal(list, list)  # [DocumentInfo], [error message]

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # parsing is CPU-bound Python: more threads gain nothing
        self._signals = _Signals(self)
        self._signals.parsed.connect(self._on_parsed)
        self._signals.failed.connect(self._on_failed)
        self._pending: set[str] = set()
        self._done: list[DocumentInfo] = []
        self._errors: list[str] = []
        self._progress: QProgressDialog | None = None
        self._total = 0
        self._shut = False

    @property
    def busy(self) -> bool:
        """True while a batch is being imported."""
        return bool(self._pending)

    def start(self, paths: list[str]) -> bool:
        """Import ``paths`` in the background; False if a batch is already running."""
        if self._pending or not paths or self._shut:
            return False
        self._pending = set(paths)
        self._done, self._errors, self._total = [], [], len(paths)
        parent = self.parent()
        progress = QProgressDialog(
            "Importing…", "Hide", 0, self._total, parent if isinstance(parent, QWidget) else None
        )
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(400)  # quick imports never flash a dialog
        progress.setValue(0)
        self._progress = progress
        for path in paths:
            self.pool.start(_ParseJob(path, self._signals))
        return True

    def shutdown(self) -> None:
        """The window is closing, and its library with it: drop the files not parsed yet,
        wait for those being parsed, and store nothing more."""
        self._shut = True
        self.pool.clear()
        self.pool.waitForDone()
        self._pending.clear()
        if self._progress is not None:
            self._progress.close()

    def _on_parsed(self, path: str, doc: Document) -> None:
        if self._shut:
            return
        try:
            info = self.store(doc, path)
        except ReaderError as exc:
            self._on_failed(path, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a store bug must not lose the message
            self._on_failed(path, f"{Path(path).name}: cannot store it ({exc})")
            return
        self._done.append(info)
        self.imported.emit(path, info)
        self._step(path)

    def _on_failed(self, path: str, message: str) -> None:
        if self._shut:
            return
        self._errors.append(message)
        self.rejected.emit(path, message)
        self._step(path)

    def store(self, doc: Document, path: str | None = None) -> DocumentInfo:
        """Write a parsed document (read from ``path``) to the library (GUI thread)."""
        from reader.core.exchange import add_document  # loaded when a file is imported

        info, _added = add_document(self.library, doc, path)
        return info

    def _step(self, path: str) -> None:
        self._pending.discard(path)
        if self._progress is not None:
            self._progress.setValue(self._total - len(self._pending))
            self._progress.setLabelText(f"Imported {Path(path).name}")
        if not self._pending:
            if self._progress is not None:
                self._progress.close()
                self._progress.deleteLater()
                self._progress = None
            self.finished.emit(self._done, self._errors)


def import_now(library: Library, path: str | Path) -> DocumentInfo:
    """Import one file in the calling thread (the guide, the screenshot option)."""
    from reader.core.exchange import add_document

    info, _added = add_document(library, load_document(path), path)
    return info
