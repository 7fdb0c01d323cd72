"""The Intercoder Agreement window: pick a document and coders, read the per-tag
table, walk the disagreeing clauses and reconcile them.

Figures come from :mod:`reader.core.analysis.agreement`; a reconciled clause is a
new highlight by the consensus author, made through :class:`Operations` so that
Undo in the main window takes it back. Teammates' highlights are never changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.agreement import AgreementReport, Disagreement, document_agreement
from reader.core.analysis.reconcile import (
    CONSENSUS_SUFFIX,
    accepted_tags,
    consensus_author,
    merged_tags,
)
from reader.core.document_labels import document_labels
from reader.core.errors import ReaderError
from reader.ui.agreement.models import (
    SORT_ROLE,
    ColumnsModel,
    disagreement_columns,
    figure,
    tag_columns,
)
from reader.ui.context import AppContext
from reader.ui.panels.common import header_label
from reader.ui.undo_commands import Change

GEOMETRY, SPLITTER = "agreement/geometry", "agreement/splitter"
CONSENSUS_COLOR = "green"
MAX_TAGS_WIDTH = 260  # wider lists of tags are elided; the tooltip has them whole
MAX_SECTION_WIDTH = 320
MIN_COLUMN_WIDTH = 90


def _table(model: ColumnsModel, sortable: bool) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view, proxy


def _fit_disagreement_columns(view: QTableView) -> None:
    """Section, coders' tags and Reconciled as wide as their contents (within limits);
    the clause text takes the rest of the width, so short columns are not cut while
    an empty one takes the space."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    last = view.model().columnCount() - 1
    for col in range(last + 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        if col != 1:
            wanted = max(view.sizeHintForColumn(col), header.sectionSizeHint(col))
            limit = MAX_SECTION_WIDTH if col == 0 else MAX_TAGS_WIDTH
            view.setColumnWidth(col, min(max(wanted, MIN_COLUMN_WIDTH), limit))
    if last >= 1:
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)


class AgreementWindow(QWidget):
    """A separate window over the context's library and undo stack."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.library = context.library
        self.setWindowTitle("Intercoder Agreement")
        self.report: AgreementReport | None = None
        self.coder_boxes: dict[str, QCheckBox] = {}
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(self.refresh_coders)
        self._build()
        geometry = context.settings.bytes(GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 700)
        state = context.settings.bytes(SPLITTER)
        if state is not None:
            self.splitter.restoreState(state)
        context.operations.changed.connect(self._on_change)
        self.fill_documents(context.current_document_id)

    # --- construction ------------------------------------------------------
    def _build(self) -> None:
        self.documents = QComboBox()
        self.documents.setMinimumContentsLength(40)
        self.documents.currentIndexChanged.connect(lambda _i: self.refresh_coders(reset=True))
        self.coders_row = QHBoxLayout()
        self.coders_row.setContentsMargins(0, 0, 0, 0)
        coders = QWidget()
        coders.setLayout(self.coders_row)
        self.coded_only = QCheckBox("Only clauses anybody coded")
        self.coded_only.setToolTip(
            "Leave out clauses nobody tagged: their agreement on 'absent' lifts percent agreement"
        )
        self.unused_missing = QCheckBox("A coder who never used a tag did not code for it")
        for box in (self.coded_only, self.unused_missing):
            box.toggled.connect(lambda _on: self.recompute())
        options = QHBoxLayout()
        options.addWidget(self.coded_only)
        options.addWidget(self.unused_missing)
        options.addStretch(1)
        form = QFormLayout()
        form.addRow("&Document:", self.documents)
        form.addRow("Coders:", coders)
        form.addRow("", _wrap(options))

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tag_model = ColumnsModel(self)
        self.tag_view, self.tag_proxy = _table(self.tag_model, sortable=True)
        self.tag_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.disagreement_model = ColumnsModel(self)
        self.disagreement_view, self.disagreement_proxy = _table(self.disagreement_model, False)
        self.disagreement_view.clicked.connect(self.show_clause)
        self.disagreement_view.activated.connect(self.show_clause)
        self.disagreement_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        self.disagreement_label = header_label("Disagreements")
        self.record_as = QLineEdit()
        self.record_as.setMaximumWidth(220)
        self.record_as.setToolTip("Author of the reconciled highlights")
        self.buttons_row = QHBoxLayout()
        self.merge = QPushButton("&Merge")
        self.merge.setToolTip("Record every tag any coder gave this clause")
        self.merge.clicked.connect(self.merge_selected)
        reconcile = QHBoxLayout()
        reconcile.addWidget(QLabel("Record as:"))
        reconcile.addWidget(self.record_as)
        reconcile.addSpacing(12)
        reconcile.addLayout(self.buttons_row)
        reconcile.addWidget(self.merge)
        reconcile.addStretch(1)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.disagreement_label)
        lower_layout.addWidget(self.disagreement_view)
        lower_layout.addLayout(reconcile)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tag_view)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([300, 340])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    # --- what is compared ------------------------------------------------------
    def fill_documents(self, current: str | None) -> None:
        """List the library's documents and pick ``current`` (else the first one coded)."""
        self.documents.blockSignals(True)
        self.documents.clear()
        chosen = -1
        infos = self.library.list_documents()
        labels = document_labels(infos)
        for info in infos:
            self.documents.addItem(labels[info.id], info.id)
            if info.id == current:
                chosen = self.documents.count() - 1
        if chosen < 0:
            chosen = next(
                (i for i in range(self.documents.count()) if self.library.coders(self._doc_at(i))),
                0,
            )
        self.documents.setCurrentIndex(chosen)
        self.documents.blockSignals(False)
        self.refresh_coders(reset=True)

    def _doc_at(self, i: int) -> str:
        return self.documents.itemData(i)

    def document_id(self) -> str | None:
        """The document compared."""
        return self.documents.currentData()

    def coders(self) -> list[str]:
        """The checked coders."""
        return [name for name, box in self.coder_boxes.items() if box.isChecked()]

    def refresh_coders(self, reset: bool = False) -> None:
        """One checkbox per author of the document's tagged highlights, then recompute.

        Kept choices survive; a new author is checked unless it is the consensus
        author (whose highlights are the reconciled codings, not a coder's).
        """
        doc_id = self.document_id()
        found = self.library.coders(doc_id) if doc_id else []
        was = {} if reset else {n: b.isChecked() for n, b in self.coder_boxes.items()}
        while self.coders_row.count():
            item = self.coders_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.coder_boxes = {}
        consensus = self.record_as.text().strip().lower()
        for name, count in found:
            box = QCheckBox(f"{name} ({count})")
            default = name.lower() != consensus and not name.lower().endswith(CONSENSUS_SUFFIX)
            box.setChecked(was.get(name, default))
            box.toggled.connect(lambda _on: self.recompute())
            self.coders_row.addWidget(box)
            self.coder_boxes[name] = box
        if not found:
            self.coders_row.addWidget(QLabel("nobody has tagged this document"))
        self.coders_row.addStretch(1)
        self.recompute()

    # --- figures -----------------------------------------------------------------
    def recompute(self) -> None:
        """Compute agreement for the current choices and show it."""
        doc_id, coders = self.document_id(), self.coders()
        if not self.record_as.isModified():
            self.record_as.setText(consensus_author(self.context.operations.author or "", coders))
        self.report = None
        if doc_id is None or len(coders) < 2:
            self._show_message("Check at least two coders to compare.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.report = document_agreement(
                self.library,
                doc_id,
                coders=coders,
                coded_only=self.coded_only.isChecked(),
                unused_as_missing=self.unused_missing.isChecked(),
                consensus_author=self.record_as.text().strip() or None,
            )
        except ReaderError as exc:
            self._show_message(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_report(self.report)

    def _show_message(self, text: str) -> None:
        self.summary.setText(text)
        self.tag_model.set_table([], [])
        self.disagreement_model.set_table([], [])
        self.disagreement_label.setText("Disagreements")
        self._rebuild_buttons([])

    def _show_report(self, report: AgreementReport) -> None:
        selected = self.selected_disagreement()
        o = report.overall
        units = "clauses anybody coded" if report.coded_only else "all clauses"
        kappa = f", kappa {figure(o.kappa)}" if len(report.coders) == 2 else ""
        self.summary.setText(
            f"<b>Overall</b> ({report.clauses} {units}, {o.units} clause-tag decisions): "
            f"agreement {figure(o.percent, True)}{kappa}, alpha {figure(o.alpha)}"
            f" &nbsp;·&nbsp; mean alpha over tags {figure(report.mean_alpha)}"
            + (f" &nbsp;·&nbsp; {o.note}" if o.note else "")
        )
        self.tag_model.set_table(tag_columns(report.coders), report.tags)
        self.tag_view.resizeColumnsToContents()
        self.disagreement_model.set_table(disagreement_columns(report.coders), report.disagreements)
        _fit_disagreement_columns(self.disagreement_view)
        n = len(report.disagreements)
        self.disagreement_label.setText(
            f"Disagreements: {n} clause{'s' if n != 1 else ''} where the coders' tags differ"
        )
        self._rebuild_buttons(report.coders)
        if selected is not None:
            self.select_clause(selected.clause)
        self._update_buttons()

    def _rebuild_buttons(self, coders: list[str]) -> None:
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.accept_buttons: dict[str, QPushButton] = {}
        for coder in coders:
            button = QPushButton(f"Accept {coder}")
            button.setToolTip(f"Record {coder}'s tags for this clause")
            button.clicked.connect(lambda _c=False, coder=coder: self.accept_selected(coder))
            self.buttons_row.addWidget(button)
            self.accept_buttons[coder] = button
        self._update_buttons()

    # --- disagreements -------------------------------------------------------------
    def selected_disagreement(self) -> Disagreement | None:
        """The disagreement of the selected row."""
        index = self.disagreement_view.currentIndex()
        if not index.isValid():
            return None
        return self.disagreement_model.row_object(self.disagreement_proxy.mapToSource(index))

    def select_clause(self, clause: int) -> bool:
        """Select the row of ``clause``; False if it no longer disagrees."""
        row = self.disagreement_model.find_row(lambda d: d.clause == clause)
        if row < 0:
            return False
        index = self.disagreement_proxy.mapFromSource(self.disagreement_model.index(row, 0))
        self.disagreement_view.setCurrentIndex(index)
        return True

    def _update_buttons(self) -> None:
        d = self.selected_disagreement()
        self.merge.setEnabled(d is not None)
        for coder, button in getattr(self, "accept_buttons", {}).items():
            button.setEnabled(d is not None and bool(d.tags.get(coder)))

    def show_clause(self, index: QModelIndex) -> None:
        """Show the clause of a clicked row in the main window, selected."""
        d = self.disagreement_model.row_object(self.disagreement_proxy.mapToSource(index))
        doc_id = self.document_id()
        if d is not None and doc_id:
            self.context.show_span(doc_id, d.start, d.end)

    def accept_selected(self, coder: str) -> None:
        """Record ``coder``'s tags for the selected clause."""
        d = self.selected_disagreement()
        if d is not None:
            self._record(d, lambda: accepted_tags(d, coder))

    def merge_selected(self) -> None:
        """Record every coder's tags for the selected clause."""
        d = self.selected_disagreement()
        if d is not None:
            self._record(d, lambda: merged_tags(d))

    def _record(self, d: Disagreement, tags: Callable[[], list[str]]) -> None:
        author = self.record_as.text().strip()
        doc_id = self.document_id()
        try:
            chosen = tags()
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return
        if not author or doc_id is None:
            self.context.report_error("Say whose reconciled highlights these are (Record as).")
            return
        self.context.operations.record_coding(
            doc_id, d.start, d.end, chosen, author, CONSENSUS_COLOR
        )

    def _on_change(self, change: Change) -> None:
        # Reconciling, undoing it, or any edit in the main window to this document's
        # highlights: recompute once the undo stack has settled.
        if change.document_id == self.document_id() and self.isVisible():
            self._refresh.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh.stop()  # the library may be closed next: recompute when shown again
        self.context.settings.set(GEOMETRY, self.saveGeometry())
        self.context.settings.set(SPLITTER, self.splitter.saveState())
        super().closeEvent(event)


def _wrap(layout: QHBoxLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
