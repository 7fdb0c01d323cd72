"""Tag statistics: how much each tag is used, per document and per outline section.

Pure functions over plain data (:class:`CodingData`, read by
``Library.coding_data``), so they can be tested on hand-made annotations.

Rules:

- A tag includes its sub-tags: ``economy`` counts every excerpt tagged
  ``economy/trade``, each excerpt once. ``own_excerpts`` counts only the tag itself.
- Characters covered are the union of the tag's spans in each document: two
  overlapping highlights are not counted twice.
- A clause is tagged when it overlaps a tagged span by at least one character
  (``clause.start < span.end and span.start < clause.end``). The share is tagged
  clauses over all clauses of the documents considered (the scope, whether or not
  they carry annotations).
- An excerpt belongs to every outline section containing its start (a Part counts
  the excerpts of its fields and sections), as the excerpt lists do.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from reader.core.library_model import CodedSpan, CodingData, DocumentLayout, Section
from reader.core.tags import SEPARATOR, tag_lineage, tag_sort_key

NO_AUTHOR = "(no author)"


@dataclass(slots=True)
class TagCounts:
    """A tag's figures in one scope (one document, or all documents considered)."""

    excerpts: int = 0
    characters: int = 0
    clauses_tagged: int = 0
    clauses_total: int = 0

    @property
    def clause_share(self) -> float:
        """Tagged clauses over all clauses (0.0 when there are none)."""
        return self.clauses_tagged / self.clauses_total if self.clauses_total else 0.0

    @property
    def share_text(self) -> str:
        """The share as a table shows it: ``12.5%``, or ``<0.1%`` for a share that is
        not nothing (2 of 9,271 clauses) but would round to a misleading ``0.0%``."""
        share = self.clause_share
        return "<0.1%" if 0 < share < 0.0005 else f"{share:.1%}"

    def to_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data."""
        return {
            "excerpts": self.excerpts,
            "characters": self.characters,
            "clauses_tagged": self.clauses_tagged,
            "clauses_total": self.clauses_total,
            "clause_share": round(self.clause_share, 6),
        }


@dataclass(slots=True)
class TagStatistics:
    """One tag (with its sub-tags) across the documents considered."""

    tag: str
    own_excerpts: int  # excerpts carrying exactly this tag
    overall: TagCounts
    authors: list[str]
    by_document: dict[str, TagCounts]  # document id -> figures, only where it occurs
    document_authors: dict[str, list[str]] = field(default_factory=dict)  # id -> authors

    def authors_in(self, document_id: str | None) -> list[str]:
        """Who tagged with it in one document, or in all of them (``None`` or "")."""
        return self.document_authors.get(document_id, []) if document_id else self.authors

    @property
    def documents(self) -> int:
        """Number of documents in which the tag (or a sub-tag) occurs."""
        return len(self.by_document)

    @property
    def level(self) -> int:
        """1 for a top-level tag, 2 for ``economy/trade``..."""
        return self.tag.count(SEPARATOR) + 1

    def to_dict(self) -> dict[str, Any]:
        """The tag's figures as JSON-ready data."""
        return {
            "tag": self.tag,
            "own_excerpts": self.own_excerpts,
            **self.overall.to_dict(),
            "documents": self.documents,
            "authors": self.authors,
            "by_document": {
                d: {**c.to_dict(), "authors": self.authors_in(d)}
                for d, c in self.by_document.items()
            },
        }


@dataclass(slots=True)
class SectionTags:
    """Which tags occur in one outline section, and how many excerpts each."""

    document_id: str
    document_title: str
    section: Section
    counts: dict[str, int]  # tag (with sub-tags) -> excerpts starting in the section

    def to_dict(self) -> dict[str, Any]:
        """The section and its tag counts as JSON-ready data."""
        return {
            "document_id": self.document_id,
            "document_title": self.document_title,
            "path": self.section.path,
            "depth": self.section.depth,
            "start": self.section.start,
            "end": self.section.end,
            "tags": dict(sorted(self.counts.items(), key=lambda kv: tag_sort_key(kv[0]))),
        }


@dataclass(slots=True)
class StatisticsReport:
    """Everything :func:`tag_statistics` computes."""

    documents: list[DocumentLayout]
    excerpts: int  # live annotations in the documents considered, tagged or not
    tags: list[TagStatistics]  # in tag-tree order
    sections: list[SectionTags]  # sections where some tag occurs, in document order

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (see the README for the fields)."""
        return {
            "documents": [
                {"id": d.id, "title": d.title, "clauses": len(d.clauses)} for d in self.documents
            ],
            "excerpts": self.excerpts,
            "tags": [t.to_dict() for t in self.tags],
            "sections": [s.to_dict() for s in self.sections],
        }


def tag_spellings(tags: Iterable[str]) -> dict[str, str]:
    """Lower-cased tag (and implied parent) -> how it is shown.

    Tags compare without regard to case; a tag's own spelling wins over the one
    implied by a sub-tag's path.
    """
    shown: dict[str, str] = {}
    for tag in tags:
        shown[tag.lower()] = tag
    for tag in list(shown.values()):
        for parent in tag_lineage(tag)[:-1]:
            shown.setdefault(parent.lower(), parent)
    return shown


def distinct_tags(spans: Iterable[CodedSpan]) -> set[str]:
    """Every tag carried by ``spans``, as spelled."""
    return {tag for span in spans for tag in span.tags}


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``spans`` as sorted, disjoint, non-touching spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class _ClauseIndex:
    """A document's clauses, to count those overlapping a set of spans."""

    def __init__(self, clauses: list[tuple[int, int]]) -> None:
        ordered = sorted(c for c in clauses if c[1] > c[0])
        self.starts = [c[0] for c in ordered]
        self.ends = [c[1] for c in ordered]

    def __len__(self) -> int:
        return len(self.starts)

    def count_overlapping(self, merged: list[tuple[int, int]]) -> int:
        """Clauses overlapping any of ``merged`` (sorted, disjoint), each counted once."""
        count = 0
        done = 0  # clauses before this index were counted already
        for start, end in merged:
            # Clauses do not overlap each other, so their ends are sorted too.
            first = max(bisect.bisect_right(self.ends, start), done)
            last = bisect.bisect_left(self.starts, end)
            if last > first:
                count += last - first
                done = last
        return count


def _sorted_authors(authors: set[str]) -> list[str]:
    return sorted(authors, key=str.lower)


def _section_counts(
    doc: DocumentLayout, spans: list[tuple[int, tuple[str, ...]]]
) -> list[SectionTags]:
    """Tag counts of every section of ``doc`` containing the start of a span.

    ``spans`` are (start, tags with their parents) sorted by start. Sections and
    spans are swept together, keeping a stack of the sections open at the current
    offset (outline sections nest: a child ends no later than its parent).
    """
    sections = sorted(doc.sections, key=lambda s: (s.start, s.depth))
    keys_in: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    stack: list[int] = []
    next_section = 0
    for start, keys in spans:
        while stack and sections[stack[-1]].end <= start:
            stack.pop()
        while next_section < len(sections) and sections[next_section].start <= start:
            while stack and sections[stack[-1]].end <= sections[next_section].start:
                stack.pop()
            if sections[next_section].end > start:
                stack.append(next_section)
            next_section += 1
        for i in stack:
            keys_in[i].append(keys)
    return [
        SectionTags(doc.id, doc.title, sections[i], dict(Counter(chain.from_iterable(keys_in[i]))))
        for i in sorted(keys_in)
    ]


def tag_statistics(data: CodingData) -> StatisticsReport:
    """Per tag (with sub-tags), overall and per document, and per outline section."""
    considered = data.considered_spans()
    tags_used = distinct_tags(considered)
    shown = tag_spellings(tags_used)
    # A tag and its parents as shown, worked out once per distinct tag.
    family = {t: tuple(shown[p.lower()] for p in tag_lineage(t)) for t in tags_used}
    own = Counter(tag.lower() for span in considered for tag in span.tags)
    members: dict[str, list[CodedSpan]] = defaultdict(list)
    by_doc_start: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for span in considered:
        if not span.tags:
            continue
        if len(span.tags) == 1:
            keys = family[span.tags[0]]
        else:  # an ordered set: shared parents once
            keys = tuple(dict.fromkeys(chain.from_iterable(family[t] for t in span.tags)))
        for key in keys:
            members[key].append(span)
        by_doc_start[span.document_id].append((span.start, keys))

    clause_index = {d.id: _ClauseIndex(d.clauses) for d in data.documents}
    clauses_total = sum(len(c) for c in clause_index.values())
    tags = []
    for key, spans in members.items():
        per_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
        doc_authors: dict[str, set[str]] = defaultdict(set)
        for span in spans:
            per_doc[span.document_id].append((span.start, span.end))
            doc_authors[span.document_id].add(span.author or NO_AUTHOR)
        overall = TagCounts(clauses_total=clauses_total)
        by_document = {}
        for doc_id, doc_spans in per_doc.items():
            merged = merge_spans(doc_spans)
            index = clause_index[doc_id]
            counts = TagCounts(
                excerpts=len(doc_spans),
                characters=sum(e - s for s, e in merged),
                clauses_tagged=index.count_overlapping(merged),
                clauses_total=len(index),
            )
            by_document[doc_id] = counts
            overall.excerpts += counts.excerpts
            overall.characters += counts.characters
            overall.clauses_tagged += counts.clauses_tagged
        tags.append(
            TagStatistics(
                tag=key,
                own_excerpts=own.get(key.lower(), 0),
                overall=overall,
                authors=_sorted_authors(set().union(*doc_authors.values())),
                by_document=by_document,
                document_authors={d: _sorted_authors(a) for d, a in doc_authors.items()},
            )
        )
    tags.sort(key=lambda t: tag_sort_key(t.tag))

    sections = []
    for doc in data.documents:
        starts = sorted(by_doc_start.get(doc.id, []), key=lambda item: item[0])
        sections.extend(_section_counts(doc, starts))
    return StatisticsReport(
        documents=list(data.documents),
        excerpts=len(considered),
        tags=tags,
        sections=sections,
    )
