"""Paragraphs against sections: which section each paragraph of a news report speaks of.

Many paragraphs may share one section, so this is not a one-to-one matching, and a
fixed score threshold is the wrong rule: a short paragraph shares few words with any
section, and a paper's sections all share its common vocabulary. What marks the right
section is that it stands out from the paragraph's other candidates. So a paragraph
takes its best section when that section scores at least ``FLOOR`` and ``STANDOUT``
times the second best.

A paragraph with no standing-out section either spreads over many sections (a summary:
"culture, sports, science, education, health ...") or says something the other
document words differently. The first kind scores fairly well on several sections
(best >= ``SUMMARY_SCORE``) and stays unmatched: no single section is its counterpart.
The second kind continues the topic of the paragraph before it, when that one was
matched on its own: a news report runs one section over several paragraphs ("assistance
for the army" after the paragraph on military exchanges). Such pairs are marked
``BY_CONTEXT`` and keep their own (low) score.

A section is scored by its best passage (block) as well as as a whole, since a
paragraph often echoes one passage of a long section. And when that passage belongs
to an overview (a Preface or a Part without numbered sections, which sums up the
paper) and names exactly one section by its title ("... promote collective
cooperation ..."), the paragraph goes on to the section named (``7. Collective
Cooperation``): the overview only points there.
"""

from __future__ import annotations

from reader.core.compare.model import BY_CONTEXT, SECTION, Unit
from reader.core.compare.terms import cosine_matrix, idf_weights, terms, tfidf_vector
from reader.core.model import CONTENT_KINDS, Block, Document

# A paragraph's best section must reach this score ...
FLOOR = 0.12
# ... and this multiple of the second best score.
STANDOUT = 1.3
# A paragraph whose best section scores this much without standing out is a summary.
SUMMARY_SCORE = 0.25
# Titles of fewer stemmed words are too vague to count as named in a passage.
MIN_TITLE_TERMS = 2


def paragraph_sections(rows: list[dict[int, float]]) -> dict[int, tuple[int, str | None]]:
    """Map each paragraph (row index) to ``(section index, method or None)``.

    ``rows[p][s]`` is the score of paragraph ``p`` against section ``s`` (absent = 0),
    paragraphs in document order. The method is ``BY_CONTEXT`` for a paragraph that
    continues its predecessor's section, None when chosen on its own scores.
    """
    chosen: dict[int, tuple[int, str | None]] = {}
    for p, row in enumerate(rows):
        ranked = sorted(row.values(), reverse=True)[:2]
        if not ranked:
            continue
        best = ranked[0]
        second = ranked[1] if len(ranked) > 1 else 0.0
        section = max(row, key=lambda s: (row[s], -s))
        if best >= FLOOR and best >= STANDOUT * second:
            chosen[p] = (section, None)
            continue
        previous = chosen.get(p - 1)
        if best < SUMMARY_SCORE and previous and previous[1] is None:
            shared = row.get(previous[0], 0.0)
            if shared > 0.0:  # says at least something of that section
                chosen[p] = (previous[0], BY_CONTEXT)
    return chosen


def paragraph_rows(
    doc_p: Document,
    units_p: list[Unit],
    doc_s: Document,
    units_s: list[Unit],
    unit_scores: list[dict[int, float]],
) -> list[dict[int, float]]:
    """Scores of each paragraph against each section, overview passages referred on.

    ``unit_scores[p][s]`` scores paragraph ``p`` against section ``s`` as a whole; the
    result keeps, per section, the better of that and its best passage's cosine, with
    an overview's passage that names one section counted for the section named.
    """
    passages = [(k, b) for k, u in enumerate(units_s) for b in _passages(doc_s, u)]
    terms_p = [terms(doc_p.text[u.start : u.end]) for u in units_p]
    terms_s = [terms(doc_s.text[u.start : u.end]) for u in units_s]
    idf = idf_weights(terms_p + terms_s)
    passage_terms = [terms(doc_s.text[b.content_start : b.content_end]) for _, b in passages]
    cos = cosine_matrix(
        [tfidf_vector(t, idf, None) for t in terms_p],
        [tfidf_vector(t, idf, None) for t in passage_terms],
    )
    overview = _overviews(doc_s, units_s)
    titles = [
        (k, tuple(terms(u.title)))
        for k, u in enumerate(units_s)
        if u.kind == SECTION and len(terms(u.title)) >= MIN_TITLE_TERMS
    ]
    referral: dict[int, int] = {}
    for n, (k, _) in enumerate(passages):
        if k in overview:
            named = {j for j, title in titles if j != k and _contains(passage_terms[n], title)}
            if len(named) == 1:
                referral[n] = named.pop()
    rows = []
    for p, row in enumerate(unit_scores):
        merged = dict(row)
        for n, score in cos[p].items():
            k = referral.get(n, passages[n][0])
            merged[k] = max(merged.get(k, 0.0), min(score, 1.0))
        rows.append(merged)
    return rows


def _passages(doc: Document, unit: Unit) -> list[Block]:
    """The body blocks (paragraphs, list items) of ``unit``."""
    return [
        b
        for b in doc.blocks
        if b.kind in CONTENT_KINDS and unit.body_start <= b.content_start < unit.end
    ]


def _overviews(doc: Document, units: list[Unit]) -> set[int]:
    """Units at the top of the outline when others lie deeper: Preface, unnumbered Parts."""
    depth = [len(doc.section_path(u.start)) for u in units]
    if not depth or max(depth) < 2:
        return set()
    return {k for k, d in enumerate(depth) if d == 1}


def _contains(haystack: list[str], run: tuple[str, ...]) -> bool:
    """Whether ``run`` occurs contiguously in ``haystack``."""
    n = len(run)
    return any(tuple(haystack[i : i + n]) == run for i in range(len(haystack) - n + 1))
