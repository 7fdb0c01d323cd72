"""What File > Import Shared Annotations did, told plainly.

Counts first, then which library document each file's document was matched to and
how, then what could not be placed: orphans (their document is here, the passage
was not found) and annotations waiting for a document the user has not imported.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader.core.exchange import ImportReport
from reader.core.library_model import SetAside
from reader.ui.panels.common import short

HOW = {
    "fingerprint": "the same text (fingerprint)",
    "title and text": "a similar title and its passages",
    "text": "its passages (the title differs)",
}
QUOTE_CHARS = 140


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(report: ImportReport) -> str:
    """One sentence of counts (and of the files refused, if any)."""
    text = (
        f"{_plural(report.annotations, 'annotation')} in {_plural(report.files, 'file')}: "
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.newly_set_aside} set aside."
    )
    if report.refused:
        text += f" {_plural(len(report.refused), 'file')} refused."
    return text


def waiting_by_document(items: list[SetAside]) -> list[tuple[str, str, int]]:
    """``(title, fingerprint, count)`` of the documents waiting annotations need."""
    counts = Counter(
        (s.document_title or "(untitled)", s.document_fingerprint or "?")
        for s in items
        if s.document_id is None
    )
    return [(title, fp, n) for (title, fp), n in counts.items()]


def report_html(report: ImportReport) -> str:
    """The whole report as simple HTML for a text browser."""
    out = [f"<p><b>{escape(summary(report))}</b></p>"]
    if report.refused:
        out.append(
            f"<h3>Refused ({len(report.refused)})</h3><p>Nothing of these files was "
            "imported:</p><ul>"
        )
        for name, reason in report.refused:
            out.append(f"<li><b>{escape(name)}</b>: {escape(reason)}</li>")
        out.append("</ul>")
    if report.matches:
        out.append("<h3>Documents matched</h3><ul>")
        for file_title, m in report.matches:
            same = file_title == m.title
            name = f"<i>{escape(m.title)}</i>"
            if not same:
                name = f"“{escape(file_title)}” → {name}"
            out.append(f"<li>{name}, by {escape(HOW.get(m.how, m.how))}</li>")
        out.append("</ul>")
    orphans = [s for s in report.set_aside if s.document_id]
    if orphans:
        out.append(
            f"<h3>Not placed ({len(orphans)})</h3><p>Their document is in the library but "
            "the passage was not found. They are kept in the Set Aside tab.</p><ul>"
        )
        for s in orphans:
            out.append(
                f"<li>“{escape(short(s.quote, QUOTE_CHARS))}” in <i>"
                f"{escape(s.document_title or '')}</i>: {escape(s.reason)}</li>"
            )
        out.append("</ul>")
    waiting = waiting_by_document(report.set_aside)
    if waiting:
        out.append(
            "<h3>Waiting for documents</h3><p>Import these documents to place their "
            "annotations; they will be placed automatically.</p><ul>"
        )
        for title, fp, n in waiting:
            out.append(
                f"<li><i>{escape(title)}</i> — {_plural(n, 'annotation')}<br>"
                f"<small>fingerprint {escape(fp)}</small></li>"
            )
        out.append("</ul>")
    return "".join(out)


class ImportReportDialog(QDialog):
    """A scrollable report with one Close button."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Shared Annotations Imported")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(report_html(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()


def show_import_report(parent: QWidget | None, report: ImportReport) -> None:
    """Show what an import did (modal: the user reads it before going on)."""
    ImportReportDialog(report, parent).exec()
