"""Read a ``.qdpx`` project back, checking it on the way: the round trip of our export,
and the codebook part of anyone's project.

Checks beyond well-formed XML: the root and namespace, GUIDs well-formed and unique,
every CodeRef / NoteRef / creatingUser pointing at something the file defines, text
sources present in the zip, selections inside their text with start <= end.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.refiqda.codebook import PROJECT_NS, Code, parse_codes
from reader.core.refiqda.guids import is_guid
from reader.core.refiqda.xmlsafe import MAX_XML_BYTES, RefiQdaError, local_name, namespace
from reader.core.refiqda.xmlsafe import parse_xml as _parse_xml
from reader.core.safe_zip import SafeZip

INTERNAL = "internal://"


@dataclass(slots=True)
class Selection:
    """A coded passage of a text source."""

    guid: str
    start: int
    end: int
    user: str | None  # the user's name
    code_guids: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class TextSource:
    """A document: its name, its text, its selections."""

    guid: str
    name: str
    text: str
    selections: list[Selection] = field(default_factory=list)


@dataclass(slots=True)
class Project:
    """What a ``.qdpx`` holds that we understand (other kinds of source are skipped)."""

    name: str
    users: dict[str, str]  # guid -> name
    codes: list[Code]
    sources: list[TextSource]


def _q(name: str) -> str:
    return f"{{{PROJECT_NS}}}{name}"


class _Archive:
    """The zip, read with size limits and one-line errors (see :class:`SafeZip`)."""

    def __init__(self, path: Path) -> None:
        self.what = path.name
        self.safe = SafeZip(
            path, self.what, RefiQdaError, kind=".qdpx project", max_member_bytes=MAX_XML_BYTES
        )
        self.names = self.safe.members

    def read(self, member: str) -> bytes:
        data = self.safe.read(member)
        if data is None:
            raise RefiQdaError(f"{self.what}: {member} is missing from the project")
        return data

    def qde_name(self) -> str:
        if "project.qde" in self.names:
            return "project.qde"
        others = [n for n in self.names if n.lower().endswith(".qde") and "/" not in n]
        if len(others) != 1:
            raise RefiQdaError(f"{self.what}: not a .qdpx project (no project.qde inside)")
        return others[0]

    def source_text(self, path: str) -> str:
        if not path.startswith(INTERNAL):
            raise RefiQdaError(f"{self.what}: the text source {path!r} is not inside the project")
        name = path[len(INTERNAL) :]
        for folder in ("Sources", "sources"):
            if f"{folder}/{name}" in self.names:
                data = self.read(f"{folder}/{name}")
                break
        else:
            raise RefiQdaError(f"{self.what}: the text source {name} is missing from the project")
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise RefiQdaError(f"{self.what}: the text source {name} is not UTF-8") from None


def project_root(path: str | Path) -> tuple[ET.Element, _Archive]:
    """The ``<Project>`` element of a ``.qdpx`` and its archive; checks root and namespace."""
    archive = _Archive(Path(path))
    root = _parse_xml(archive.read(archive.qde_name()), archive.what)
    if local_name(root) != "Project" or namespace(root) != PROJECT_NS:
        raise RefiQdaError(
            f"{archive.what}: not a REFI-QDA project (the root is <{local_name(root)}> in "
            f"{namespace(root) or 'no namespace'}, expected <Project> in {PROJECT_NS})"
        )
    return root, archive


def project_codes(root: ET.Element, what: str, seen: set[str] | None = None) -> list[Code]:
    """The codebook of a project's root element (empty when it has none)."""
    codes_el = root.find(f"{_q('CodeBook')}/{_q('Codes')}")
    return [] if codes_el is None else parse_codes(codes_el, what, seen)


class _Checker:
    def __init__(self, what: str) -> None:
        self.what = what
        self.seen: set[str] = set()

    def guid(self, el: ET.Element, kind: str) -> str:
        guid = el.get("guid") or ""
        if not is_guid(guid):
            raise RefiQdaError(f"{self.what}: a {kind} has an invalid GUID {guid!r}")
        if guid.lower() in self.seen:
            raise RefiQdaError(f"{self.what}: the GUID {guid} is used twice")
        self.seen.add(guid.lower())
        return guid

    def ref(self, guid: str | None, known: Mapping[str, object], kind: str) -> str:
        if guid is None or guid.lower() not in known:
            raise RefiQdaError(f"{self.what}: a reference to an unknown {kind} {guid!r}")
        return guid.lower()


def _position(el: ET.Element, attr: str, what: str) -> int:
    try:
        return int(el.get(attr, ""))
    except ValueError:
        raise RefiQdaError(f"{what}: a selection has no valid {attr}") from None


def read_project(path: str | Path) -> Project:
    """Read and check a ``.qdpx``; raises :class:`RefiQdaError` with one line if invalid."""
    root, archive = project_root(path)
    check = _Checker(archive.what)
    what = archive.what
    users = {}
    for el in root.iterfind(f"{_q('Users')}/{_q('User')}"):
        users[check.guid(el, "user").lower()] = el.get("name") or ""
    codes = project_codes(root, what, check.seen)
    code_guids = {c.guid.lower(): c for top in codes for c in top.walk()}
    notes = {}
    for el in root.iterfind(f"{_q('Notes')}/{_q('Note')}"):
        content = el.find(_q("PlainTextContent"))
        if content is not None:
            text = content.text or ""
        elif el.get("plainTextPath"):
            text = archive.source_text(el.get("plainTextPath", ""))
        else:
            raise RefiQdaError(f"{what}: a note has neither text nor a file")
        notes[check.guid(el, "note").lower()] = text
    project = Project(root.get("name") or "", users, codes, [])
    sources_el = root.find(_q("Sources"))
    for el in [] if sources_el is None else list(sources_el):
        if local_name(el) != "TextSource":
            continue  # PDF, picture, audio sources: nothing we can read
        guid = check.guid(el, "text source")
        content = el.find(_q("PlainTextContent"))
        if content is not None:
            text = content.text or ""
        else:
            text = archive.source_text(el.get("plainTextPath") or "")
        source = TextSource(guid, el.get("name") or "", text)
        for sel_el in el.iterfind(_q("PlainTextSelection")):
            start, end = (
                _position(sel_el, "startPosition", what),
                _position(sel_el, "endPosition", what),
            )
            if not 0 <= start <= end <= len(text):
                raise RefiQdaError(
                    f"{what}: a selection ({start}-{end}) lies outside its text (0-{len(text)})"
                )
            user = sel_el.get("creatingUser")
            sel = Selection(
                check.guid(sel_el, "selection"),
                start,
                end,
                users[check.ref(user, users, "user")] if user else None,
            )
            for coding in sel_el.iterfind(_q("Coding")):
                check.guid(coding, "coding")
                ref = coding.find(_q("CodeRef"))
                target = None if ref is None else ref.get("targetGUID")
                sel.code_guids.append(check.ref(target, code_guids, "code"))
                if coding.get("creatingUser"):
                    check.ref(coding.get("creatingUser"), users, "user")
            for note_ref in sel_el.iterfind(_q("NoteRef")):
                sel.note = notes[check.ref(note_ref.get("targetGUID"), notes, "note")]
            source.selections.append(sel)
        project.sources.append(source)
    return project
