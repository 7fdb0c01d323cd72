"""Team exchange: share annotations as W3C Web Annotation files, and merge them.

:func:`export_collection` writes what a researcher shares; :func:`import_files`
validates every file first, then plans (documents, re-anchoring) and merges in one
transaction, so a bad file imports nothing. :func:`add_document` stores a document
and places the teammates' annotations that were waiting for it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.anchoring import Selectors
from reader.core.exchange.webannotation import (
    MAX_FILE_BYTES,
    ExchangeError,
    SharedAnnotation,
    to_collection,
)
from reader.core.library_model import DocumentInfo, DocumentSource, MergeCounts, SetAside
from reader.core.limits import MAX_NAME, shorten_to

# Validation, matching and planning load when a file is read or a merge planned:
# importing a document (from the command line too) needs none of them unless
# teammates' annotations are waiting for it.
if TYPE_CHECKING:
    from reader.core.exchange.matching import DocumentMatch
    from reader.core.model import Document
    from reader.core.store import Library

__all__ = [
    "ExchangeError",
    "ImportReport",
    "add_document",
    "exchange_json",
    "export_collection",
    "import_files",
]


@dataclass
class ImportReport:
    """What importing exchange files did."""

    files: int = 0
    annotations: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    newly_set_aside: int = 0  # of this import's annotations
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)
    matches: list[tuple[str, DocumentMatch]] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)  # everything still aside


def shared_from_library(
    library: Library, author: str | None = None, document_ids: Sequence[str] = ()
) -> list[SharedAnnotation]:
    """The library's live annotations (optionally one author's, some documents')."""
    out = []
    ids: Sequence[str | None] = document_ids or [None]  # None: every document
    for doc_id in ids:
        for ex in library.excerpts(document_id=doc_id, author=author):
            a = ex.annotation
            out.append(
                SharedAnnotation(
                    id=a.id,
                    document_fingerprint=a.document_id,
                    document_title=shorten_to(ex.document_title, MAX_NAME),
                    selectors=Selectors(a.quote, a.prefix, a.suffix, a.start, a.end),
                    color=a.color,
                    note=a.note,
                    tags=list(a.tags),
                    author=a.author,
                    created=a.created,
                    modified=a.modified,
                )
            )
    return out


def export_collection(
    library: Library, author: str | None = None, document_ids: Sequence[str] = ()
) -> dict[str, Any]:
    """An AnnotationCollection of the library's annotations, ready for ``json.dump``."""
    shared = shared_from_library(library, author, document_ids)
    label = f"Annotations by {author}" if author else "Annotations from Policy Reader"
    return to_collection(shared, label)


def exchange_json(collection: dict[str, Any]) -> str:
    """``collection`` as the text of an exchange file, read back first exactly as
    share-import reads it: a file that teammates could not import (over a limit of
    :mod:`reader.core.limits`, say, from a library older than the limits) is refused
    with the reason, never written."""
    text = json.dumps(collection, ensure_ascii=False, indent=1) + "\n"
    try:
        from reader.core.exchange.validation import parse_exchange

        parse_exchange(text.encode("utf-8"), "the file to share")
    except ExchangeError as exc:
        raise ExchangeError(
            f"{exc}; teammates could not import it, so it was not written"
        ) from None
    return text


def read_exchange_file(path: str | os.PathLike[str]) -> list[SharedAnnotation]:
    """Read and validate one exchange file (see ``validation.parse_exchange``)."""
    from reader.core.exchange.validation import parse_exchange

    p = Path(path)
    try:
        if not p.is_file():
            raise ExchangeError(f"{p}: no such file" if not p.exists() else f"{p}: not a file")
        if p.stat().st_size > MAX_FILE_BYTES:
            raise ExchangeError(
                f"{p.name}: larger than an exchange file may be ({MAX_FILE_BYTES / 1e6:.0f} MB)"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return parse_exchange(data, p.name)


def import_files(
    library: Library, paths: Sequence[str | os.PathLike[str]], *, skip_refused: bool = False
) -> ImportReport:
    """Validate all ``paths``, then merge their annotations into ``library`` at once.

    A bad file refuses the whole import (:class:`ExchangeError`); with ``skip_refused``
    it is left out instead, its reason in :attr:`ImportReport.refused`, and the good
    files are merged (each file is still taken whole or not at all)."""
    shared: list[SharedAnnotation] = []
    refused: list[tuple[str, str]] = []
    for path in paths:
        try:
            shared.extend(read_exchange_file(path))
        except ExchangeError as exc:
            if not skip_refused:
                raise
            refused.append((Path(path).name, str(exc)))
    report = ImportReport(files=len(paths) - len(refused), annotations=len(shared), refused=refused)
    from reader.core.exchange.plan import plan_merge

    plan = plan_merge(shared, library.list_documents(), library.document_text)
    counts = library.apply_merge(plan.annotations(), plan.pending())
    adopt_waiting(library)  # those received before whose document is here by now
    report.added, report.updated, report.unchanged = counts.added, counts.updated, counts.unchanged
    report.newly_set_aside = counts.set_aside
    report.matches = plan.matches
    report.set_aside = library.set_aside()
    return report


def adopt_waiting(library: Library, info: DocumentInfo | None = None) -> MergeCounts:
    """Place the annotations waiting for a document like ``info`` (None: for any
    document of the library).

    Those whose document it is (same fingerprint, or a close title and their quotes in
    its text, or the very same title) are anchored in it; any that cannot be found stay
    aside as orphans of it, to be placed by hand; the rest keep waiting.
    """
    payloads = library.waiting_payloads()
    if not payloads:
        return MergeCounts()
    from reader.core.exchange.plan import plan_merge
    from reader.core.exchange.validation import parse_annotation

    waiting = [parse_annotation(json.loads(p)) for p in payloads]
    documents = [info] if info is not None else library.list_documents()
    plan = plan_merge(waiting, documents, library.document_text)
    # Only those matched to a document move; the rest keep waiting.
    unplaced = [u.pending() for u in plan.unplaced if u.document_id is not None]
    return library.apply_merge(plan.annotations(), unplaced)


def source_of(document_id: str, path: str | os.PathLike[str]) -> DocumentSource | None:
    """What to record of the file ``document_id`` was read from (absolute path, size,
    SHA-256 of its bytes); None when it cannot be read any more."""
    p = Path(path).resolve()
    try:
        data = p.read_bytes()
    except OSError:
        return None  # gone since it was parsed: the document is stored all the same
    return DocumentSource(document_id, str(p), len(data), hashlib.sha256(data).hexdigest())


def add_document(
    library: Library, doc: Document, source: str | os.PathLike[str] | None = None
) -> tuple[DocumentInfo, bool]:
    """Store ``doc`` (see ``Library.add_document``) and, in the same transaction, place
    the teammates' annotations that were waiting for it. Returns ``(info, added)``;
    ``info`` counts the annotations placed.

    :param source: the file ``doc`` was read from, recorded (also when the document was
        already there) so that a team folder can share it.
    """
    with library.transaction():
        info, added = library.add_document(doc)
        recorded = source_of(doc.id, source) if source is not None else None
        if recorded is not None:
            library.record_source(recorded)
        if added and adopt_waiting(library, info).added:
            refreshed = library.document_info(doc.id)
            info = refreshed if refreshed is not None else info
    return info, added
