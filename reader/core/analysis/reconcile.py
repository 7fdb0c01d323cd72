"""Reconciling a disagreement: record the agreed tags as a consensus author's annotation.

Teammates' annotations are never edited: the reconciled coding is a new annotation
covering the clause, written by a consensus author, so the original codings (and
the agreement computed from them) stay as they were and the step can be undone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from reader.core.analysis.agreement import AgreementError, Disagreement

if TYPE_CHECKING:
    from reader.core.library_model import Annotation
    from reader.core.store import Library

CONSENSUS_SUFFIX = " (consensus)"


def consensus_author(user: str, coders: Iterable[str]) -> str:
    """Who records reconciled codings: the user, unless the user is one of the coders
    compared (their own coding would change), then ``"<user> (consensus)"``."""
    user = user.strip() or "consensus"
    if user.lower() in {c.lower() for c in coders}:
        return user + CONSENSUS_SUFFIX
    return user


def accepted_tags(disagreement: Disagreement, coder: str) -> list[str]:
    """The tags ``coder`` applied to the clause.

    :raises AgreementError: ``coder`` is not compared, or applied no tag there (an
        annotation without tags would record nothing).
    """
    tags = disagreement.tags.get(coder)
    if tags is None:
        raise AgreementError(f"{coder} is not one of the coders compared")
    if not tags:
        raise AgreementError(f"{coder} applied no tag to this clause: nothing to record")
    return list(tags)


def merged_tags(disagreement: Disagreement) -> list[str]:
    """Every tag any coder applied to the clause (each once, ignoring case), sorted."""
    merged: dict[str, str] = {}
    for tags in disagreement.tags.values():
        for tag in tags:
            merged.setdefault(tag.lower(), tag)
    return sorted(merged.values(), key=str.lower)


def reconcile(
    library: Library,
    document_id: str,
    disagreement: Disagreement,
    tags: Sequence[str],
    author: str,
    color: str = "green",
) -> Annotation:
    """Record ``tags`` for the disagreement's clause as ``author``'s new annotation."""
    if not tags:
        raise AgreementError("no tags to record for this clause")
    return library.add_annotation(
        document_id,
        disagreement.start,
        disagreement.end,
        tags=tags,
        author=author,
        color=color,
    )
