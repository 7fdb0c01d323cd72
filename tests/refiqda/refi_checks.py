"""Checks of exported REFI-QDA XML: the published XSDs (vendored in
tests/fixtures/refiqda, validated with xmlschema) and the rules an XSD cannot say."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from functools import cache
from pathlib import Path

import xmlschema

from reader.core.refiqda.guids import GUID_PATTERN

SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "refiqda"
P = "{urn:QDA-XML:project:1.0}"


@cache
def schema(name: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / name)


def validate_codebook(data: bytes) -> None:
    schema("Codebook.xsd").validate(data.decode("utf-8"))


def check_project(path: Path) -> ET.Element:
    """Validate a .qdpx against Project.xsd plus the cross-reference rules; the root."""
    with zipfile.ZipFile(path) as zf:
        qde = zf.read("project.qde")
        members = set(zf.namelist())
        texts = {n: zf.read(n).decode("utf-8") for n in members if n.startswith("sources/")}
    schema("Project-mrt2019.xsd").validate(qde.decode("utf-8"))
    root = ET.fromstring(qde)
    guids = [el.get("guid") for el in root.iter() if el.get("guid") is not None]
    assert all(GUID_PATTERN.fullmatch(g) for g in guids)
    assert len(guids) == len({g.lower() for g in guids}), "GUIDs must be unique"
    users = {u.get("guid") for u in root.iter(f"{P}User")}
    codes = {c.get("guid") for c in root.iter(f"{P}Code")}
    notes = {n.get("guid") for n in root.iter(f"{P}Note")}
    for ref in root.iter(f"{P}CodeRef"):
        assert ref.get("targetGUID") in codes
    for ref in root.iter(f"{P}NoteRef"):
        assert ref.get("targetGUID") in notes
    for el in root.iter():
        for attr in ("creatingUser", "modifyingUser"):
            if el.get(attr) is not None:
                assert el.get(attr) in users
    for source in root.iter(f"{P}TextSource"):
        path = source.get("plainTextPath")
        assert path.startswith("internal://")
        text = texts[f"sources/{path.removeprefix('internal://')}"]
        for sel in source.iter(f"{P}PlainTextSelection"):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert 0 <= start <= end <= len(text)
    return root
