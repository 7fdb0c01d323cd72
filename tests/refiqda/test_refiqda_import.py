"""Importing codebooks: tags with hierarchy and descriptions in one transaction; bad
files give one clear line and change nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import SAMPLE

from reader.core.colors import PALETTE_HEX
from reader.core.importers import parse_text
from reader.core.refiqda import RefiQdaError, export_codebook, export_project, import_codebook

C = "{urn:QDA-XML:codebook:1.0}"
P = "{urn:QDA-XML:project:1.0}"

G = [f"{n:08x}-0000-4000-8000-00000000000{n % 10}" for n in range(1, 10)]


def qdc(codes: str, root: str = "CodeBook", ns: str = "urn:QDA-XML:codebook:1.0") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><{root} xmlns="{ns}" origin="MAXQDA">'
        f"<Codes>{codes}</Codes></{root}>"
    ).encode()


GOOD = qdc(
    f'<Code guid="{G[0]}" name="Economy" isCodable="true" color="#ff0000">'
    f"<Description>Money matters</Description>"
    f'<Code guid="{G[1]}" name="Trade" isCodable="true"><Description>Goods</Description></Code>'
    f'<Code guid="{G[2]}" name="Finance" isCodable="true"><Description>Credit</Description>'
    "</Code></Code>"
    f'<Code guid="{G[3]}" name="Security" isCodable="false"/>'
)


def snapshot(lib):
    return [(n.path, n.count, n.description) for top in lib.tag_tree() for n in top.walk()]


def test_codebook_creates_nested_tags_and_updates_descriptions(filled, tmp_path):
    path = tmp_path / "maxqda.qdc"
    path.write_bytes(GOOD)
    ann = next(a for d in filled.list_documents() for a in filled.annotations(d.id) if a.tags)
    counts = import_codebook(filled, path)
    # economy was only implied by economy/finance, which exists (in another case) and
    # keeps its annotations with the new description
    assert counts.added == ["Economy", "Economy/Trade", "Security"]
    assert counts.described == ["Economy/Finance"]
    assert counts.unchanged == 0
    assert counts.summary() == "3 tag(s) added, 1 description(s) updated, 0 unchanged"
    assert filled.tag_description("economy") == "Money matters"
    assert filled.tag_description("economy/finance") == "Credit"
    assert filled.get_annotation(ann.id).tags == ann.tags
    tree = {n.path.lower(): n for top in filled.tag_tree() for n in top.walk()}
    assert tree["economy/trade"].description == "Goods" and tree["economy/trade"].count == 0
    assert tree["economy"].exists  # no longer only implied
    again = import_codebook(filled, path)
    assert (again.added, again.described, again.unchanged) == ([], [], 4)


def test_our_own_codebook_and_project_import_into_a_new_library(filled, tmp_path, library):
    export_codebook(filled, tmp_path / "ours.qdc")
    export_project(filled, tmp_path / "ours.qdpx")
    from reader.core.store import Library

    for name in ("ours.qdc", "ours.qdpx"):
        with Library.open(tmp_path / f"{name}.db") as fresh:
            counts = import_codebook(fresh, tmp_path / name)
            assert len(counts.added) == 6
            assert [(p, d) for p, _c, d in snapshot(fresh)] == [
                (p, d) for p, _c, d in snapshot(filled)
            ]


def test_a_codebook_exports_back_with_its_guids_colours_and_codability(library, tmp_path):
    path = tmp_path / "maxqda.qdc"
    path.write_bytes(GOOD)
    import_codebook(library, path)
    start = library.add_document(parse_text(SAMPLE, filename="t.txt"))[0]
    quote = "Banks will cooperate."
    s = library.document_text(start.id).index(quote)
    library.add_annotation(start.id, s, s + len(quote), tags=["economy/trade"], color="green")
    export_codebook(library, tmp_path / "back.qdc")
    codes = {c.get("name"): c for c in ET.parse(tmp_path / "back.qdc").iter(f"{C}Code")}
    assert {n: c.get("guid") for n, c in codes.items()} == {
        "Economy": G[0], "Trade": G[1], "Finance": G[2], "Security": G[3],
    }  # fmt: skip
    assert codes["Economy"].get("color") == "#ff0000"  # as the codebook gave it
    assert codes["Trade"].get("color") == PALETTE_HEX["green"]  # from its highlight
    assert codes["Security"].get("isCodable") == "false"
    assert codes["Economy"].get("isCodable") == "true"
    # A project refers to the code by the GUID the codebook gave it.
    export_project(library, tmp_path / "back.qdpx")
    with zipfile.ZipFile(tmp_path / "back.qdpx") as zf:
        qde = ET.fromstring(zf.read("project.qde"))
    assert [r.get("targetGUID") for r in qde.iter(f"{P}CodeRef")] == [G[1]]
    # Importing again changes nothing; a GUID taken by another code moves with it.
    import_codebook(library, path)
    moved = qdc(f'<Code guid="{G[1]}" name="Other" isCodable="true"/>')
    (tmp_path / "moved.qdc").write_bytes(moved)
    import_codebook(library, tmp_path / "moved.qdc")
    identities = library.code_identities()
    assert identities["other"].guid == G[1] and "economy/trade" not in identities


BAD_FILES = {
    "not-xml.qdc": (b"this is not xml", "not well-formed XML"),
    "wrong-root.qdc": (qdc("", root="Project"), "not a REFI-QDA codebook"),
    "wrong-ns.qdc": (qdc("", ns="urn:something:else"), "not a REFI-QDA codebook"),
    "bomb.qdc": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        b'<Code guid="00000001-0000-4000-8000-000000000001" name="&lol2;" isCodable="true"/>'
        b"</Codes></CodeBook>",
        "DOCTYPE",
    ),
    "external-entity.qdc": (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>',
        "DOCTYPE",
    ),
    "duplicate-guid.qdc": (
        qdc(
            f'<Code guid="{G[0]}" name="a" isCodable="true"/>'
            f'<Code guid="{G[0].upper()}" name="b" isCodable="true"/>'
        ),
        "used twice",
    ),
    "bad-guid.qdc": (qdc('<Code guid="42" name="a" isCodable="true"/>'), "invalid GUID"),
    "same-tag.qdc": (
        qdc(
            f'<Code guid="{G[0]}" name="a/b" isCodable="true"/>'
            f'<Code guid="{G[1]}" name="A" isCodable="true">'
            f'<Code guid="{G[2]}" name="B" isCodable="true"/></Code>'
        ),
        "two codes stand for the same tag 'A/B'",
    ),
    "only-slashes.qdc": (qdc(f'<Code guid="{G[0]}" name=" / " isCodable="true"/>'), "no name"),
    "no-name.qdc": (qdc(f'<Code guid="{G[0]}" name="  " isCodable="true"/>'), "has no name"),
    "no-codes.qdc": (qdc(""), "has no codes"),
    # The first code is fine; the error comes later, and nothing may be imported.
    "late-error.qdc": (
        qdc(f'<Code guid="{G[5]}" name="fine" isCodable="true"/><Code name="x" isCodable="true"/>'),
        "invalid GUID",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_codebooks_import_nothing(filled, tmp_path, name):
    data, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    before = snapshot(filled)
    with pytest.raises(RefiQdaError, match=message) as info:
        import_codebook(filled, path)
    assert "\n" not in str(info.value) and name in str(info.value)
    assert snapshot(filled) == before


def _zip(path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_bad_projects_import_nothing(filled, tmp_path):
    good = tmp_path / "good.qdpx"
    export_project(filled, good)
    truncated = tmp_path / "truncated.qdpx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    missing = tmp_path / "missing.qdpx"
    _zip(missing, {"Sources/x.txt": b"text"})
    wrong = tmp_path / "wrong.qdpx"
    _zip(wrong, {"project.qde": qdc("")})
    before = snapshot(filled)
    for path, message in (
        (truncated, "not a zip file"),
        (missing, "no project.qde"),
        (wrong, "not a REFI-QDA project"),
        (tmp_path / "absent.qdc", "no such file"),
    ):
        with pytest.raises(RefiQdaError, match=message):
            import_codebook(filled, path)
    assert snapshot(filled) == before


def test_a_file_too_large_is_refused(filled, tmp_path, monkeypatch):
    from reader.core.refiqda import xmlsafe

    monkeypatch.setattr(xmlsafe, "MAX_XML_BYTES", 100)
    path = tmp_path / "big.qdc"
    path.write_bytes(GOOD)
    with pytest.raises(RefiQdaError, match="larger than"):
        import_codebook(filled, path)
