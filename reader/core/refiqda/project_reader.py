"""Read a ``.qdpx`` project, checking all of it on the way: our own exports, and the
projects QualCoder, MAXQDA, NVivo or ATLAS.ti write.

Checks beyond well-formed XML: the root and namespace, GUIDs well-formed and unique,
every CodeRef / NoteRef / user pointing at something the file defines, text sources
present in the zip, selections inside their text with start <= end.

What is read: text sources (a plain-text file or inline text; a DOCX source's plain
text; a PDF source's plain-text representation), their PlainTextSelections with their
codes, users, dates and notes, and the Notes. A note reaches a passage in three
layouts, all read: a NoteRef inside the selection (the standard's reference, which we
write), the selection's Description (QualCoder writes a coding's memo there, and we
write the note there too), and QualCoder's annotation: a NoteRef on the source to a
Note holding its own PlainTextSelection with the positions. Notes that reach no passage
(journals, memos on a whole source) are kept as :class:`Memo` s.
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
from reader.core.text_rules import clean_text

INTERNAL = "internal://"
# Kinds of source without text we could read (their selections are areas or times).
MEDIA_SOURCES = ("PictureSource", "AudioSource", "VideoSource")


@dataclass(slots=True)
class Selection:
    """A passage of a text source, with its codes and note."""

    guid: str
    start: int
    end: int
    user: str | None  # the user's name
    code_guids: list[str] = field(default_factory=list)
    note: str = ""
    created: str | None = None  # xsd:dateTime as written
    modified: str | None = None


@dataclass(slots=True)
class TextSource:
    """A document: its name, its text, its selections (a PDF's: its text representation's)."""

    guid: str
    name: str
    text: str
    selections: list[Selection] = field(default_factory=list)
    description: str = ""
    kind: str = "TextSource"  # or "PDFSource"


@dataclass(slots=True)
class Memo:
    """A note that reaches no passage: a journal, a memo on a source or on the project."""

    guid: str | None
    name: str
    text: str
    about: str  # "project", or the name of the source it is about


@dataclass(slots=True)
class Project:
    """What a ``.qdpx`` holds that we understand; what we cannot read is counted."""

    name: str
    users: dict[str, str]  # guid -> name
    codes: list[Code]
    sources: list[TextSource]
    origin: str = ""
    created: str | None = None
    memos: list[Memo] = field(default_factory=list)
    skipped_sources: dict[str, int] = field(default_factory=dict)  # kind -> how many


def _q(name: str) -> str:
    return f"{{{PROJECT_NS}}}{name}"


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False  # the zip reader says what is wrong with it


class _Archive:
    """The zip, read with size limits and one-line errors (see :class:`SafeZip`)."""

    def __init__(self, path: Path) -> None:
        self.what = path.name
        if _is_sqlite(path):  # what Taguette offers as its project export
            raise RefiQdaError(
                f"{self.what}: an SQLite database, not a .qdpx project (Taguette exports its "
                "projects so, and no .qdpx: import its codebook CSV with qdc-import)"
            )
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
        for folder in ("sources", "Sources"):  # the standard's spelling; NVivo's
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


@dataclass(slots=True)
class _Note:
    guid: str
    name: str
    text: str
    user: str | None
    created: str | None
    modified: str | None
    span: tuple[int, int] | None  # QualCoder's annotation: the passage it is about
    span_guid: str | None = None
    used: bool = False


class _ProjectReader:
    """One pass over ``project.qde``, checking as it goes."""

    def __init__(self, root: ET.Element, archive: _Archive) -> None:
        self.root = root
        self.archive = archive
        self.what = archive.what
        self.check = _Checker(archive.what)
        self.users: dict[str, str] = {}
        self.notes: dict[str, _Note] = {}

    def user(self, el: ET.Element) -> str | None:
        """The name of the user who made ``el`` (creating, else modifying user). An empty
        attribute counts as none: QualCoder writes ``creatingUser=""`` for a coder it
        does not know."""
        guid = el.get("creatingUser") or el.get("modifyingUser")
        return self.users[self.check.ref(guid, self.users, "user")] if guid else None

    def text_of(self, el: ET.Element, kind: str) -> str:
        content = el.find(_q("PlainTextContent"))
        if content is not None:
            return content.text or ""
        if el.get("plainTextPath"):
            return self.archive.source_text(el.get("plainTextPath", ""))
        raise RefiQdaError(f"{self.what}: a {kind} has neither text nor a plain-text file")

    def read(self) -> Project:
        root = self.root
        for el in root.iterfind(f"{_q('Users')}/{_q('User')}"):
            self.users[self.check.guid(el, "user").lower()] = el.get("name") or ""
        codes = project_codes(root, self.what, self.check.seen)
        code_guids = {c.guid.lower(): c for top in codes for c in top.walk()}
        for el in root.iterfind(f"{_q('Notes')}/{_q('Note')}"):
            self.read_note(el)
        project = Project(root.get("name") or "", self.users, codes, [])
        project.origin = root.get("origin") or ""
        project.created = root.get("creationDateTime") or root.get("modifiedDateTime")
        sources_el = root.find(_q("Sources"))
        for el in [] if sources_el is None else list(sources_el):
            kind = local_name(el)
            if kind == "TextSource":
                source = self.source(el, el, kind, code_guids)
            elif kind == "PDFSource" and el.find(_q("Representation")) is not None:
                rep = el.find(_q("Representation"))
                assert rep is not None
                source = self.source(el, rep, kind, code_guids)
            else:
                project.skipped_sources[kind] = project.skipped_sources.get(kind, 0) + 1
                continue
            project.sources.append(source)
            for ref in el.iterfind(_q("NoteRef")):
                self.source_note(
                    source,
                    self.notes[self.check.ref(ref.get("targetGUID"), self.notes, "note")],
                    project,
                )
        for ref in root.iterfind(_q("NoteRef")):
            self.check.ref(ref.get("targetGUID"), self.notes, "note")
        if (description := root.findtext(_q("Description"))) and description.strip():
            project.memos.append(Memo(None, "Project description", description.strip(), "project"))
        for note in self.notes.values():
            if not note.used and note.text.strip():
                project.memos.append(Memo(note.guid, note.name, note.text, "project"))
        return project

    def read_note(self, el: ET.Element) -> None:
        guid = self.check.guid(el, "note")
        span = None
        span_guid = None
        inner = el.find(_q("PlainTextSelection"))
        if inner is not None:
            span_guid = self.check.guid(inner, "selection")
            span = (
                _position(inner, "startPosition", self.what),
                _position(inner, "endPosition", self.what),
            )
        self.notes[guid.lower()] = _Note(
            guid,
            el.get("name") or "",
            self.text_of(el, "note"),
            self.user(el),
            el.get("creationDateTime"),
            el.get("modifiedDateTime"),
            span,
            span_guid,
        )

    def source(
        self, el: ET.Element, text_el: ET.Element, kind: str, code_guids: Mapping[str, Code]
    ) -> TextSource:
        guid = self.check.guid(el, "source")
        if text_el is not el:
            self.check.guid(text_el, "representation")
        self.user(el)  # checks the reference
        text = self.text_of(text_el, "text source")
        # The text as the library will store it (one for one: positions hold).
        source = TextSource(guid, el.get("name") or "", clean_text(text), kind=kind)
        source.description = (el.findtext(_q("Description")) or "").strip()
        for sel_el in text_el.iterfind(_q("PlainTextSelection")):
            source.selections.append(self.selection(sel_el, text, code_guids))
        return source

    def selection(self, el: ET.Element, text: str, code_guids: Mapping[str, Code]) -> Selection:
        what = self.what
        start, end = _position(el, "startPosition", what), _position(el, "endPosition", what)
        if not 0 <= start <= end <= len(text):
            raise RefiQdaError(
                f"{what}: a selection ({start}-{end}) lies outside its text (0-{len(text)})"
            )
        sel = Selection(self.check.guid(el, "selection"), start, end, self.user(el))
        sel.created = el.get("creationDateTime")
        sel.modified = el.get("modifiedDateTime")
        for coding in el.iterfind(_q("Coding")):
            self.check.guid(coding, "coding")
            ref = coding.find(_q("CodeRef"))
            target = None if ref is None else ref.get("targetGUID")
            sel.code_guids.append(self.check.ref(target, code_guids, "code"))
            self.user(coding)  # checks the reference
        texts = []
        for note_ref in el.iterfind(_q("NoteRef")):
            note = self.notes[self.check.ref(note_ref.get("targetGUID"), self.notes, "note")]
            note.used = True
            texts.append(note.text)
        description = (el.findtext(_q("Description")) or "").strip()
        if description and description not in texts:
            texts.insert(0, description)
        sel.note = "\n\n".join(t for t in texts if t.strip())
        return sel

    def source_note(self, source: TextSource, note: _Note, project: Project) -> None:
        """A NoteRef on a source: QualCoder's annotation when the note names a passage,
        else a memo on the whole source."""
        note.used = True
        if note.span is None:
            if note.text.strip():
                project.memos.append(Memo(note.guid, note.name, note.text, source.name))
            return
        start, end = note.span
        if not 0 <= start <= end <= len(source.text):
            raise RefiQdaError(
                f"{self.what}: a note's passage ({start}-{end}) lies outside its text "
                f"(0-{len(source.text)})"
            )
        sel = Selection(note.span_guid or note.guid, start, end, note.user, note=note.text)
        sel.created, sel.modified = note.created, note.modified
        source.selections.append(sel)


def read_project(path: str | Path) -> Project:
    """Read and check a ``.qdpx``; raises :class:`RefiQdaError` with one line if invalid."""
    root, archive = project_root(path)
    return _ProjectReader(root, archive).read()
