"""The text a reader sees of the stored text, for judging headings and titles.

For plain text, HTML, Word and PDF the stored text is what the reader sees. A Markdown
document stores its source: ``<span>Sec</span>. 2.`` or ``## 1. [Article I](url)``
reads as ``Sec. 2.`` and ``1. Article I``. Heading detection, outline titles and the
document's title work on the shown text (:class:`ShownText`), and a position found in
it (where a run-in heading ends) maps back to a stored-text offset.
"""

from __future__ import annotations

from bisect import bisect_right

from reader.core.markdown_inline import Markup, inline_markup
from reader.core.model import Block


class Shown:
    """What a reader sees of ``text[start:end]``, with the way back to the source."""

    __slots__ = ("_hidden", "_src", "_src_len", "_vis", "_vis_len", "text")

    def __init__(self, text: str, start: int, end: int, markup: list[Markup]) -> None:
        parts: list[str] = []
        self._vis: list[int] = []  # segments: shown start, source start, both lengths
        self._src: list[int] = []
        self._vis_len: list[int] = []
        self._src_len: list[int] = []
        self._hidden = {m.start: m.end for m in markup if not m.shown}
        pos, cur = 0, start
        for m in [*markup, Markup(end, end)]:
            for src, src_len, shown in ((cur, m.start - cur, None), (m.start, m.end - m.start, m)):
                piece = text[src : src + src_len] if shown is None else shown.shown
                if piece:
                    self._add(pos, src, len(piece), src_len)
                    parts.append(piece)
                    pos += len(piece)
            cur = m.end
        self.text = "".join(parts)
        if not self._vis:
            self._add(0, start, 0, end - start)

    def _add(self, vis: int, src: int, vis_len: int, src_len: int) -> None:
        self._vis.append(vis)
        self._src.append(src)
        self._vis_len.append(vis_len)
        self._src_len.append(src_len)

    def source_end(self, i: int) -> int:
        """The stored-text offset where the shown text's first ``i`` characters end:
        past the source of the last of them, and past markup hidden right after it
        (a closing tag or ``**``), so that a heading cut there takes its markup along."""
        if i <= 0:
            return self._src[0]
        k = bisect_right(self._vis, i - 1) - 1
        vis, src, vis_len, src_len = self._vis[k], self._src[k], self._vis_len[k], self._src_len[k]
        end = src + (i - vis) if vis_len == src_len else src + src_len
        while end in self._hidden:
            end = self._hidden[end]
        return end


class ShownText:
    """What a reader sees of spans of one document's stored text.

    :param markdown: the text is Markdown source, whose inline markup is not shown;
        otherwise the stored text is shown as it is.
    """

    def __init__(self, text: str, markdown: bool = False) -> None:
        self.text = text
        self.markdown = markdown
        self._cache: dict[tuple[int, int], Shown] = {}

    def span(self, start: int, end: int) -> Shown:
        """The shown text of ``text[start:end]`` (footnote marks left out)."""
        found = self._cache.get((start, end))
        if found is None:
            markup = inline_markup(self.text, start, end, notes=False) if self.markdown else []
            found = Shown(self.text, start, end, markup)
            if len(self._cache) > 64:
                self._cache.clear()  # callers look at a block a few times, then move on
            self._cache[(start, end)] = found
        return found

    def content(self, b: Block) -> str:
        """The shown text of a block's content, line breaks kept."""
        if not self.markdown:
            return self.text[b.content_start : b.content_end]
        return self.span(b.content_start, b.content_end).text

    def line(self, b: Block) -> str:
        """The shown text of a block's content on one line, white space collapsed."""
        return " ".join(self.content(b).split())
