"""What an export holds: the excerpts chosen by tags, documents and authors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reader.core.library_model import DocumentInfo, Excerpt
from reader.core.tags import normalize_tag

if TYPE_CHECKING:
    from reader.core.store import Library


@dataclass
class ExportSelection:
    """The filters of an export, as the user gave them, and its excerpts."""

    excerpts: list[Excerpt]
    documents: dict[str, DocumentInfo]
    tags: list[str] = field(default_factory=list)
    document_titles: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    exported: str = ""


def now_utc() -> str:
    """The current time, ISO-8601 UTC to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def select(
    library: Library,
    tags: Sequence[str] = (),
    documents: Sequence[str] = (),
    authors: Sequence[str] = (),
) -> ExportSelection:
    """Excerpts having any of ``tags`` (with sub-tags), in any of ``documents`` (ids,
    prefixes or title fragments), by any of ``authors``; empty filters take all."""
    infos = [library.resolve_document(ref) for ref in documents]
    doc_ids = {i.id for i in infos}
    wanted_authors = {a.lower() for a in authors}
    tag_paths = [normalize_tag(t) for t in tags]
    excerpts = [
        ex
        for ex in library.excerpts(tags=tag_paths, any_tag=True)
        if (not doc_ids or ex.annotation.document_id in doc_ids)
        and (not wanted_authors or (ex.annotation.author or "").lower() in wanted_authors)
    ]
    used = dict.fromkeys(ex.annotation.document_id for ex in excerpts)
    return ExportSelection(
        excerpts=excerpts,
        documents={k: library.document_info(k) for k in used},
        tags=tag_paths,
        document_titles=[i.title for i in infos],
        authors=list(authors),
        exported=now_utc(),
    )
