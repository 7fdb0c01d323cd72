"""Plain text: decode the bytes, then cut the text into blocks by blank lines.

The stored text is the decoded file exactly (a byte-order mark is an encoding
artefact and is dropped; line endings are kept), so every character is recoverable.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from reader.core.document import build_document
from reader.core.errors import DocumentError
from reader.core.headings import BULLET_RE, LIST_MARKER_RE, match_heading
from reader.core.importers.text_header import read_header
from reader.core.importers.text_underlined import underlined_title
from reader.core.model import BLANK, FURNITURE, LIST_ITEM, PARAGRAPH, Block, Document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that do not occur in text (everything below 0x20 except tab,
# newline, carriage return and form feed, plus DEL). C1 controls are judged separately.
_BINARY_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_C1_RE = re.compile(r"[\x80-\x9f]")
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = len(_BINARY_RE.findall(sample)) + len(_C1_RE.findall(sample))
    return bad > max(2, len(sample) // 200)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows as NUL bytes in every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > half * 0.4 and even_nuls < half * 0.05:
        enc = "utf-16-le"
    elif even_nuls > half * 0.4 and odd_nuls < half * 0.05:
        enc = "utf-16-be"
    else:
        return None
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, name: str = "document") -> tuple[str, str]:
    """Decode file contents; returns ``(text, encoding)`` or raises DocumentError.

    Tries a byte-order mark, then strict UTF-8, then UTF-16 without BOM, then
    Windows-1252 (a superset of printable Latin-1), and refuses binary data.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise DocumentError(
                    f"{name}: starts with a {enc} byte-order mark but is not valid {enc}"
                ) from None
            text = text.lstrip("\ufeff")
            if _looks_binary(text):
                break
            return text, enc.replace("-sig", "")
    else:
        try:
            text = data.decode("utf-8")
            if not _looks_binary(text):
                return text, "utf-8"
        except UnicodeDecodeError:
            pass
        text16 = _utf16_without_bom(data)
        if text16 is not None and not _looks_binary(text16):
            return text16, "utf-16"
        if b"\x00" not in data:
            text = data.decode("cp1252", errors="replace")
            if text.count("\ufffd") == 0 and not _looks_binary(text):
                return text, "cp1252"
            text = data.decode("latin-1")
            if not _looks_binary(text):
                return text, "latin-1"
    raise DocumentError(
        f"{name}: not readable as text (tried UTF-8, UTF-16 and Windows-1252/Latin-1); "
        "is it a binary file?"
    )


def _is_blank(line: str) -> bool:
    return not line.strip()


def content_span(
    text: str, start: int, end: int, marker: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """The meaningful part of ``text[start:end]``: after ``marker`` (a bullet, a ``>``),
    without surrounding white space."""
    s, e = start, end
    if marker is not None:
        m = marker.match(text, s, e)
        if m:
            s = m.end()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def block(
    kind: str, text: str, start: int, end: int, marker: re.Pattern[str] | None = None
) -> Block:
    """A block of ``kind`` over ``text[start:end]`` with its content span."""
    cs, ce = content_span(text, start, end, marker)
    return Block(kind, start, end, cs, ce)


_MARKER_STYLE_RE = re.compile(
    r"[ \t]*(?:(?P<bullet>[-*+\u2022\u2023\u25aa\u25cf\u00b7\u2013\u2014])"
    r"|(?P<num_dot>\d{1,3}\.)|(?P<num_paren>\d{1,3}\))|(?P<paren_num>\(\d{1,3}\))"
    r"|(?P<alpha_dot>[a-z]\.)|(?P<alpha_paren>[a-z]\))|(?P<paren_alpha>\([a-z]\)))[ \t]+(?=\S)"
)
# Lines longer than any usual wrap width mean one paragraph per line, not hard wrapping.
_WRAP_WIDTH = 110
_COVER_INDENT = 8  # a centred line stands this far in at least; a paragraph indent less


def _marker_style(text: str, start: int, end: int) -> str | None:
    m = _MARKER_STYLE_RE.match(text, start, end)
    return m.lastgroup if m else None


def _single(text: str, start: int, end: int) -> Block:
    if BULLET_RE.match(text, start, end):
        return block(LIST_ITEM, text, start, end, BULLET_RE)
    return block(PARAGRAPH, text, start, end)


def _split_group(text: str, lines: list[tuple[int, int]]) -> list[Block]:
    """Cut one run of non-blank lines into paragraph, heading-candidate or list blocks."""
    if len(lines) == 1:
        return [_single(text, *lines[0])]
    widths = [len(text[s:e].rstrip()) for s, e in lines]
    if max(widths) > _WRAP_WIDTH:
        # Saved from a web page or word processor: every line is a paragraph.
        return [_single(text, s, e) for s, e in lines]
    styles = [_marker_style(text, s, e) for s, e in lines]
    counts: dict[str, int] = {}
    for st in styles:
        if st:
            counts[st] = counts.get(st, 0) + 1
    list_style = next((st for st, c in counts.items() if c >= 2), None)
    if list_style:
        # A list: each marker line of its style starts an item; lines before are a lead-in.
        starts = [i for i, st in enumerate(styles) if st == list_style]
        cuts = ([0] if starts[0] else []) + starts + [len(lines)]
        blocks = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            start, end = lines[a][0], lines[b - 1][1]
            if a in starts:
                item = block(LIST_ITEM, text, start, end, LIST_MARKER_RE)
                marker = text[item.start : item.content_start].strip()
                item.label = None if BULLET_RE.match(marker + " ") else marker or None
                blocks.append(item)
            else:
                blocks.extend(_split_group(text, lines[a:b]))
        return blocks
    # A heading on the first line directly followed by text: cut it off, but only when it
    # is clearly shorter than the lines after it (a hard-wrapped paragraph is not a heading).
    first = text[lines[0][0] : lines[0][1]]
    match = match_heading(first)
    if match is not None and match.key == "caps" and _wrapped_caps(text, lines[1]):
        match = None  # a heading in capitals wrapped over two lines: judged as one block
    if match is not None:
        take = 1
        if match.strong and not match.title:
            second = text[lines[1][0] : lines[1][1]].strip()
            if match_heading(second) is None and len(second) < 120 and second[-1:] not in ".;,":
                take = 2  # "Article 1" on one line, its title on the next
        if take == 2 or (widths[0] < 0.7 * max(widths[1:]) and _starts_anew(text, lines[1])):
            head = block(PARAGRAPH, text, lines[0][0], lines[take - 1][1])
            if take == len(lines):
                return [head]
            return [head, *_split_group(text, lines[take:])]
    return [_single(text, lines[0][0], lines[-1][1])]


def _starts_anew(text: str, line: tuple[int, int]) -> bool:
    """Whether a line starts a sentence of its own (a capital, a number, a quote, a
    bullet) rather than going on with the line before it (``<link>, and ...``)."""
    first = text[line[0] : line[1]].lstrip()[:1]
    return first.isupper() or first.isdigit() or first in "\"“«‘'([*-•–—§"


def _wrapped_caps(text: str, line: tuple[int, int]) -> bool:
    """Whether the line after a line in capitals goes on with that heading (it is in
    capitals as a title line is) rather than starting the text under it."""
    second = match_heading(text[line[0] : line[1]])
    return second is not None and second.key == "caps"


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, blank)`` of each line of ``text``, its line break included."""
    if "\r" in text:
        for m in LINE_RE.finditer(text):
            yield m.start(), m.end(), _is_blank(m.group())
        return
    # Line feeds only (nearly every file): str.split finds the lines in C, twice as
    # fast as the regular expression over a long text.
    pos, n = 0, len(text)
    for line in text.split("\n"):
        if pos >= n:
            return  # nothing after the last line break
        end = min(pos + len(line) + 1, n)
        yield pos, end, not line or line.isspace()
        pos = end


def segment(text: str, underlined: bool = False) -> list[Block]:
    """Blocks tiling ``text``: blank runs, paragraphs and list items (all unclassified).

    With ``underlined``, a paragraph that opens with an underlined title (see
    :mod:`reader.core.importers.text_underlined`) starts with a heading block.
    """
    blocks: list[Block] = []
    group: list[tuple[int, int]] = []
    styles: dict[tuple[str, bool], int] = {}
    blank_start = -1

    def flush() -> None:
        lines = group
        if underlined:
            found = underlined_title(text, lines, styles)
            if found is not None:
                blocks.append(found[0])
                lines = lines[found[1] :]
        if lines:
            blocks.extend(_split_group(text, lines))

    for s, e, blank in _lines(text):
        if blank:
            if group:
                flush()
                group = []
            if blank_start < 0:
                blank_start = s
            continue
        if blank_start >= 0:
            blocks.append(Block(BLANK, blank_start, s, s, s))
            blank_start = -1
        group.append((s, e))
    if group:
        flush()
    if blank_start >= 0:
        blocks.append(Block(BLANK, blank_start, len(text), len(text), len(text)))
    return blocks


def _front_matter(text: str, blocks: list[Block], end: int) -> list[Block]:
    """The blocks with those of a header block ending at ``end`` made one furniture block."""
    if not any(b.end == end for b in blocks):
        return blocks  # the header's last line is not where a block ends: leave it as text
    head = block(FURNITURE, text, 0, end)
    head.role = "front-matter"
    return [head, *(b for b in blocks if b.start >= end)]


def _centred(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether every line is centred on one page width (a cover: title, version, date)."""
    sums, indents = [], set()
    for s, e in lines:
        raw = text[s:e].rstrip("\r\n").expandtabs()
        indent = len(raw) - len(raw.lstrip(" "))
        if indent < _COVER_INDENT:
            return False
        sums.append(2 * indent + len(raw.strip()))
        indents.add(indent)
    # Lines of about one length at one indent are centred only far in (else a quotation).
    return max(sums) - min(sums) <= 4 and (len(indents) > 1 or min(indents) >= 2 * _COVER_INDENT)


def _split_cover(text: str, blocks: list[Block]) -> None:
    """A centred paragraph opening the text is a cover: one block per line."""
    k = next((k for k, b in enumerate(blocks) if b.kind not in (BLANK, FURNITURE)), None)
    if k is None or blocks[k].kind != PARAGRAPH:
        return
    b = blocks[k]
    lines = [m.span() for m in LINE_RE.finditer(text, b.start, b.end)]
    if len(lines) >= 2 and _centred(text, lines):
        blocks[k : k + 1] = [block(PARAGRAPH, text, s, e) for s, e in lines]


def from_string(text: str, filename: str | None = None, encoding: str | None = None) -> Document:
    """Parse already decoded plain text: a header block at the top states metadata,
    underlined titles are headings, a centred opening paragraph is a cover."""
    blocks = segment(text, underlined=True)
    header = read_header(text)
    hints = None
    if header is not None:
        end, hints = header
        blocks = _front_matter(text, blocks, end)
    _split_cover(text, blocks)
    return build_document(text, blocks, "text", encoding=encoding, filename=filename, hints=hints)


def parse(data: bytes, filename: str | None = None) -> Document:
    """Parse the bytes of a plain-text file."""
    text, encoding = decode(data, filename or "document")
    return from_string(text, filename, encoding)
