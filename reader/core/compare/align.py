"""Align the units of two documents: which section of B speaks about which of A.

Each pair of units gets a score from two signals: how alike their titles are (stemmed
words, IDF-weighted, so a shared "Cooperation" counts for little) and how alike their
texts are (TF-IDF cosine). Identical numbering (``Part IV > 2. > (3)``) adds a little
when both documents are editions of one paper, never enough to pair sections whose
titles and texts disagree. Pairs are then taken greedily, best first, one to one;
then a unit left over joins its neighbour's partner when it clearly belongs there
(a section split in two, or two news paragraphs about one section).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.compare.diff import similarity
from reader.core.compare.many_to_one import paragraph_rows, paragraph_sections
from reader.core.compare.model import (
    BY_CONTEXT,
    BY_TEXT,
    BY_TITLE,
    BY_TITLE_AND_TEXT,
    PARAGRAPH,
    SECTION,
    Alignment,
    Pair,
    Unit,
)
from reader.core.compare.terms import (
    TOP_TERMS,
    cosine_matrix,
    idf_weights,
    terms,
    tfidf_vector,
    weighted_dice_matrix,
)
from reader.core.compare.units import comparison_units, span_text
from reader.core.model import Document

# How much a perfect title match alone is worth (the text can always add to it).
TITLE_WEIGHT = 0.8
# Below this a pair is not taken: unrelated sections of one paper share some vocabulary.
THRESHOLD = 0.25
# A leftover unit joins its neighbour's partner only with this score and this share of
# the neighbour's own score.
SPLIT_THRESHOLD = 0.3
SPLIT_SHARE = 0.5
# Same numbering on both sides closes this share of the gap to 1, for pairs that
# already have something in common.
LABEL_BONUS = 0.15
LABEL_MIN_SCORE = 0.15
# A signal counts towards the method ("title", "text") from this strength on.
SIGNAL = 0.3

Scores = tuple[float, float, float]  # combined score, title part, text part


def align(doc_a: Document, doc_b: Document) -> Alignment:
    """Pair the comparison units of ``doc_a`` with those of ``doc_b``."""
    units_a = comparison_units(doc_a)
    units_b = comparison_units(doc_b)
    fine_a, fine_b = _is_fine(units_a), _is_fine(units_b)
    context: set[tuple[int, int]] = set()
    chosen: dict[tuple[int, int], float] | set[tuple[int, int]]
    if fine_a != fine_b:
        # Paragraphs against sections (a news report against the paper): several
        # paragraphs may speak of one section. A long section's rarer words matter
        # here (a paragraph may echo one sentence of it), so vectors are not pruned.
        scores = score_matrix(doc_a, units_a, doc_b, units_b, top_terms=None)
        chosen, context = _paragraph_pairs(doc_a, units_a, doc_b, units_b, scores, fine_b)
        # Report the score the choice was made on (a passage's may beat the whole's).
        for (i, j), score in chosen.items():
            total, title, text = scores[i].get(j, (0.0, 0.0, 0.0))
            scores[i][j] = (max(total, score), title, max(text, score))
    else:
        scores = score_matrix(doc_a, units_a, doc_b, units_b)
        chosen = _greedy(scores)
        _add_splits(chosen, scores, len(units_a), len(units_b))
    pairs = []
    for i, j in sorted(chosen, key=lambda ij: (units_a[ij[0]].start, units_b[ij[1]].start)):
        total, title, text = scores[i].get(j, (0.0, 0.0, 0.0))
        a, b = units_a[i], units_b[j]
        method = BY_CONTEXT if (i, j) in context else _method(title, text)
        pairs.append(Pair(a, b, total, method, similarity(doc_a, a, doc_b, b)))
    used_a = {i for i, _ in chosen}
    used_b = {j for _, j in chosen}
    return Alignment(
        doc_a=doc_a.id,
        doc_b=doc_b.id,
        pairs=pairs,
        only_a=[u for i, u in enumerate(units_a) if i not in used_a],
        only_b=[u for j, u in enumerate(units_b) if j not in used_b],
    )


def score_matrix(
    doc_a: Document,
    units_a: list[Unit],
    doc_b: Document,
    units_b: list[Unit],
    top_terms: int | None = TOP_TERMS,
) -> list[dict[int, Scores]]:
    """``result[i][j]`` = (score, title part, text part) for pairs with anything in common.

    ``top_terms`` prunes each text vector to its strongest terms (None: keep all).
    """
    text_a = [terms(span_text(doc_a, u.start, u.end)) for u in units_a]
    text_b = [terms(span_text(doc_b, u.start, u.end)) for u in units_b]
    idf = idf_weights(text_a + text_b)
    cos = cosine_matrix(
        [tfidf_vector(t, idf, top_terms) for t in text_a],
        [tfidf_vector(t, idf, top_terms) for t in text_b],
    )
    titles = weighted_dice_matrix(_title_sets(units_a), _title_sets(units_b), idf)
    labels_a = _label_paths(doc_a, units_a)
    labels_b = _label_paths(doc_b, units_b)
    out: list[dict[int, Scores]] = []
    for i in range(len(units_a)):
        row: dict[int, Scores] = {}
        for j in cos[i].keys() | titles[i].keys():
            title = TITLE_WEIGHT * titles[i].get(j, 0.0)
            text = min(cos[i].get(j, 0.0), 1.0)
            total = 1.0 - (1.0 - title) * (1.0 - text)
            if total >= LABEL_MIN_SCORE and labels_a[i] and labels_a[i] == labels_b[j]:
                total += LABEL_BONUS * (1.0 - total)
            row[j] = (total, title, text)
        out.append(row)
    return out


def _title_sets(units: list[Unit]) -> list[set[str]]:
    # A paragraph's "title" is only its first words: it must not count as a title.
    return [set(terms(u.title)) if u.kind == SECTION else set() for u in units]


def _label_paths(doc: Document, units: list[Unit]) -> list[tuple[str, ...] | None]:
    """Each section's chain of labels (``("Part IV", "2.", "(3)")``), None if unnumbered."""
    out: list[tuple[str, ...] | None] = []
    for u in units:
        labels = tuple(n.label or "" for n in doc.section_path(u.start))
        out.append(labels if u.kind == SECTION and any(labels) else None)
    return out


def _is_fine(units: list[Unit]) -> bool:
    """Whether ``units`` are paragraphs (finer than sections)."""
    return bool(units) and units[0].kind == PARAGRAPH


def _paragraph_pairs(
    doc_a: Document,
    units_a: list[Unit],
    doc_b: Document,
    units_b: list[Unit],
    scores: list[dict[int, Scores]],
    transpose: bool,
) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """(pairs with their scores, the pairs made by context) of paragraphs and sections.

    With ``transpose`` B holds the paragraphs.
    """
    if transpose:
        rows: list[dict[int, float]] = [{} for _ in units_b]
        for i, row in enumerate(scores):
            for j, s in row.items():
                rows[j][i] = s[0]
        rows = paragraph_rows(doc_b, units_b, doc_a, units_a, rows)
    else:
        rows = [{j: s[0] for j, s in row.items()} for row in scores]
        rows = paragraph_rows(doc_a, units_a, doc_b, units_b, rows)
    chosen: dict[tuple[int, int], float] = {}
    context: set[tuple[int, int]] = set()
    for paragraph, (section, method) in paragraph_sections(rows).items():
        pair = (section, paragraph) if transpose else (paragraph, section)
        chosen[pair] = rows[paragraph].get(section, 0.0)
        if method == BY_CONTEXT:
            context.add(pair)
    return chosen, context


def _greedy(scores: list[dict[int, Scores]]) -> set[tuple[int, int]]:
    """One-to-one pairs, best score first (ties: the closer in position)."""
    candidates = [
        (s[0], i, j) for i, row in enumerate(scores) for j, s in row.items() if s[0] >= THRESHOLD
    ]
    candidates.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: set[tuple[int, int]] = set()
    for _, i, j in candidates:
        if i not in used_a and j not in used_b:
            chosen.add((i, j))
            used_a.add(i)
            used_b.add(j)
    return chosen


def _add_splits(
    chosen: set[tuple[int, int]], scores: list[dict[int, Scores]], n_a: int, n_b: int
) -> None:
    """Let leftover units join a neighbour's partner: splits into B, then merges from A."""

    def score_ab(i: int, j: int) -> float:
        s = scores[i].get(j)
        return s[0] if s else 0.0

    _join_leftovers(chosen, score_ab, n_b)
    flipped = {(j, i) for i, j in chosen}
    _join_leftovers(flipped, lambda j, i: score_ab(i, j), n_a)
    chosen.update((i, j) for j, i in flipped)


def _join_leftovers(
    chosen: set[tuple[int, int]], score: Callable[[int, int], float], n_y: int
) -> None:
    """Pair each unpaired y with the x paired to y's neighbour, when it clearly fits.

    ``chosen`` holds (x, y) pairs; it grows in place, repeatedly, so a section split in
    three is found from either end.
    """
    changed = True
    while changed:
        changed = False
        partners: dict[int, list[int]] = {}
        for x, y in chosen:
            partners.setdefault(y, []).append(x)
        for y in range(n_y):
            if y in partners:
                continue
            best: tuple[float, int] | None = None
            for neighbour in (y - 1, y + 1):
                for x in partners.get(neighbour, ()):
                    s = score(x, y)
                    if s >= SPLIT_THRESHOLD and s >= SPLIT_SHARE * score(x, neighbour):
                        best = max(best or (s, x), (s, x))
            if best is not None:
                chosen.add((best[1], y))
                partners.setdefault(y, []).append(best[1])
                changed = True


def _method(title: float, text: float) -> str:
    if title >= SIGNAL and text >= SIGNAL:
        return BY_TITLE_AND_TEXT
    return BY_TITLE if title >= text else BY_TEXT
