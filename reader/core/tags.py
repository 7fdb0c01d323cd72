"""Tag paths (``economy/trade``): the pure rules every layer shares.

A tag is a path of segments; a tag includes its sub-tags (``economy`` covers
``economy/trade``) and tags compare without regard to case. The store keeps them,
the analyses roll them up, the exports group by them: all through these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.errors import LibraryError
from reader.core.limits import MAX_TAG, check_length
from reader.core.text_rules import clean_field

SEPARATOR = "/"


def normalize_tag(tag: str) -> str:
    """``" economy / trade/ "`` -> ``"economy/trade"``; raises on an empty tag and on
    one longer than :data:`~reader.core.limits.MAX_TAG` characters. Control characters
    follow the text rule (:func:`~reader.core.text_rules.clean_field`)."""
    parts = [p.strip() for p in clean_field(tag).split(SEPARATOR)]
    parts = [" ".join(p.split()) for p in parts if p.strip()]
    if not parts:
        raise LibraryError(f"empty tag: {tag!r}")
    return check_length(SEPARATOR.join(parts), f"the tag {tag[:40]!r}...", MAX_TAG)


def tag_lineage(tag: str) -> list[str]:
    """``a/b/c`` -> ``["a", "a/b", "a/b/c"]``: the tag and every tag that includes it."""
    parts = tag.split(SEPARATOR)
    return [SEPARATOR.join(parts[:i]) for i in range(1, len(parts) + 1)]


def tag_includes(tag: str, other: str) -> bool:
    """Whether ``other`` is ``tag`` or one of its sub-tags, ignoring case."""
    tag, other = tag.lower(), other.lower()
    return other == tag or other.startswith(tag + SEPARATOR)


def in_scope(tag: str, roots: Sequence[str]) -> bool:
    """Whether ``tag`` falls under one of ``roots`` (no roots: every tag does)."""
    return not roots or any(tag_includes(root, tag) for root in roots)


def tag_sort_key(tag: str) -> list[str]:
    """Tag-tree order: ``a``, ``a/b``, ``a b`` (segment by segment, ignoring case)."""
    return tag.lower().split(SEPARATOR)


def rolled_tag(tag: str, depth: int | None) -> str:
    """``tag`` cut to its first ``depth`` levels (unchanged for None)."""
    if depth is None:
        return tag
    if depth < 1:
        raise ValueError("depth must be 1 or more")
    return SEPARATOR.join(tag.split(SEPARATOR)[:depth])
