"""Export the library (or some documents, some authors) as a REFI-QDA project (``.qdpx``).

A ``.qdpx`` is a zip holding ``project.qde`` (XML, namespace ``urn:QDA-XML:project:1.0``)
and ``sources/<GUID>.txt`` for each text source. Each document becomes a TextSource
whose file is exactly ``Document.text`` in UTF-8; each live annotation a
PlainTextSelection coded with its tags, its author a User, its note a Note (and the
selection's Description, which is where QualCoder reads it).

Positions: the standard counts ``startPosition``/``endPosition`` in characters of the
plain-text source. Our offsets are Python ``str`` indices (Unicode code points) into
``Document.text``, and the source file is that very text, so they carry over unchanged.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.atomic import write_atomic
from reader.core.library_model import Annotation, DocumentInfo
from reader.core.refiqda.codebook import ORIGIN, PROJECT_NS, add_codes, library_codes, to_xml
from reader.core.refiqda.guids import (
    coding_guid,
    document_guid,
    note_guid,
    selection_guid,
    tag_guid,
    user_guid,
)
from reader.core.refiqda.xmlsafe import RefiQdaError

if TYPE_CHECKING:
    from reader.core.store import Library

# The standard names the folder "sources", in lower case; zip names are case-sensitive
# and ATLAS.ti refuses "Sources" (QualCoder's exporter says so). Readers take both.
SOURCES_FOLDER = "sources"
NAME_CHARS = 100  # a selection's or note's name: the start of its quote

Progress = Callable[[int, int], bool]  # (documents done, total) -> False to cancel


@dataclass(slots=True)
class ProjectSummary:
    """What an exported project holds."""

    documents: int
    selections: int
    codes: int
    users: int
    notes: int


def _datetime(value: str | None) -> str | None:
    """``value`` if it is an ISO-8601 date-time with a time zone (as xsd:dateTime wants)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return value if parsed.tzinfo is not None else None


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NAME_CHARS else flat[: NAME_CHARS - 1] + "…"


def _audit(el: ET.Element, ann: Annotation) -> None:
    if ann.author:
        el.set("creatingUser", user_guid(ann.author))
    if created := _datetime(ann.created):
        el.set("creationDateTime", created)
    if ann.author:
        el.set("modifyingUser", user_guid(ann.author))
    if modified := _datetime(ann.modified):
        el.set("modifiedDateTime", modified)


def _selection(parent: ET.Element, ann: Annotation, code_guids: dict[str, str]) -> None:
    el = ET.SubElement(parent, "PlainTextSelection", guid=selection_guid(ann.id))
    el.set("name", _short(ann.quote))
    el.set("startPosition", str(ann.start))
    el.set("endPosition", str(ann.end))
    _audit(el, ann)
    if ann.note:
        # Both layouts the schema allows for a note on a passage: its text as the
        # selection's Description (QualCoder reads this one, as the coding's memo, or as
        # an annotation when the passage has no code) and a NoteRef to the Note (the
        # standard's reference, which QualCoder does not follow from a selection).
        ET.SubElement(el, "Description").text = ann.note
    for tag in ann.tags:
        coding = ET.SubElement(el, "Coding", guid=coding_guid(ann.id, tag))
        if ann.author:
            coding.set("creatingUser", user_guid(ann.author))
        if created := _datetime(ann.created):
            coding.set("creationDateTime", created)
        guid = code_guids.get(tag.lower()) or tag_guid(tag)
        ET.SubElement(coding, "CodeRef", targetGUID=guid)
    if ann.note:
        ET.SubElement(el, "NoteRef", targetGUID=note_guid(ann.id))


def _note(parent: ET.Element, ann: Annotation) -> None:
    el = ET.SubElement(parent, "Note", guid=note_guid(ann.id))
    el.set("name", f"Note on “{_short(ann.quote)}”")
    _audit(el, ann)
    ET.SubElement(el, "PlainTextContent").text = ann.note


def _source_description(info: DocumentInfo) -> str:
    parts = [
        f"{label}: {value}"
        for label, value in (("Date", info.date), ("Source", info.source), ("File", info.filename))
        if value
    ]
    return "\n".join(parts)


def build_project(
    library: Library,
    document_ids: Iterable[str] = (),
    authors: Iterable[str] = (),
    progress: Progress | None = None,
) -> tuple[bytes, ProjectSummary] | None:
    """The ``.qdpx`` file's bytes and what it holds; None if ``progress`` cancelled.

    ``document_ids``: only these documents (default all); ``authors``: only their
    annotations (default everyone's, compared without regard to case).

    :raises RefiQdaError: an author has no annotation in the documents exported.
    """
    wanted = set(document_ids)
    docs = [d for d in library.list_documents() if not wanted or d.id in wanted]
    who = {a.lower() for a in authors}
    codes = library_codes(library)
    code_guids = {c.path.lower(): c.guid for top in codes for c in top.walk()}
    root = ET.Element("Project", name=library.path.stem, origin=ORIGIN)
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    root.set("creationDateTime", now)
    users_el = ET.SubElement(root, "Users")
    if codes:
        add_codes(ET.SubElement(ET.SubElement(root, "CodeBook"), "Codes"), codes)
    sources_el = ET.SubElement(root, "Sources")
    notes_el = ET.SubElement(root, "Notes")
    files: dict[str, bytes] = {}
    users: set[str] = set()
    selections = 0
    for n, info in enumerate(docs):
        if progress is not None and not progress(n, len(docs)):
            return None
        guid = document_guid(info.id)
        name = f"{guid}.txt"
        files[f"{SOURCES_FOLDER}/{name}"] = library.document_text(info.id).encode("utf-8")
        src = ET.SubElement(sources_el, "TextSource", guid=guid, name=info.title)
        src.set("plainTextPath", f"internal://{name}")
        if imported := _datetime(info.imported):
            src.set("creationDateTime", imported)
        if description := _source_description(info):
            ET.SubElement(src, "Description").text = description
        for ann in library.annotations(info.id):
            if who and (ann.author or "").lower() not in who:
                continue
            _selection(src, ann, code_guids)
            selections += 1
            if ann.author:
                users.add(ann.author)
            if ann.note:
                _note(notes_el, ann)
    if progress is not None and not progress(len(docs), len(docs)):
        return None
    if missing := sorted(who - {u.lower() for u in users}):
        raise RefiQdaError(f"no annotations by {', '.join(missing)} in the documents exported")
    for author in sorted(users, key=str.lower):
        ET.SubElement(users_el, "User", guid=user_guid(author), name=author)
    # The schema wants at least one child in each of these lists: drop the empty ones.
    for el in (users_el, sources_el, notes_el):
        if len(el) == 0:
            root.remove(el)
    qde = to_xml(root, PROJECT_NS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for member, data in files.items():
            zf.writestr(member, data)
    summary = ProjectSummary(
        documents=len(docs),
        selections=selections,
        codes=sum(1 for c in codes for _ in c.walk()),
        users=len(users),
        notes=len(notes_el),
    )
    return buffer.getvalue(), summary


def export_project(
    library: Library,
    path: str | Path,
    document_ids: Iterable[str] = (),
    authors: Iterable[str] = (),
    progress: Progress | None = None,
) -> ProjectSummary | None:
    """Write a ``.qdpx`` project to ``path`` atomically (see :func:`build_project`)."""
    built = build_project(library, document_ids, authors, progress)
    if built is None:
        return None
    data, summary = built
    write_atomic(path, data)
    return summary
