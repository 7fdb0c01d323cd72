"""Intercoder agreement on one document: per tag and overall, with the clause as the unit.

Coders are annotation authors. Coder C *codes* clause K with tag T when one of C's
live annotations carrying T (or a sub-tag of T) codes K under this overlap rule:

    the annotation covers at least half of the clause, or at least half of the
    annotation lies in the clause.

Why: a whole-clause highlight (Ctrl+L) or one spanning several clauses codes each
clause it mostly covers; a short highlight of a key phrase codes the clause it sits
in; a highlight that merely spills a few characters into the next clause does not
code that one. Untagged highlights are not codings; annotations outside every
clause (a heading, the title) code nothing and are counted apart.

Per tag, each coder's call on each clause is binary (present/absent). Units are all
clauses of the document by default (a clause nobody tagged is an agreement on
"absent", which lifts percent agreement; kappa and alpha correct for it), or only
the clauses anybody coded (``coded_only``). The overall line pools every (clause,
tag) decision over the tags as applied (a parent counts only where it was applied
itself, so no decision is counted twice), or over the requested tags.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from reader.core.analysis.reliability import cohen_kappa, krippendorff_alpha, percent_agreement
from reader.core.errors import ReaderError
from reader.core.library_model import Annotation
from reader.core.model import Clause, Document
from reader.core.tags import SEPARATOR, in_scope, tag_lineage

if TYPE_CHECKING:
    from reader.core.store import Library


class AgreementError(ReaderError):
    """Agreement cannot be computed as asked (fewer than two coders, an unknown coder)."""


@dataclass(slots=True)
class TagAgreement:
    """One row of the agreement table (``tag`` is ``"overall"`` for the pooled line)."""

    tag: str
    coded: dict[str, int]  # coder -> clauses coded with the tag
    units: int  # (clause, tag) decisions compared
    percent: float | None
    kappa: float | None  # only with exactly two coders
    alpha: float | None
    note: str = ""  # why a coefficient is undefined

    def to_dict(self) -> dict[str, Any]:
        """The row as JSON-ready data."""
        return asdict(self)


@dataclass(slots=True)
class Disagreement:
    """A clause the coders tagged differently, with each coder's tags side by side."""

    clause: int  # index into Document.clauses
    start: int
    end: int
    text: str
    section_path: str
    tags: dict[str, list[str]]  # coder -> the tags they applied to the clause
    consensus: list[str] | None = None  # tags already recorded by the consensus author

    def to_dict(self) -> dict[str, Any]:
        """The clause and the coders' tags as JSON-ready data."""
        return asdict(self)


@dataclass(slots=True)
class AgreementReport:
    """Everything :func:`compute_agreement` found for one document."""

    document_id: str
    document_title: str
    coders: list[str]
    clauses: int  # clauses compared per tag
    coded_only: bool
    tags: list[TagAgreement]
    overall: TagAgreement
    mean_kappa: float | None
    mean_alpha: float | None
    disagreements: list[Disagreement] = field(default_factory=list)
    outside_clauses: int = 0  # tagged annotations that code no clause

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return asdict(self)


def coded_clause_indexes(
    clauses: Sequence[Clause], starts: Sequence[int], start: int, end: int
) -> list[int]:
    """Indexes of the clauses an annotation over ``[start, end)`` codes (the overlap rule)."""
    i = max(bisect_right(starts, start) - 1, 0)
    length = end - start
    out = []
    while i < len(clauses) and clauses[i].start < end:
        c = clauses[i]
        overlap = min(end, c.end) - max(start, c.start)
        if overlap > 0 and (2 * overlap >= c.end - c.start or 2 * overlap >= length):
            out.append(i)
        i += 1
    return out


def choose_coders(
    authors: Iterable[str], wanted: Sequence[str] | None, exclude: str | None
) -> list[str]:
    """The coders to compare: ``wanted`` (matched without regard to case) or every author.

    :raises AgreementError: an unknown coder, or fewer than two coders.
    """
    known = {a.lower(): a for a in sorted(authors, key=str.lower)}
    if wanted:
        missing = [w for w in wanted if w.lower() not in known]
        if missing:
            raise AgreementError(
                f"no tagged annotations by {', '.join(missing)} in this document "
                f"(coders: {', '.join(known.values()) or 'none'})"
            )
        coders = list(dict.fromkeys(known[w.lower()] for w in wanted))
    else:
        skip = (exclude or "").lower()
        coders = [a for k, a in known.items() if k != skip]
    if len(coders) < 2:
        found = ", ".join(coders) or "nobody"
        raise AgreementError(
            f"agreement needs at least two coders; tagged annotations in this document are by "
            f"{found} (import teammates' shared annotations first)"
        )
    return coders


class _Codings:
    """Who applied which tags to which clause (tag keys are lower-cased paths)."""

    def __init__(self, doc: Document, anns: Iterable[Annotation], people: Sequence[str]) -> None:
        self.index = {p.lower(): i for i, p in enumerate(people)}
        self.applied: list[dict[int, set[str]]] = [{} for _ in people]
        self.spelling: dict[str, str] = {}
        self.outside = 0
        starts = [c.start for c in doc.clauses]
        for ann in anns:
            who = self.index.get((ann.author or "").lower())
            if who is None or not ann.tags or ann.deleted:
                continue
            hits = coded_clause_indexes(doc.clauses, starts, ann.start, ann.end)
            if not hits:
                self.outside += 1
            keys = []
            for tag in ann.tags:
                key = tag.lower()
                self.spelling.setdefault(key, tag)
                keys.append(key)
            for k in hits:
                self.applied[who].setdefault(k, set()).update(keys)

    def sets(self, coder: int, scope: Sequence[str], inclusive: bool) -> dict[str, set[int]]:
        """Tag key -> clauses the coder coded with it (``inclusive``: or with a sub-tag)."""
        out: dict[str, set[int]] = {}
        for clause, keys in self.applied[coder].items():
            for key in keys:
                if in_scope(key, scope):
                    for k in tag_lineage(key) if inclusive else (key,):
                        out.setdefault(k, set()).add(clause)
        return out


def _patterns(sets: Sequence[set[int] | None], units: int) -> Counter:
    """Unit pattern counts for one tag: True/False per coder, None for a missing coder.

    Only clauses somebody coded are visited; the rest share the all-absent pattern.
    """
    touched = set().union(*(s for s in sets if s is not None))
    counts: Counter = Counter(tuple(None if s is None else k in s for s in sets) for k in touched)
    absent = tuple(None if s is None else False for s in sets)
    counts[absent] += units - len(touched)
    return counts


def _row(
    tag: str, coded: dict[str, int], coders: int, patterns: Counter, units: int
) -> TagAgreement:
    """A table row; ``coded`` holds only the coders not missing for this tag."""
    kappa = cohen_kappa(patterns) if coders == 2 else None
    alpha = krippendorff_alpha(patterns)
    note = ""
    if len(coded) < 2:
        note = "fewer than two coders used this tag"
    elif not any(coded.values()):
        note = "nobody used this tag"
    elif alpha is None:
        note = "no variation: every coder made the same call on every clause"
    elif coders == 2 and kappa is None:
        note = "kappa undefined: a coder made the same call on every clause"
    return TagAgreement(
        tag=tag,
        coded=coded,
        units=units,
        percent=percent_agreement(patterns),
        kappa=kappa,
        alpha=alpha,
        note=note,
    )


def _mean(values: Iterable[float | None]) -> float | None:
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def compute_agreement(
    document: Document,
    annotations: Iterable[Annotation],
    coders: Sequence[str] | None = None,
    tags: Sequence[str] = (),
    *,
    coded_only: bool = False,
    unused_as_missing: bool = False,
    consensus_author: str | None = None,
) -> AgreementReport:
    """Agreement between coders (annotation authors) on ``document``.

    :param annotations: the document's annotations (deleted and untagged ones are skipped).
    :param coders: authors to compare (default: every author of a tagged annotation
        except ``consensus_author``); at least two.
    :param tags: only these tags (each including its sub-tags); default: every tag
        the coders applied, and the parents of sub-tags.
    :param coded_only: units are only the clauses somebody coded (with a tag in scope).
    :param unused_as_missing: a coder who never applied a tag (or a sub-tag) is taken
        as not having coded for it (missing values) rather than as finding it absent
        everywhere; for teams that split the codebook.
    :param consensus_author: whose annotations record reconciled codings; shown
        next to each disagreement.
    :raises AgreementError: fewer than two coders, or an unknown coder.
    """
    annotations = list(annotations)
    authors = {a.author for a in annotations if a.author and a.tags and not a.deleted}
    coders = choose_coders(authors, coders, consensus_author)
    if consensus_author and consensus_author.lower() in {c.lower() for c in coders}:
        consensus_author = None  # compared as a coder, so not shown as the consensus
    requested = list(dict.fromkeys(t.lower() for t in tags))
    people = list(coders) + ([consensus_author] if consensus_author else [])
    codings = _Codings(document, annotations, people)
    k = len(coders)
    inclusive = [codings.sets(i, requested, True) for i in range(k)]
    exact = [codings.sets(i, requested, False) for i in range(k)]
    if requested:
        rows_keys = requested
        for key in requested:
            codings.spelling.setdefault(key, next(t for t in tags if t.lower() == key))
    else:
        rows_keys = sorted({key for sets in inclusive for key in sets})
    for key in rows_keys:  # implied parents take their spelling from a child's
        if key not in codings.spelling:
            child = next(c for c in codings.spelling if c.startswith(key + SEPARATOR))
            codings.spelling[key] = codings.spelling[child][: len(key)]
    coded_units = set().union(*(s for sets in inclusive for s in sets.values()))
    units = len(coded_units) if coded_only else len(document.clauses)

    def coder_sets(key: str, by_coder: list[dict[str, set[int]]]) -> list[set[int] | None]:
        out: list[set[int] | None] = []
        for i in range(k):
            s = by_coder[i].get(key)
            unused = s is None and unused_as_missing
            out.append(None if unused else (s or set()))
        return out

    rows = []
    for key in rows_keys:
        sets = coder_sets(key, inclusive)
        coded = {c: len(s) for c, s in zip(coders, sets, strict=True) if s is not None}
        rows.append(_row(codings.spelling[key], coded, k, _patterns(sets, units), units))
    pooled: Counter = Counter()
    pool_keys = requested or sorted({key for sets in exact for key in sets})
    for key in pool_keys:
        pooled.update(_patterns(coder_sets(key, inclusive if requested else exact), units))
    coded = {c: len(set().union(*inclusive[i].values())) for i, c in enumerate(coders)}
    overall = _row("overall", coded, k, pooled, units * len(pool_keys))
    return AgreementReport(
        document_id=document.id,
        document_title=document.title,
        coders=list(coders),
        clauses=units,
        coded_only=coded_only,
        tags=rows,
        overall=overall,
        mean_kappa=_mean(r.kappa for r in rows),
        mean_alpha=_mean(r.alpha for r in rows),
        disagreements=_disagreements(document, codings, coders, requested, consensus_author),
        outside_clauses=codings.outside,
    )


def _disagreements(
    doc: Document,
    codings: _Codings,
    coders: Sequence[str],
    requested: Sequence[str],
    consensus_author: str | None,
) -> list[Disagreement]:
    """Clauses where the coders' sets of applied tags (in scope) differ."""

    def tags_of(person: int, clause: int) -> list[str]:
        keys = codings.applied[person].get(clause, ())
        return sorted(codings.spelling[t] for t in keys if in_scope(t, requested))

    clauses = sorted(set().union(*(codings.applied[i] for i in range(len(coders)))))
    out = []
    for clause in clauses:
        by_coder = {c: tags_of(i, clause) for i, c in enumerate(coders)}
        if len({tuple(t.lower() for t in v) for v in by_coder.values()}) < 2:
            continue
        c = doc.clauses[clause]
        consensus = None
        if consensus_author and clause in codings.applied[len(coders)]:
            consensus = tags_of(len(coders), clause)
        out.append(
            Disagreement(
                clause=clause,
                start=c.start,
                end=c.end,
                text=doc.text[c.start : c.end],
                section_path=doc.section_path_text(c.start),
                tags=by_coder,
                consensus=consensus,
            )
        )
    return out


def document_agreement(library: Library, document_id: str, **options: Any) -> AgreementReport:
    """:func:`compute_agreement` over a stored document and its tagged annotations.

    :raises AgreementError: a requested tag is not in the library.
    """
    for tag in options.get("tags") or ():
        if not library.tag_exists(tag):
            raise AgreementError(f"unknown tag: {tag}")
    document = library.get_document(document_id)
    return compute_agreement(document, library.tagged_annotations(document_id), **options)
