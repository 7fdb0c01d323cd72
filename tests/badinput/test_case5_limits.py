"""Issue 18, case 5: one definition of the limits. The library refuses a tag, note,
author or description over its limit, and a codebook carrying one, with one line; so
whatever it holds, its own exports (exchange JSON, .qdc, .qdpx) import again."""

from __future__ import annotations

import pytest
from badinput_helpers import file_digest, span

from reader.core.errors import LibraryError
from reader.core.exchange import exchange_json, export_collection, import_files
from reader.core.importers import parse_text
from reader.core.limits import MAX_DESCRIPTION, MAX_NAME, MAX_NOTE, MAX_QUOTE, MAX_TAG
from reader.core.refiqda import RefiQdaError, export_codebook, export_project, import_codebook
from reader.core.refiqda.codebook import CODEBOOK_NS
from reader.core.store import Library


def test_the_library_refuses_values_over_the_limits(lib):
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    with pytest.raises(LibraryError, match=f"longer than {MAX_TAG} characters"):
        library.add_annotation(doc_id, s, e, tags=["x" * (MAX_TAG + 1)])
    with pytest.raises(LibraryError, match="the note is longer than 100,000 characters"):
        library.add_annotation(doc_id, s, e, note="n" * (MAX_NOTE + 1))
    with pytest.raises(LibraryError, match="author's name is longer than 300 characters"):
        library.add_annotation(doc_id, s, e, author="a" * (MAX_NAME + 1))
    ann = library.add_annotation(doc_id, s, e, tags=["t" * 150])
    with pytest.raises(LibraryError, match="the note is longer"):
        library.set_note(ann.id, "n" * (MAX_NOTE + 1))
    with pytest.raises(LibraryError, match="longer than 200 characters"):
        library.rename_tag("t" * 150, "u" * 150 + "/" + "v" * 60)  # a rename that lengthens
    with pytest.raises(LibraryError, match="description is longer"):
        library.set_tag_description("t" * 150, "d" * (MAX_DESCRIPTION + 1))
    assert [t.path for t in library.tag_tree()] == ["t" * 150]


def test_a_highlight_over_the_quote_limit_is_refused(tmp_path):
    with Library.open(tmp_path / "big.db") as library:
        info, _ = library.add_document(parse_text("word " * (MAX_QUOTE // 4), filename="b.txt"))
        with pytest.raises(LibraryError, match="a highlight may cover at most 200,000"):
            library.add_annotation(info.id, 0, MAX_QUOTE + 1)
        library.add_annotation(info.id, 0, MAX_QUOTE)


def test_a_codebook_with_a_two_million_character_tag_is_refused(lib, tmp_path):
    library, _ = lib
    path = tmp_path / "huge.qdc"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="{CODEBOOK_NS}"><Codes>'
        f'<Code guid="0b7f6a52-3c1e-4d8e-9a51-2f4b1c9e7d10" name="{"x" * 2_000_000}"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    before = file_digest(library)
    with pytest.raises(RefiQdaError, match="longer than 200 characters"):
        import_codebook(library, path)
    assert file_digest(library) == before


def test_values_at_the_limits_round_trip_through_every_export(lib, tmp_path):
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    tag = "/".join(["abcd"] * 40)[:MAX_TAG]
    library.add_annotation(
        doc_id, s, e, tags=[tag], note="n" * MAX_NOTE, author="a" * MAX_NAME, color="green"
    )
    library.set_tag_description(tag, "d" * MAX_DESCRIPTION)
    share = tmp_path / "share.json"
    share.write_text(exchange_json(export_collection(library)), encoding="utf-8")
    export_codebook(library, tmp_path / "tags.qdc")
    export_project(library, tmp_path / "project.qdpx")
    with Library.open(tmp_path / "teammate.db") as teammate:
        teammate.add_document(parse_text(library.document_text(doc_id), filename="p.txt"))
        assert import_files(teammate, [share]).added == 1
        assert import_codebook(teammate, tmp_path / "tags.qdc").described == [tag]
        assert import_codebook(teammate, tmp_path / "project.qdpx").unchanged > 0
        [ex] = teammate.excerpts()
        assert (ex.annotation.tags, len(ex.annotation.note)) == ([tag], MAX_NOTE)


def test_a_title_over_the_limit_is_shortened_at_import_and_shares(tmp_path):
    html = f"<html><head><title>{'Long title ' * 100}</title></head><body><p>Text.</p></body>"
    doc = parse_text(html, "html", "long.html")
    assert len(doc.title) <= MAX_NAME and doc.title.endswith("\u2026")
    with Library.open(tmp_path / "t.db") as library:
        info, _ = library.add_document(doc)
        library.add_annotation(info.id, 0, 4)
        exchange_json(export_collection(library))  # raises if teammates could not import it


def test_share_export_refuses_what_share_import_would_refuse(lib):
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    library.add_annotation(doc_id, s, e)
    # A note from before the limits, written straight into the file.
    library.conn.execute("UPDATE annotations SET note = ?", ("n" * (MAX_NOTE + 1),))
    with pytest.raises(Exception, match="note is longer than 100,000.*not written"):
        exchange_json(export_collection(library))
