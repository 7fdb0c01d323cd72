"""Word-level differences between two aligned units, with absolute offsets.

difflib's SequenceMatcher finds the longest common runs, which reads as a person
would mark changes ("reworded" is a replace op). On long texts it goes quadratic on
frequent words, so the diff runs in two passes: sentences first (mostly unique, so
fast), then words inside the sentences that changed.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from reader.core.compare.lcs import indel_similarity
from reader.core.compare.model import DELETE, EQUAL, INSERT, REPLACE, DiffOp, Unit
from reader.core.compare.units import text_spans
from reader.core.model import Document

TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]|_+")
_SENTENCE_END = frozenset(".!?;:")
# Word-level matching of a changed region larger than this (tokens, either side) costs
# too much for what it shows: the region is reported as one replace.
MAX_WORD_REGION = 20_000

Token = tuple[str, int, int]  # text, absolute start, absolute end


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation marks of ``text[start:end]``, with absolute offsets."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


def body_tokens(doc: Document, unit: Unit) -> list[Token]:
    """The tokens of ``unit``'s own text (after its heading), page furniture left out."""
    return [
        t for s, e in text_spans(doc, unit.body_start, unit.end) for t in tokens(doc.text, s, e)
    ]


def word_diff(doc_a: Document, a: Unit, doc_b: Document, b: Unit) -> list[DiffOp]:
    """The word diff of the bodies of ``a`` (in ``doc_a``) and ``b`` (in ``doc_b``).

    Ops come in order and cover every token of both bodies; ``insert`` ops have an
    empty A span placed where the words would go (and ``delete`` ops likewise in B).
    """
    ta = body_tokens(doc_a, a)
    tb = body_tokens(doc_b, b)
    raw: list[tuple[str, int, int, int, int]] = []
    sa, sb = _sentences(ta), _sentences(tb)
    keys_a = [tuple(t[0] for t in ta[i:j]) for i, j in sa]
    keys_b = [tuple(t[0] for t in tb[i:j]) for i, j in sb]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        a1, a2 = _token_range(sa, i1, i2, len(ta))
        b1, b2 = _token_range(sb, j1, j2, len(tb))
        if kind == EQUAL:
            raw.append((EQUAL, a1, a2, b1, b2))
        elif kind != REPLACE or max(a2 - a1, b2 - b1) > MAX_WORD_REGION:
            raw.append((kind, a1, a2, b1, b2))
        else:
            words = SequenceMatcher(
                None, [t[0] for t in ta[a1:a2]], [t[0] for t in tb[b1:b2]], autojunk=False
            )
            for k, x1, x2, y1, y2 in words.get_opcodes():
                raw.append((k, a1 + x1, a1 + x2, b1 + y1, b1 + y2))
    return _merge([_to_op(op, ta, tb, a, b) for op in raw])


def similarity(doc_a: Document, a: Unit, doc_b: Document, b: Unit) -> float:
    """0..1 likeness of the two bodies: the share of words they keep in common, in order.

    The Indel similarity over word lists (see :mod:`reader.core.compare.lcs`).
    """
    wa = [t[0].lower() for t in body_tokens(doc_a, a)]
    wb = [t[0].lower() for t in body_tokens(doc_b, b)]
    if not wa and not wb:
        return 1.0
    return indel_similarity(wa, wb)


def _sentences(toks: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of the sentences (ending in . ! ? ; :) of ``toks``."""
    out = []
    start = 0
    for i, tok in enumerate(toks):
        if tok[0] in _SENTENCE_END:
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def _token_range(spans: list[tuple[int, int]], i1: int, i2: int, n: int) -> tuple[int, int]:
    """Token indices covered by sentences ``i1..i2`` (an empty range sits at ``i1``)."""
    if i1 < i2:
        return spans[i1][0], spans[i2 - 1][1]
    pos = spans[i1][0] if i1 < len(spans) else n
    return pos, pos


def _to_op(
    raw: tuple[str, int, int, int, int], ta: list[Token], tb: list[Token], a: Unit, b: Unit
) -> DiffOp:
    kind, i1, i2, j1, j2 = raw
    a_start, a_end = _char_span(ta, i1, i2, a)
    b_start, b_end = _char_span(tb, j1, j2, b)
    return DiffOp(kind, a_start, a_end, b_start, b_end)


def _char_span(toks: list[Token], i1: int, i2: int, unit: Unit) -> tuple[int, int]:
    if i1 < i2:
        return toks[i1][1], toks[i2 - 1][2]
    if i1 < len(toks):
        return toks[i1][1], toks[i1][1]
    pos = toks[-1][2] if toks else unit.body_start
    return pos, pos


def _merge(ops: list[DiffOp]) -> list[DiffOp]:
    """Join neighbouring ops of one kind (the two passes can split an equal run)."""
    out: list[DiffOp] = []
    for op in ops:
        if out and out[-1].kind == op.kind:
            prev = out.pop()
            op = DiffOp(op.kind, prev.a_start, op.a_end, prev.b_start, op.b_end)
        out.append(op)
    return out


__all__ = ["DELETE", "INSERT", "REPLACE", "EQUAL", "similarity", "tokens", "word_diff"]
