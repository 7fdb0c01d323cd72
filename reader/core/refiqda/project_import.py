"""Import a REFI-QDA project (``.qdpx``): its texts as documents, its codes as tags, its
coded passages as annotations with their authors and notes.

The whole file is read and checked first (:func:`read_project`); then documents, tags
and annotations are written in one transaction, so a bad file imports nothing.
Importing the same file again adds nothing: a document is known by its text (its id is
the text's fingerprint), an annotation by its selection's GUID (our exports use the
annotation's id), and tags by their paths.

QualCoder writes one selection per code on the same passage; selections of one user
on exactly the same passage become one annotation carrying all their codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.colors import DEFAULT_COLOR, PALETTE_HEX
from reader.core.dates import utc_timestamp
from reader.core.importers import parse_text
from reader.core.library_model import Annotation
from reader.core.limits import MAX_NAME, shorten_to
from reader.core.quotes import context
from reader.core.refiqda.codebook import Code
from reader.core.refiqda.importing import codebook_entries
from reader.core.refiqda.project_reader import Memo, Project, TextSource, read_project
from reader.core.text_rules import clean_field

if TYPE_CHECKING:
    from reader.core.model import Document
    from reader.core.store import Library

_OUR_DESCRIPTION = re.compile(r"^(Date|Source): (.+)$", re.M)  # what qdpx-export writes
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEX_TO_NAME = {hex_value.lower(): name for name, hex_value in PALETTE_HEX.items()}
# QualCoder and others name a source by its file name: the title goes without it.
_FILE_SUFFIXES = (".txt", ".text", ".md", ".docx", ".doc", ".odt", ".rtf", ".pdf", ".html", ".htm")


@dataclass
class ProjectImport:
    """What importing a project did."""

    documents_added: list[str] = field(default_factory=list)  # titles
    documents_known: list[str] = field(default_factory=list)  # already in the library
    annotations: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    tags_added: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    notes: int = 0  # annotations that carry a note
    empty_selections: int = 0  # a passage of no characters is no annotation
    memos: list[Memo] = field(default_factory=list)  # not imported: no place for them
    skipped_sources: dict[str, int] = field(default_factory=dict)  # pictures, audio, video
    paths_from_names: list[str] = field(default_factory=list)  # code names with "/"

    def summary(self) -> str:
        """One line: documents, annotations, tags, authors."""
        docs = len(self.documents_added) + len(self.documents_known)
        return (
            f"{docs} document(s) ({len(self.documents_added)} new), {self.annotations} "
            f"annotation(s): {self.added} added, {self.updated} updated, {self.unchanged} "
            f"unchanged; {len(self.tags_added)} tag(s) added; {len(self.authors)} author(s)"
        )

    def left_out(self) -> list[str]:
        """What the project holds that was not imported, one line each."""
        lines = [f"{n} {kind} (not text) not imported" for kind, n in self.skipped_sources.items()]
        if self.empty_selections:
            lines.append(f"{self.empty_selections} empty selection(s) not imported")
        for memo in self.memos:
            name = memo.name or "(untitled)"
            lines.append(f"memo {name!r} on {memo.about} not imported (no place for memos)")
        return lines


def _timestamp(value: str | None) -> str | None:
    """An xsd:dateTime as our annotations keep times (UTC, milliseconds, ``Z``)."""
    if not value:
        return None
    try:
        return utc_timestamp(value)
    except ValueError:  # not a time, or one outside the calendar in UTC
        return None


def _document(source: TextSource) -> Document:
    """The source's text as a plain-text document titled with the source's name."""
    name = " ".join(source.name.split())
    if Path(name).suffix.lower() in _FILE_SUFFIXES:
        name = name[: -len(Path(name).suffix)]
    doc = parse_text(source.text, "text", filename=f"{name or 'source'}.txt")
    said = dict(_OUR_DESCRIPTION.findall(source.description))
    source_said = said.get("Source")
    return replace(
        doc,
        title=shorten_to(clean_field(name), MAX_NAME) if name else doc.title,
        date=said["Date"] if _DATE.fullmatch(said.get("Date", "")) else doc.date,
        source=shorten_to(clean_field(source_said), MAX_NAME) if source_said else doc.source,
    )


def _color(codes: list[Code]) -> str:
    """The first code's colour as a highlight colour (a palette name when it is one)."""
    for code in codes:
        if code.color and re.fullmatch(r"#[0-9a-fA-F]{6}", code.color):
            return _HEX_TO_NAME.get(code.color.lower(), code.color.lower())
    return DEFAULT_COLOR


def _annotation_id(guid: str) -> str:
    return guid.strip("{}").lower()


def project_annotations(project: Project, doc_ids: dict[str, str], now: str) -> list[Annotation]:
    """The annotations of ``project``'s selections (``doc_ids``: source GUID -> document
    id); selections of one user on the same passage are merged, codes and notes joined."""
    codes = {c.guid.lower(): c for top in project.codes for c in top.walk()}
    fallback = _timestamp(project.created) or now
    out: dict[tuple[str, int, int, str | None], Annotation] = {}
    for source in project.sources:
        doc_id = doc_ids[source.guid]
        for sel in source.selections:
            if sel.start == sel.end:
                continue
            key = (doc_id, sel.start, sel.end, sel.user)
            sel_codes = [codes[g] for g in sel.code_guids]
            ann = out.get(key)
            if ann is None:
                created = _timestamp(sel.created) or _timestamp(sel.modified) or fallback
                prefix, suffix = context(source.text, sel.start, sel.end)
                ann = out[key] = Annotation(
                    id=_annotation_id(sel.guid),
                    document_id=doc_id,
                    start=sel.start,
                    end=sel.end,
                    quote=source.text[sel.start : sel.end],
                    prefix=prefix,
                    suffix=suffix,
                    color=_color(sel_codes),
                    note="",
                    author=sel.user,
                    created=created,
                    modified=_timestamp(sel.modified) or created,
                    tags=[],
                )
            for code in sel_codes:
                if code.path.lower() not in {t.lower() for t in ann.tags}:
                    ann.tags.append(code.path)
            if sel.note and sel.note not in ann.note:
                ann.note = f"{ann.note}\n\n{sel.note}" if ann.note else sel.note
    return list(out.values())


def import_project(library: Library, path: str | Path) -> ProjectImport:
    """Read and check ``path`` completely, then add its documents, tags and annotations
    in one transaction (see the module's docstring)."""
    from reader.core.exchange import add_document
    from reader.core.store.base import utc_now

    project = read_project(path)
    report = ProjectImport(skipped_sources=dict(project.skipped_sources), memos=project.memos)
    report.paths_from_names = [
        c.path for top in project.codes for c in top.walk() if c.from_slash_name
    ]
    documents = {source.guid: _document(source) for source in project.sources}
    annotations = project_annotations(
        project, {guid: doc.id for guid, doc in documents.items()}, utc_now()
    )
    report.empty_selections = sum(
        1 for s in project.sources for sel in s.selections if sel.start == sel.end
    )
    with library.transaction():
        report.tags_added = library.apply_codebook(codebook_entries(project.codes)).added
        seen: set[str] = set()
        for doc in documents.values():
            if doc.id in seen:
                continue  # two sources with the same text are one document
            seen.add(doc.id)
            info, added = add_document(library, doc)
            (report.documents_added if added else report.documents_known).append(info.title)
        counts = library.apply_merge(annotations, [])
    report.annotations = len(annotations)
    report.added, report.updated, report.unchanged = counts.added, counts.updated, counts.unchanged
    report.authors = sorted({a.author for a in annotations if a.author}, key=str.lower)
    report.notes = sum(1 for a in annotations if a.note)
    return report
