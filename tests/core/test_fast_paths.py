"""The fast paths of the import and the reading view give what the plain rules give.

Each fast path (issue 17) replaced a simple rule that read every character through
Python or a regular expression; here the simple rule, written out as it was, is the
reference, and random texts full of the characters each rule looks at must come out
the same.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core import clauses
from reader.core.export.escape import escape_lines
from reader.core.fingerprint import normalise
from reader.core.importers import parse_text
from reader.core.importers.text import LINE_RE, _lines
from reader.core.reading import _ODD_SPACE_RE, _odd_spaces, build_reading_view
from reader.core.text_rules import clean_field, clean_text, control_picture


def texts(*pieces: str, max_size: int = 30) -> st.SearchStrategy[str]:
    """Texts made of ``pieces`` (words, marks, white space of every kind)."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


SPACES = (" ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x85")
WORDS = ("a", "Word", "é", "\u00a0", "\u2028", "\u3000", "\ufeff", "e\u0301", "\x7f", "\x00")


@settings(max_examples=300, deadline=None)
@given(texts(*SPACES, *WORDS))
@example("a \nb")
@example("a\n b")
@example(" a")
@example("a ")
@example("a  b")
@example("a\tb")
def test_normalise_is_each_line_squeezed(text):
    reference = "\n".join(
        " ".join(line.split())
        for line in __import__("unicodedata")
        .normalize("NFC", text.replace("\ufeff", ""))
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .split("\n")
    )
    assert normalise(text) == re.sub(r"\n{3,}", "\n\n", reference).strip()


@settings(max_examples=300, deadline=None)
@given(texts(*[chr(c) for c in range(0x20)], "\x7f", "a", "\ud800", "\ufffe", "é"))
def test_the_text_rule_is_the_regular_expressions(text):
    def rule(value: str, controls: str) -> str:
        value = re.sub(controls, lambda m: control_picture(m.group()), value)
        return re.sub("[\ud800-\udfff\ufffe\uffff]", "\ufffd", value)

    assert clean_text(text) == rule(text, "[\x00-\x08\x0b\x0e-\x1f\x7f]")
    assert clean_field(text) == rule(text, "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@settings(max_examples=300, deadline=None)
@given(
    texts("a", " ", "\n", "\r", "\r\n", "\t", "-", "+", "=", "1", "\u0663", ".", ")", "#", "\x01")
)
def test_markdown_lines_are_escaped_as_each_line_alone(text):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert escape_lines(text) == [escape_lines(line)[0] for line in lines]


@settings(max_examples=300, deadline=None)
@given(texts("a", " ", "\n", "\n\n", "\r", "\r\n", "\t", "\x0c"))
def test_lines_are_the_line_expression(text):
    expected = [(m.start(), m.end(), not m.group().strip()) for m in LINE_RE.finditer(text)]
    assert list(_lines(text)) == expected


@settings(max_examples=300, deadline=None)
@given(texts("a", " ", "  ", "\n", "\t", "\x1c", "\u00a0", "\u3000", "é"))
def test_odd_spaces_hold_every_place_to_collapse(text):
    places = set(_odd_spaces(text))
    assert {m.start() for m in _ODD_SPACE_RE.finditer(text)} <= places
    assert {i for i in range(len(text) - 1) if text[i : i + 2] == "  "} <= places
    assert list(_odd_spaces(text)) == sorted(places)


# -- sentence boundaries: the splitter as it was written before, one scan a span ------

_CANDIDATE_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")


def _word_start(text: str, stop: int, start: int) -> int:
    i = max(
        text.rfind(" ", start, stop), text.rfind("\n", start, stop), text.rfind("\t", start, stop)
    )
    i += 1
    while i < stop and text[i] in "(\"'\u201c[":
        i += 1
    return max(i, start)


def _is_abbreviation(text: str, stop: int, start: int) -> bool:
    word = text[_word_start(text, stop, start) : stop]
    if not word:
        return False
    if word.lower() in clauses.ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        j = _word_start(text, stop, start)
        while j > start and text[j - 1].isspace():
            j -= 1
        return text[_word_start(text, j, start) : j].lower() not in clauses._LETTER_LABELS
    return len(word) <= 6 and bool(re.match(r"^(?:[A-Za-z]\.)+[A-Za-z]?$", word + "."))


def reference_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    seg_start, depth, open_at, scanned = pos, 0, -1, pos
    for m in _CANDIDATE_RE.finditer(text, pos, end):
        mark_at, after = m.span()
        for p in re.finditer(r"[()]", text[:after]):
            if p.start() < scanned:
                continue
            if p.group() == "(":
                open_at = p.start() if depth == 0 else open_at
                depth += 1
            elif depth:
                depth -= 1
        scanned = after
        if depth:
            if mark_at - open_at <= clauses._MAX_PAREN_SPAN:
                continue
            depth = 0
        nxt = clauses._NEXT_START_RE.match(text, after, end)
        if nxt is None:
            continue
        if m.group().rstrip("\"'\u201d\u2019)]") == "." and _is_abbreviation(
            text, mark_at, seg_start
        ):
            continue
        if text.startswith("[^", nxt.end()):
            marks = clauses._NOTE_MARKS_RE.match(text, after, end)
            nxt = clauses._NEXT_START_RE.match(text, marks.end(), end) if marks else None
            if marks is None or nxt is None:
                continue
            after = marks.end()
        out.append((seg_start, after))
        seg_start = nxt.end()
    stop = end
    while stop > seg_start and text[stop - 1].isspace():
        stop -= 1
    if stop > seg_start:
        out.append((seg_start, stop))
    return out


SENTENCE_PIECES = (
    "a", "The", "No", "U.S", "e.g", "Annex B", "F", "word", "(", ")", ".", ". ", "? ",
    "! ", "\u2026 ", "...", '." ', ".' ", ".) ", ".] ", " ", "\n", "  ", "X", "1",
    "[^1]", " [^2]", '"', "\u201c", "\t", "Mr", "x.", "pp.", '?"',
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(texts(*SENTENCE_PIECES))
# A word at a sentence's start after a line break, behind an opening quote: the word
# is looked for within the sentence only.
@example('x.\n"Mr.] "Next')
@example('  \u00e9U.S!  [^2]".] a...1." \n"Mr.] "[^1]Mr.]  ')
def test_sentences_are_what_one_scan_finds(text):
    assert list(clauses.sentence_spans(text)) == reference_spans(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(texts(*SENTENCE_PIECES), st.data())
def test_sentences_of_a_span_are_what_one_scan_of_it_finds(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(clauses.sentence_spans(text, start, end)) == reference_spans(text, start, end)


# -- the reading view's text, made from its segments ------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    texts("Part I Aims", "A sentence.", " ", "\n", "\n\n", "\t", "- item", "**bold**", "&#8212;"),
    st.sampled_from(["text", "markdown"]),
    st.data(),
)
def test_the_view_text_is_the_same_in_pieces_and_in_spans(text, fmt, data):
    view = build_reading_view(parse_text(text, fmt))
    whole = view.text
    assert len(whole) == view.length
    assert "".join(view.chunks(size=7)) == whole
    assert "\n".join(b.text for b in view.blocks) == whole
    start = data.draw(st.integers(0, len(whole)))
    end = data.draw(st.integers(start, len(whole)))
    assert view.display(start, end) == whole[start:end]
