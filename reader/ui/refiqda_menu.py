"""File > REFI-QDA: the tag system as a codebook (``.qdc``, or CSV for Taguette) and the
library as a project for MAXQDA, NVivo, ATLAS.ti or QualCoder, and codebooks from them
as tags.

The core builds, checks and writes the files (atomically); here the user chooses
files and what to include, sees progress on long exports and a one-line result.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from reader.core.errors import ReaderError
from reader.ui.context import AppContext
from reader.ui.share_dialog import ShareDialog
from reader.ui.sharing import with_suffix

if TYPE_CHECKING:
    from reader.core.store import Library

CODEBOOK_FILTER = "REFI-QDA codebook (*.qdc)"
CSV_FILTER = "Codebook CSV for Taguette (*.csv)"
PROJECT_FILTER = "REFI-QDA project (*.qdpx)"
IMPORT_FILTER = "Codebook (*.qdc *.qdpx *.csv);;All files (*)"
PROJECT_IMPORT_FILTER = "REFI-QDA project (*.qdpx);;All files (*)"
FOLDER = "refiqda/folder"
PROGRESS_AFTER_MS = 400  # a dialog only for exports long enough to notice


class RefiQdaMenu:
    """The REFI-QDA commands of ``window``'s File menu."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        self.context = context
        self.window = window
        self.last_message = ""  # the last result shown (tests read it)

    def _folder(self) -> Path:
        folder = self.context.settings.string(FOLDER)
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def _save_path(self, title: str, name: str, file_filter: str, suffix: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.window, title, str(self._folder() / name), file_filter
        )
        if not path:
            return ""
        self.context.settings.set(FOLDER, str(Path(path).parent))
        return with_suffix(path, suffix)

    def _done(self, message: str) -> None:
        self.last_message = message
        self.window.statusBar().showMessage(message, 8000)

    def _export_tags(self, export: Callable[[Library, str], int], kind: str) -> None:
        """Save the tags as a ``.qdc`` codebook or as the CSV Taguette imports."""
        title, suffix, file_filter, what = {
            "qdc": ("Export REFI-QDA Codebook", "qdc", CODEBOOK_FILTER, "code(s)"),
            "csv": ("Export Codebook as CSV", "csv", CSV_FILTER, "tag(s)"),
        }[kind]
        name = f"tags-{date.today().isoformat()}.{suffix}"
        path = self._save_path(title, name, file_filter, suffix)
        if not path:
            return
        try:
            count = export(self.context.library, path)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Codebook not exported")
            return
        self._done(f"Saved {count} {what} to {path}")

    def export_codebook(self) -> None:
        """Save the tags, with descriptions and colours, as a ``.qdc`` codebook."""
        from reader.core.refiqda import export_codebook  # the format's code: when first used

        self._export_tags(export_codebook, "qdc")

    def export_codebook_csv(self) -> None:
        """Save the tags and descriptions as the codebook CSV Taguette imports."""
        from reader.core.export.codebook_csv import export_codebook_csv

        self._export_tags(export_codebook_csv, "csv")

    def export_project(self) -> None:
        """Choose documents and author, then save a ``.qdpx`` project with progress."""
        w = self.window
        dialog = ShareDialog(self.context.library, self.context.current_document_id, w)
        dialog.setWindowTitle("Export REFI-QDA Project")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        name = f"{self.context.library.path.stem}-{date.today().isoformat()}.qdpx"
        path = self._save_path("Export REFI-QDA Project", name, PROJECT_FILTER, "qdpx")
        if not path:
            return
        progress = QProgressDialog("Exporting documents…", "Cancel", 0, 1, w)
        progress.setWindowTitle("Export REFI-QDA Project")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_AFTER_MS)

        def step(done: int, total: int) -> bool:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            QApplication.processEvents()  # paint, and see a click on Cancel
            return not progress.wasCanceled()

        authors = [choice.author] if choice.author else []
        try:
            from reader.core.refiqda import export_project

            summary = export_project(self.context.library, path, choice.documents, authors, step)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Project not exported")
            return
        finally:
            progress.close()
        if summary is None:
            self._done("Project export cancelled; nothing was written")
            return
        self._done(
            f"Saved {summary.documents} document(s), {summary.selections} annotation(s) "
            f"and {summary.codes} code(s) to {path}"
        )

    def _open_path(self, title: str, file_filter: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, title, str(self._folder()), file_filter)
        if path:
            self.context.settings.set(FOLDER, str(Path(path).parent))
        return path

    def _report(self, title: str, details: str = "") -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            self.last_message,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def import_codebook(self) -> None:
        """Pick a codebook (.qdc, .qdpx or CSV), add its tags and descriptions, report."""
        path = self._open_path("Import REFI-QDA Codebook", IMPORT_FILTER)
        if not path:
            return
        try:
            from reader.core.refiqda import import_codebook

            counts = import_codebook(self.context.library, path)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Codebook not imported")
            return
        self.context.reload_all()
        self._done(f"{Path(path).name}: {counts.summary()}")
        self._report("Codebook imported")

    def import_project(self) -> None:
        """Pick a ``.qdpx``, add its documents, tags and annotations, report what was
        imported and what was left out."""
        path = self._open_path("Import REFI-QDA Project", PROJECT_IMPORT_FILTER)
        if not path:
            return
        try:
            from reader.core.refiqda import import_project

            report = import_project(self.context.library, path)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Project not imported")
            return
        self.context.reload_all()
        self._done(f"{Path(path).name}: {report.summary()}")
        details = [f"Added: {t}" for t in report.documents_added]
        details += [f"Already in the library: {t}" for t in report.documents_known]
        details += [f"Code name read as a tag path: {p}" for p in report.paths_from_names]
        details += [f"Left out: {line}" for line in report.left_out()]
        self._report("Project imported", "\n".join(details))
