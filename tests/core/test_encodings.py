"""Plain text in any common encoding; undecodable input is one clear error."""

from __future__ import annotations

import codecs

import pytest

from reader.core.errors import DocumentError
from reader.core.importers import load_document
from reader.core.importers.text import decode

SAMPLE = "Part I Café Policy\n\nThe “new” approach – naïve but 50 € cheaper.\n"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("utf-16-le"), "utf-16"),  # without BOM
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_common_encodings_decode_to_the_same_text(data, encoding):
    text, found = decode(data)
    assert text == SAMPLE
    assert found == encoding


def test_latin1_control_range_falls_back():
    data = "Caf\u00e9 \u0081 x\n".encode("latin-1")  # 0x81 is undefined in cp1252
    text, enc = decode(data)
    assert text.startswith("Café") and enc == "latin-1"


def test_same_text_in_other_encodings_has_the_same_id(tmp_path):
    ids = set()
    for n, data in enumerate(
        [
            SAMPLE.encode("utf-8"),
            SAMPLE.encode("utf-16"),
            SAMPLE.encode("cp1252"),
            SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        ]
    ):
        p = tmp_path / f"doc{n}.txt"
        p.write_bytes(data)
        ids.add(load_document(p).id)
    assert len(ids) == 1


def test_crlf_is_kept_in_the_stored_text(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Part I Aims\r\n\r\nBody text here.\r\n")
    doc = load_document(p)
    assert doc.text == "Part I Aims\r\n\r\nBody text here.\r\n"
    assert [n.display for n in doc.outline] == ["Part I Aims"]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        b"\x00\x01\x02\x03binary\x00" * 100,
        b"\x89PNG\r\n\x1a\n" + bytes(200),
    ],
)
def test_binary_input_is_a_clear_error(tmp_path, data):
    p = tmp_path / "weird.txt"
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=r"weird\.txt: not readable as text"):
        load_document(p)


def test_missing_unsupported_and_directory_errors(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "absent.txt")
    (tmp_path / "x.pdfx").write_text("hi")
    with pytest.raises(DocumentError, match="unsupported file type"):
        load_document(tmp_path / "x.pdfx")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(DocumentError, match="not a file|is a directory"):
        load_document(tmp_path / "dir.txt")


def test_too_large_file_is_refused_without_reading(tmp_path, monkeypatch):
    import reader.core.importers as importers

    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text("x" * 2000)
    with pytest.raises(DocumentError, match="too large"):
        load_document(p)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    doc = load_document(p)
    assert doc.text == "" and doc.outline == [] and doc.blocks == []
    assert doc.title == "empty"
