"""Tag co-occurrence: how often two tags fall on the same or overlapping text.

Rules (each documented in the README):

- Tags X and Y co-occur once for every annotation carrying both, and once for
  every pair of distinct annotations in the same document whose spans overlap by
  at least one character, one carrying X and the other Y. A pair of annotations
  counts once per cell however many of their tags match.
- The diagonal holds each tag's number of excerpts.
- Tags are the leaf tags as stored by default; with ``depth=N`` every tag is cut
  to its first N levels (``economy/trade/wto`` -> ``economy`` at depth 1), so
  sub-tags roll up into their parents. An annotation tagged with two sub-tags of
  the same parent then counts once for that parent, and two overlapping
  annotations under the same parent add nothing (there is no other tag).

Overlaps are found with a sweep over each document's annotations sorted by start,
keeping those still open, so the cost follows the overlaps, not all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from reader.core.analysis.statistics import CodedSpan, CodingData, distinct_tags, tag_spellings
from reader.core.tags import rolled_tag, tag_sort_key


@dataclass(slots=True)
class CooccurrenceMatrix:
    """A symmetric tag x tag matrix; ``counts[i][i]`` is tag i's excerpts."""

    tags: list[str]
    counts: list[list[int]]
    depth: int | None  # None: leaf tags

    def count(self, a: str, b: str) -> int:
        """The cell for tags ``a`` and ``b`` (0 for a tag not in the matrix)."""
        index = {t.lower(): i for i, t in enumerate(self.tags)}
        i, j = index.get(a.lower()), index.get(b.lower())
        return 0 if i is None or j is None else self.counts[i][j]

    def pairs(self) -> list[tuple[str, str, int]]:
        """Off-diagonal cells with a count, each pair once, most frequent first."""
        found = [
            (self.tags[i], self.tags[j], self.counts[i][j])
            for i in range(len(self.tags))
            for j in range(i + 1, len(self.tags))
            if self.counts[i][j]
        ]
        found.sort(key=lambda p: (-p[2], tag_sort_key(p[0]), tag_sort_key(p[1])))
        return found

    @property
    def maximum(self) -> int:
        """The largest off-diagonal count (0 when no tags co-occur)."""
        return max((c for _, _, c in self.pairs()), default=0)

    def to_dict(self) -> dict[str, Any]:
        """The matrix as JSON-ready data, with the non-zero pairs listed."""
        return {
            "depth": self.depth,
            "tags": self.tags,
            "matrix": self.counts,
            "pairs": [{"a": a, "b": b, "count": c} for a, b, c in self.pairs()],
        }


def _keys_by_annotation(spans: list[CodedSpan], depth: int | None) -> dict[str, frozenset[str]]:
    """Annotation id -> its tags as matrix keys (rolled up, lower case)."""
    key_of = {t: rolled_tag(t, depth).lower() for t in distinct_tags(spans)}
    return {s.annotation_id: frozenset(key_of[t] for t in s.tags) for s in spans}


def overlapping_pairs(spans: list[CodedSpan]) -> Iterator[tuple[CodedSpan, CodedSpan]]:
    """Every pair of distinct spans of the same document that overlap, once each."""
    by_doc: dict[str, list[CodedSpan]] = defaultdict(list)
    for span in spans:
        if span.end > span.start:
            by_doc[span.document_id].append(span)
    for doc_spans in by_doc.values():
        doc_spans.sort(key=lambda s: (s.start, s.end))
        active: list[CodedSpan] = []
        for span in doc_spans:
            # Every span still open here started at or before this one: they overlap.
            active = [a for a in active if a.end > span.start]
            for other in active:
                yield other, span
            active.append(span)


def _cells(a: frozenset[str], b: frozenset[str]) -> set[tuple[str, str]]:
    """The cells (x, y), x < y, that a pair of annotations with tags a and b adds to."""
    return {(x, y) if x < y else (y, x) for x in a for y in b if x != y}


def cooccurrence(data: CodingData, depth: int | None = None) -> CooccurrenceMatrix:
    """The co-occurrence matrix of the tags in ``data`` (see the module's rules)."""
    spans = [s for s in data.considered_spans() if s.tags]
    keys = _keys_by_annotation(spans, depth)
    spellings = tag_spellings({rolled_tag(t, depth) for t in distinct_tags(spans)})
    tags = sorted({k for ks in keys.values() for k in ks}, key=tag_sort_key)
    position = {k: i for i, k in enumerate(tags)}
    counts = [[0] * len(tags) for _ in tags]
    for span in spans:
        own = keys[span.annotation_id]
        for key in own:
            counts[position[key]][position[key]] += 1
        for x, y in combinations(sorted(own), 2):
            counts[position[x]][position[y]] += 1
    for a, b in overlapping_pairs(spans):
        for x, y in _cells(keys[a.annotation_id], keys[b.annotation_id]):
            counts[position[x]][position[y]] += 1
    for i in range(len(tags)):
        for j in range(i + 1, len(tags)):
            counts[j][i] = counts[i][j]
    return CooccurrenceMatrix([spellings[k] for k in tags], counts, depth)


def cooccurrence_evidence(
    data: CodingData, a: str, b: str, depth: int | None = None
) -> list[tuple[CodedSpan, CodedSpan | None]]:
    """The annotations behind one cell: (annotation, None) for one carrying both
    tags (or, on the diagonal, carrying the tag), (x, y) for an overlapping pair."""
    x, y = rolled_tag(a, depth).lower(), rolled_tag(b, depth).lower()
    spans = [s for s in data.considered_spans() if s.tags]
    keys = _keys_by_annotation(spans, depth)
    found: list[tuple[CodedSpan, CodedSpan | None]] = [
        (s, None) for s in spans if x in keys[s.annotation_id] and y in keys[s.annotation_id]
    ]
    if x != y:
        cell = (x, y) if x < y else (y, x)
        found.extend(
            (p, q)
            for p, q in overlapping_pairs(spans)
            if cell in _cells(keys[p.annotation_id], keys[q.annotation_id])
        )
    return found
