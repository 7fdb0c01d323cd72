"""The reading view: a read-only ``QTextEdit`` showing a :class:`ReadingView`.

Each display block becomes one ``QTextBlock``, so a display offset is a document
position (through :class:`OffsetMap` for characters outside the BMP). Headings
are styled by level, page furniture is muted or hidden, and the text is set in a
centred column of comfortable width.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QMouseEvent,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.core.clauses import clause_at, clause_starts
from reader.core.library_model import Annotation
from reader.core.model import Document
from reader.core.reading import ReadingView
from reader.ui.highlighter import Highlighter
from reader.ui.memory import release_freed_memory
from reader.ui.offsets import OffsetMap
from reader.ui.reading_layout import BlockStyle, ReadingLayout

SERIF_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif", "serif"]
BASE_POINT_SIZE = 12.5
COLUMN_CHARS = 74  # a comfortable measure: 65-80 characters a line
ZOOM_STEP = 1.1
ZOOM_RANGE = (-6, 10)
# (size factor, bold, space above in em, space below in em) by block kind / heading level.
_HEADING_STYLE = {1: (1.3, True, 1.5, 0.45), 2: (1.14, True, 1.2, 0.35), 3: (1.02, True, 0.9, 0.3)}
_LINE_HEIGHT = 140  # percent
RELEASE_AFTER_MS = 500
SCROLL_TELL_MS = 80  # while scrolling, where the reader is is told this often at most


class DocumentView(QTextEdit):
    """Shows one document; converts between text offsets and what is on screen."""

    topOffsetChanged = Signal(int)  # text offset at the top of the viewport (throttled)
    painted = Signal()  # the first paint after load()
    cursorOffsetChanged = Signal(int)  # text offset of the caret

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.doc: Document | None = None
        self.view: ReadingView | None = None
        self.offsets = OffsetMap("")
        self.highlighter: Highlighter | None = None
        self.zoom = 0
        self.dark = False
        self.show_furniture = True  # muted, not hidden, by default
        self.context_actions: list = []  # QActions put first in the context menu
        # Highlights as (Qt start, Qt end, annotation), sorted, for drawing what is near.
        self._spans: list[tuple[int, int, Annotation]] = []
        self._span_starts: list[int] = []
        self._span_by_id: dict[str, tuple[int, int, Annotation]] = {}
        self._longest_span = 0
        self._current_annotation: str | None = None
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self._longest_match = 0
        self._current_match = -1
        self._clause_starts: Sequence[int] = []
        self._waiting_for_paint = False
        self._margin = -1
        self._layout: ReadingLayout | None = None
        self._top_block: tuple[int, float] | None = None  # (block, pixels into it) at the top
        # Scrolling tells where the reader is at once, then at most every SCROLL_TELL_MS
        # while it goes on (held keys and wheels scroll without pause: a timer restarted
        # on each step would leave the outline and page behind until the reader stops).
        self._scroll_timer = QTimer(self, singleShot=True, interval=SCROLL_TELL_MS)
        self._scroll_timer.timeout.connect(self._scroll_tick)
        self._scroll_pending = False
        self._anchor = 0  # text offset kept at the top when the width changes
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.cursorPositionChanged.connect(
            lambda: self.cursorOffsetChanged.emit(self.cursor_offset())
        )

    # --- loading and rendering ---------------------------------------------
    def load(self, doc: Document | None, view: ReadingView | None) -> None:
        """Show ``doc`` through its reading ``view`` (None clears the view)."""
        self.doc, self.view = doc, view
        self._clause_starts = clause_starts(doc.clauses) if doc else []
        self._spans, self._span_starts, self._longest_span = [], [], 0
        self._span_by_id = {}
        self._matches, self._current_match = [], -1
        self._match_starts, self._longest_match = [], 0
        self._waiting_for_paint = True
        self._render()

    def _fonts(self) -> tuple[QFont, QFont]:
        size = BASE_POINT_SIZE * ZOOM_STEP**self.zoom
        body = QFont()
        body.setFamilies(SERIF_FAMILIES)
        body.setPointSizeF(size)
        heading = QFont(QGuiApplication.font())  # headings in the UI's sans face
        heading.setPointSizeF(size)
        return body, heading

    def _render(self) -> None:
        """Rebuild the QTextDocument (load, zoom, theme or furniture toggle).

        The text goes in whole (one block per display block) and a
        :class:`ReadingLayout` lays out what is shown, with each block's style and
        font, so opening costs the same for a 10 MB document as for a short one."""
        top = self.top_offset() if self.view and self.document().characterCount() > 1 else None
        body, heading = self._fonts()
        view = self.view
        qdoc = QTextDocument(self)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(body)
        cursor = QTextCursor(qdoc)
        self.offsets = OffsetMap("")
        # What setPlainText does, a MiB at a time: the view makes its text piece by
        # piece, and no whole copy of a long text is ever held in Python.
        for piece in view.chunks() if view else ():
            cursor.insertText(piece)
            self.offsets.extend(piece)
        styles, style_of, char_formats = self._block_styles(body, heading)
        # The width and margins this view will give it, before the layout exists: each
        # change after is a new estimate of every block's height.
        qdoc.setPageSize(QSizeF(self.viewport().width(), -1))
        self._margin = -1
        self._update_margins(qdoc)
        layout = ReadingLayout(qdoc)
        qdoc.setDocumentLayout(layout)
        layout.set_blocks(styles, style_of, view.lengths if view else [], char_formats)
        if view and not self.show_furniture:
            self._hide_furniture(qdoc, layout)
        old = self.document()
        ours = old.parent() is self  # Qt deletes the editor's own first document itself
        self.setDocument(qdoc)
        if ours:
            old.deleteLater()
            # Once Qt has deleted it (and Python freed what built it), the heap's free
            # pages go back: reopening a long document then takes no more than before.
            QTimer.singleShot(RELEASE_AFTER_MS, release_freed_memory)
        self._layout, self._top_block = layout, None
        layout.heightsChanged.connect(self._keep_top_block)
        self.highlighter = Highlighter(qdoc, view, self.offsets) if view else None
        self._refresh_selections()
        if top is not None:
            self.scroll_to_offset(top, margin=0)

    def _block_styles(
        self, body: QFont, heading: QFont
    ) -> tuple[list[BlockStyle], list[int], list[QTextCharFormat]]:
        """The layout style of every block (an index into the styles returned), and the
        character format of each style (empty for body text)."""
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        styles: list[BlockStyle] = []
        char_formats: list[QTextCharFormat] = []
        index: dict[tuple[str, int], int] = {}
        style_of: list[int] = []
        view = self.view
        for code, level in zip(view.kinds, view.levels, strict=True) if view else ():
            kind = view.kind_names[code]
            key = (kind, level if kind == "heading" else 0)
            k = index.get(key)
            if k is None:
                style, cf = self._formats(kind, level, body, heading, muted)
                k = index[key] = len(styles)
                styles.append(style)
                char_formats.append(cf)
            style_of.append(k)
        return styles, style_of, char_formats

    def _formats(
        self, kind: str, level: int, body: QFont, heading: QFont, muted: object
    ) -> tuple[BlockStyle, QTextCharFormat]:
        size = body.pointSizeF()  # margins are in pixels, proportional to the text size
        top, bottom, left, indent, line_height = 0.0, size * 0.7, 0.0, 0.0, _LINE_HEIGHT
        cf = QTextCharFormat()
        if kind == "title":
            cf.setFont(heading)
            cf.setFontPointSize(size * 1.55)
            cf.setFontWeight(QFont.Weight.Bold)
            bottom, line_height = size * 1.2, 115
        elif kind == "heading":
            factor, bold, above, below = _HEADING_STYLE.get(level, _HEADING_STYLE[3])
            cf.setFont(heading)
            cf.setFontPointSize(size * factor)
            cf.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.DemiBold)
            top, bottom, line_height = size * above, size * below, 120
        elif kind == "furniture":
            cf.setFont(heading)
            cf.setFontPointSize(size * 0.8)
            cf.setForeground(muted)
            bottom, line_height = size * 0.35, 115
        elif kind == "list_item":
            left, indent, bottom = size * 1.4, -size * 0.9, size * 0.35  # hanging bullet
        elif kind == "quote":
            cf.setFontItalic(True)
            left = size * 2
        elif kind == "code":
            cf.setFontFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
            cf.setFontPointSize(size * 0.9)
        metrics = QFontMetricsF(cf.font().resolve(body))
        style = BlockStyle(
            top, bottom, left, indent, line_height, metrics.height(), metrics.averageCharWidth()
        )
        return style, cf

    def _hide_furniture(self, qdoc: QTextDocument, layout: ReadingLayout) -> None:
        # Hidden blocks keep their text, so positions (and highlights) stay valid.
        hidden = set()
        block = qdoc.begin()
        for i in range(len(self.view.starts) if self.view else 0):
            if self.view.kind_of(i) == "furniture":
                block.setVisible(False)
                hidden.add(i)
            block = block.next()
        layout.set_hidden(hidden)

    def set_furniture_visible(self, visible: bool) -> None:
        """Show page furniture muted (True) or hide it (False)."""
        if visible != self.show_furniture:
            self.show_furniture = visible
            self._render()

    def set_zoom(self, zoom: int) -> None:
        """Zoom step (0 is the default size); clamped to a sane range."""
        zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self._render()

    def set_dark(self, dark: bool) -> None:
        """Re-render for a light or dark palette (muted and highlight colours)."""
        self.dark = dark
        if self.view is not None:  # nothing shown yet: the first load renders
            self._render()

    def _update_margins(self, doc: QTextDocument | None = None) -> None:
        """Centre a column of about :data:`COLUMN_CHARS` characters (in ``doc``, by
        default the one shown)."""
        doc = doc or self.document()
        fm = QFontMetricsF(doc.defaultFont())
        column = fm.averageCharWidth() * COLUMN_CHARS
        margin = int(max(24, (self.viewport().width() - column) / 2))
        if margin == self._margin:
            return
        self._margin = margin
        fmt: QTextFrameFormat = doc.rootFrame().frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setTopMargin(28)
        fmt.setBottomMargin(80)
        doc.rootFrame().setFrameFormat(fmt)

    # --- highlights and matches --------------------------------------------
    def set_annotations(self, annotations: list[Annotation]) -> None:
        """Draw these (live) annotations."""
        self._spans = []
        if self.highlighter is not None:
            for ann in annotations:
                self._spans.append((*self.highlighter.qt_span(ann.start, ann.end), ann))
        self._spans.sort(key=_span_key)
        self._span_by_id = {span[2].id: span for span in self._spans}
        self._span_starts = [s[0] for s in self._spans]
        self._longest_span = max((s[1] - s[0] for s in self._spans), default=0)
        self._refresh_selections()

    def upsert_annotation(self, ann: Annotation) -> None:
        """Draw one new or changed annotation (the others stay as they are)."""
        self._drop(ann.id)
        if self.highlighter is not None:
            span = (*self.highlighter.qt_span(ann.start, ann.end), ann)
            i = bisect_right(self._spans, _span_key(span), key=_span_key)
            self._spans.insert(i, span)
            self._span_starts.insert(i, span[0])
            self._span_by_id[ann.id] = span
            self._longest_span = max(self._longest_span, span[1] - span[0])
        self._refresh_selections()

    def remove_annotation(self, annotation_id: str) -> None:
        """Stop drawing one annotation."""
        if self._drop(annotation_id):
            self._refresh_selections()

    def _drop(self, annotation_id: str) -> bool:
        # Found by bisection: a document may carry many thousands of highlights. The
        # longest span stays an upper bound, which is all the lookup needs.
        span = self._span_by_id.pop(annotation_id, None)
        if span is None:
            return False
        i = bisect_left(self._spans, _span_key(span), key=_span_key)
        while self._spans[i][2].id != annotation_id:
            i += 1
        del self._spans[i], self._span_starts[i]
        return True

    def set_current_annotation(self, annotation_id: str | None) -> None:
        """Mark the annotation that tag/note/delete act on."""
        if annotation_id != self._current_annotation:
            self._current_annotation = annotation_id
            self._refresh_selections()

    def set_matches(self, matches: list[tuple[int, int]], current: int) -> None:
        """Draw find matches (Qt positions); ``current`` is drawn strongly."""
        self._matches, self._current_match = matches, current
        self._match_starts = [m[0] for m in matches]  # in text order, as found
        self._longest_match = max((e - s for s, e in matches), default=0)
        self._refresh_selections()

    def _visible_range(self) -> tuple[int, int]:
        """Qt positions around what the viewport shows, with a little to spare."""
        vp = self.viewport().rect()
        first = self.cursorForPosition(vp.topLeft()).position()
        last = self.cursorForPosition(vp.bottomRight()).position()
        spare = 300  # characters: a few lines beyond each edge
        return first - spare, last + spare

    def _refresh_selections(self) -> None:
        if self.highlighter is None:
            self.setExtraSelections([])
            return
        # Only the highlights near the viewport go to Qt: setExtraSelections costs time
        # in proportion to how many it gets, and a document may carry thousands.
        lo, hi = self._visible_range()
        i = bisect_right(self._span_starts, hi)
        near = []
        while i > 0 and self._span_starts[i - 1] >= lo - self._longest_span:
            i -= 1
            if self._spans[i][1] > lo:
                near.append(self._spans[i])
        near.reverse()
        sels = self.highlighter.span_selections(near, self.dark, self._current_annotation)
        # Find matches likewise (a common word matches thousands of times in a long
        # document, and each selection given to Qt makes it lay out that block).
        first = bisect_left(self._match_starts, lo - self._longest_match)
        last = bisect_right(self._match_starts, hi)
        sels += self.highlighter.match_selections(
            self._matches[first:last], self._current_match - first, self.dark
        )
        self.setExtraSelections(sels)

    # --- offsets <-> screen ------------------------------------------------
    def qt_to_offset(self, position: int) -> int:
        """The text offset shown at Qt ``position``."""
        if self.view is None:
            return 0
        return self.view.to_source(self.offsets.from_qt(position))

    def offset_to_qt(self, offset: int) -> int:
        """The Qt position where text ``offset`` is shown."""
        if self.view is None:
            return 0
        return self.offsets.to_qt(self.view.to_display(offset))

    def cursor_offset(self) -> int:
        """The text offset of the caret."""
        return self.qt_to_offset(self.textCursor().position())

    def selected_span(self) -> tuple[int, int] | None:
        """The text span of the selection, or None when nothing is selected."""
        cursor = self.textCursor()
        if self.view is None or not cursor.hasSelection():
            return None
        d0 = self.offsets.from_qt(cursor.selectionStart())
        d1 = self.offsets.from_qt(cursor.selectionEnd())
        start, end = self.view.source_span(d0, d1)
        return (start, end) if end > start else None

    def select_qt(self, start: int, end: int, scroll: bool = True) -> None:
        """Select Qt positions ``start``-``end`` (and bring them into view)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self._scroll_to_qt(start, margin=80)

    def move_caret(self, offset: int) -> None:
        """Put the caret (no selection) where text ``offset`` is shown."""
        cursor = self.textCursor()
        cursor.setPosition(self.offset_to_qt(offset))
        self.setTextCursor(cursor)

    def select_span(self, start: int, end: int, scroll: bool = True) -> None:
        """Select the text span ``start``-``end``."""
        if self.highlighter is not None:
            self.select_qt(*self.highlighter.qt_span(start, end), scroll=scroll)

    def scroll_to_offset(self, offset: int, margin: int = 16) -> None:
        """Scroll so text ``offset`` is at the top of the viewport."""
        self._scroll_to_qt(self.offset_to_qt(offset), margin)
        self._anchor = offset

    def _on_scroll(self, value: int) -> None:
        if self._layout is not None:
            # The first block that starts on screen: those above it may be laid out
            # (and change height) as they are painted; it must not move.
            i = self._layout.block_at_y(value)
            if self._layout.block_top(i) < value and i + 1 < self.document().blockCount():
                i += 1
            self._top_block = (i, value - self._layout.block_top(i))
        self._refresh_selections()  # highlights coming into view
        if self._scroll_timer.isActive():
            self._scroll_pending = True  # told when the interval ends
        else:
            self._scroll_settled()
            self._scroll_timer.start()

    def _keep_top_block(self) -> None:
        """Blocks laid out for the first time change height (their estimate was
        close, not exact): keep the block read at the top where it was."""
        if self._layout is None or self._top_block is None:
            return
        i, into = self._top_block
        bar = self.verticalScrollBar()
        wanted = round(self._layout.block_top(i) + into)
        if wanted != bar.value():
            bar.setValue(wanted)

    def _scroll_tick(self) -> None:
        if self._scroll_pending:
            self._scroll_pending = False
            self._scroll_settled()
            self._scroll_timer.start()  # still scrolling, perhaps: the next in an interval

    def _scroll_settled(self) -> None:
        top = self.top_offset()
        self._anchor = top
        self.topOffsetChanged.emit(top)

    def _scroll_to_qt(self, position: int, margin: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        bar = self.verticalScrollBar()
        for _ in range(3):  # laying out what comes into view may move the target: again
            rect = self.cursorRect(cursor)
            if rect.top() == margin:
                break
            bar.setValue(bar.value() + rect.top() - margin)
            if self._layout is not None:
                self._layout.lay_out_between(bar.value(), bar.value() + self.viewport().height())

    def top_offset(self) -> int:
        """The text offset shown at the top of the viewport."""
        pos = self.cursorForPosition(QPoint(max(self._margin, 0) + 2, 6)).position()
        return self.qt_to_offset(pos)

    def select_clause(self, position: int | None = None) -> bool:
        """Select the clause at Qt ``position`` (default: the caret); False if none."""
        if self.doc is None:
            return False
        pos = self.textCursor().selectionStart() if position is None else position
        offset = self.qt_to_offset(pos)
        clause = clause_at(self.doc.clauses, offset, self._clause_starts)
        if clause is None:
            return False
        self.select_span(clause.start, clause.end, scroll=False)
        return True

    # --- events --------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        anchor = self._anchor
        super().resizeEvent(event)
        self._update_margins()
        if event.oldSize().width() != event.size().width() and self.view is not None:
            # Rewrapping moves the text under a fixed scroll value: keep the place read.
            self.scroll_to_offset(anchor, margin=0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._waiting_for_paint:
            self._waiting_for_paint = False
            self.painted.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Alt+click: the whole clause (policy texts are read clause by clause).
        if (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            pos = self.cursorForPosition(event.position().toPoint()).position()
            if self.select_clause(pos):
                event.accept()
                return
        super().mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.textCursor().hasSelection():
            # Right-click moves the caret, so "Tag"/"Note" act on the highlight clicked.
            self.setTextCursor(self.cursorForPosition(event.pos()))
        menu = self.createStandardContextMenu(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        for action in self.context_actions:
            if action is None:
                menu.insertSeparator(first)
            else:
                menu.insertAction(first, action)
        menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()


def _span_key(span: tuple[int, int, Annotation]) -> tuple[int, int]:
    return span[0], span[1]
