"""Source files in the team folder: ``documents/<fingerprint>.<ext>``.

Whoever annotates a document puts the file it was imported from there (only while that
file is unchanged since the import), so a teammate who lacks the document can import it:
their annotations waiting for it are placed at once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.atomic import write_atomic
from reader.core.errors import ReaderError
from reader.core.exchange import add_document
from reader.core.importers import load_document
from reader.core.library_model import DocumentInfo
from reader.core.store import Library
from reader.core.team.layout import TeamFolder


@dataclass(frozen=True)
class TeamDocument:
    """A document in the team folder that this library does not have."""

    fingerprint: str
    path: Path
    title: str  # as teammates' annotations name it, else the file name
    waiting: int  # annotations here waiting for it


@dataclass
class SharedSources:
    """What putting source files in the folder did."""

    copied: list[str]  # titles
    unknown: list[str]  # titles whose source file is not known or has changed


def share_sources(
    library: Library, folder: TeamFolder, document_ids: Iterable[str]
) -> SharedSources:
    """Copy the source file of each of ``document_ids`` that the folder lacks."""
    result = SharedSources([], [])
    present = folder.document_files()
    for doc_id in sorted(set(document_ids)):
        if doc_id in present:
            continue
        info = library.document_info(doc_id, missing_ok=True)
        if info is None:
            continue
        source = library.document_source(doc_id)
        data = None
        if source is not None:
            try:
                # A file of another size has changed: not read (nor hashed) again.
                if Path(source.path).stat().st_size == source.size:
                    data = Path(source.path).read_bytes()
            except OSError:
                data = None
        if source is None or data is None or hashlib.sha256(data).hexdigest() != source.sha256:
            result.unknown.append(info.title)
            continue
        write_atomic(folder.document_file(doc_id, Path(source.path).suffix), data)
        result.copied.append(info.title)
    return result


def missing_documents(library: Library, folder: TeamFolder) -> list[TeamDocument]:
    """The folder's documents that this library lacks, with what waits for them."""
    # One in the trash is not missing: importing it would bring it back from there.
    have = {d.id for d in [*library.list_documents(), *library.deleted_documents()]}
    waiting: dict[str, list[str]] = {}
    for item in library.set_aside():
        if item.document_id is None and item.document_fingerprint:
            waiting.setdefault(item.document_fingerprint, []).append(item.document_title or "")
    out = []
    for fingerprint, path in sorted(folder.document_files().items()):
        if fingerprint in have:
            continue
        titles = [t for t in waiting.get(fingerprint, []) if t]
        out.append(TeamDocument(fingerprint, path, titles[0] if titles else path.name,
                                len(waiting.get(fingerprint, []))))  # fmt: skip
    return out


def import_document(library: Library, document: TeamDocument) -> DocumentInfo:
    """Import one team document (its waiting annotations are placed); raises
    :class:`ReaderError` with one line when the file cannot be read."""
    doc = load_document(document.path)
    info, _added = add_document(library, doc, os.fspath(document.path))
    return info


def import_documents(
    library: Library, documents: Iterable[TeamDocument]
) -> tuple[list[DocumentInfo], list[str]]:
    """Import several; returns what was imported and one line per file that was not."""
    done, errors = [], []
    for document in documents:
        try:
            done.append(import_document(library, document))
        except ReaderError as exc:
            errors.append(str(exc))
    return done, errors
