"""A document layout for the reading view that lays out only what is asked for.

Qt's own ``QTextDocumentLayout`` lays out every block of a document before the first
paint (seconds and hundreds of MiB for a 10 MB document). This layout gives every
block an estimated height from its length and style, and lays a block out (with
Qt's ``QTextLayout``, so shaping, wrapping, hit testing, the caret and cursor moves
are Qt's) only when it is painted, hit or asked for by the text control. A block
laid out keeps its exact height; the layouts of blocks long off screen are dropped
again, so memory stays bounded however far the reader scrolls.

Styles (margins, indents, line height) come per block from the view as a
:class:`BlockStyle`, with a character format per style (a heading's font, the muted
colour of furniture) that goes on the block's layout when it is laid out.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from math import ceil

from PySide6.QtCore import QPointF, QRectF, QSizeF, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFrame,
    QTextLayout,
    QTextOption,
)

KEEP_LAID_OUT = 1500  # blocks whose layout stays cached (a few screens' worth, many times)


@dataclass(frozen=True, slots=True)
class BlockStyle:
    """How one kind of block is set: pixels, except ``line_height`` (percent)."""

    top: float = 0.0
    bottom: float = 0.0
    left: float = 0.0
    indent: float = 0.0  # first line, relative to ``left`` (negative: hanging)
    line_height: int = 100
    line_px: float = 16.0  # the natural height of one line in the block's font
    char_px: float = 7.0  # the average width of a character in the block's font


class ReadingLayout(QAbstractTextDocumentLayout):
    """Lays out the blocks of ``doc`` on demand; set :meth:`set_blocks` before use."""

    heightsChanged = Signal()  # exact heights replaced estimates (after a batch)

    def __init__(self, doc: QTextDocument) -> None:
        super().__init__(doc)
        self._doc = doc
        self._styles: list[BlockStyle] = []
        # Per block (machine numbers, not lists of objects: a long document has tens
        # of thousands of blocks): the index of its style, its length, the space above.
        self._style_of: Sequence[int] = []
        self._lengths: Sequence[int] = []
        self._formats: list[QTextCharFormat] = []
        self._gaps = array("d")
        self._tail = 0.0
        self._frame: tuple[float, ...] = ()
        self._hidden: set[int] = set()
        self._estimated: array[float] | None = array("d")
        self._tops = array("d", [0.0])
        self._tops_dirty = False
        self._laid: OrderedDict[int, None] = OrderedDict()  # laid-out blocks, oldest first
        self._left = self._right = self._top = self._bottom = 0.0
        self._width = 0.0
        self._announce = QTimer(self, singleShot=True, interval=0)
        self._announce.timeout.connect(self._announce_size)

    # --- what the view tells it ----------------------------------------------
    def set_blocks(
        self,
        styles: list[BlockStyle],
        style_of: Sequence[int],
        lengths: Sequence[int],
        formats: list[QTextCharFormat] | None = None,
    ) -> None:
        """The style of each block (an index into ``styles``), its length, and the
        character format of each style (empty: the document's own)."""
        self._styles, self._style_of, self._lengths = styles, style_of, lengths
        self._formats = formats or [QTextCharFormat() for _ in styles]
        # Space above each block, as Qt sets it: the larger of its top margin and the
        # bottom margin of the block before; the last block keeps its bottom margin.
        self._gaps = array("d", bytes(8 * len(style_of)))
        for i in range(1, len(style_of)):
            self._gaps[i] = max(styles[style_of[i]].top, styles[style_of[i - 1]].bottom)
        if style_of:
            self._tail = styles[style_of[-1]].bottom
        self._reset()

    def set_hidden(self, hidden: set[int]) -> None:
        """Block numbers that take no space (page furniture, when hidden)."""
        self._hidden = hidden
        self._reset()

    # --- geometry ------------------------------------------------------------
    def _read_frame(self) -> tuple[float, ...]:
        fmt = self._doc.rootFrame().frameFormat()
        page = self._doc.pageSize().width()
        return fmt.leftMargin(), fmt.rightMargin(), fmt.topMargin(), fmt.bottomMargin(), page

    def _reset(self) -> None:
        """Forget every layout; heights are estimated again for the current width when
        next needed (a document is set up through several resets before it shows)."""
        self._frame = self._read_frame()
        self._left, self._right, self._top, self._bottom, page = self._frame
        self._width = max(40.0, (page if page > 0 else 800.0) - self._left - self._right)
        for i in self._laid:
            block = self._doc.findBlockByNumber(i)
            if block.isValid():
                block.layout().clearLayout()
        self._laid.clear()
        self._estimated = None
        self._tops_dirty = True
        self._announce.start()

    @property
    def _heights(self) -> array[float]:
        """Every block's height: exact once laid out, else estimated."""
        if self._estimated is None:
            self._estimated = self._estimate_all()
        return self._estimated

    def _estimate_all(self) -> array[float]:
        count = min(len(self._lengths), self._doc.blockCount())
        # Lines of a block: its length times the average character width, over the
        # width it has; each style's constants are worked out once.
        per_style = [
            (st.char_px / max(20.0, self._width - st.left), st.line_px * st.line_height / 100)
            for st in self._styles
        ]
        hidden = self._hidden
        heights = array("d")
        rows = zip(self._style_of[:count], self._lengths, self._gaps, strict=False)
        for i, (k, n, gap) in enumerate(rows):
            per_char, line = per_style[k]
            heights.append(0.0 if i in hidden else gap + max(1, ceil(n * per_char)) * line)
        if count == len(self._lengths) and count:
            heights[-1] += self._tail
        return heights

    def _ensure_tops(self) -> None:
        if self._tops_dirty:
            self._tops = array("d", [0.0])
            self._tops.extend(accumulate(self._heights))
            self._tops_dirty = False

    def block_top(self, i: int) -> float:
        """Document y of the top of block ``i`` (exact above only if laid out)."""
        self._ensure_tops()
        return self._top + self._tops[i]

    def block_at_y(self, y: float) -> int:
        """The number of the block at document ``y`` (the nearest when outside)."""
        self._ensure_tops()
        i = bisect_right(self._tops, y - self._top) - 1
        i = max(0, min(i, len(self._heights) - 1))
        while i + 1 < len(self._heights) and self._heights[i] == 0:
            i += 1  # hidden blocks take no space: the one shown there is later
        return i

    def laid_out(self) -> int:
        """How many blocks have a layout now."""
        return len(self._laid)

    def lay_out_between(self, y0: float, y1: float) -> None:
        """Lay out the blocks between document ``y0`` and ``y1`` (what a viewport shows)."""
        if not self._heights:
            return
        i = self.block_at_y(y0)
        block = self._doc.findBlockByNumber(i)
        while block.isValid() and i < len(self._heights) and self.block_top(i) <= y1:
            self._lay_out(block)
            block, i = block.next(), i + 1

    def _lay_out(self, block: QTextBlock) -> QTextLayout:
        """Lay ``block`` out (if it is not) and record its exact height."""
        i = block.blockNumber()
        tl = block.layout()
        if tl.lineCount() and i in self._laid:
            self._laid.move_to_end(i)
            return tl
        if i >= len(self._heights):
            return tl
        st = self._styles[self._style_of[i]]
        fmt = self._formats[self._style_of[i]]
        if not fmt.isEmpty() and not tl.formats():
            # A heading's font goes on its layout, as a syntax highlighter's formats do,
            # not into the document: formatting 10,000 headings there costs a tenth of
            # a second before the first paint.
            whole = QTextLayout.FormatRange()
            whole.start, whole.length, whole.format = 0, block.length(), fmt
            tl.setFormats([whole])
        tl.setCacheEnabled(False)
        # A word wider than the column (a long URL in a reference list) breaks
        # anywhere rather than running off the right edge, where it would be cut off.
        option = tl.textOption()
        if option.wrapMode() != QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere:
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            tl.setTextOption(option)
        tl.beginLayout()
        y = self._gaps[i]
        first = True
        while True:
            line = tl.createLine()
            if not line.isValid():
                break
            x = st.left + (st.indent if first else 0.0)
            line.setLineWidth(max(10.0, self._width - x))
            line.setPosition(QPointF(x, y))  # the extra line height goes below, as in Qt
            y += line.height() * st.line_height / 100
            first = False
        tl.endLayout()
        if i == len(self._lengths) - 1:
            y += self._tail
        height = 0.0 if i in self._hidden else y
        if height != self._heights[i]:
            self._heights[i] = height
            self._tops_dirty = True
            self._announce.start()
        self._laid[i] = None
        while len(self._laid) > KEEP_LAID_OUT:
            old, _ = self._laid.popitem(last=False)
            self._doc.findBlockByNumber(old).layout().clearLayout()
        return tl

    def _announce_size(self) -> None:
        self.documentSizeChanged.emit(self.documentSize())
        self.heightsChanged.emit()
        self.update.emit()  # the whole document

    # --- QAbstractTextDocumentLayout ------------------------------------------
    def documentChanged(self, position: int, charsRemoved: int, charsAdded: int) -> None:  # noqa: N803
        """A new width or new frame margins start again from estimates (the text of a
        reading view never changes)."""
        if self._read_frame() != self._frame:
            self._reset()

    def documentSize(self) -> QSizeF:
        """The width of the page and the height of every block, laid out or estimated."""
        self._ensure_tops()
        return QSizeF(
            self._width + self._left + self._right, self._top + self._tops[-1] + self._bottom
        )

    def pageCount(self) -> int:
        """One endless page."""
        return 1

    def frameBoundingRect(self, frame: QTextFrame) -> QRectF:
        """The whole document (it has one frame)."""
        return QRectF(QPointF(0, 0), self.documentSize())

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Where ``block`` is; lays it out, as every caller then reads its lines."""
        i = block.blockNumber()
        if not block.isValid() or i >= len(self._heights):
            return QRectF()
        self._lay_out(block)
        return QRectF(self._left, self.block_top(i), self._width, self._heights[i])

    def hitTest(self, point: QPointF, accuracy: object) -> int:
        """The cursor position nearest ``point``."""
        if not self._heights:
            return 0
        i = self.block_at_y(point.y())
        block = self._doc.findBlockByNumber(i)
        tl = self._lay_out(block)
        y = point.y() - self.block_top(i)
        x = point.x() - self._left
        for n in range(tl.lineCount()):
            line = tl.lineAt(n)
            if y < line.y() + line.height() or n == tl.lineCount() - 1:
                return block.position() + line.xToCursor(x)
        return block.position()

    def draw(self, painter: QPainter, context: QAbstractTextDocumentLayout.PaintContext) -> None:
        """Paint the blocks in the clip rectangle, with selections and the caret."""
        if not self._heights:
            return
        clip = context.clip
        if clip.isValid():
            y0, y1 = clip.top(), clip.bottom()
        else:
            y0, y1 = 0.0, self.documentSize().height()
        selections = [
            # Copies: the context's selections go when this call returns.
            (s.cursor.selectionStart(), s.cursor.selectionEnd(), QTextCharFormat(s.format))
            for s in context.selections
            if s.cursor.hasSelection()
        ]
        painter.setPen(context.palette.color(QPalette.ColorRole.Text))
        i = self.block_at_y(y0)
        block = self._doc.findBlockByNumber(i)
        while block.isValid() and i < len(self._heights):
            top = self.block_top(i)
            if top > y1:
                break
            if i not in self._hidden:
                tl = self._lay_out(block)
                top = self.block_top(i)  # blocks above may have been laid out just now
                origin = QPointF(self._left, top)
                start, end = block.position(), block.position() + block.length()
                ranges = []
                for s, e, fmt in selections:
                    if s < end and e > start:
                        r = QTextLayout.FormatRange()
                        r.start, r.length, r.format = (
                            max(s, start) - start,
                            min(e, end) - max(s, start),
                            fmt,
                        )
                        ranges.append(r)
                tl.draw(painter, origin, ranges, clip if clip.isValid() else QRectF())
                caret = context.cursorPosition
                if start <= caret < end:
                    tl.drawCursor(painter, origin, caret - start, 1)
            block = block.next()
            i += 1
