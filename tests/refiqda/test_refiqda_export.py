"""Codebook and project exports: valid against the published schemas, stable GUIDs,
and read back to the same tags, texts and selections."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from refi_checks import P, check_project, validate_codebook

from reader.core.refiqda import (
    build_project,
    codebook_xml,
    codes_from_tags,
    export_codebook,
    export_project,
    parse_codebook,
    read_project,
)
from reader.core.refiqda.guids import document_guid, tag_guid, user_guid

C = "{urn:QDA-XML:codebook:1.0}"


def test_codebook_is_valid_nested_and_carries_descriptions_and_colours(filled, tmp_path):
    path = tmp_path / "tags.qdc"
    # cooperation, deleted-only, economy, economy/finance, región, región/América
    assert export_codebook(filled, path) == 6
    data = path.read_bytes()
    validate_codebook(data)
    root = ET.fromstring(data)
    assert root.tag == f"{C}CodeBook"
    assert root.get("origin").startswith("Policy Reader")
    [economy] = [c for c in root.find(f"{C}Codes") if c.get("name") == "economy"]
    [finance] = economy.findall(f"{C}Code")
    assert finance.get("name") == "finance"
    assert finance.get("guid") == tag_guid("Economy/Finance")
    assert finance.findtext(f"{C}Description") == "Loans, banks & <swap> lines"
    # green is used twice, "#12ab34" once: the most used highlight colour wins
    assert finance.get("color") == "#A8E6A1"
    assert economy.get("isCodable") == "true"  # an implied parent is a code too
    america = root.find(f".//{C}Code[@name='región']/{C}Code")
    assert america.get("name") == "América" and america.get("color") == "#12AB34"


def test_exporting_twice_gives_the_same_guids(filled, tmp_path):
    export_codebook(filled, tmp_path / "a.qdc")
    export_codebook(filled, tmp_path / "b.qdc")
    assert (tmp_path / "a.qdc").read_bytes() == (tmp_path / "b.qdc").read_bytes()
    export_project(filled, tmp_path / "a.qdpx")
    export_project(filled, tmp_path / "b.qdpx")
    guids = [
        {el.get("guid") for el in check_project(tmp_path / name).iter() if el.get("guid")}
        for name in ("a.qdpx", "b.qdpx")
    ]
    assert guids[0] == guids[1] and len(guids[0]) > 10


def test_project_is_valid_and_reads_back_the_same(filled, tmp_path):
    path = tmp_path / "all.qdpx"
    summary = export_project(filled, path)
    assert (summary.documents, summary.selections, summary.users, summary.notes) == (2, 4, 3, 2)
    root = check_project(path)
    assert root.tag == f"{P}Project"
    assert [u.get("name") for u in root.iter(f"{P}User")] == ["ana", "Bo", "Zoë"]
    project = read_project(path)
    docs = {d.id: d for d in filled.list_documents()}
    assert [s.guid for s in project.sources] == [document_guid(i) for i in docs]
    codes = {c.guid: c.path for top in project.codes for c in top.walk()}
    assert sorted(codes.values()) == sorted(n.path for top in filled.tag_tree() for n in top.walk())
    for doc_id, source in zip(docs, project.sources, strict=True):
        assert source.text == filled.document_text(doc_id)
        assert source.name == docs[doc_id].title
        live = filled.annotations(doc_id)
        assert [
            (s.guid, s.start, s.end, s.user, sorted(codes[g] for g in s.code_guids), s.note)
            for s in source.selections
        ] == [(a.id, a.start, a.end, a.author, sorted(a.tags), a.note) for a in live]


def test_non_ascii_positions_are_code_points_into_the_source_file(filled, tmp_path):
    path = tmp_path / "es.qdpx"
    spanish = next(d for d in filled.list_documents() if d.filename == "politica.txt")
    export_project(filled, path, document_ids=[spanish.id])
    project = read_project(path)
    [source] = project.sources
    [sel] = source.selections
    assert source.text[sel.start : sel.end] == "La cooperación financiera es clave."
    # Byte offsets would differ: the emoji alone is four bytes but one position.
    assert source.text.encode("utf-8")[sel.start : sel.end] != "La cooperación".encode()
    assert sel.user == "Zoë" and sel.note == "¿préstamos?"


def test_filters_keep_only_chosen_documents_and_authors(filled, tmp_path):
    data, summary = build_project(filled, authors=["ANA"])
    assert (summary.documents, summary.selections, summary.users) == (2, 1, 1)
    path = tmp_path / "ana.qdpx"
    path.write_bytes(data)
    root = check_project(path)
    assert [u.get("guid") for u in root.iter(f"{P}User")] == [user_guid("ana")]
    # The whole codebook goes along, so the tool sees every tag.
    assert len(list(root.iter(f"{P}Code"))) == 6


def test_an_empty_library_exports_a_valid_project(library, tmp_path):
    path = tmp_path / "empty.qdpx"
    summary = export_project(library, path)
    assert summary.documents == 0
    root = check_project(path)
    assert root.find(f"{P}Sources") is None and root.find(f"{P}CodeBook") is None


def test_cancelling_writes_nothing(filled, tmp_path):
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 1

    assert export_project(filled, tmp_path / "x.qdpx", progress=progress) is None
    assert seen == [(0, 2), (1, 2)]
    assert not (tmp_path / "x.qdpx").exists()


def test_codebook_parses_back_to_the_same_tree(filled):
    codes = codes_from_tags(filled.tag_tree(), filled.tag_colors())
    again = parse_codebook(codebook_xml(codes), "x.qdc")
    assert again == codes
