"""The text a reader sees of the stored text, for judging headings and titles.

For plain text, HTML, Word and PDF the stored text is what the reader sees. A Markdown
document stores its source: ``<span>Sec</span>. 2.`` or ``## 1. [Article I](url)``
reads as ``Sec. 2.`` and ``1. Article I``. Heading detection, outline titles and the
document's title work on the shown text (:class:`ShownText`), and a position found in
it (where a run-in heading ends) maps back to a stored-text offset.
"""

from __future__ import annotations

from reader.core.markdown_inline import MARKUP_START_RE, Markup, inline_markup
from reader.core.model import Block


class Shown:
    """What a reader sees of ``text[start:end]``, with the way back to the source."""

    __slots__ = ("_markup", "_start", "text")

    def __init__(self, text: str, start: int, end: int, markup: list[Markup]) -> None:
        self._start = start
        self._markup = markup
        if not markup:
            self.text = text[start:end]
            return
        parts: list[str] = []
        cur = start
        for m in markup:
            parts += (text[cur : m.start], m.shown)
            cur = m.end
        parts.append(text[cur:end])
        self.text = "".join(parts)

    def source_end(self, i: int) -> int:
        """The stored-text offset where the shown text's first ``i`` characters end:
        past the source of the last of them, and past markup hidden right after it
        (a closing tag or ``**``), so that a heading cut there takes its markup along."""
        src, shown = self._start, 0  # the source and shown offsets of the same point
        markup = self._markup
        k = 0
        while k < len(markup) and shown + (markup[k].start - src) < i:
            m = markup[k]
            shown += m.start - src + len(m.shown)
            src = m.end
            k += 1
            if shown >= i:  # inside a replacement ("&#8212;"): all of it
                break
        else:
            src += i - shown
        while k < len(markup) and markup[k].start == src and not markup[k].shown:
            src = markup[k].end
            k += 1
        return src


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
        if not self.markdown or MARKUP_START_RE.search(self.text, start, end) is None:
            return Shown(self.text, start, end, [])
        found = self._cache.get((start, end))
        if found is None:
            found = Shown(self.text, start, end, inline_markup(self.text, start, end, False))
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
