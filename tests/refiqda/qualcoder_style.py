"""A ``.qdpx`` written the way QualCoder writes one, built here from its published
format (src/qualcoder/refi.py, RefiExport), not copied from a QualCoder file:

- ``project.qde`` as a string with a default namespace and the xsd/xsi prefixes, a
  ``creatingUserGUID`` on the Project; each text file in ``sources/`` as UTF-8 with a
  byte-order mark (``utf-8-sig``);
- codes inside categories (``isCodable="false"``);
- one PlainTextSelection per code, even on the same passage, with the coding's memo
  as the selection's ``Description``;
- an annotation as a Note holding ``PlainTextContent`` and its own PlainTextSelection
  (the positions), referenced by a NoteRef on the TextSource;
- a journal as a Note with a ``plainTextPath`` and an empty Description; the project
  memo as the Project's Description;
- a DOCX source (``richTextPath`` plus its ``plainTextPath``), a PDF source with its
  plain-text Representation, and a picture;
- ``creatingUser=""`` where QualCoder does not know the coder.

QualCoder writes an annotation's text into ``PlainTextContent`` without escaping it;
``unescaped_memo=True`` writes such a file (not well-formed XML).
"""

from __future__ import annotations

import html
import io
import zipfile

U_ANA = "5c94bc9e-db8c-4f1d-9cd6-e900c7440860"
CAT_ECONOMY = "2dfba8c9-59f5-4424-99d6-ea9bce18134a"
CODE_TRADE = "2dfba8c9-59f5-4424-99d6-ea9bce18134b"
CODE_FINANCE = "2dfba8c9-59f5-4424-99d6-ea9bce18134c"
CODE_CULTURE = "2dfba8c9-59f5-4424-99d6-ea9bce18134d"
SRC_TEXT = "a2b94468-80a5-412f-92d6-e900d97b55a6"
SRC_DOCX = "a2b94468-80a5-412f-92d6-e900d97b55a7"
SRC_PDF = "a2b94468-80a5-412f-92d6-e900d97b55a8"
REP_PDF = "a2b94468-80a5-412f-92d6-e900d97b55a9"
SRC_PICTURE = "a2b94468-80a5-412f-92d6-e900d97b55aa"
SEL = [f"08cbced0-d736-44c8-8fd6-eb4d29fe46c{n}" for n in range(6)]
CODING = [f"76414714-63c4-4a25-a47e-66fef80bd52{n}" for n in range(6)]
NOTE_ANNOTATION = "0f758eeb-d61d-4e91-b250-79861c3869a6"
NOTE_SELECTION = "d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6"
NOTE_JOURNAL = "4691a8a0-d67c-4dcc-91d6-e9075dc230cc"

INTERVIEW = "Interview with Anna\n\nTariffs hurt our exports. Banks lend less.\nWe travel less.\n"
REPORT = "Annual report\n\nThe café exports grew.\n"
PAPER = "Paper title\n\nCredit is scarce in rural areas.\n"
MEMO = "Anna is careful about banks"


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def _selection(n: int, text: str, quote: str, code: str, memo: str = "", user: str = U_ANA) -> str:
    start, end = span(text, quote)
    xml = (
        f'<PlainTextSelection guid="{SEL[n]}" startPosition="{start}" endPosition="{end}" '
        f'name="{html.escape(quote)}" creatingUser="{user}" '
        f'creationDateTime="2024-05-0{n + 1}T10:00:00Z">\n'
    )
    if memo:
        xml += f"<Description>{html.escape(memo)}</Description>\n"
    xml += f'<Coding guid="{CODING[n]}" creatingUser="{user}" >\n'
    xml += f'<CodeRef targetGUID="{code}" />\n</Coding>\n</PlainTextSelection>\n'
    return xml


def qualcoder_qdpx(
    unescaped_memo: bool = False, folder: str = "sources", unknown_coder: bool = True
) -> bytes:
    """The bytes of the project (see the module docstring). ``unknown_coder=False``
    names the coder everywhere, which makes the file valid against Project.xsd (an
    empty ``creatingUser`` is not a GUID)."""
    trade, banks = "Tariffs hurt our exports.", "Banks lend less."
    ann_start, ann_end = span(INTERVIEW, "We travel less.")
    memo = "Ask about R&D <later>" if unescaped_memo else html.escape("Ask about R&D <later>")
    xml = '<?xml version="1.0" encoding="utf-8"?>\n'
    xml += (
        '<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="interviews.qda" '
        'origin="QualCoder 3.6" creatingUserGUID="11111111-2222-4333-8444-555555555555" '
        'creationDateTime="2024-05-01T09:00:00Z" xmlns="urn:QDA-XML:project:1.0">\n'
    )
    xml += f'<Users>\n<User guid="{U_ANA}" name="anna" />\n</Users>\n'
    xml += "<CodeBook>\n<Codes>\n"
    xml += f'<Code guid="{CAT_ECONOMY}" name="Economy" isCodable="false">\n'
    xml += "<Description>Money &amp; trade</Description>\n"
    xml += f'<Code guid="{CODE_TRADE}" name="Trade" isCodable="true" color="#A8E6A1">\n'
    xml += "<Description>Goods across borders</Description>\n</Code>\n"
    xml += (
        f'<Code guid="{CODE_FINANCE}" name="Finance" isCodable="true" color="#F0E68C">\n</Code>\n'
    )
    xml += "</Code>\n"
    xml += (
        f'<Code guid="{CODE_CULTURE}" name="Culture" isCodable="true" color="#F0E68C">\n</Code>\n'
    )
    xml += "</Codes>\n</CodeBook>\n<Sources>\n"
    xml += (
        f'<TextSource plainTextPath="internal://{SRC_TEXT}.txt" creatingUser="{U_ANA}" '
        f'creationDateTime="2024-05-01T09:30:00Z" guid="{SRC_TEXT}" name="Interview Anna.txt">\n'
        "<Description>First interview</Description>\n"
    )
    xml += _selection(0, INTERVIEW, trade, CODE_TRADE, memo="Tariffs again")
    xml += _selection(1, INTERVIEW, trade, CODE_CULTURE)  # the same passage, another code
    xml += _selection(2, INTERVIEW, banks, CODE_FINANCE, memo=MEMO)
    xml += f'<NoteRef targetGUID="{NOTE_ANNOTATION}" />\n</TextSource>\n'
    xml += (
        f'<TextSource richTextPath="internal://{SRC_DOCX}.docx" '
        f'plainTextPath="internal://{SRC_DOCX}.txt" creatingUser="{U_ANA}" '
        f'creationDateTime="2024-05-01T09:31:00Z" guid="{SRC_DOCX}" name="Report.docx">\n'
    )
    xml += _selection(
        3, REPORT, "The café exports grew.", CODE_TRADE, user="" if unknown_coder else U_ANA
    )
    xml += "</TextSource>\n"
    xml += (
        f'<PDFSource path="internal://{SRC_PDF}.pdf" creatingUser="{U_ANA}" '
        f'creationDateTime="2024-05-01T09:32:00Z" guid="{SRC_PDF}" name="Paper.pdf">\n'
        f'<Representation guid="{REP_PDF}" plainTextPath="internal://{REP_PDF}.txt" '
        f'creatingUser="{U_ANA}" name="Paper.pdf">\n'
    )
    xml += _selection(4, PAPER, "Credit is scarce", CODE_FINANCE)
    xml += "</Representation></PDFSource>\n"
    xml += (
        f'<PictureSource creatingUser="{U_ANA}" creationDateTime="2024-05-01T09:33:00Z" '
        f'path="internal://{SRC_PICTURE}.png" guid="{SRC_PICTURE}" name="map.png" >\n'
        "</PictureSource>\n"
    )
    xml += "</Sources>\n<Notes>\n"
    xml += (
        f'<Note guid="{NOTE_JOURNAL}" creatingUser="{U_ANA}" '
        f'creationDateTime="2024-05-02T08:00:00Z" name="Field diary"  '
        f'plainTextPath="internal://{NOTE_JOURNAL}.txt" >\n<Description />\n</Note>\n'
    )
    xml += (
        f'<Note guid="{NOTE_ANNOTATION}" creatingUser="{U_ANA}" '
        f'creationDateTime="2024-05-03T08:00:00Z" >\n'
        f"<PlainTextContent>{memo}</PlainTextContent>\n"
        f'<PlainTextSelection guid="{NOTE_SELECTION}" startPosition="{ann_start}" '
        f'endPosition="{ann_end}" />\n</Note>\n'
    )
    xml += "</Notes>\n<Description>Pilot study</Description>\n</Project>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", xml.encode("utf-8"))
        for guid, text in ((SRC_TEXT, INTERVIEW), (SRC_DOCX, REPORT), (REP_PDF, PAPER)):
            zf.writestr(f"{folder}/{guid}.txt", text.encode("utf-8-sig"))
        zf.writestr(f"{folder}/{NOTE_JOURNAL}.txt", "Day one: two interviews".encode("utf-8-sig"))
        zf.writestr(f"{folder}/{SRC_DOCX}.docx", b"PK\x03\x04 not read")
        zf.writestr(f"{folder}/{SRC_PDF}.pdf", b"%PDF-1.4 not read")
        zf.writestr(f"{folder}/{SRC_PICTURE}.png", b"\x89PNG not read")
    return buffer.getvalue()
