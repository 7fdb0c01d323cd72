"""A round trip through our own exporters always imports: whatever a user typed into
notes, tags, author names and tag descriptions (control characters, lone surrogates,
slashes, any script), the library's exchange JSON, ``.qdc`` and ``.qdpx`` import into a
teammate's library and bring the same values."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import LibraryError
from reader.core.exchange import exchange_json, export_collection, import_files
from reader.core.importers import parse_text
from reader.core.refiqda import export_codebook, export_project, import_codebook, import_project
from reader.core.store import Library
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.sources import ACCENTED, PAPER

CHARS = st.characters(codec=None, categories=None) | st.sampled_from(
    ["\x00", "\ud800", "\udfff", "\x0c", "\r", "\n", "\t", "/", " ", "\x1f", "\ufffe", "<", "&"]
)
TEXT = st.text(CHARS, max_size=40)
ANNOTATION = st.fixed_dictionaries(
    {
        "tags": st.lists(TEXT, max_size=3),
        "note": TEXT,
        "author": st.one_of(st.none(), TEXT),
        "description": TEXT,
    }
)


def _fill(library: Library, wanted: list[dict]) -> None:
    paper, _ = library.add_document(parse_text(PAPER, filename="paper.txt"))
    library.add_document(parse_text(ACCENTED, filename="politica.txt"))
    text = library.document_text(paper.id)
    for i, ann in enumerate(wanted):
        tags = []
        for tag in ann["tags"]:
            with contextlib.suppress(LibraryError):  # an empty tag ("/", " ") is refused
                library.add_annotation(paper.id, 0, 1, tags=[tag])
                tags.append(tag)
        start = (i * 37) % (len(text) - 50)
        made = library.add_annotation(
            paper.id, start, start + 30, tags=tags, note=ann["note"], author=ann["author"] or None
        )
        if made.tags:
            library.set_tag_description(made.tags[0], ann["description"])


def _values(library: Library) -> list[tuple]:
    return sorted(
        (
            ex.annotation.quote,
            ex.annotation.note.strip(),
            tuple(t.lower() for t in ex.annotation.tags),
        )
        for ex in library.excerpts()
        if ex.annotation.start != 0 or ex.annotation.end != 1
    )


@fuzz_settings(100)
@given(wanted=st.lists(ANNOTATION, min_size=1, max_size=3))
def test_our_exports_always_import(tmp_path_factory, wanted):
    folder = tmp_path_factory.mktemp("roundtrip")
    with Library.open(folder / "ours.db") as ours:
        _fill(ours, wanted)
        share = folder / "share.json"
        share.write_text(exchange_json(export_collection(ours)), encoding="utf-8")
        has_tags = bool(ours.tag_tree())
        if has_tags:
            export_codebook(ours, folder / "tags.qdc")
        export_project(ours, folder / "project.qdpx")
        expected = _values(ours)
    with Library.open(folder / "theirs.db") as theirs:
        theirs.add_document(parse_text(PAPER, filename="paper.txt"))
        import_files(theirs, [share])
        assert _values(theirs) == expected
        if has_tags:
            import_codebook(theirs, folder / "tags.qdc")
    with Library.open(folder / "project.db") as project:
        import_project(project, folder / "project.qdpx")
        assert project.list_documents()
