"""Issue 18, case 2: codebooks and projects with an encrypted zip entry, an unsupported
compression method, ~1,000 nested codes, an unknown XML encoding or a declared UTF-16
encoding are refused with one line (they raised RuntimeError, NotImplementedError,
RecursionError, LookupError, ValueError), importing nothing."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from badinput_helpers import file_digest

from reader.core.refiqda import RefiQdaError, export_project, import_codebook, read_project
from reader.core.refiqda.codebook import codebook_xml, library_codes


@pytest.fixture
def project(lib, tmp_path):
    library, doc_id = lib
    start = library.document_text(doc_id).index("Banks")
    library.add_annotation(doc_id, start, start + 5, tags=["economy/finance"], author="ana")
    path = tmp_path / "ours.qdpx"
    export_project(library, path)
    return path.read_bytes()


def _patch_member(data: bytes, member: str, *, flag: int = 0, method: int | None = None) -> bytes:
    """Set a flag bit or the compression method of ``member`` in both its headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(member)
    local = info.header_offset
    central = next(
        i
        for i in range(len(out) - 46)
        if out[i : i + 4] == b"PK\x01\x02" and out[i + 46 : i + 46 + len(member)] == member.encode()
    )
    for at, off in ((local, 6), (central, 8)):
        flags, meth = struct.unpack_from("<HH", out, at + off)
        struct.pack_into("<HH", out, at + off, flags | flag, meth if method is None else method)
    return bytes(out)


def _refused(library, path, message):
    before = file_digest(library)
    for read in (lambda: import_codebook(library, path), lambda: read_project(path)):
        with pytest.raises(RefiQdaError) as err:
            read()
        assert message in str(err.value) and "\n" not in str(err.value)
    assert file_digest(library) == before


def test_an_encrypted_entry_is_refused(lib, project, tmp_path):
    path = tmp_path / "enc.qdpx"
    path.write_bytes(_patch_member(project, "project.qde", flag=0x1))
    _refused(lib[0], path, "project.qde is encrypted")


@pytest.mark.parametrize("method,name", [(9, "deflate64"), (98, "PPMd"), (12, "bzip2")])
def test_an_unsupported_compression_method_is_refused(lib, project, tmp_path, method, name):
    path = tmp_path / "odd.qdpx"
    path.write_bytes(_patch_member(project, "project.qde", method=method))
    _refused(lib[0], path, f"compressed with {name}, which is not supported")


def test_a_thousand_nested_codes_are_refused(lib, tmp_path):
    library, doc_id = lib
    library.add_annotation(doc_id, 0, 5, tags=["economy"])
    data = codebook_xml(library_codes(library))
    guid = "{:08x}-0000-4000-8000-{:012x}"
    deep = "".join(f'<Code guid="{guid.format(i, i)}" name="c{i}">' for i in range(1000))
    deep += "</Code>" * 1000
    path = tmp_path / "deep.qdc"
    path.write_bytes(data.replace(b"<Codes>", b"<Codes>" + deep.encode(), 1))
    before = file_digest(library)
    with pytest.raises(RefiQdaError, match="nested more than 256 deep"):
        import_codebook(library, path)
    # Nesting within the XML limit but past what a tag path can hold: the path's length.
    deep = "".join(f'<Code guid="{guid.format(i, i)}" name="c{i}">' for i in range(200))
    path.write_bytes(data.replace(b"<Codes>", b"<Codes>" + deep.encode() + b"</Code>" * 200, 1))
    with pytest.raises(RefiQdaError, match="longer than 200 characters"):
        import_codebook(library, path)
    assert file_digest(library) == before


@pytest.mark.parametrize(
    "declaration,message",
    [
        (b'<?xml version="1.0" encoding="x-unknown-8"?>', "declares the encoding 'x-unknown-8'"),
        (b'<?xml version="1.0" encoding="utf-16"?>', "declares the encoding 'utf-16' but"),
        (b'<?xml version="1.0" encoding="cp037"?>', "declares the encoding 'cp037'"),
    ],
)
def test_unsupported_xml_encodings_are_refused(lib, tmp_path, declaration, message):
    library, doc_id = lib
    library.add_annotation(doc_id, 0, 5, tags=["economy"])
    data = codebook_xml(library_codes(library))
    path = tmp_path / "enc.qdc"
    path.write_bytes(declaration + data.split(b"?>", 1)[1])
    before = file_digest(library)
    with pytest.raises(RefiQdaError) as err:
        import_codebook(library, path)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert file_digest(library) == before


def test_a_real_utf16_codebook_with_its_byte_order_mark_is_read(lib, tmp_path):
    library, doc_id = lib
    library.add_annotation(doc_id, 0, 5, tags=["économie/commerce"])
    data = codebook_xml(library_codes(library)).decode("utf-8")
    path = tmp_path / "u16.qdc"
    path.write_bytes(data.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    counts = import_codebook(library, path)
    assert counts.unchanged == 1 and counts.added == ["économie"]  # the implied parent
