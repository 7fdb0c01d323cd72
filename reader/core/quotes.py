"""Find a typed quote in a document's text, and the context kept around a span.

Pure functions over ``str`` and offsets: no SQL, no Qt.
"""

from __future__ import annotations

import difflib
import re

from reader.core.errors import LibraryError

CONTEXT_CHARS = 32  # kept either side of a quote, as the Hypothesis client does

# A quote typed on a command line has straight quotes and single spaces; the text
# may have typographic quotes, dashes and line breaks. Each typed character maps to
# the characters it may stand for; anything else must match exactly.
_EQUIVALENTS = {
    "'": "'\u2018\u2019\u02bc",
    '"': '"\u201c\u201d',
    "-": "-\u2010\u2011\u2012\u2013\u2014",
}


def context(text: str, start: int, end: int, size: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``size`` characters before ``start`` and after ``end``."""
    return text[max(0, start - size) : start], text[end : end + size]


def _quote_pattern(quote: str) -> re.Pattern[str]:
    parts = []
    for word in quote.split():
        chars = []
        for ch in word:
            alts = _EQUIVALENTS.get(ch)
            chars.append(f"[{re.escape(alts)}]" if alts else re.escape(ch))
        parts.append("".join(chars))
    return re.compile(r"\s+".join(parts))


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every non-overlapping span of ``text`` matching ``quote``.

    Runs of whitespace in the quote match any run of whitespace, and straight
    quotes and hyphens match their typographic forms; otherwise matching is exact.
    """
    if not quote.strip():
        return []
    return [m.span() for m in _quote_pattern(quote).finditer(text)]


def closest_match(text: str, quote: str, cutoff: float = 0.6) -> str | None:
    """The passage of ``text`` most like ``quote`` (as many words), or None if none is close."""
    words = quote.split()
    if not words:
        return None
    tokens = text.split()
    n = len(words)
    windows = {" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}
    target = " ".join(words)
    found = difflib.get_close_matches(target, windows, n=1, cutoff=cutoff)
    if not found:
        # Case is the commonest slip; difflib weighs it like any other difference.
        lowered = {w.lower(): w for w in windows}
        found = difflib.get_close_matches(target.lower(), lowered, n=1, cutoff=cutoff)
        found = [lowered[f] for f in found]
    return found[0] if found else None


def find_quote(
    text: str, quote: str, occurrence: int | None = None, where: str = "the document"
) -> tuple[int, int]:
    """The span of ``quote`` in ``text``.

    :param occurrence: which match to take (1-based). Without it the quote must
        occur exactly once: a silent first-match could highlight the wrong passage.
    :param where: how the text is named in error messages.
    :raises LibraryError: not found (naming the closest passage, if any), occurrence
        out of range, or ambiguous.
    """
    spans = find_all(text, quote)
    if not spans:
        near = closest_match(text, quote)
        hint = f'; closest match: "{near}"' if near else ""
        raise LibraryError(f'quote not found in {where}: "{quote}"{hint}')
    if occurrence is None:
        if len(spans) > 1:
            raise LibraryError(
                f'quote occurs {len(spans)} times in {where}: "{quote}"; '
                f"choose one with --occurrence 1..{len(spans)}"
            )
        return spans[0]
    if not 1 <= occurrence <= len(spans):
        times = "once" if len(spans) == 1 else f"{len(spans)} times"
        raise LibraryError(
            f'--occurrence {occurrence}: the quote occurs only {times} in {where}: "{quote}"'
        )
    return spans[occurrence - 1]
