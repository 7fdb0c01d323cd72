"""The text of a card laid out for the width of its pane: wrapped over a few lines, the
last ending in "…" when the text goes on, and a section path shortened so that both
its head (``Part IV > 2. …``) and its end (the deepest section, the page) stay in sight.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtGui import QTextLayout as Layout

OPEN, CLOSE = "«", "»"  # the marks search snippets put around matched words
PATH_SEP = " > "
GAP = "…"


def unmark(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A search snippet on one line without its «marks», and the spans they marked."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = None
    for ch in " ".join(snippet.split()):
        if ch == OPEN:
            start = len(out)
        elif ch == CLOSE:
            if start is not None and len(out) > start:
                spans.append((start, len(out)))
            start = None
        else:
            out.append(ch)
    return "".join(out), spans


def one_line(text: str, limit: int = 800) -> str:
    """``text`` with its white space collapsed, cut at ``limit`` characters (a card shows
    three lines: laying out a whole long quote would only cost time)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def lay_out(
    text: str, font: QFont, width: int, formats: Sequence[Layout.FormatRange] = ()
) -> Layout:
    """``text`` wrapped at ``width`` pixels (all of its lines)."""
    layout = Layout(text, font)
    layout.setFormats(list(formats))
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 20))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


def lines(
    text: str,
    font: QFont,
    width: int,
    max_lines: int,
    formats: Sequence[Layout.FormatRange] = (),
) -> Layout:
    """``text`` laid out in at most ``max_lines`` lines of ``width`` pixels, the last
    ending in "…" when the text goes on."""
    text = " ".join(text.split())
    layout = lay_out(text, font, width, formats)
    if layout.lineCount() > max_lines:
        last = layout.lineAt(max_lines - 1)
        # Plain ints: a QTextLine dies with the layout it belongs to, replaced below.
        line_start = last.textStart()
        cut = line_start + last.textLength()
        # Shorten the last line until it and the ellipsis fit.
        while cut > line_start:
            layout = lay_out(text[:cut].rstrip() + "…", font, width, formats)
            if layout.lineCount() <= max_lines:
                break
            cut -= max(1, (cut - line_start) // 8)
    return layout


def height(layout: Layout) -> int:
    """The pixels ``layout``'s lines take."""
    return int(layout.boundingRect().height() + 0.999)


def path_lines(path: str, font: QFont, width: int, max_lines: int = 2) -> Layout:
    """A section path (``Part IV > 2. In the Economic Field > (3) Financial Cooperation,
    p. 12``) in at most ``max_lines`` lines of ``width`` pixels.

    What does not fit goes from the middle: sections between the outermost and the
    deepest first (``Part IV > … > (3) Financial Cooperation, p. 12``), then letters
    from the middle of what is left, so the path's head and its end (the section the
    text is in, the page) both stay in sight.
    """
    path = " ".join(path.split())
    layout = lay_out(path, font, width)
    if layout.lineCount() <= max_lines:
        return layout
    parts = path.split(PATH_SEP)
    # Keep the head and the last ``keep`` sections, fewer and fewer of them.
    for keep in range(len(parts) - 2, 0, -1):
        shorter = PATH_SEP.join([parts[0], GAP, *parts[-keep:]])
        layout = lay_out(shorter, font, width)
        if layout.lineCount() <= max_lines:
            return layout
    # Still too long (one long title, or a long head and end): letters go from the
    # middle, the budget shrinking until the wrapped text fits.
    metrics = QFontMetrics(font)
    budget = width * max_lines
    while budget > 20:
        shorter = metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, budget)
        layout = lay_out(shorter, font, width)
        if layout.lineCount() <= max_lines:
            return layout
        budget -= max(8, budget // 12)
    return lines(path, font, width, max_lines)
