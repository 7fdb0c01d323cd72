"""File > REFI-QDA: the tag system as a codebook and the library as a project for
MAXQDA, NVivo, ATLAS.ti or QualCoder, and codebooks from them as tags.

The core builds, checks and writes the files (atomically); here the user chooses
files and what to include, sees progress on long exports and a one-line result.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

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

CODEBOOK_FILTER = "REFI-QDA codebook (*.qdc)"
PROJECT_FILTER = "REFI-QDA project (*.qdpx)"
IMPORT_FILTER = "REFI-QDA codebook (*.qdc *.qdpx);;All files (*)"
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

    def export_codebook(self) -> None:
        """Save the tags, with descriptions and colours, as a ``.qdc`` codebook."""
        name = f"tags-{date.today().isoformat()}.qdc"
        path = self._save_path("Export REFI-QDA Codebook", name, CODEBOOK_FILTER, "qdc")
        if not path:
            return
        try:
            from reader.core.refiqda import export_codebook  # loaded when first used

            count = export_codebook(self.context.library, path)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Codebook not exported")
            return
        self._done(f"Saved {count} code(s) to {path}")

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

    def import_codebook(self) -> None:
        """Pick a ``.qdc`` (or ``.qdpx``), add its tags and descriptions, report."""
        w = self.window
        path, _ = QFileDialog.getOpenFileName(
            w, "Import REFI-QDA Codebook", str(self._folder()), IMPORT_FILTER
        )
        if not path:
            return
        self.context.settings.set(FOLDER, str(Path(path).parent))
        try:
            from reader.core.refiqda import import_codebook

            counts = import_codebook(self.context.library, path)
        except ReaderError as exc:
            self.context.report_error(str(exc), title="Codebook not imported")
            return
        self.context.reload_all()
        self._done(f"{Path(path).name}: {counts.summary()}")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Codebook imported",
            self.last_message,
            QMessageBox.StandardButton.Ok,
            w,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
