"""Describe a span of text so that it can be found again in a slightly different copy.

``describe(text, start, end)`` gives the W3C selectors (a quote with ~32 characters of
context either side, and the position); ``Anchorer(text).resolve(selectors)`` finds
the span in another copy, trying in order:

1. the position, if the quote is still there;
2. the exact quote (context and position choose among repeats);
3. the quote with white space ignored (other line wrapping, double spaces);
4. approximate matching: word trigrams of the quote and its context vote for where the
   quote starts, then ``difflib`` aligns the quote with the best windows, weighting the
   quote's similarity, its context and its position (as the Hypothesis client does).

It returns None rather than guess: a span that cannot be found with confidence becomes
an orphan the user can see, never a highlight on the wrong words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.core.quotes import CONTEXT_CHARS

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\S+")
MIN_QUOTE_SIMILARITY = 0.7
MIN_SCORE = 0.6
_MAX_OCCURRENCES = 2000  # of one seed; commoner seeds say little about where the quote is
_MAX_CANDIDATES = 6


@dataclass(frozen=True, slots=True)
class Selectors:
    """A TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end)."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where selectors were found: the span, how it was found, and a score in 0..1."""

    start: int
    end: int
    method: str  # "position" | "quote" | "whitespace" | "fuzzy"
    score: float


def describe(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selectors:
    """Selectors for ``text[start:end]``."""
    return Selectors(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        start=start,
        end=end,
    )


def _word_similarity(a: list[str], b: list[str]) -> float:
    """0..1 likeness of two word lists (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _dense_chain(blocks: list) -> list:
    """The run of matching blocks around the largest one, without far-flung outliers.

    A block is dropped (with all beyond it) when the gap before it in the text is much
    wider than in the quote: the same words matched somewhere else in the window.
    """
    main = max(range(len(blocks)), key=lambda i: blocks[i].size)
    lo = main
    while lo > 0:
        prev, cur = blocks[lo - 1], blocks[lo]
        if cur.b - (prev.b + prev.size) > cur.a - (prev.a + prev.size) + 3:
            break
        lo -= 1
    hi = main
    while hi < len(blocks) - 1:
        cur, nxt = blocks[hi], blocks[hi + 1]
        if nxt.b - (cur.b + cur.size) > nxt.a - (cur.a + cur.size) + 3:
            break
        hi += 1
    return blocks[lo : hi + 1]


def _extend(words: list[str], at: int, missing: int, edge: str | None, step: int) -> int:
    """Extend an aligned edge at ``at`` over the quote's ``missing`` unmatched words.

    Each missing word is taken to have been replaced (so the text's word there belongs
    to the quote), unless that word is the context's edge word ``edge``: then the
    quote's word was deleted and the extension stops. ``step`` is -1 going left.
    """
    while missing > 0:
        k = at - 1 if step < 0 else at
        if not 0 <= k < len(words) or words[k] == edge:
            break
        at += step
        missing -= 1
    return at


class Anchorer:
    """Resolves many selectors against one text, reusing its normalised form."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._norm: str | None = None
        self._map: list[int] = []

    # -- the white-space-normalised text and its map back to ``text`` ------------------
    def _normalised(self) -> str:
        if self._norm is None:
            parts: list[str] = []
            mapping: list[int] = []
            pos = 0
            for m in _SPACE_RE.finditer(self.text):
                if m.start() > pos:
                    parts.append(self.text[pos : m.start()])
                    mapping.extend(range(pos, m.start()))
                parts.append(" ")
                mapping.append(m.start())
                pos = m.end()
            parts.append(self.text[pos:])
            mapping.extend(range(pos, len(self.text)))
            mapping.append(len(self.text))  # one past the end
            self._norm = "".join(parts)
            self._map = mapping
        return self._norm

    def _to_text_span(self, s: int, e: int) -> tuple[int, int]:
        norm = self._normalised()
        while s < e and norm[s] == " ":
            s += 1
        while e > s and norm[e - 1] == " ":
            e -= 1
        start = self._map[s]
        end = self._map[e - 1] + 1 if e > s else start
        return start, end

    # -- scoring -----------------------------------------------------------------------
    def _context_score(self, sel: Selectors, start: int, end: int) -> float:
        """How well the words around ``start:end`` match the selectors' context, 0..1.

        Compared word by word, so re-flowed white space does not count as a difference.
        """
        scores = []
        if sel.prefix.strip():
            want = sel.prefix.split()
            got = self.text[max(0, start - len(sel.prefix) - 8) : start].split()
            if got and not self.text[start - 1 : start].isspace() and start > 0:
                got = got[:-1]  # a word cut by the start is part of the quote's word
            scores.append(_word_similarity(want, got[-len(want) :]))
        if sel.suffix.strip():
            want = sel.suffix.split()
            got = self.text[end : end + len(sel.suffix) + 8].split()
            scores.append(_word_similarity(want, got[: len(want)]))
        return sum(scores) / len(scores) if scores else 0.5

    def _position_score(self, sel: Selectors, start: int) -> float:
        return 1.0 - min(1.0, abs(start - sel.start) / max(1, len(self.text)))

    # -- strategies --------------------------------------------------------------------
    def _best_exact(self, sel: Selectors, haystack: str, needle: str) -> tuple[int, float] | None:
        found: list[int] = []
        i = haystack.find(needle)
        while i >= 0 and len(found) < _MAX_OCCURRENCES:
            found.append(i)
            i = haystack.find(needle, i + 1)
        if not found:
            return None
        if len(found) == 1:
            return found[0], 1.0
        scored = []
        for pos in found:
            s, e = (
                (pos, pos + len(needle))
                if haystack is self.text
                else self._to_text_span(pos, pos + len(needle))
            )
            scored.append((2 * self._context_score(sel, s, e) + self._position_score(sel, s), pos))
        best = max(scored)
        return best[1], best[0] / 3

    def _total(self, sel: Selectors, quote_sim: float, start: int, end: int) -> float:
        """Weighted score: the quote counts most, then its context, then its position."""
        return (
            0.5 * quote_sim
            + 0.4 * self._context_score(sel, start, end)
            + 0.1 * self._position_score(sel, start)
        )

    def resolve(self, sel: Selectors) -> Anchor | None:
        """Find the span ``sel`` describes, or None when it cannot be found with confidence."""
        text = self.text
        if not sel.exact:
            return None
        if 0 <= sel.start < sel.end <= len(text) and text[sel.start : sel.end] == sel.exact:
            return Anchor(sel.start, sel.end, "position", 1.0)
        quote = " ".join(sel.exact.split())
        if not quote:
            return None
        exact: Anchor | None = None
        hit = self._best_exact(sel, text, sel.exact)
        if hit is not None:
            s, e = hit[0], hit[0] + len(sel.exact)
            exact = Anchor(s, e, "quote", round(self._total(sel, 1.0, s, e), 4))
        else:
            hit = self._best_exact(sel, self._normalised(), quote)
            if hit is not None:
                s, e = self._to_text_span(hit[0], hit[0] + len(quote))
                exact = Anchor(s, e, "whitespace", round(self._total(sel, 1.0, s, e), 4))
        if (
            exact is not None
            and self._context_score(sel, exact.start, exact.end) >= 0.5
            and self._position_score(sel, exact.start) >= 0.98
        ):
            return exact
        # The words stand elsewhere, or out of their context: the passage may have been
        # edited where it was, and the same words (a formula) appear again. Let the fuzzy
        # match near the original compete.
        fuzzy = self._fuzzy(sel, quote)
        if exact is None:
            return fuzzy
        if fuzzy is not None and fuzzy.score > exact.score:
            return fuzzy
        return exact

    def _votes(self, sel: Selectors, quote: str) -> Counter[int]:
        """Candidate start positions (in the normalised text), voted by word trigrams."""
        norm = self._normalised()
        votes: Counter[int] = Counter()
        prefix = " ".join(sel.prefix.split())
        suffix = " ".join(sel.suffix.split())
        # Seeds from the quote vote for (occurrence - offset); context seeds vote too.
        sources = [(quote, 0), (prefix, -len(prefix) - 1), (suffix, len(quote) + 1)]
        for source, shift in sources:
            words = list(_WORD_RE.finditer(source))
            step = 1 if len(words) < 60 else len(words) // 40
            for k in range(0, max(0, len(words) - 2), step):
                seed = source[words[k].start() : words[k + 2].end()]
                offset = words[k].start() + shift
                i = norm.find(seed)
                n = 0
                while i >= 0 and n < _MAX_OCCURRENCES:
                    votes[(i - offset) // 8] += 1
                    n += 1
                    i = norm.find(seed, i + 1)
        return votes

    def _fuzzy(self, sel: Selectors, quote: str) -> Anchor | None:
        norm = self._normalised()
        votes = self._votes(sel, quote)
        if not votes:
            return None
        qtok = quote.split(" ")
        min_block = 2 if len(qtok) >= 6 else 1
        q = len(quote)
        slack = max(24, q // 4)
        best: Anchor | None = None
        for bucket, _count in votes.most_common(_MAX_CANDIDATES):
            guess = bucket * 8
            spans = [
                m.span()
                for m in _WORD_RE.finditer(
                    norm, max(0, guess - slack), min(len(norm), guess + q + slack)
                )
            ]
            wtok = [norm[a:b] for a, b in spans]
            # Word-level alignment: robust to changed words and much faster than by character.
            blocks = [
                b
                for b in SequenceMatcher(None, qtok, wtok, autojunk=False).get_matching_blocks()
                if b.size
            ]
            if not blocks or max(b.size for b in blocks) < min_block:
                continue
            blocks = _dense_chain(blocks)
            first, last = blocks[0], blocks[-1]
            before, after = sel.prefix.split(), sel.suffix.split()
            prefix_edge = before[-1] if before else None
            suffix_edge = after[0] if after else None
            w0 = _extend(wtok, first.b, first.a, prefix_edge, -1)
            w1 = _extend(wtok, last.b + last.size, len(qtok) - last.a - last.size, suffix_edge, 1)
            if w1 <= w0:
                continue
            quote_sim = SequenceMatcher(None, qtok, wtok[w0:w1], autojunk=False).ratio()
            start, end = self._to_text_span(spans[w0][0], spans[w1 - 1][1])
            context = self._context_score(sel, start, end)
            if quote_sim < MIN_QUOTE_SIMILARITY and not (quote_sim >= 0.5 and context >= 0.75):
                continue
            score = 0.5 * quote_sim + 0.4 * context + 0.1 * self._position_score(sel, start)
            if best is None or score > best.score:
                best = Anchor(start, end, "fuzzy", round(score, 4))
        if best is None or best.score < MIN_SCORE:
            return None
        return best


def resolve(text: str, sel: Selectors) -> Anchor | None:
    """Find ``sel`` in ``text`` (see :class:`Anchorer` to resolve many against one text)."""
    return Anchorer(text).resolve(sel)
