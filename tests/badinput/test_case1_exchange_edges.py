"""Issue 18, case 1: exchange files with timestamps at the calendar's edges or escaped
lone surrogates are refused with one line (they raised OverflowError and
UnicodeEncodeError), and the library is left byte for byte as it was."""

from __future__ import annotations

import json

import pytest
from badinput_helpers import file_digest, span

from reader.core.exchange import ExchangeError, export_collection, import_files


@pytest.fixture
def shared(lib):
    library, doc_id = lib
    s, e = span(library, doc_id, "Banks will cooperate.")
    library.add_annotation(doc_id, s, e, tags=["economy"], note="swap lines", author="ana")
    return export_collection(library)


def _write(tmp_path, collection, edit):
    item = collection["first"]["items"][0]
    edit(item)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(collection, ensure_ascii=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "when", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00", "10000-01-01T00:00:00Z"]
)
def test_edge_timestamps_are_refused_with_one_line(lib, shared, tmp_path, when):
    library, _ = lib
    path = _write(tmp_path, shared, lambda item: item.update(modified=when))
    before = file_digest(library)
    with pytest.raises(ExchangeError) as err:
        import_files(library, [path])
    assert "modified is not a date and time from year 1 to 9999" in str(err.value)
    assert "\n" not in str(err.value) and file_digest(library) == before


@pytest.mark.parametrize(
    "where",
    [
        lambda item, bad: item.update(id=bad),
        lambda item, bad: item.update(creator={"type": "Person", "name": bad}),
        lambda item, bad: item["body"][0].update(value=bad),  # a tag
        lambda item, bad: item["body"][1].update(value="note " + bad),
        lambda item, bad: item["target"]["selector"][0].update(exact=bad),
    ],
    ids=["id", "creator", "tag", "note", "quote"],
)
def test_escaped_lone_surrogates_are_refused_with_one_line(lib, shared, tmp_path, where):
    library, _ = lib
    path = _write(tmp_path, shared, lambda item: where(item, "x\ud800y"))
    assert b"\\ud800" in path.read_bytes()
    before = file_digest(library)
    with pytest.raises(ExchangeError) as err:
        import_files(library, [path])
    assert "lone surrogate" in str(err.value) and "\n" not in str(err.value)
    assert file_digest(library) == before


def test_control_characters_in_a_teammates_note_follow_the_text_rule(lib, shared, tmp_path):
    library, _ = lib

    def edit(item):
        item["body"][1]["value"] = "a\x00b\x1bc"
        item["modified"] = "2030-01-01T00:00:00Z"  # newer: the merge takes it

    import_files(library, [_write(tmp_path, shared, edit)])
    [ex] = library.excerpts()
    assert ex.annotation.note == "a\u2400b\u241bc"
