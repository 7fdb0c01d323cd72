"""Word import: heading styles as the outline, list numbers as labels, tables as text,
and clear refusals for encrypted, corrupt and hostile files."""

from __future__ import annotations

import io
import zipfile

import pytest

from reader.core.errors import DocumentError
from reader.core.importers import parse_bytes
from reader.core.importers.docx_numbering import format_number
from reader.core.model import LIST_ITEM, TITLE
from reader.core.reading import build_reading_view
from tests.core.docx_fixtures import PAPER, make_docx, p, table
from tests.core.outline_helpers import blocks_of


@pytest.fixture(scope="module")
def paper():
    return parse_bytes(make_docx(PAPER), "docx", "paper.docx")


def test_heading_styles_make_the_outline(paper):
    assert [(n.level, n.label, n.title) for n in paper.iter_nodes()] == [
        (1, None, "Preface"),
        (1, "Part I", "Overview"),
        (2, None, "In the Economic Field"),
        (1, "Part II", "Implementation"),
        (2, None, "In the Legal Field"),
    ]
    assert paper.format == "docx" and paper.pages == []


def test_title_style_is_the_document_title(paper):
    assert paper.title == "Trade Policy Paper"
    assert paper.blocks[0].kind == TITLE


def test_list_numbering_is_kept_as_labels(paper):
    items = blocks_of(paper, LIST_ITEM, "label")
    assert items == [
        ("1.", "reduce tariffs on agricultural goods;"),
        ("(a)", "for grain;"),
        ("(b)", "for fruit;"),
        ("2.", "open markets to services."),
        ("(a)", "with safeguards;"),  # a higher level restarts the one below
        (None, "Consultations come first"),
        (None, "Panels decide within a year"),
        ("5.", "Annexed rule"),  # startOverride
        ("5.1", "Annexed sub-rule"),
    ]
    view = build_reading_view(paper).text
    assert "1. reduce tariffs" in view and "(b) for fruit;" in view
    assert "\u2022 Consultations come first" in view


def test_tables_become_one_line_per_row(paper):
    view = build_reading_view(paper).text
    assert "Product | 2016 | 2020\nGrain | 10% | 5%\nFruit | 8% | 0%" in view


def test_line_breaks_inside_a_paragraph_are_kept(paper):
    assert "by consultation.\nArbitration" in paper.text
    start = paper.text.index("Arbitration")
    assert paper.section_path_text(start) == "Part II > In the Legal Field"


def test_conventions_apply_when_there_are_no_heading_styles():
    doc = parse_bytes(
        make_docx([p("Part I Economy"), p("1. Trade"), p("Tariffs fall."), p("2. Money"),
                   p("Banks lend.")]),
        "docx",
        "plain.docx",
    )  # fmt: skip
    assert [n.display for n in doc.iter_nodes()] == ["Part I Economy", "1. Trade", "2. Money"]


def test_core_properties_title_is_a_fallback():
    doc = parse_bytes(make_docx([p("Some text here.")], title="Paper on Ports"), "docx", "x.docx")
    assert doc.title == "Paper on Ports"


def test_roman_and_letter_formats():
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 1999)] == [
        "IV",
        "IX",
        "XIV",
        "MCMXCIX",
    ]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]


def _zip(parts: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _bomb() -> bytes:
    """A document.xml of 80 MB of spaces: a few KB compressed."""
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("word/document.xml", "w") as fh,
    ):
        chunk = b" " * (1 << 20)
        for _ in range(80):
            fh.write(chunk)
    return buf.getvalue()


ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
)


@pytest.mark.parametrize(
    "data,message",
    [
        (ENCRYPTED, "this Word document is encrypted; remove the password first"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "an old Word .doc file"),
        (b"this is not a zip", "not a valid Word document"),
        (_zip({"word/other.xml": "<x/>"}), "no word/document.xml"),
        (
            _zip({"word/document.xml": "<w:document><unclosed>"}),
            "word/document.xml: not well-formed XML",
        ),
        (
            _zip({"word/document.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}),
            "word/document.xml: it declares a DOCTYPE",
        ),
        (_bomb(), "word/document.xml is too large"),
        (make_docx([p("")]), "this Word document has no text"),
        (make_docx(PAPER)[:300], "not a valid Word document"),
    ],
    ids=["encrypted", "doc", "not-zip", "no-body", "malformed", "dtd", "bomb", "empty", "cut"],
)
def test_unreadable_docx_files_are_refused_with_one_line(data, message):
    with pytest.raises(DocumentError) as err:
        parse_bytes(data, "docx", "bad.docx")
    assert str(err.value).startswith("bad.docx: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_table_only_document_imports():
    doc = parse_bytes(make_docx([table([["a", "b"], ["c", "d"]])]), "docx", "t.docx")
    assert doc.text == "a | b\nc | d\n"
