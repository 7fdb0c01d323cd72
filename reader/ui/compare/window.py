"""Analysis > Compare Documents: two documents side by side, aligned section by section.

Above, the alignment (pairs with scores, units only in A or only in B) and the tag
lens; below, both documents whole, each with its highlights. Choosing a pair scrolls
both panes to it and paints its word diff; moving the caret in one pane brings the
other to the counterpart. Aligning runs in the background.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QWidget,
)

from reader.core.atomic import write_atomic
from reader.core.compare.diff import word_diff
from reader.core.compare.lens import tag_lens
from reader.core.compare.model import Alignment, DiffOp, Pair
from reader.core.compare.report import DIFF_MIN_SIMILARITY, comparison_markdown
from reader.core.document_labels import chooser_labels
from reader.core.errors import ReaderError
from reader.core.library_model import Excerpt
from reader.ui.annotating import Annotating
from reader.ui.compare.annotating import PaneActions
from reader.ui.compare.diff_paint import side_spans, unit_span, unmatched_spans
from reader.ui.compare.lens import TagLens
from reader.ui.compare.pair_model import (
    COL_A,
    COL_B,
    COL_METHOD,
    COL_SCORE,
    COL_SIMILARITY,
    AlignmentRow,
    PairModel,
    PairProxy,
)
from reader.ui.compare.pane import ComparePane
from reader.ui.compare.worker import Aligner
from reader.ui.context import AppContext
from reader.ui.operations import Change
from reader.ui.panels.common import stack, table_view
from reader.ui.sharing import with_suffix

SIDES = ("a", "b")
BUSY_AFTER_MS = 100  # quick alignments never flash the busy bar
FOLDER_KEY = "compare/folder"
TAB_SECTIONS = 0


class CompareWindow(QMainWindow):
    """The compare window over the context's library; annotations change through its
    operations, in the current colour."""

    aligned = Signal()  # a new alignment is shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.operations = context.operations
        self.library = context.library
        self.settings = context.settings
        self.alignment: Alignment | None = None
        self.shown_row: AlignmentRow | None = None
        self.errors: list[str] = []  # every error shown (tests read it)
        self._diffs: dict[tuple[str, str], list[DiffOp]] = {}
        self._active = "a"
        self._following: str | None = None
        self.setWindowTitle("Compare Documents — Policy Reader")
        self.aligner = Aligner(self)
        self.aligner.aligned.connect(self._on_aligned)
        self.aligner.failed.connect(self._on_align_failed)
        self._build()
        self.commands = Annotating(
            self, context, lambda: (self.active_pane().view, self.active_pane().open_doc)
        )
        self.annotating = PaneActions(self, self.commands)
        self._build_menus()
        self.operations.changed.connect(self._on_change)
        context.reloaded.connect(self.refresh_after_merge)
        self._restore()

    # --- construction ------------------------------------------------------
    def _build(self) -> None:
        self.combos = {side: self._document_combo() for side in SIDES}
        self.swap_button = QToolButton(text="⇄ Swap", toolTip="Swap A and B")
        self.swap_button.clicked.connect(self.swap)
        self.export_button = QPushButton("Export Comparison…")
        self.export_button.clicked.connect(self.export_comparison)
        chooser = QHBoxLayout()
        chooser.setContentsMargins(8, 6, 8, 6)
        for side in SIDES:
            label = QLabel(f"&{side.upper()}:")
            label.setBuddy(self.combos[side])
            chooser.addWidget(label)
            chooser.addWidget(self.combos[side], 1)
            if side == "a":
                chooser.addWidget(self.swap_button)
        chooser.addSpacing(12)
        chooser.addWidget(self.export_button)
        top = QWidget()
        top.setLayout(chooser)

        self.pair_model = PairModel(self)
        self.proxy = PairProxy(self.pair_model, self)
        # The proxy stands in for the RowModel: it maps rows to their objects too.
        self.table = table_view(
            self.proxy,  # type: ignore[arg-type]
            lambda row: self.show_row(row, force=True),
            stretch=COL_A,
            widths={COL_SCORE: 60, COL_SIMILARITY: 80, COL_METHOD: 90},
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_B, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # reading order until asked
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.changed_only = QCheckBox("Changed or unmatched only")
        self.changed_only.toggled.connect(self.proxy.set_changed_only)
        self.summary = QLabel()
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(6, 4, 6, 4)
        filter_row.addWidget(self.changed_only)
        filter_row.addStretch(1)
        filter_row.addWidget(self.summary)
        sections = QWidget()
        stack(sections, self.table).insertLayout(0, filter_row)

        self.lens = TagLens()
        self.lens.tagChosen.connect(self.show_lens)
        self.lens.excerptActivated.connect(self.show_excerpt)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(sections, "Sections")
        self.tabs.addTab(self.lens, "Tag Lens")

        self.panes = {side: ComparePane(side, self.library) for side in SIDES}
        for side, pane in self.panes.items():
            pane.view.cursorOffsetChanged.connect(lambda o, side=side: self.follow(side, o))
            pane.view.selectionChanged.connect(lambda side=side: self._set_active(side))
            pane.view.focused.connect(lambda side=side: self._set_active(side))
        self.pane_splitter = QSplitter(Qt.Orientation.Horizontal)
        for pane in self.panes.values():
            self.pane_splitter.addWidget(pane)
        self.pane_splitter.setChildrenCollapsible(False)
        self.pane_splitter.setSizes([1, 1])  # halves
        self.pair_info = QLabel()
        self.pair_info.setContentsMargins(8, 4, 8, 4)
        self.pair_info.setTextFormat(Qt.TextFormat.PlainText)
        lower = QWidget()
        stack(lower, self.pair_info, self.pane_splitter).setStretchFactor(self.pane_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 570])
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        stack(central, top, self.splitter)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(self.aligner.busy))

    def _document_combo(self) -> QComboBox:
        combo = QComboBox()
        # Long titles must not widen the window: the popup shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.currentIndexChanged.connect(lambda _i: self.start_alignment())
        return combo

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self.export_action = QAction("&Export Comparison…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda _c=False: self.export_comparison())
        close = QAction("&Close", self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(lambda _c=False: self.close())
        file.addActions([self.export_action, close])
        edit = bar.addMenu("&Annotate")
        for action in self.annotating.actions():
            edit.addAction(action) if action else edit.addSeparator()

    # --- choosing documents ------------------------------------------------
    def refresh_documents(self) -> None:
        """Re-read the library's documents into both choosers (choices kept)."""
        docs = self.library.list_documents()
        labels = chooser_labels(docs)
        for combo in self.combos.values():
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for info in docs:
                text, tip = labels[info.id]
                combo.addItem(text, info.id)
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(keep)) if docs else -1)
            combo.blockSignals(False)

    def choose(self, a: str | None, b: str | None = None) -> None:
        """Compare document ``a`` with ``b`` (default: the B chosen, or another document)."""
        self.refresh_documents()
        ids = [self.combos["a"].itemData(i) for i in range(self.combos["a"].count())]
        a = a if a in ids else self.combos["a"].currentData()
        if b not in ids:
            b = self.combos["b"].currentData()
            if b == a or b is None:
                b = next((i for i in ids if i != a), a)
        shown = (self.panes["a"].doc, self.panes["b"].doc)
        unchanged = tuple(d.id if d else None for d in shown) == (a, b)
        for side, doc_id in (("a", a), ("b", b)):
            self.combos[side].blockSignals(True)
            self.combos[side].setCurrentIndex(self.combos[side].findData(doc_id))
            self.combos[side].blockSignals(False)
        if not unchanged or (self.alignment is None and not self.aligner.busy):
            self.start_alignment()

    def document_ids(self) -> tuple[str | None, str | None]:
        """The ids chosen as A and B."""
        return self.combos["a"].currentData(), self.combos["b"].currentData()

    def swap(self) -> None:
        """Make A the B and B the A."""
        a, b = self.document_ids()
        self.choose(b, a)

    # --- aligning ------------------------------------------------------------
    def start_alignment(self) -> None:
        """Load the chosen documents into the panes and align them in the background."""
        a_id, b_id = self.document_ids()
        self.aligner.cancel()
        self._show_alignment(None)
        if not a_id or not b_id:
            self.pair_info.setText("Import two documents to compare them.")
            return
        try:
            docs = {"a": self.library.get_document(a_id), "b": self.library.get_document(b_id)}
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        for side, doc in docs.items():
            pane = self.panes[side]
            if side == "b" and a_id == b_id:
                pane.clear()
            elif pane.doc is None or pane.doc.id != doc.id:
                pane.load(doc)
            else:
                pane.view.set_diff([])
        if a_id == b_id:
            # A document compared with itself is all 100%: nothing to learn.
            alone = self.combos["b"].count() < 2
            self.pair_info.setText(
                "Import a second document to compare this one with it."
                if alone
                else "A and B are the same document: choose another one as B."
            )
            return
        self._diffs = {}
        self.pair_info.setText("Aligning…")
        self.statusBar().showMessage("Aligning sections…")
        self.aligner.start(docs["a"], docs["b"])
        self._busy_timer.start()
        self.refresh_lens()

    def _on_aligned(self, alignment: Alignment) -> None:
        self.busy.hide()
        self._show_alignment(alignment)
        self.aligned.emit()

    def _on_align_failed(self, message: str) -> None:
        self.busy.hide()
        self.pair_info.setText("")
        self.statusBar().clearMessage()
        self.show_error(message)

    def _show_alignment(self, alignment: Alignment | None) -> None:
        self.alignment, self.shown_row = alignment, None
        self.pair_model.set_alignment(alignment)
        if alignment is None:
            self.summary.setText("")
            return
        n, only_a, only_b = len(alignment.pairs), len(alignment.only_a), len(alignment.only_b)
        text = f"{n} pair{'s' if n != 1 else ''} · {only_a} only in A · {only_b} only in B"
        self.summary.setText(text)
        self.statusBar().showMessage(text, 6000)
        self.pair_info.setText("Choose a pair above, or click in either text.")

    # --- showing pairs -------------------------------------------------------
    def _diff(self, pair: Pair) -> list[DiffOp]:
        key = (pair.a.key, pair.b.key)
        if key not in self._diffs:
            a, b = self.panes["a"].doc, self.panes["b"].doc
            # Texts that share little (a news paragraph and its section) would show as
            # all removed and added: only the units are marked, as in the report.
            wanted = a and b and pair.similarity >= DIFF_MIN_SIMILARITY
            self._diffs[key] = word_diff(a, pair.a, b, pair.b) if wanted else []
        return self._diffs[key]

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.proxy.row_object(current)
        if row is not None:
            self.show_row(row, source=self._following)

    def show_row(self, row: AlignmentRow, source: str | None = None, force: bool = False) -> None:
        """Paint ``row``'s diff and scroll the panes to its units (all but ``source``)."""
        if row is self.shown_row and not force:
            return
        self.shown_row = row
        if row.pair is not None:
            ops = self._diff(row.pair)
            spans = {s: [unit_span(row.unit(s))] + side_spans(ops, s) for s in SIDES}
        else:
            side = "a" if row.a is not None else "b"
            spans = {side: unmatched_spans(row.unit(side)), _other(side): []}
        for side, pane in self.panes.items():
            pane.view.set_diff(spans[side])
            unit = row.unit(side)
            if unit is not None and side != source:
                pane.view.scroll_to_offset(unit.start)
        self.pair_info.setText(_pair_text(row))

    def follow(self, side: str, offset: int) -> None:
        """The caret moved in pane ``side``: show the pair of the unit it is in."""
        if self.alignment is None or self._following:
            return
        row = self._row_at(side, offset)
        if row is None or row is self.shown_row:
            return
        self._following = side
        try:
            at = self.proxy.proxy_row(lambda r: r is row)
            if at >= 0:
                self.table.setCurrentIndex(self.proxy.index(at, 0))
                self.table.scrollTo(self.proxy.index(at, 0))
            else:
                self.table.clearSelection()
            self.show_row(row, source=side)
        finally:
            self._following = None

    def _row_at(self, side: str, offset: int) -> AlignmentRow | None:
        """The row of the innermost unit of ``side`` containing ``offset`` (pairs first)."""
        found = [
            r for r in self.pair_model.rows()
            if (u := r.unit(side)) is not None and u.start <= offset < u.end
        ]  # fmt: skip
        if not found:
            return None
        return min(found, key=lambda r: (r.unit(side).end - r.unit(side).start, r.pair is None))

    # --- panes and annotations -------------------------------------------------
    def active_pane(self) -> ComparePane:
        """The pane the Annotate commands act on (the one used last)."""
        return self.panes[self._active]

    def _set_active(self, side: str) -> None:
        self._active = side

    def _on_change(self, change: Change) -> None:
        for pane in self.panes.values():
            pane.apply_change(change)
        if change.tags:
            self.refresh_lens()
        elif self.lens.current_tag():
            self.show_lens(self.lens.current_tag())  # colours and notes in the lens rows

    def refresh_after_merge(self) -> None:
        """Annotations arrived outside the undo stack (a shared file, another process):
        both panes redraw every highlight, the lens re-reads its tags and excerpts."""
        for pane in self.panes.values():
            pane.reload_annotations()
        self.refresh_lens()

    # --- tag lens -------------------------------------------------------------
    def refresh_lens(self) -> None:
        """Re-read the tag list and the chosen tag's excerpts."""
        self.lens.set_tags(self.library.tag_tree())
        self.show_lens(self.lens.current_tag())

    def show_lens(self, tag: str) -> None:
        """List ``tag``'s excerpts in A and in B."""
        a, b = self.document_ids()
        if not tag or not a or not b:
            self.lens.set_excerpts([], [])
            return
        try:
            in_a, in_b = tag_lens(self.library, a, b, tag)
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        self.lens.set_excerpts(in_a, in_b)

    def show_excerpt(self, side: str, excerpt: Excerpt) -> None:
        """Scroll pane ``side`` to an excerpt, caret in it (the other pane follows)."""
        view = self.panes[side].view
        ann = excerpt.annotation
        view.select_span(ann.start, ann.end)
        view.move_caret(ann.start)

    # --- export ------------------------------------------------------------------
    def export_comparison(self) -> None:
        """Write the comparison as Markdown, where the user says (atomically)."""
        a, b = self.panes["a"].doc, self.panes["b"].doc
        if self.alignment is None or a is None or b is None:
            self.statusBar().showMessage("Nothing to export yet: choose two documents", 4000)
            return
        folder = self.settings.string(FOLDER_KEY)
        start = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        name = f"comparison-{date.today().isoformat()}.md"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export Comparison", str(start / name), "Markdown (*.md)"
        )
        if not path:
            return
        self.settings.set(FOLDER_KEY, str(Path(path).parent))
        try:
            written = write_atomic(
                with_suffix(path, "md"), comparison_markdown(a, b, self.alignment)
            )
        except ReaderError as exc:
            self.show_error(str(exc))
            return
        self.statusBar().showMessage(f"Saved the comparison to {written}", 8000)

    # --- messages, state --------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """Tell the user what went wrong, without blocking."""
        self.errors.append(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Compare Documents", message,
            QMessageBox.StandardButton.Ok, self,
        )  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _restore(self) -> None:
        s = self.settings
        geometry = s.bytes("compare/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # As wide as suits two texts side by side, but never wider than the screen:
            # at 1280x800 a 1360-pixel window hid its Export Comparison button.
            room = self.screen().availableGeometry()
            self.resize(min(1360, room.width()), min(860, room.height()))
        s.restore_state("compare/splitter", self.splitter)
        s.restore_state("compare/panes", self.pane_splitter)
        self.changed_only.setChecked(s.flag("compare/changed_only", False))
        self.tabs.setCurrentIndex(s.integer("compare/tab", TAB_SECTIONS))

    def save_state(self) -> None:
        """Remember geometry, splitters, tab and filter."""
        s = self.settings
        s.set("compare/geometry", self.saveGeometry())
        s.set("compare/splitter", self.splitter.saveState())
        s.set("compare/panes", self.pane_splitter.saveState())
        s.set("compare/changed_only", self.changed_only.isChecked())
        s.set("compare/tab", self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.aligner.cancel()
        self.aligner.wait()
        super().closeEvent(event)


def _other(side: str) -> str:
    return "b" if side == "a" else "a"


def _pair_text(row: AlignmentRow) -> str:
    if row.pair is None:
        side = "A" if row.a is not None else "B"
        unit = row.a or row.b
        return f"Only in {side}: {unit.path or unit.display}" if unit else ""
    p = row.pair
    return (
        f"{p.a.display}  ↔  {p.b.display}    similarity {round(p.similarity * 100)}%"
        f" · alignment score {p.score:.2f} ({p.method})"
    )
