"""HTML (e.g. a saved ministry page): headings, paragraphs and list items as text.

Parsed with the standard library's tokenizer: nothing is fetched, no script runs,
and malformed markup degrades to text. The stored text is the page's readable text,
one block per paragraph; navigation, forms, asides and footers become furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reader.core.dates import find_date
from reader.core.document import build_document
from reader.core.importers.html_lists import list_label, list_style, mark_menu
from reader.core.importers.html_title import centred, page_title, title_heading
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

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "select",
        "option",
        "button",
        "textarea",
        "datalist",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "figcaption",
        "address",
        "main",
        "form",
        "hr",
        "center",
        "caption",
        "fieldset",
        "legend",
        "details",
        "summary",
        "body",
    }
)
_VOID = frozenset(
    {
        "br",
        "hr",
        "img",
        "input",
        "meta",
        "link",
        "wbr",
        "area",
        "base",
        "col",
        "source",
        "track",
        "param",
        "embed",
    }
)
_FURNITURE_TAGS = {"nav": "navigation", "footer": "footer", "aside": "related", "form": "widget"}
_FURNITURE_HINT_RE = re.compile(
    r"breadcrumb|crumbs|footer|copyright|sidebar|side-bar|related|share|social|menu|navbar"
    r"|topnav|site-nav|advert|banner|cookie",
    re.I,
)
_STRONG_HINT_RE = re.compile(
    r"breadcrumb|crumbs|footer|sidebar|side-bar|related|share|social|menu|nav|advert|banner"
    r"|cookie",
    re.I,
)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_MAX_DEPTH = 512  # deeper nesting is hostile or broken: extra levels are flattened
_SKIP_LINK_RE = re.compile(
    r"(?i)^(?:skip|jump|go) (?:to|directly to) |^(?:aller|passer) au contenu|^ir al? contenido"
    r"|^zum (?:inhalt|hauptinhalt)|^跳(?:过|到)"
)


@dataclass(slots=True)
class _Raw:
    kind: str
    text: str
    level: int = 0
    role: str | None = None
    prefix: str = ""
    label: str | None = None  # an ordered list item's label as the browser shows it
    link_only: bool = False  # every visible character is inside a link
    href: str = ""  # the link's target, when the block is one link
    centred: bool = False  # a heading centred on the page


@dataclass
class _State:
    tag: str
    role: str | None = None
    ol_counter: int = 0
    ordered: bool = False
    style: str = "1"  # list numbering: 1, a, A, i or I (the type attribute)
    first_item: int = 0  # index of the list's first block in the extractor's blocks
    centred: bool = False  # the element centres its content (align, style, <center>)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
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
        self.link_href = ""
        self.main_depth = 0  # inside <main>, <article> or role="main": the page's content

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
        visible = len("".join(text.split()))
        if text.strip():
            self.blocks.append(
                _Raw(
                    self.current_kind,
                    text,
                    self.current_level,
                    self._role(),
                    self.current_prefix,
                    self.current_label,
                    link_only=self.link_chars >= visible > 0,
                    href=self.link_href,
                    centred=self.current_centred,
                )
            )
        self.current_kind, self.current_level, self.current_prefix = PARAGRAPH, 0, ""
        self.current_label, self.current_centred = None, False
        self.link_chars, self.link_href = 0, ""

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
            self.skip_depth += tag not in _VOID
            return
        if tag in _SKIP:
            self.skip_depth = 1
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "br":
            self.buf.append("\n" if self.pre_depth else " ")
            return
        if tag == "a":
            self.link_depth += 1
            self.link_href = self.link_href or a.get("href", "")
            return
        if tag in _VOID and tag != "hr":
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "hr":
            return
        role = _FURNITURE_TAGS.get(tag)
        hint = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        # A <section id="copyright-notice"> is part of the document; a <div class="copyright">
        # at the foot of the page is not.
        sectioning = tag in ("section", "article") and not _STRONG_HINT_RE.search(hint)
        if role is None and not sectioning and _FURNITURE_HINT_RE.search(hint):
            role = (
                "navigation"
                if re.search(r"crumb|nav|menu", hint, re.I)
                else "footer"
                if re.search(r"footer|copyright", hint, re.I)
                else "related"
            )
        if tag in ("main", "article") or a.get("role") == "main":
            self.main_depth += 1
        if len(self.stack) < _MAX_DEPTH:
            inherited = bool(self.stack) and self.stack[-1].centred
            self.stack.append(
                _State(tag, role, ordered=tag == "ol", centred=inherited or centred(a))
            )
            if tag == "center":
                self.stack[-1].centred = True
        if tag in ("ul", "ol"):
            lst = self.stack[-1]
            lst.style = list_style(a) if tag == "ol" else "1"
            start = a.get("start", "").strip()
            lst.ol_counter = int(start) - 1 if start.lstrip("-").isdigit() else 0
            lst.first_item = len(self.blocks)
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
            self.skip_depth -= tag not in _VOID
            return
        if tag == "title":
            self.in_title = False
            return
        if tag == "a":
            self.link_depth = max(0, self.link_depth - 1)
            return
        if tag in _BLOCK:
            self._flush()
        if tag in ("ul", "ol") and self.lists and self.lists[-1].tag == tag:
            mark_menu(self.blocks[self.lists[-1].first_item :], inside_main=self.main_depth > 0)
        if tag in ("main", "article") and self.main_depth:
            self.main_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].tag == tag:
                for st in self.stack[k:]:
                    if st in self.lists:
                        self.lists.remove(st)
                del self.stack[k:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.link_depth:
            self.link_chars += len("".join(data.split()))
        self.buf.append(data)

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
        self._flush()
        title = " ".join("".join(self.title_parts).split())
        # A page without h1 may set a heading apart as its title: not a section.
        at = title_heading(self.blocks, title)
        if at is not None:
            self.blocks[at].kind, self.blocks[at].level = TITLE, 0
        if not self.meta.title:
            h1 = next((b.text for b in self.blocks if b.kind == HEADING and b.level == 1), None)
            self.meta.title = page_title(title, h1 if at is None else self.blocks[at].text)


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


def assemble(raws: list[_Raw]) -> tuple[str, list[Block]]:
    """Lay the extracted blocks out as text, one per paragraph, with exact offsets."""
    parts: list[str] = []
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
        if raw.link_only and raw.href.startswith("#") and _SKIP_LINK_RE.match(raw.text):
            raw.role = "navigation"  # "Skip to main content": for screen readers, not text
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
    return "".join(parts), blocks


def from_string(html: str, filename: str | None = None, encoding: str | None = None) -> Document:
    """Parse already decoded HTML."""
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    text, blocks = assemble(extractor.blocks)
    return build_document(
        text, blocks, "html", encoding=encoding, filename=filename, hints=extractor.meta
    )


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of an HTML file."""
    html, encoding = _decode_html(data, filename or "document")
    return from_string(html, filename, encoding)
