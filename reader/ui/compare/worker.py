"""Aligning two documents off the GUI thread.

The documents are read from the library in the GUI thread (an SQLite connection
stays in its thread) and handed to a job; each request carries a number, so a
result that arrives after the user chose other documents is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.compare.align import align
from reader.core.errors import ReaderError
from reader.core.model import Document


class _Signals(QObject):
    done = Signal(int, object)  # request number, Alignment
    failed = Signal(int, str)  # request number, message


class _AlignJob(QRunnable):
    def __init__(self, number: int, doc_a: Document, doc_b: Document, signals: _Signals) -> None:
        super().__init__()
        self.number, self.doc_a, self.doc_b, self.signals = number, doc_a, doc_b, signals

    def run(self) -> None:
        try:
            alignment = align(self.doc_a, self.doc_b)
        except Exception as exc:  # noqa: BLE001 - an alignment bug must not kill the app
            known = isinstance(exc, ReaderError)
            message = str(exc) if known else f"cannot compare these documents ({exc})"
            self.signals.failed.emit(self.number, message)
            return
        self.signals.done.emit(self.number, alignment)


class Aligner(QObject):
    """Runs one alignment at a time in the background; reports only the latest request."""

    aligned = Signal(object)  # Alignment
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._number = 0
        self.busy = False

    def start(self, doc_a: Document, doc_b: Document) -> None:
        """Align ``doc_a`` with ``doc_b``; an earlier request still running is forgotten."""
        self._number += 1
        self.busy = True
        self.pool.start(_AlignJob(self._number, doc_a, doc_b, self._signals))

    def cancel(self) -> None:
        """Forget the request running (its result will be dropped)."""
        self._number += 1
        self.busy = False

    def wait(self) -> None:
        """Block until the running job ends (before the window goes away)."""
        self.pool.waitForDone()

    def _on_done(self, number: int, alignment: object) -> None:
        if number == self._number:
            self.busy = False
            self.aligned.emit(alignment)

    def _on_failed(self, number: int, message: str) -> None:
        if number == self._number:
            self.busy = False
            self.failed.emit(message)
