"""Importing REFI-QDA projects: our own export comes back the same, a project written
the way QualCoder writes one is read, re-importing adds nothing, and a bad file
imports nothing."""

from __future__ import annotations

import io
import zipfile

import pytest
from qualcoder_style import INTERVIEW, MEMO, qualcoder_qdpx, span
from refi_checks import P, check_project, schema

from reader.core.refiqda import RefiQdaError, export_project, import_project
from reader.core.store import Library


def documents(lib):
    return sorted((d.id, d.title, d.date, lib.document_text(d.id)) for d in lib.list_documents())


def annotations(lib):
    return sorted(
        (a.id, a.document_id, a.start, a.end, a.quote, tuple(sorted(a.tags)), a.note, a.author,
         a.created, a.modified)
        for d in lib.list_documents()
        for a in lib.annotations(d.id)
    )  # fmt: skip


def tags(lib):
    return [(n.path, n.description) for top in lib.tag_tree() for n in top.walk()]


@pytest.fixture
def other(tmp_path):
    with Library.open(tmp_path / "other.db") as lib:
        yield lib


def test_our_project_comes_back_the_same(filled, other, tmp_path):
    path = tmp_path / "ours.qdpx"
    export_project(filled, path)
    report = import_project(other, path)
    assert documents(other) == documents(filled)
    assert annotations(other) == annotations(filled)
    assert tags(other) == tags(filled)
    assert dict(tags(other))["economy/finance"] == "Loans, banks & <swap> lines"
    assert report.authors == ["ana", "Bo", "Zoë"]
    assert report.notes == 2 and report.added == 4 and report.left_out() == []
    assert len(report.documents_added) == 2


def test_reimporting_adds_nothing(filled, other, tmp_path):
    path = tmp_path / "ours.qdpx"
    export_project(filled, path)
    import_project(other, path)
    before = (documents(other), annotations(other), tags(other))
    again = import_project(other, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert again.documents_added == [] and len(again.documents_known) == 2
    assert (documents(other), annotations(other), tags(other)) == before
    # into the library it came from: nothing new either
    back = import_project(filled, path)
    assert (back.added, back.updated) == (0, 0)


def test_notes_are_written_in_both_layouts_and_still_validate(filled, tmp_path):
    path = tmp_path / "ours.qdpx"
    export_project(filled, path)
    root = check_project(path)  # Project.xsd and the cross-references
    noted = [s for s in root.iter(f"{P}PlainTextSelection") if s.find(f"{P}NoteRef") is not None]
    assert len(noted) == 2
    for sel in noted:
        note_guid = sel.find(f"{P}NoteRef").get("targetGUID")
        [note] = [n for n in root.iter(f"{P}Note") if n.get("guid") == note_guid]
        # QualCoder reads the Description (as the coding's memo); the standard's NoteRef
        # points at the same text
        assert sel.findtext(f"{P}Description") == note.findtext(f"{P}PlainTextContent")
    with zipfile.ZipFile(path) as zf:
        assert all(n == "project.qde" or n.startswith("sources/") for n in zf.namelist())


def test_a_qualcoder_project_is_read(library, tmp_path):
    valid = zipfile.ZipFile(io.BytesIO(qualcoder_qdpx(unknown_coder=False)))
    schema("Project-mrt2019.xsd").validate(valid.read("project.qde").decode("utf-8"))
    path = tmp_path / "qualcoder.qdpx"
    path.write_bytes(qualcoder_qdpx())
    report = import_project(library, path)
    titles = sorted(d.title for d in library.list_documents())
    assert titles == ["Interview Anna", "Paper", "Report"]  # the DOCX's and PDF's text too
    interview = next(d for d in library.list_documents() if d.title == "Interview Anna")
    assert library.document_text(interview.id) == INTERVIEW  # the BOM is not text
    got = {a.quote: a for a in library.annotations(interview.id)}
    tariffs = got["Tariffs hurt our exports."]  # two selections, one per code: one annotation
    assert sorted(tariffs.tags) == ["Culture", "Economy/Trade"]
    assert tariffs.note == "Tariffs again" and tariffs.author == "anna"
    assert tariffs.created == "2024-05-01T10:00:00.000Z"
    assert (tariffs.start, tariffs.end) == span(INTERVIEW, "Tariffs hurt our exports.")
    assert got["Banks lend less."].note == MEMO  # a coding memo
    travel = got["We travel less."]  # QualCoder's annotation: a NoteRef on the source
    assert travel.tags == [] and travel.note == "Ask about R&D <later>"
    assert dict(tags(library))["Economy"] == "Money & trade"
    assert report.authors == ["anna"]
    assert report.left_out() == [
        "1 PictureSource (not text) not imported",
        "memo 'Project description' on project not imported (no place for memos)",
        "memo 'Field diary' on project not imported (no place for memos)",
    ]
    again = import_project(library, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def test_capitalised_sources_folder_is_still_read(library, tmp_path):
    path = tmp_path / "nvivo-style.qdpx"
    path.write_bytes(qualcoder_qdpx(folder="Sources"))
    assert import_project(library, path).added == 5


def test_unescaped_memo_is_refused_with_one_line(filled, tmp_path):
    path = tmp_path / "qualcoder-bad.qdpx"
    path.write_bytes(qualcoder_qdpx(unescaped_memo=True))
    before = (documents(filled), annotations(filled), tags(filled))
    with pytest.raises(RefiQdaError) as info:
        import_project(filled, path)
    message = str(info.value)
    assert "\n" not in message and "not well-formed XML" in message
    assert "'&' or '<' in a text is not escaped" in message
    assert (documents(filled), annotations(filled), tags(filled)) == before


def _qde_replaced(data: bytes, old: str, new: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name in src.namelist():
            content = src.read(name)
            if name == "project.qde":
                assert old.encode() in content
                content = content.replace(old.encode(), new.encode(), 1)
            zf.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('<NoteRef targetGUID="0f758eeb', '<NoteRef targetGUID="0f758eec', "unknown note"),
        ('<CodeRef targetGUID="2dfba8c9', '<CodeRef targetGUID="2dfba8ca', "unknown code"),
        ('creatingUser="5c94bc9e', 'creatingUser="5c94bc9f', "unknown user"),
        ('endPosition="', 'endPosition="9999', "outside its text"),
        ('plainTextPath="internal://a2b94468', 'plainTextPath="internal://b2b94468', "missing"),
    ],
)
def test_a_bad_project_imports_nothing(filled, tmp_path, old, new, message):
    path = tmp_path / "bad.qdpx"
    path.write_bytes(_qde_replaced(qualcoder_qdpx(), old, new))
    before = (documents(filled), annotations(filled), tags(filled))
    with pytest.raises(RefiQdaError, match=message):
        import_project(filled, path)
    assert (documents(filled), annotations(filled), tags(filled)) == before
