"""Small .docx files written part by part (zip + WordprocessingML), as Word saves them:
styles with heading names, list numbering definitions, tables."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}>
  <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
    <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>
    <w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="PartHeading"><w:name w:val="Part Heading"/>
    <w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>
  </w:style>
</w:styles>"""


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/></w:lvl>'
    )


BULLET_CHAR = "\uf0b7"  # Symbol-font bullet, as Word writes it
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="0">{_lvl(0, "decimal", "%1.")}{_lvl(1, "lowerLetter", "(%2)")}
    {_lvl(2, "lowerRoman", "%3)")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">{_lvl(0, "bullet", BULLET_CHAR)}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">{_lvl(0, "upperRoman", "Part %1")}</w:abstractNum>
  <w:abstractNum w:abstractNumId="3">{_lvl(0, "decimal", "%1.")}{_lvl(1, "decimal", "%1.%2")}
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="3"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def p(text: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A paragraph; ``num`` is ``(numId, ilvl)``. A ``|`` in text becomes a line break."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    runs = "<w:r><w:br/></w:r>".join(
        f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' for part in text.split("|")
    )
    return f"<w:p>{ppr}{runs}</w:p>"


def table(rows: list[list[str]]) -> str:
    """A table of one paragraph per cell."""
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{p(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{body}</w:tbl>"


def make_docx(body: list[str], *, title: str | None = None, extra: dict | None = None) -> bytes:
    """A .docx holding ``body`` (paragraph and table XML) with the styles and lists above."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}>'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
    }
    if title is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(title)}</dc:title></cp:coreProperties>"
        )
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


PAPER = [
    p("Trade Policy Paper", "Title"),
    p("Preface", "Heading1"),
    p("This paper sets out our policy on trade and investment."),
    p("Overview", "PartHeading"),
    p("In the Economic Field", "Heading2"),
    p("The parties agree to the following measures:"),
    p("reduce tariffs on agricultural goods;", num=(1, 0)),
    p("for grain;", num=(1, 1)),
    p("for fruit;", num=(1, 1)),
    p("open markets to services.", num=(1, 0)),
    p("with safeguards;", num=(1, 1)),
    p("Tariff schedule:"),
    table([["Product", "2016", "2020"], ["Grain", "10%", "5%"], ["Fruit", "8%", "0%"]]),
    p("Implementation", "PartHeading"),
    p("In the Legal Field", "Heading2"),
    p("Disputes are settled by consultation.|Arbitration is the last resort."),
    p("Consultations come first", num=(2, 0)),
    p("Panels decide within a year", num=(2, 0)),
    p("Annexed rule", num=(4, 0)),
    p("Annexed sub-rule", num=(4, 1)),
]
