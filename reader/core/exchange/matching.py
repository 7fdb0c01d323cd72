"""Which library document a shared annotation belongs to.

By fingerprint first (the same text); else by title and text: a candidate whose title
is close and which contains enough of the annotations' quotes is the teammate's own
import of the same paper, or a lightly revised edition of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.core.library_model import DocumentInfo

TITLE_SIMILARITY = 0.6
MIN_QUOTES_FOUND_WITH_TITLE = 0.3
MIN_QUOTES_FOUND_WITHOUT_TITLE = 0.6
_SAMPLE = 25  # quotes checked per candidate
_NON_WORD_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """A library document chosen for some shared annotations, and why."""

    document_id: str
    title: str
    how: str  # "fingerprint" | "title and text" | "title" | "text"
    quotes_found: float  # share of sampled quotes found in its text (1.0 by fingerprint)


def _norm_title(title: str) -> str:
    return " ".join(_NON_WORD_RE.sub(" ", title.lower()).split())


def title_similarity(a: str | None, b: str | None) -> float:
    """0..1 similarity of two titles, ignoring case and punctuation."""
    if not a or not b:
        return 0.0
    a, b = _norm_title(a), _norm_title(b)
    return 1.0 if a == b else SequenceMatcher(None, a, b, autojunk=False).ratio()


def quotes_found(text: str, quotes: Sequence[str]) -> float:
    """Share of ``quotes`` that occur in ``text`` (white space ignored)."""
    sample = [q for q in quotes if q.strip()][:_SAMPLE]
    if not sample:
        return 0.0
    flat = " ".join(text.split())
    return sum(" ".join(q.split()) in flat for q in sample) / len(sample)


def find_document(
    fingerprint: str | None,
    title: str | None,
    quotes: Sequence[str],
    documents: Sequence[DocumentInfo],
    text_of: Callable[[str], str],
) -> DocumentMatch | None:
    """The library document these annotations belong to, or None.

    :param documents: every document of the library (id and title are used).
    :param text_of: loads a document's text by id (called only for candidates).
    """
    by_id = {d.id: d for d in documents}
    if fingerprint and fingerprint in by_id:
        return DocumentMatch(fingerprint, by_id[fingerprint].title, "fingerprint", 1.0)
    best: DocumentMatch | None = None
    titled = [d for d in documents if title_similarity(title, d.title) >= TITLE_SIMILARITY]
    for d in titled:
        found = quotes_found(text_of(d.id), quotes)
        if found >= MIN_QUOTES_FOUND_WITH_TITLE and (best is None or found > best.quotes_found):
            best = DocumentMatch(d.id, d.title, "title and text", found)
    if best is not None:
        return best
    # A revised edition may keep its title and change most of its wording: a document
    # of the very same title is theirs, and what is not found there becomes an orphan
    # of it (placed by hand) instead of waiting for a document that is already here.
    same = [d for d in titled if title_similarity(title, d.title) == 1.0]
    if same:
        shares = [(quotes_found(text_of(d.id), quotes), d) for d in same]
        share, doc = max(shares, key=lambda f: f[0])
        return DocumentMatch(doc.id, doc.title, "title", share)
    for d in documents:
        if d in titled:
            continue
        found = quotes_found(text_of(d.id), quotes)
        if found >= MIN_QUOTES_FOUND_WITHOUT_TITLE and (best is None or found > best.quotes_found):
            best = DocumentMatch(d.id, d.title, "text", found)
    return best
