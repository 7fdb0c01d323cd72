"""HTML (e.g. a saved ministry page): headings, paragraphs and list items as text.

Parsed with the standard library's tokenizer: nothing is fetched, no script runs,
and malformed markup degrades to text. The stored text is the page's readable text,
one block per paragraph; navigation, forms, asides, footers, everything outside a
``<main>`` landmark and hidden elements become furniture (see ``html_chrome``), and
the page's title block is settled in ``html_title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reader.core.dates import find_date
from reader.core.document import build_document
from reader.core.importers.html_chrome import (
    HIDDEN,
    SECTIONING,
    hinted_role,
    is_hidden,
    landmark_role,
    mark_link_box,
    mark_page_chrome,
)
from reader.core.importers.html_lists import list_label, list_style, mark_menu
from reader.core.importers.html_tags import BLOCK, SKIP, VOID
from reader.core.importers.html_title import centred, settle_title
from reader.core.importers.text import decode
from reader.core.metadata import Metadata
from reader.core.model import (
    BLANK,
    FURNITURE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    TITLE,
    Block,
    Document,
)

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_MAIN_RE = re.compile(r"<main[\s>]|\srole\s*=\s*[\"']?main\b", re.I)
_MAX_DEPTH = 512  # deeper nesting is hostile or broken: extra levels are flattened


@dataclass(slots=True)
class _Raw:
    kind: str
    text: str
    level: int = 0
    role: str | None = None
    prefix: str = ""
    label: str | None = None  # an ordered list item's label as the browser shows it
    link_only: bool = False  # every visible character is inside a link
    hrefs: tuple[str, ...] = ()  # the targets of the links in the block
    centred: bool = False  # centred on the page
    in_main: bool = False  # inside the page's <main> (or role="main")
    in_table: bool = False  # inside a table cell
    bold: int = 0  # characters of the text's opening in <strong>/<b> (all of it: len(text))
    in_list: bool = False  # inside a list item


@dataclass
class _State:
    tag: str
    role: str | None = None
    ol_counter: int = 0
    ordered: bool = False
    style: str = "1"  # list numbering: 1, a, A, i or I (the type attribute)
    first_item: int = 0  # index of the element's first block in the extractor's blocks
    centred: bool = False  # the element centres its content (align, style, <center>)
    hidden: bool = False  # the element (or one around it) is hidden
    headings: int = 0  # headings seen inside it (for a content <header>)
    main: bool = False  # the page's main landmark (<main>, role="main")
    content: bool = False  # the page's content (the main landmark or an <article>)


class _Extractor(HTMLParser):
    def __init__(self, has_main: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Raw] = []
        self.meta = Metadata()
        self.stack: list[_State] = []
        self.buf: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.pre_depth = 0
        self.current_kind = PARAGRAPH
        self.current_level = 0
        self.current_prefix = ""
        self.current_label: str | None = None
        self.current_centred = False
        self.lists: list[_State] = []
        self.link_depth = 0
        self.link_chars = 0
        self.data_chars = 0  # visible characters of the block (not the " | " between cells)
        self.hrefs: list[str] = []
        self.content_depth = 0  # inside <main>, <article> or role="main": the page's content
        self.has_main = has_main  # the page marks its main content (then hints are not read)
        self.main_depth = 0  # inside <main> or role="main"
        self.table_depth = 0
        self.hidden_open = 0  # hidden elements open on the stack
        self.hidden_buf: list[str] = []
        self.bold_depth = 0  # <strong>/<b> elements open
        self.bold_lead: list[str] = []  # the block's text in bold before any other text
        self.past_lead = False  # visible text outside bold seen in the block

    # -- helpers -----------------------------------------------------------------
    def _role(self) -> str | None:
        for st in reversed(self.stack):
            if st.role:
                return st.role
        return None

    def _flush(self) -> None:
        raw = "".join(self.buf)
        self.buf = []
        text = raw.strip("\n") if self.pre_depth else " ".join(raw.split())
        lead = " ".join("".join(self.bold_lead).split())
        bold = len(lead) if lead and text.startswith(lead) else 0
        if lead and not self.past_lead:
            bold = len(text)  # all of it
        self.bold_lead, self.past_lead = [], False
        if text.strip():
            self.blocks.append(
                _Raw(
                    self.current_kind,
                    text,
                    self.current_level,
                    self._role(),
                    self.current_prefix,
                    self.current_label,
                    link_only=self.link_chars >= self.data_chars > 0,
                    hrefs=tuple(self.hrefs),
                    centred=self.current_centred or (bool(self.stack) and self.stack[-1].centred),
                    in_main=self.main_depth > 0,
                    in_table=self.table_depth > 0,
                    bold=bold,
                    in_list=bool(self.lists),
                )
            )
        self.current_kind, self.current_level, self.current_prefix = PARAGRAPH, 0, ""
        self.current_label, self.current_centred = None, False
        self.link_chars = self.data_chars = 0
        self.hrefs = []

    def _push(self, state: _State) -> None:
        if len(self.stack) < _MAX_DEPTH:
            self.stack.append(state)
            self.hidden_open += state.hidden
            self.main_depth += state.main
            self.content_depth += state.content
            self.table_depth += state.tag == "table"

    def _end_hidden(self) -> None:
        """A hidden element closed: its text becomes a block of its own, set apart."""
        text = " ".join("".join(self.hidden_buf).split())
        self.hidden_buf = []
        if not text:
            return  # an icon, an empty marker: the text around it goes on as one block
        kind, level, centred_ = self.current_kind, self.current_level, self.current_centred
        self._flush()
        self.blocks.append(
            _Raw(PARAGRAPH, text, role=HIDDEN, in_main=self.main_depth > 0, centred=centred_)
        )
        self.current_kind, self.current_level, self.current_centred = kind, level, centred_

    def _content_header(self) -> _State | None:
        """The innermost <header> that heads content (not the site's banner)."""
        for st in reversed(self.stack):
            if st.tag == "header" and st.role is None:
                return st
        return None

    # -- HTMLParser callbacks -----------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "time" and a.get("datetime") and not self.meta.date:
            found = find_date(a["datetime"])
            self.meta.date = found[0] if found else None
        if self.skip_depth:
            self.skip_depth += tag not in VOID
            return
        if tag in SKIP:
            self.skip_depth = 1
            return
        if tag == "title":
            self.in_title = True
            return
        if self.hidden_open or (tag not in VOID and is_hidden(a)):
            if tag == "br" or tag in BLOCK:
                self.hidden_buf.append(" ")
            if tag not in VOID:
                self._push(_State(tag, hidden=True))
            return
        if tag == "br":
            self.buf.append("\n" if self.pre_depth else " ")
            return
        if tag == "a":
            self.link_depth += 1
            if a.get("href"):
                self.hrefs.append(a["href"])
            return
        if tag in ("strong", "b"):
            self.bold_depth += 1
        if tag in VOID and tag != "hr":
            return
        if tag in BLOCK:
            self._flush()
        if tag == "hr":
            return
        in_sectioning = self.main_depth > 0 or any(st.tag in SECTIONING for st in self.stack)
        role = landmark_role(tag, a, in_sectioning)
        if role is None and not self.has_main:
            role = hinted_role(tag, a)
        main = tag == "main" or a.get("role") == "main"
        inherited = bool(self.stack) and self.stack[-1].centred
        self._push(
            _State(
                tag,
                role,
                ordered=tag == "ol",
                centred=inherited or centred(a) or tag == "center",
                first_item=len(self.blocks),
                main=main,
                content=main or tag == "article",
            )
        )
        if tag in ("ul", "ol"):
            lst = self.stack[-1]
            lst.style = list_style(a) if tag == "ol" else "1"
            start = a.get("start", "").strip()
            lst.ol_counter = int(start) - 1 if start.lstrip("-").isdigit() else 0
            self.lists.append(lst)
        elif tag == "li":
            self.current_kind = LIST_ITEM
            current = self.lists[-1] if self.lists else None
            if current is not None and current.ordered:
                value = a.get("value", "").strip()
                counter = int(value) if value.lstrip("-").isdigit() else current.ol_counter + 1
                current.ol_counter = counter
                label = list_label(counter, a.get("type") or current.style)
                self.current_prefix, self.current_label = f"{label} ", label
            else:
                self.current_prefix = "- "
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            header = self._content_header()
            if header is not None:
                header.headings += 1
            # The headings of a content <header> after its first are its subtitles.
            if header is None or header.headings == 1:
                self.current_kind, self.current_level = HEADING, int(tag[1])
            self.current_centred = bool(self.stack) and self.stack[-1].centred
        elif tag == "blockquote":
            self.current_kind = QUOTE
        elif tag == "pre":
            self.pre_depth += 1
        elif tag in ("td", "th") and "".join(self.buf).strip():
            self.buf.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= tag not in VOID
            return
        if tag == "title":
            self.in_title = False
            return
        if self.hidden_open:
            self._pop(tag)
            if not self.hidden_open:
                self._end_hidden()
            return
        if tag == "a":
            self.link_depth = max(0, self.link_depth - 1)
            return
        if tag in ("strong", "b"):
            self.bold_depth = max(0, self.bold_depth - 1)
        if tag in BLOCK:
            self._flush()
        if tag in ("ul", "ol") and self.lists and self.lists[-1].tag == tag:
            mark_menu(self.blocks[self.lists[-1].first_item :], inside_main=self.content_depth > 0)
        if tag in ("article", "section") and self.stack and self.stack[-1].tag == tag:
            mark_link_box(self.blocks[self.stack[-1].first_item :])
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        self._pop(tag)

    def _pop(self, tag: str) -> None:
        """Close ``tag`` and whatever was left open inside it."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                for st in self.stack[k:]:
                    if st in self.lists:
                        self.lists.remove(st)
                    self.hidden_open -= st.hidden
                    self.main_depth -= st.main
                    self.content_depth -= st.content
                    self.table_depth -= st.tag == "table"
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.hidden_open:
            self.hidden_buf.append(data)
            return
        visible = sum(c.isalnum() for c in data)  # " | " between links is not text
        if self.link_depth:
            self.link_chars += visible
        self.data_chars += visible
        self.buf.append(data)
        if not self.past_lead:
            if self.bold_depth:
                self.bold_lead.append(data)
            else:
                self.past_lead = visible > 0

    def _meta(self, a: dict[str, str]) -> None:
        name = (a.get("name") or a.get("property") or "").lower()
        content = a.get("content", "").strip()
        if not content:
            return
        if (
            name
            in (
                "date",
                "dc.date",
                "dcterms.date",
                "article:published_time",
                "pubdate",
                "publishdate",
                "dc.date.issued",
            )
            and not self.meta.date
        ):
            found = find_date(content)
            self.meta.date = found[0] if found else None
        elif (
            name in ("dc.publisher", "publisher", "og:site_name", "source", "author")
            and not self.meta.source
        ):
            self.meta.source = content
        elif name in ("dc.title", "og:title", "citation_title") and not self.meta.title:
            self.meta.title = content

    def close(self) -> None:
        super().close()
        if self.hidden_open:
            self.hidden_open = 0
            self._end_hidden()
        self._flush()
        title = " ".join("".join(self.title_parts).split())
        mark_page_chrome(self.blocks)
        stated = settle_title(self.blocks, title)
        self.meta.title = self.meta.title or stated


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    charset = _declared_charset(data)
    if charset and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(charset), charset
        except (UnicodeDecodeError, LookupError):
            pass
    return decode(data, name)


def assemble(raws: list[_Raw]) -> tuple[str, list[Block], dict[int, int]]:
    """Lay the extracted blocks out as text, one per paragraph, with exact offsets; and
    where a paragraph opens in bold, how many of its characters are (by its offset)."""
    parts: list[str] = []
    bold: dict[int, int] = {}
    blocks: list[Block] = []
    pos = 0
    for n, raw in enumerate(raws):
        body = raw.prefix + raw.text
        start = pos
        content_start = start + len(raw.prefix)
        parts.append(body)
        pos += len(body)
        b = Block(raw.kind, start, pos, content_start, pos, level=raw.level, label=raw.label)
        if raw.kind in (HEADING, TITLE):
            b.title = raw.text
        elif raw.kind == PARAGRAPH and raw.bold and not (raw.role or raw.centred or raw.in_list):
            # In a list, bold is an item's term; centred, a cover's line.
            bold[content_start] = raw.bold
        if raw.role:
            b.kind, b.role, b.level = FURNITURE, raw.role, 0
        if n < len(raws) - 1:
            parts.append("\n\n")
            blocks.append(b)
            blocks.append(Block(BLANK, pos, pos + 2, pos + 2, pos + 2))
            pos += 2
        else:
            parts.append("\n")
            b.end = pos + 1
            pos += 1
            blocks.append(b)
    return "".join(parts), blocks, bold


def from_string(html: str, filename: str | None = None, encoding: str | None = None) -> Document:
    """Parse already decoded HTML."""
    extractor = _Extractor(has_main=_MAIN_RE.search(html) is not None)
    extractor.feed(html)
    extractor.close()
    text, blocks, bold = assemble(extractor.blocks)
    structured = any(b.in_main for b in extractor.blocks)
    return build_document(
        text,
        blocks,
        "html",
        encoding=encoding,
        filename=filename,
        hints=extractor.meta,
        structured=structured,
        bold=bold,
    )


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of an HTML file."""
    html, encoding = _decode_html(data, filename or "document")
    return from_string(html, filename, encoding)
