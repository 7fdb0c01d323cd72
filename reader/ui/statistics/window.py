"""Analysis > Tag Statistics: figures per tag, a co-occurrence heat map, tags by section.

Documents are chosen on the left (none checked means all, as in the export
dialog). A row or a heat-map cell lists the excerpts behind it below; a double
click opens one in the main window. "Export CSV…" writes the table on show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.cooccurrence import cooccurrence, cooccurrence_evidence
from reader.core.analysis.statistics import (
    CodedSpan,
    CodingData,
    SectionTags,
    StatisticsReport,
    TagCounts,
    TagStatistics,
    tag_statistics,
)
from reader.core.atomic import write_atomic
from reader.core.document_labels import document_labels
from reader.core.errors import ReaderError
from reader.core.export.statistics_tables import (
    cooccurrence_csv,
    section_tags_csv,
    tag_statistics_csv,
)
from reader.core.library_model import Excerpt
from reader.ui.checklists import CheckList
from reader.ui.context import AppContext
from reader.ui.panels.common import header_label, short, stack, swatch, table_view
from reader.ui.row_model import Column, RowModel
from reader.ui.statistics.heatmap import CooccurrenceModel, HeatDelegate, HeatLegend
from reader.ui.statistics.table_model import (
    OBJECT_ROLE,
    StatColumn,
    StatTableModel,
    sorting_proxy,
    visible_objects,
)

TAB_TAGS, TAB_COOCCURRENCE, TAB_SECTIONS = 0, 1, 2
REFRESH_DELAY_MS = 300
EXPORT_FOLDER = "statistics/folder"
MAX_DEPTH = 3  # roll-up levels offered for the heat map


@dataclass(slots=True)
class TagRow:
    """A row of the Tags table: a tag over all documents, or in one document."""

    stat: TagStatistics
    counts: TagCounts
    document_id: str | None = None
    document_title: str = ""


def _tag_columns() -> list[StatColumn[TagRow]]:
    def num(header: str, value, text=None) -> StatColumn[TagRow]:  # noqa: ANN001
        return StatColumn(header, text or (lambda r: f"{value(r):,}"), value, numeric=True)

    return [
        # Sort values must be plain str/int/float for the proxy; "\x01" for "/" keeps
        # sub-tags right after their parent.
        StatColumn("Tag", lambda r: r.stat.tag, lambda r: r.stat.tag.lower().replace("/", "\x01")),
        StatColumn("Document", lambda r: r.document_title or "all"),
        num("Excerpts", lambda r: r.counts.excerpts),
        num(
            "Own",
            lambda r: r.stat.own_excerpts if r.document_id is None else 0,
            lambda r: str(r.stat.own_excerpts) if r.document_id is None else "",
        ),
        num("Characters", lambda r: r.counts.characters),
        num(
            "Clauses",
            lambda r: r.counts.clauses_tagged,
            lambda r: f"{r.counts.clauses_tagged}/{r.counts.clauses_total}",
        ),
        num("Share", lambda r: r.counts.clause_share, lambda r: r.counts.share_text),
        num("Documents", lambda r: r.stat.documents if r.document_id is None else 1),
        StatColumn(
            "Authors",
            lambda r: ", ".join(r.stat.authors_in(r.document_id)),
            lambda r: len(r.stat.authors_in(r.document_id)),
        ),
    ]


def _section_columns(name: Callable[[str], str]) -> list[StatColumn[SectionTags]]:
    """The Sections table's columns; ``name`` gives a document's name by its id."""

    def summary(s: SectionTags) -> str:
        top = sorted(s.counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))
        return ", ".join(f"{tag} {n}" for tag, n in top)

    return [
        StatColumn("Document", lambda s: name(s.document_id)),
        StatColumn(
            "Section",
            lambda s: "    " * s.section.depth + s.section.path.rpartition(" > ")[2],
            lambda s: (
                f"{name(s.document_id).lower()}\x00{s.section.start:012d}\x00{s.section.depth:03d}"
            ),
            tooltip=lambda s: s.section.path,
        ),
        StatColumn("Tags", lambda s: str(len(s.counts)), lambda s: len(s.counts), numeric=True),
        StatColumn("Excerpts by tag", summary, lambda s: max(s.counts.values(), default=0)),
    ]


def _excerpt_tooltip(e: Excerpt) -> str:
    return f"{e.document_title}\n{e.location}\n\n“{short(e.annotation.quote, 600)}”"


def _sortable_table(model: StatTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    proxy = sorting_proxy(model, view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setHighlightSections(False)
    return view


class StatisticsWindow(QWidget):
    """A separate window over the context's library; refreshes when it changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle("Tag Statistics")
        self.data = CodingData([], [])
        self.labels: dict[str, str] = {}  # document id -> name telling it apart
        self.report = StatisticsReport([], 0, [], [])
        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._restore()
        context.reloaded.connect(self.library_changed)
        context.tagsChanged.connect(self.library_changed)

    # --- construction --------------------------------------------------------
    def _build(self) -> None:
        self.documents = CheckList(parent=self)
        self.documents.checksChanged.connect(self.refresh)
        self.summary = QLabel(self)
        left = QWidget(self)
        stack(left, header_label("Documents (none checked: all)"), self.documents)

        self.tag_model: StatTableModel[TagRow] = StatTableModel(_tag_columns(), self)
        self.tag_view = _sortable_table(self.tag_model, self)
        header = self.tag_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(2, len(self.tag_model.columns)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tag_view.clicked.connect(self._on_tag_row)
        self.per_document = QCheckBox("One row per document", self)
        self.per_document.toggled.connect(self._fill_tags)
        tags_tab = QWidget(self)
        stack(tags_tab, self.per_document, self.tag_view, spacing=4)

        self.heat_model = CooccurrenceModel(self)
        self.heat_view = QTableView(self)
        self.heat_view.setModel(self.heat_model)
        self.heat_view.setItemDelegate(HeatDelegate(self.heat_view))
        self.heat_view.setShowGrid(False)
        self.heat_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heat_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        cell = self.fontMetrics().height() + 10
        for h in (self.heat_view.horizontalHeader(), self.heat_view.verticalHeader()):
            h.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            h.setDefaultSectionSize(max(cell, self.fontMetrics().horizontalAdvance("8888") + 8))
            h.setHighlightSections(True)
        self.heat_view.clicked.connect(self._on_heat_cell)
        self.depth = QComboBox(self)
        self.depth.addItem("Leaf tags (as stored)", None)
        for level in range(1, MAX_DEPTH + 1):
            self.depth.addItem(f"Sub-tags rolled up to level {level}", level)
        self.depth.currentIndexChanged.connect(self._fill_heat_map)
        self.legend = HeatLegend(self)
        heat_tab = QWidget(self)
        heat_bar = QHBoxLayout()
        heat_bar.addWidget(QLabel("Tags:", self))
        heat_bar.addWidget(self.depth)
        heat_bar.addWidget(self.legend, 1)
        heat_layout = QVBoxLayout(heat_tab)
        heat_layout.setContentsMargins(0, 4, 0, 0)
        heat_layout.addLayout(heat_bar)
        heat_layout.addWidget(self.heat_view)

        self.section_model: StatTableModel[SectionTags] = StatTableModel(
            _section_columns(self.document_name), self
        )
        self.section_view = _sortable_table(self.section_model, self)
        self.section_view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.section_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.section_view.clicked.connect(self._on_section_row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(tags_tab, "Tags")
        self.tabs.addTab(heat_tab, "Co-occurrence")
        self.tabs.addTab(self.section_view, "Sections")

        self.excerpt_model: RowModel[Excerpt] = RowModel(
            [
                Column("Document", lambda e: e.document_title, _excerpt_tooltip),
                Column("Section", lambda e: e.location, _excerpt_tooltip),
                Column(
                    "Excerpt",
                    lambda e: short(e.annotation.quote),
                    _excerpt_tooltip,
                    lambda e: swatch(e.annotation.color),
                ),
                Column("Tags", lambda e: ", ".join(e.annotation.tags)),
                Column("Author", lambda e: e.annotation.author or ""),
            ],
            self,
        )
        self.excerpt_view = table_view(
            self.excerpt_model, lambda _e: None, stretch=2, widths={0: 180, 1: 220, 3: 140}
        )
        self.excerpt_view.doubleClicked.connect(self._open_excerpt)
        self.excerpt_title = header_label("Excerpts: click a row or a cell above", self)
        for label in (self.excerpt_title, self.summary):
            # A long section path must not widen the window: the label is cut instead.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lower = QWidget(self)
        stack(lower, self.excerpt_title, self.excerpt_view)

        # Says why the tables are empty when nothing in scope is tagged.
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(6, 6, 6, 6)
        self.hint.hide()
        upper = QWidget(self)
        stack(upper, self.hint, self.tabs)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(upper)
        right.addWidget(lower)
        right.setSizes([420, 220])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([230, 870])
        self.splitter.setStretchFactor(1, 1)
        self.right = right

        refresh = QPushButton("&Refresh", self)
        refresh.clicked.connect(self.refresh)
        export = QPushButton("&Export CSV…", self)
        export.clicked.connect(self.export_csv)
        close = QPushButton("Close", self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(export)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

    # --- state ------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.context.settings
        geometry = s.bytes("statistics/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        for key, splitter in (
            ("statistics/splitter", self.splitter),
            ("statistics/right", self.right),
        ):
            state = s.bytes(key)
            if state is not None:
                splitter.restoreState(state)
        self.tabs.setCurrentIndex(s.integer("statistics/tab", 0))
        self.per_document.setChecked(s.flag("statistics/per_document", False))
        self.depth.setCurrentIndex(max(0, min(s.integer("statistics/depth", 0), MAX_DEPTH)))

    def _save(self) -> None:
        s = self.context.settings
        s.set("statistics/geometry", self.saveGeometry())
        s.set("statistics/splitter", self.splitter.saveState())
        s.set("statistics/right", self.right.saveState())
        s.set("statistics/tab", self.tabs.currentIndex())
        s.set("statistics/per_document", self.per_document.isChecked())
        s.set("statistics/depth", self.depth.currentIndex())

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # a hidden window refreshes when next shown (it stays stale)
        self._save()
        if self._timer.isActive():
            # A refresh waiting to run happens when the window is next shown: the main
            # window may be closing the library right after closing this one.
            self._timer.stop()
            self._stale = True
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def library_changed(self) -> None:
        """The library changed: refresh soon if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    # --- filling ----------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the library and recompute everything for the chosen documents."""
        self._stale = False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._sync_documents()
            chosen = self.documents.checked()
            self.data = self.context.library.coding_data(chosen or None)
            self.report = tag_statistics(self.data)
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._fill_tags()
        self._fill_heat_map()
        self.section_model.set_rows(self.report.sections)
        for col, width in ((0, 170), (1, 300), (2, 50)):
            self.section_view.setColumnWidth(col, width)
        self.excerpt_model.set_rows([])
        self.excerpt_title.setText("Excerpts: click a row or a cell above")
        self._explain_if_empty()
        clauses = sum(len(d.clauses) for d in self.report.documents)
        self.summary.setText(
            f"{len(self.report.documents)} document(s), {clauses:,} clauses, "
            f"{self.report.excerpts:,} excerpts, {len(self.report.tags)} tags"
        )

    def _explain_if_empty(self) -> None:
        """Show why the tables are empty when no tag is used in the documents chosen."""
        if not self.report.documents:
            text = "The library has no documents yet: open some with File > Open… (Ctrl+O)."
        else:
            text = (
                "No highlight in these documents carries a tag yet, so there is nothing to "
                "count. Highlight a passage (H) and tag it (Ctrl+T); the tables fill in as "
                "you tag."
            )
        self.hint.setText(text)
        self.hint.setVisible(not self.report.tags)

    def _sync_documents(self) -> None:
        """The document list as in the library, keeping what was checked."""
        docs = self.context.library.list_documents()
        self.labels = document_labels(docs)
        keep = set(self.documents.checked())
        current = [self.documents.item(i).text() for i in range(self.documents.count())]
        if current == [self.labels[d.id] for d in docs]:
            return
        self.documents.blockSignals(True)
        self.documents.clear()
        for d in docs:
            label = self.labels[d.id]
            self.documents.add(label, d.id, f"{label}\n{d.annotations} highlight(s)")
        self.documents.set_checked([d.id for d in docs if d.id in keep])
        self.documents.blockSignals(False)

    def document_name(self, document_id: str) -> str:
        """The document's title, told apart from others with the same title."""
        if document_id in self.labels:
            return self.labels[document_id]
        return next((d.title for d in self.report.documents if d.id == document_id), "")

    def _fill_tags(self) -> None:
        rows = []
        for stat in self.report.tags:
            if self.per_document.isChecked():
                rows.extend(
                    TagRow(stat, counts, doc_id, self.document_name(doc_id))
                    for doc_id, counts in stat.by_document.items()
                )
            else:
                rows.append(TagRow(stat, stat.overall))
        self.tag_model.set_rows(rows)
        self.tag_view.setColumnHidden(1, not self.per_document.isChecked())

    def _fill_heat_map(self) -> None:
        matrix = cooccurrence(self.data, depth=self.depth.currentData())
        self.heat_model.set_matrix(matrix)
        self.legend.set_maximum(matrix.maximum)

    # --- excerpts behind a row or a cell -------------------------------------------
    def _list(self, title: str, spans: list[CodedSpan]) -> None:
        ids = list(dict.fromkeys(s.annotation_id for s in spans))
        excerpts = self.context.library.excerpts_by_id(ids)
        self.excerpt_model.set_rows(excerpts)
        self.excerpt_title.setText(f"{title}: {len(excerpts)} excerpt(s)")

    def _on_tag_row(self, index: QModelIndex) -> None:
        row: TagRow = index.siblingAtColumn(0).data(OBJECT_ROLE)
        key = row.stat.tag.lower()
        spans = [
            s
            for s in self.data.considered_spans()
            if (row.document_id is None or s.document_id == row.document_id)
            and any(t.lower() == key or t.lower().startswith(key + "/") for t in s.tags)
        ]
        where = f" in “{row.document_title}”" if row.document_id else ""
        self._list(f"“{row.stat.tag}” or a sub-tag{where}", spans)

    def _on_heat_cell(self, index: QModelIndex) -> None:
        a, b = self.heat_model.tags_at(index)
        found = cooccurrence_evidence(self.data, a, b, self.depth.currentData())
        spans = [s for pair in found for s in pair if s is not None]
        count = self.heat_model.matrix.counts[index.row()][index.column()]
        title = f"“{a}”" if a == b else f"“{a}” and “{b}” meet {count} time(s)"
        self._list(title, spans)

    def _on_section_row(self, index: QModelIndex) -> None:
        entry: SectionTags = index.siblingAtColumn(0).data(OBJECT_ROLE)
        sec = entry.section
        spans = [
            s
            for s in self.data.considered_spans()
            if s.document_id == entry.document_id and sec.start <= s.start < sec.end and s.tags
        ]
        self._list(f"Tagged in “{sec.path}”", spans)

    def _open_excerpt(self, index: QModelIndex) -> None:
        excerpt = self.excerpt_model.row_object(index)
        if excerpt is not None:
            self.context.show_excerpt(excerpt)  # in the main window, brought to front

    # --- export -----------------------------------------------------------------------
    def csv_text(self) -> tuple[str, str]:
        """The table on show as CSV, in the order shown, and a file name for it."""
        tab = self.tabs.currentIndex()
        if tab == TAB_COOCCURRENCE:
            return cooccurrence_csv(self.heat_model.matrix), "tag-cooccurrence"
        if tab == TAB_SECTIONS:
            return section_tags_csv(visible_objects(self.section_view.model())), "tags-by-section"
        rows: list[TagRow] = visible_objects(self.tag_view.model())
        stats = list({id(r.stat): r.stat for r in rows}.values())
        titles = {d.id: d.title for d in self.report.documents}
        return tag_statistics_csv(stats, titles if self.per_document.isChecked() else None), (
            "tag-statistics"
        )

    def export_csv(self) -> None:
        """Ask where, then write the table on show as CSV (atomically)."""
        text, stem = self.csv_text()
        folder = self.context.settings.string(EXPORT_FOLDER) or str(Path.home())
        name = f"{stem}-{date.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export CSV", str(Path(folder) / name), "CSV (*.csv)"
        )
        if not path:
            return
        self.context.settings.set(EXPORT_FOLDER, str(Path(path).parent))
        try:
            written = write_atomic(path, text)
        except ReaderError as exc:
            self.context.report_error(str(exc))
            return
        self.summary.setText(f"Saved {written}")
