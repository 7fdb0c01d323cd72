"""Documents of every supported format with hostile content: NUL bytes, invalid UTF-8,
control characters, 10 MB single lines, deep HTML, damaged or hostile PDF and Word
files. Each either imports (and then SQLite and Python see the same text, and a
highlight anywhere keeps its quote) or is refused with one line; nothing else escapes."""

from __future__ import annotations

import functools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.exchange import add_document
from reader.core.importers import parse_bytes
from reader.core.store import Library
from tests.core.docx_fixtures import make_docx, p
from tests.core.pdf_fixtures import make_pdf
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.mutators import (
    deep_html,
    hostile_text,
    mutate_pdf,
    mutate_zip,
    zip_bomb,
    zip_with,
)
from tests.fuzz.sources import PAPER

MARKDOWN = "# Trade Policy Paper\n\n## Part I\n\n- Banks will *cooperate*.\n\n> Quoted.\n"
HTML = (
    "<html><head><title>Trade</title><script>x()</script></head><body><h1>Trade</h1>"
    "<p>Banks will cooperate.</p><ul><li>One</li></ul><table><tr><td>a</td></tr></table>"
    "</body></html>"
)


@functools.cache
def docx_bytes() -> bytes:
    return make_docx([p("Trade Policy Paper", "Title"), p("Part I", "Heading1"), p("Banks.")])


@functools.cache
def pdf_bytes() -> bytes:
    return make_pdf([["Trade Policy Paper", "Part I Economy", "Banks will cooperate."]] * 2)


def check_import(library: Library, data: bytes, fmt: str) -> None:
    """Parse and store ``data``; a refusal must be one ReaderError line. A stored
    document must read the same in SQLite as in Python."""
    try:
        doc = parse_bytes(data, fmt, f"fuzzed.{fmt}")
        info, added = add_document(library, doc)
    except ReaderError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    text = library.document_text(info.id)
    # The same text up to white space (the fingerprint) was stored by an earlier example.
    assert (text == doc.text or not added) and "\x00" not in text
    sql_length = library.conn.execute(
        "SELECT length(text) FROM documents WHERE id = ?", (info.id,)
    ).fetchone()[0]
    assert sql_length == len(text)
    if len(text) >= 2:
        start = max(0, len(text) - 40)
        ann = library.add_annotation(info.id, start, len(text), note="\x00 in a note")
        assert ann.quote == text[start:] and ann.note == "\u2400 in a note"
    assert library.integrity_check() == "ok"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "docs.db") as lib:
        yield lib


FORMATS = {
    "text": PAPER.encode(),
    "markdown": MARKDOWN.encode(),
    "html": HTML.encode(),
}


@fuzz_settings(400)
@given(fmt=st.sampled_from(sorted(FORMATS)), rnd=st.randoms(use_true_random=False))
def test_hostile_text_markdown_and_html(library, fmt, rnd: random.Random):
    check_import(library, hostile_text(FORMATS[fmt], rnd), fmt)


@fuzz_settings(300)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_word_documents(library, rnd: random.Random):
    check_import(library, mutate_zip(docx_bytes(), rnd, xml_suffix="document.xml"), "docx")


@fuzz_settings(150)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_pdfs(library, rnd: random.Random):
    check_import(library, mutate_pdf(pdf_bytes(), rnd), "pdf")


@fuzz_settings(300)
@given(
    data=st.binary(max_size=2000), fmt=st.sampled_from(["text", "markdown", "html", "docx", "pdf"])
)
def test_any_bytes_in_any_format(library, data, fmt):
    check_import(library, data, fmt)


def _deep_docx(depth: int) -> bytes:
    body = "<w:sdt>" * depth + p("deep") + "</w:sdt>" * depth
    return make_docx([body])


HOSTILE = {
    "10 MB single line (text)": (b"word " * 2_000_000, "text"),
    "10 MB single line (markdown)": (b"# " + b"word " * 2_000_000, "markdown"),
    "NUL bytes in text": (PAPER.encode().replace(b"Banks", b"\x00Banks\x00"), "text"),
    "invalid UTF-8": (PAPER.encode() + b"\xff\xfe\xc3(", "text"),
    "deep HTML": (deep_html(100_000), "html"),
    "deep HTML lists": (deep_html(20_000, "ul"), "html"),
    "deep Word XML": (_deep_docx(5_000), "docx"),
    "Word zip bomb": (zip_bomb("word/document.xml"), "docx"),
    "Word with a zip inside": (
        zip_with({"word/document.xml": b"<x/>"}, nested_zip=True),
        "docx",
    ),
    "Word with a DTD": (
        zip_with({"word/document.xml": b'<!DOCTYPE d [<!ENTITY e "x">]><d>&e;</d>'}),
        "docx",
    ),
    "encrypted PDF": (make_pdf([["Secret text here."]], encrypt="pw"), "pdf"),
    "truncated PDF": (make_pdf([["Some text here."]])[:400], "pdf"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_documents(library, name):
    data, fmt = HOSTILE[name]
    check_import(library, data, fmt)
