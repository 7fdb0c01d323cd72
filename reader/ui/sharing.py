"""The File menu's way out of the app: export excerpts, share and import annotations.

The dialogs choose; the core selects, formats and merges; files are written with
``write_atomic`` so a failed save never leaves half a file. Every failure is a
:class:`ReaderError` shown in the window's error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

from reader.core.atomic import write_atomic
from reader.core.errors import ReaderError
from reader.ui import export_dialog, import_report, share_dialog
from reader.ui.context import AppContext
from reader.ui.export_dialog import ExportChoice

if TYPE_CHECKING:
    from reader.core.exchange import ImportReport

FILTERS = {
    "md": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
    "json": "JSON (*.json)",
}
EXCHANGE_FILTER = "Shared annotations (*.json);;All files (*)"
EXPORT_FOLDER, SHARE_FOLDER = "export/folder", "share/folder"


def export_text(library, choice: ExportChoice) -> tuple[str, int]:  # noqa: ANN001
    """The exported file's text and how many excerpts it holds."""
    from reader.core.export import select, to_csv, to_json, to_markdown  # when first used

    sel = select(library, choice.tags, choice.documents, choice.authors)
    if choice.format == "csv":
        return to_csv(sel), len(sel.excerpts)
    if choice.format == "json":
        return to_json(sel), len(sel.excerpts)
    return to_markdown(sel, choice.group_by), len(sel.excerpts)


def with_suffix(path: str, suffix: str) -> str:
    """``path`` ending in ``.suffix`` (a save dialog may leave it off)."""
    return path if Path(path).suffix else f"{path}.{suffix}"


class Sharing:
    """Export, share and import from ``window``'s File menu. ``current_tag`` gives the
    tag the export dialog starts with checked."""

    def __init__(
        self, context: AppContext, window: QMainWindow, current_tag: Callable[[], str]
    ) -> None:
        self.context = context
        self.window = window
        self.current_tag = current_tag

    def _folder(self, key: str) -> Path:
        folder = self.context.settings.string(key)
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def _save_path(self, key: str, title: str, name: str, file_filter: str) -> str:
        """Ask where to save (starting in the folder used last time); "" if cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(self._folder(key) / name), file_filter
        )
        if path:
            self.context.settings.set(key, str(Path(path).parent))
        return path

    def _write(self, path: str, text: str, what: str) -> bool:
        try:
            written = write_atomic(path, text)
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return False
        self.window.statusBar().showMessage(f"Saved {what} to {written}", 8000)
        return True

    # --- File > Export Excerpts ------------------------------------------------
    def export_excerpts(self) -> None:
        """Ctrl+E: choose what to export, where, then write it."""
        w = self.window
        choice = export_dialog.ask_export(w, self.context.library, self.current_tag())
        if choice is None:
            return
        name = f"excerpts-{date.today().isoformat()}.{choice.format}"
        path = self._save_path(EXPORT_FOLDER, "Export Excerpts", name, FILTERS[choice.format])
        if not path:
            return
        try:
            text, count = export_text(self.context.library, choice)
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return
        self._write(with_suffix(path, choice.format), text, f"{count} excerpt(s)")

    # --- File > Share Annotations ----------------------------------------------
    def share_annotations(self) -> None:
        """Write a Web Annotation file of one author's (or everyone's) annotations."""
        w = self.window
        choice = share_dialog.ask_share(w, self.context.library, self.context.current_document_id)
        if choice is None:
            return
        who = "".join(c if c.isalnum() else "-" for c in choice.author) if choice.author else ""
        name = f"annotations-{who + '-' if who else ''}{date.today().isoformat()}.json"
        path = self._save_path(SHARE_FOLDER, "Share Annotations", name, EXCHANGE_FILTER)
        if not path:
            return
        from reader.core.exchange import exchange_json, export_collection  # when first used

        try:
            collection = export_collection(self.context.library, choice.author, choice.documents)
            text = exchange_json(collection)
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return
        self._write(with_suffix(path, "json"), text, f"{collection['total']} annotation(s)")

    # --- File > Import Shared Annotations ----------------------------------------
    def import_shared(self) -> None:
        """Pick teammates' files, merge them, report, and refresh every view."""
        w = self.window
        paths, _ = QFileDialog.getOpenFileNames(
            w, "Import Shared Annotations", str(self._folder(SHARE_FOLDER)), EXCHANGE_FILTER
        )
        if not paths:
            return
        self.context.settings.set(SHARE_FOLDER, str(Path(paths[0]).parent))
        report = self.import_paths(paths)
        if report is not None:
            import_report.show_import_report(w, report)

    def import_paths(self, paths: list[str]) -> ImportReport | None:
        """Merge ``paths`` into the library, leaving out (and reporting) the files that
        are refused; None (and an error shown) if the library cannot take them."""
        w = self.window
        # The library connection belongs to the GUI thread; 10,000 annotations take
        # about a second, so a wait cursor is enough.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        w.statusBar().showMessage(f"Importing shared annotations from {len(paths)} file(s)…")
        w.statusBar().repaint()  # show it now, without running user input mid-import
        from reader.core.exchange import import_files  # loaded when first used

        try:
            # Each bad file is left out with its reason, shown in the report.
            report = import_files(self.context.library, paths, skip_refused=True)
        except ReaderError as exc:  # the library itself: read-only, busy, disk full
            w.statusBar().clearMessage()
            self.context.report_error(str(exc), title="Shared annotations not imported")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.context.reload_all()
        w.statusBar().showMessage(import_report.summary(report), 8000)
        return report
