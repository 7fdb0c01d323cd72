"""Tag statistics, co-occurrence and section counts as CSV (for spreadsheets).

Same conventions as :mod:`reader.core.export.tables`: a header row, ``\\n`` line
ends, and cells a spreadsheet would run as a formula prefixed with ``'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.analysis.cooccurrence import CooccurrenceMatrix
from reader.core.analysis.statistics import SectionTags, TagCounts, TagStatistics
from reader.core.export.spreadsheet import csv_text
from reader.core.tags import tag_sort_key

TAG_COLUMNS = [
    "tag",
    "document_id",
    "document_title",
    "excerpts",
    "own_excerpts",
    "characters",
    "clauses_tagged",
    "clauses_total",
    "clause_share",
    "documents",
    "authors",
]


def _write(rows: Iterable[Sequence[object]]) -> str:
    return csv_text(rows)


def _tag_row(
    stat: TagStatistics, counts: TagCounts, doc_id: str, title: str, documents: int
) -> list[object]:
    return [
        stat.tag,
        doc_id,
        title,
        counts.excerpts,
        stat.own_excerpts if not doc_id else "",
        counts.characters,
        counts.clauses_tagged,
        counts.clauses_total,
        f"{counts.clause_share:.4f}",
        documents,
        "; ".join(stat.authors_in(doc_id)),
    ]


def tag_statistics_csv(tags: Sequence[TagStatistics], titles: dict[str, str] | None = None) -> str:
    """One row per tag over all documents considered, in the order given; with
    ``titles`` (document id -> title) also one row per tag and document after it."""
    rows: list[Sequence[object]] = [TAG_COLUMNS]
    for stat in tags:
        rows.append(_tag_row(stat, stat.overall, "", "", stat.documents))
        if titles is not None:
            for doc_id, counts in stat.by_document.items():
                rows.append(_tag_row(stat, counts, doc_id, titles.get(doc_id, ""), 1))
    return _write(rows)


def cooccurrence_csv(matrix: CooccurrenceMatrix) -> str:
    """The matrix with tags as the first column and the header row."""
    rows: list[list[object]] = [["tag", *matrix.tags]]
    rows.extend([tag, *counts] for tag, counts in zip(matrix.tags, matrix.counts, strict=True))
    return _write(rows)


def section_tags_csv(sections: Sequence[SectionTags]) -> str:
    """One row per section and tag: document, section path and depth, tag, excerpts."""
    rows: list[list[object]] = [
        ["document_id", "document_title", "section_path", "depth", "tag", "excerpts"]
    ]
    for entry in sections:
        for tag, count in sorted(entry.counts.items(), key=lambda kv: tag_sort_key(kv[0])):
            rows.append(
                [
                    entry.document_id,
                    entry.document_title,
                    entry.section.path,
                    entry.section.depth,
                    tag,
                    count,
                ]
            )
    return _write(rows)
