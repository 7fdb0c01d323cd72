"""Clause boundaries: sentences inside paragraphs, bullet items as single units.

The splitter works on offsets and never changes the text. It is deliberately
conservative: a boundary is a sentence-ending mark followed by white space and a
capital, digit or opening quote/bracket, outside parentheses, and not after an
abbreviation (``i.e.``, ``No.``, ``U.S.``).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from reader.core.compact_model import ClauseTable
from reader.core.model import CONTENT_KINDS, LIST_ITEM, Block, Clause, is_gap

# Abbreviations after which a full stop does not end a sentence (lower case, without
# the final dot). Initialisms such as U.S., U.N., e.g., i.e. are caught by shape.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "sec",
        "secs",
        "ch",
        "chap",
        "vol",
        "vols",
        "fig",
        "figs",
        "p",
        "pp",
        "cf",
        "vs",
        "viz",
        "approx",
        "ca",
        "inc",
        "ltd",
        "co",
        "corp",
        "gov",
        "govt",
        "dept",
        "univ",
        "min",
        "max",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "op",
        "ed",
        "eds",
        "rev",
        "gen",
        "col",
        "lt",
        "cmdr",
        "adm",
        "hon",
        "amb",
        "ref",
        "refs",
        "reg",
        "regs",
        "cl",
        "ibid",
        "al",
    ]
)
# Words after which a single capital is a label ("Annex B"), not an initial.
_LETTER_LABELS = frozenset(
    [
        "annex",
        "appendix",
        "part",
        "plan",
        "schedule",
        "section",
        "article",
        "chapter",
        "table",
        "figure",
        "option",
        "group",
        "type",
        "class",
        "category",
        "phase",
        "level",
        "grade",
        "tier",
        "stage",
        "vitamin",
    ]
)
_INITIALISM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
# A candidate boundary: terminal marks (group 1), optional closing quotes/brackets,
# white space after.
_MARKS = ".!?\u2026"
_CANDIDATE_RE = re.compile(r"([.!?\u2026]+)[\"'\u201d\u2019)\]]*(?=\s)")
_PAREN_RE = re.compile(r"[()]")
_CLOSERS = "\"'\u201d\u2019)]"
# White space, then what can start a sentence: a capital, digit, quote or bracket.
_NEXT_START_RE = re.compile(r"\s+(?=[A-Z0-9\"'\u201c\u2018(\[\u00c0-\u024f*_-])")
# Markdown footnote marks after a sentence's full stop belong to that sentence.
_NOTE_MARKS_RE = re.compile(r"(?:[ \t]*\[\^[^\]\s]{1,40}\])+")
# A paren opened more than this many characters ago is assumed to be unbalanced.
_MAX_PAREN_SPAN = 250
_OPENERS = "(\"'\u201c["
# A word longer than any abbreviation or initialism ends a sentence: told at once by
# its last characters holding no space, line break, tab or opening mark.
_SHORT = max(6, *map(len, ABBREVIATIONS))
_LONG_WORD_END_RE = re.compile(f"[^ \\n\\t{re.escape(_OPENERS)}]{{{_SHORT + 1}}}")


def _word_start(text: str, stop: int, start: int) -> int:
    # The last space, line break or tab before ``stop``: the line break and the tab
    # are looked for only after the space (a paragraph without either would otherwise
    # be searched back to its start at every full stop).
    i = text.rfind(" ", start, stop)
    lo = i + 1 if i >= 0 else start
    i = max(i, text.rfind("\n", lo, stop), text.rfind("\t", lo, stop)) + 1
    while i < stop and text[i] in _OPENERS:
        i += 1
    return max(i, start)


def _is_abbreviation(text: str, stop: int, start: int) -> bool:
    """Whether the word ending at ``stop`` (just before a '.') is an abbreviation."""
    i = _word_start(text, stop, start)
    word = text[i:stop]
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        # "Annex B." ends a sentence; "John F. Kennedy" does not.
        j = i
        while j > start and text[j - 1].isspace():
            j -= 1
        return text[_word_start(text, j, start) : j].lower() not in _LETTER_LABELS
    return len(word) <= 6 and bool(_INITIALISM_RE.match(word + "."))


def _mark_positions(text: str) -> array[int]:
    """Sorted offsets of every terminal mark (``.!?…``) in ``text``: where a candidate
    boundary can start. Found one mark at a time, each a C-level scan for a single
    character (a regular expression that looks for any of four runs four times slower
    over a long text)."""
    found: list[int] = []
    kinds = 0
    for mark in _MARKS:
        if mark in text:
            found.extend(m.start() for m in re.finditer(re.escape(mark), text))
            kinds += 1
    if kinds > 1:
        found.sort()
    return array("i", found)


def _cut(
    text: str, start: int, end: int, starts: list[int], ends: list[int], marks: array[int]
) -> None:
    """Append the start and end of each sentence of ``text[start:end]`` (trimmed of
    spaces) to ``starts`` and ``ends``; ``marks`` are :func:`_mark_positions` of the
    text (or of a part holding the span).

    Written for speed (a 10 MB document has about 100,000 paragraphs and 150,000
    candidate boundaries): lists given in, not a generator per paragraph, candidates
    tried only where a mark stands, and the cheap tests first."""
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    seg_start = pos
    depth = 0
    open_at = -1
    scanned = pos
    find = text.find
    candidate = _CANDIDATE_RE.match
    next_start = _NEXT_START_RE.match
    long_end = _LONG_WORD_END_RE.match
    parens = find("(", pos, end) >= 0
    k = bisect_left(marks, pos)
    last = bisect_left(marks, end, k)
    after = pos
    while k < last:
        # The candidates a scan from ``pos`` finds: the first match at a mark at or
        # after the end of the one before.
        mark_at = marks[k]
        k += 1
        if mark_at < after:
            continue
        m = candidate(text, mark_at, end)
        if m is None:
            continue
        after = m.end()
        if parens:
            # Parenthesis depth, tracked incrementally up to the end of this candidate.
            if find("(", scanned, after) >= 0 or (depth and find(")", scanned, after) >= 0):
                for p in _PAREN_RE.finditer(text, scanned, after):
                    if p.group() == "(":
                        if depth == 0:
                            open_at = p.start()
                        depth += 1
                    elif depth:
                        depth -= 1
            scanned = after
            if depth:
                if mark_at - open_at <= _MAX_PAREN_SPAN:
                    continue
                depth = 0  # an unbalanced "(" must not swallow the rest of the paragraph
        nxt = next_start(text, after, end)
        if nxt is None:
            continue
        # One full stop (closers may follow) may end an abbreviation instead; a word
        # longer than any abbreviation is told by its end alone.
        if (
            text[mark_at] == "."
            and m.end(1) - mark_at == 1
            and not (mark_at - seg_start > _SHORT and long_end(text, mark_at - _SHORT - 1, mark_at))
            and _is_abbreviation(text, mark_at, seg_start)
        ):
            continue
        if text.startswith("[^", nxt.end()):
            notes = _NOTE_MARKS_RE.match(text, after, end)
            nxt = next_start(text, notes.end(), end) if notes else None
            if notes is None or nxt is None:
                continue
            after = notes.end()
        starts.append(seg_start)
        ends.append(after)
        seg_start = nxt.end()
    stop = end
    while stop > seg_start and text[stop - 1].isspace():
        stop -= 1
    if stop > seg_start:
        starts.append(seg_start)
        ends.append(stop)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence in ``text[start:end]``, trimmed of spaces."""
    starts: list[int] = []
    ends: list[int] = []
    _cut(text, start, len(text) if end is None else end, starts, ends, _mark_positions(text))
    return zip(starts, ends, strict=True)


def sentence_count(text: str) -> int:
    """How many sentences ``text`` holds."""
    starts: list[int] = []
    _cut(text, 0, len(text), starts, [], _mark_positions(text))
    return len(starts)


def split_clauses(text: str, blocks: Sequence[Block]) -> ClauseTable:
    """Clauses of every content block; a paragraph continued across a break is one unit.

    Bullet items are one clause each, whatever their length.
    """
    clauses = ClauseTable()
    n = len(blocks)
    i = 0
    starts: list[int] = []
    ends: list[int] = []
    marks = _mark_positions(text)
    while i < n:
        block = blocks[i]
        if block.kind not in CONTENT_KINDS or block.content_end <= block.content_start:
            i += 1
            continue
        # Extend over paragraphs that continue this one after a broken line.
        j = i
        k = i + 1
        while k < n:
            if is_gap(blocks[k]):
                k += 1
            elif blocks[k].continues:
                j = k
                k += 1
            else:
                break
        if block.kind == LIST_ITEM and j == i:
            clauses.add(block.content_start, block.content_end, i, "item")
        else:
            _cut(text, block.content_start, blocks[j].content_end, starts, ends, marks)
            clauses.starts.extend(starts)
            clauses.ends.extend(ends)
            clauses.block_of.extend([i] * len(starts))
            clauses.kinds.extend(bytes(len(starts)))  # 0: a sentence
            starts.clear()
            ends.clear()
        i = j + 1
    return clauses


def clause_starts(clauses: Sequence[Clause]) -> Sequence[int]:
    """``[c.start for c in clauses]``: a table's own column, without making a clause."""
    return clauses.starts if isinstance(clauses, ClauseTable) else [c.start for c in clauses]


def clause_at(clauses: Sequence[Clause], offset: int, starts: Sequence[int] = ()) -> Clause | None:
    """The clause containing ``offset``, or None between clauses.

    :param starts: :func:`clause_starts` of ``clauses``, when the caller keeps it (a
        view looking clauses up at every click need not rebuild it).
    """
    starts = starts or clause_starts(clauses)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and clauses[i].start <= offset < clauses[i].end:
        return clauses[i]
    return None


def widen_to_clauses(clauses: Sequence[Clause], start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to the whole clause(s) it touches; unchanged if it touches none."""
    touched = [c for c in clauses if c.start < max(end, start + 1) and c.end > start]
    if not touched:
        return start, end
    return min(start, *(c.start for c in touched)), max(end, *(c.end for c in touched))
