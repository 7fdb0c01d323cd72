"""Word (.docx): paragraphs with their heading styles, list numbers and tables.

Read with the standard library (zipfile + ElementTree) rather than python-docx: that
would add lxml (several MB) to the packaged app and still not compute list labels
("1.", "(a)", "2.3"), which citations need. Word's numbering is replayed here from
numbering.xml: a counter per list and level, formatted by the level's numFmt/lvlText.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from reader.core.document import build_document
from reader.core.errors import DocumentError
from reader.core.importers.docx_numbering import BULLET, Numbering
from reader.core.metadata import Metadata, stated_title
from reader.core.model import BLANK, HEADING, LIST_ITEM, PARAGRAPH, TITLE, Block, Document
from reader.core.safe_xml import parse_xml
from reader.core.safe_zip import SafeZip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPACES_RE = re.compile(r"[ \t\u00a0]+")
_HEADING_NAME_RE = re.compile(r"^heading\s*([1-9])$", re.I)


@dataclass(slots=True)
class _Style:
    name: str = ""
    outline: int | None = None  # 0-based outline level
    num: tuple[str, int] | None = None  # (numId, ilvl)
    based_on: str | None = None


@dataclass(slots=True)
class _Para:
    kind: str
    text: str
    level: int = 0
    label: str | None = None
    rows: list[str] = field(default_factory=list)  # a table: one line per row


def _read_part(zf: SafeZip, part: str, name: str) -> ET.Element | None:
    """A part's root element (None when the part is absent); encrypted or oddly
    compressed parts, zip bombs, DTDs, deep nesting and bad XML are refused."""
    data = zf.read(part)
    return None if data is None else parse_xml(data, f"{name}: {part}", DocumentError)


def _styles(root: ET.Element | None) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for st in root.iter(f"{W}style"):
        style = _Style()
        name = st.find(f"{W}name")
        style.name = name.get(f"{W}val", "") if name is not None else ""
        based = st.find(f"{W}basedOn")
        style.based_on = based.get(f"{W}val") if based is not None else None
        ppr = st.find(f"{W}pPr")
        if ppr is not None:
            style.outline, style.num = _outline_and_num(ppr)
        styles[st.get(f"{W}styleId", "")] = style
    return styles


def _outline_and_num(ppr: ET.Element) -> tuple[int | None, tuple[str, int] | None]:
    outline = num = None
    lvl = ppr.find(f"{W}outlineLvl")
    if lvl is not None and (val := lvl.get(f"{W}val", "")).isdigit() and int(val) < 9:
        outline = int(val)
    numpr = ppr.find(f"{W}numPr")
    if numpr is not None:
        num_id = numpr.find(f"{W}numId")
        ilvl = numpr.find(f"{W}ilvl")
        if num_id is not None and num_id.get(f"{W}val", "0") != "0":
            level = ilvl.get(f"{W}val", "0") if ilvl is not None else "0"
            num = (num_id.get(f"{W}val", ""), int(level) if level.isdigit() else 0)
    return outline, num


def _style_chain(styles: dict[str, _Style], style_id: str | None) -> list[_Style]:
    chain: list[_Style] = []
    while style_id and style_id in styles and len(chain) < 20:
        chain.append(styles[style_id])
        style_id = styles[style_id].based_on
    return chain


def _run_text(p: ET.Element) -> str:
    out: list[str] = []
    for el in p.iter():
        if el.tag == f"{W}t" and el.text:
            out.append(el.text)
        elif el.tag == f"{W}tab":
            out.append("\t")
        elif el.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
    lines = (_SPACES_RE.sub(" ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


class _Reader:
    def __init__(self, styles: dict[str, _Style], numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.paras: list[_Para] = []

    def body(self, el: ET.Element) -> None:
        for child in el:
            if child.tag == f"{W}p":
                self.paragraph(child)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                self.body(child)

    def paragraph(self, p: ET.Element) -> None:
        ppr = p.find(f"{W}pPr")
        style_id = None
        outline = num = None
        if ppr is not None:
            ps = ppr.find(f"{W}pStyle")
            style_id = ps.get(f"{W}val") if ps is not None else None
            outline, num = _outline_and_num(ppr)
        chain = _style_chain(self.styles, style_id)
        names = [s.name for s in chain]
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        if num is None:
            num = next((s.num for s in chain if s.num is not None), None)
        text = _run_text(p)
        label = self.numbering.label(*num) if num else None  # counts even when empty
        if not text:
            return
        heading = next((int(m.group(1)) for n in names if (m := _HEADING_NAME_RE.match(n))), 0)
        if any(n.lower() == "title" for n in names):
            self.paras.append(_Para(TITLE, text))
        elif heading or outline is not None:
            level = heading or (outline or 0) + 1  # Heading N styles, else the outline level
            self.paras.append(_Para(HEADING, text, level, label or None))
        elif label is not None:
            self.paras.append(_Para(LIST_ITEM, text, label=label))
        else:
            self.paras.append(_Para(PARAGRAPH, text))

    def table(self, tbl: ET.Element) -> None:
        rows = []
        for tr in tbl.iter(f"{W}tr"):
            cells = [
                " ".join(t for p in tc.iter(f"{W}p") if (t := _run_text(p)))
                for tc in tr.findall(f"{W}tc")
            ]
            if any(cells):
                rows.append(" | ".join(c.replace("\n", " ") for c in cells))
        if rows:
            self.paras.append(_Para(PARAGRAPH, "", rows=rows))


def _assemble(paras: list[_Para]) -> tuple[str, list[Block]]:
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0

    def add(kind: str, marker: str, body: str, **kw: Any) -> None:
        nonlocal pos
        if blocks:
            blocks.append(Block(BLANK, pos, pos + 1, pos + 1, pos + 1))
            parts.append("\n")
            pos += 1
        head = f"{marker} " if marker else ""
        line = head + body + "\n"
        blocks.append(Block(kind, pos, pos + len(line), pos + len(head), pos + len(line) - 1, **kw))
        parts.append(line)
        pos += len(line)

    for para in paras:
        if para.rows:
            for n, row in enumerate(para.rows):
                if n == 0:
                    add(PARAGRAPH, "", row)
                else:  # rows of a table follow each other without a blank line
                    blocks.append(Block(PARAGRAPH, pos, pos + len(row) + 1, pos, pos + len(row)))
                    parts.append(row + "\n")
                    pos += len(row) + 1
        elif para.kind == LIST_ITEM:
            label = None if para.label == BULLET else para.label  # a bullet is no label
            add(LIST_ITEM, para.label or "", para.text, label=label)
        elif para.kind == HEADING:
            # The label stays in the heading's content: the reading view shows it.
            shown = f"{para.label} {para.text}" if para.label else para.text
            add(HEADING, "", shown, level=para.level, label=para.label, title=para.text)
        else:
            add(para.kind, "", para.text)
    return "".join(parts), blocks


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of a .docx file."""
    name = filename or "document"
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocumentError(
                f"{name}: this Word document is encrypted; remove the password first"
            )
        raise DocumentError(f"{name}: an old Word .doc file; save it as .docx first")
    with SafeZip(data, name, DocumentError, kind="valid Word document") as zf:
        document = _read_part(zf, "word/document.xml", name)
        if document is None:
            raise DocumentError(f"{name}: not a valid Word document (no word/document.xml)")
        reader = _Reader(
            _styles(_read_part(zf, "word/styles.xml", name)),
            Numbering(_read_part(zf, "word/numbering.xml", name)),
        )
        core = _read_part(zf, "docProps/core.xml", name)
    body = document.find(f"{W}body")
    if body is not None:
        reader.body(body)
    if not reader.paras:
        raise DocumentError(f"{name}: this Word document has no text")
    text, blocks = _assemble(reader.paras)
    title_el = core.find(_DC_TITLE) if core is not None else None
    stated = next((p.text for p in reader.paras if p.kind == TITLE), None)
    hint = stated or stated_title(title_el.text if title_el is not None else None)
    return build_document(text, blocks, "docx", filename=filename, hints=Metadata(title=hint))
