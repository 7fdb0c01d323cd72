"""Running headers and footers, page numbers and footnotes: what is on a page but not in
its text flow.

Running lines are found by where they stand (the top or bottom band of the page, or
outside the visible page altogether) and by repeating across pages once their numbers
are masked: ``CHAPTER 3 PAGE 12`` and ``NIST SP 800-223 ... iv`` repeat as
``chapter # page #`` and ``nist sp #-# ... #``. Footnotes are the smaller lines closing a
column at the foot of a page that start with a note number or sign.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from reader.core.headings import match_heading
from reader.core.importers.pdf.layout import Placed
from reader.core.importers.pdf.lines import Line

_ZONE = 0.1  # share of the page height at the top and bottom where running lines live
_REPEAT_SHARE = 0.4  # of pages: alternating left/right headers each appear on half
_MAX_RUNNING_CHARS = 160
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-\u2013\u2014)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?$",
    re.I,
)
_ROMAN_TOKEN_RE = re.compile(r"\b[ivxlcdm]{1,7}\b", re.I)
_NOTE_START_RE = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|\(\d{1,3}\)|\[\d{1,3}\])\s*\S")
_LIST_NUMBER_RE = re.compile(r"^\[?(\d{1,3})[.\]]\s")
_FOOT_SIZE = 0.93  # footnotes are set smaller than the body
_FOOT_ZONE = 0.45  # ... and start in the lower part of the page


def _key(text: str) -> str:
    """Running lines repeat up to their page numbers: compare them with numbers masked.
    "Article 3" at the top of page 3 and "Article 4" on page 4 are headings, not a
    running header: a line that reads as a heading only repeats unmasked."""
    if match_heading(text) is not None:
        return " ".join(text.lower().split())
    masked = re.sub(r"\d+", "#", text.lower())
    masked = _ROMAN_TOKEN_RE.sub("#", masked)
    return " ".join(masked.split())


def _zone(line: Line, height: float) -> str | None:
    if line.bottom <= 0 or line.top < _ZONE * height:
        return "page-header"
    if line.top >= height or line.bottom > (1 - _ZONE) * height:
        return "page-footer"
    return None


def running_roles(pages: list[list[Line]], heights: list[float]) -> list[dict[int, str]]:
    """For each page, the furniture role of each running line (by index in its list)."""
    seen: dict[str, Counter[str]] = {"page-header": Counter(), "page-footer": Counter()}
    for lines, height in zip(pages, heights, strict=True):
        keys = {(z, _key(ln.text)) for ln in lines if (z := _zone(ln, height)) is not None}
        for where, key in keys:
            seen[where][key] += 1
    need = max(2, math.ceil(_REPEAT_SHARE * len(pages)))
    repeated = {zone: {k for k, c in keys.items() if c >= need} for zone, keys in seen.items()}
    titles = _section_headers(pages, heights, repeated)
    out: list[dict[int, str]] = []
    for n, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        roles: dict[int, str] = {}
        for i, line in enumerate(lines):
            zone = _zone(line, height)
            if zone is None or len(line.text) > _MAX_RUNNING_CHARS:
                continue
            if line.top >= height or line.bottom <= 0:
                roles[i] = zone  # printed outside the visible page: a printer's slug
            elif _PAGE_NUMBER_RE.match(line.text):
                roles[i] = "page-number"
            elif seen[zone][_key(line.text)] >= need or (n, i) in titles:
                roles[i] = zone
        out.append(roles)
    return out


def _section_headers(
    pages: list[list[Line]], heights: list[float], running: dict[str, set[str]]
) -> set[tuple[int, int]]:
    """``(page, line)`` of running headers and footers that carry the current chapter's
    or section's title ("Chapter 1. About this manual", "1.4. Related documents" on the
    pages of that section): a line in the top or bottom band that reads as a heading,
    that another page repeats there or a heading printed before it holds, set at the
    height of the running lines that repeat (``running``: their keys, by zone). A true
    heading is printed once."""
    # The band: the heights of the running lines that repeat (a heading at the top of a
    # page's text stands lower, where the text starts on every page).
    levels = {
        (zone, round(ln.top))
        for lines, height in zip(pages, heights, strict=True)
        for ln in lines
        if (zone := _zone(ln, height)) is not None and _key(ln.text) in running[zone]
    }
    bands: dict[tuple[str, str], list[tuple[int, int]]] = {}
    first_seen: dict[str, int] = {}  # where each heading-like line is first printed
    for n, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for i, line in enumerate(lines):
            if len(line.text) > _MAX_RUNNING_CHARS or match_heading(line.text) is None:
                continue
            # ("1.4 Related documents" heads the section, "1.4. Related documents" runs)
            key = " ".join(re.sub(r"[\W_]+", " ", line.text.lower()).split())
            zone, y = _zone(line, height), round(line.top)
            if zone and {(zone, y - 1), (zone, y), (zone, y + 1)} & levels:
                bands.setdefault((zone, key), []).append((n, i))
            else:
                first_seen.setdefault(key, n)
    out: set[tuple[int, int]] = set()
    for (_, key), where in bands.items():
        if len(where) >= 2 or (key in first_seen and first_seen[key] <= where[0][0]):
            out.update(where)
    return out


def body_size(pages: list[list[Line]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def mark_footnotes(
    placed: list[Placed], height: float, body: float, contents: set[int] | frozenset = frozenset()
) -> dict[int, bool]:
    """Indexes (into ``placed``) of footnote lines, each mapped to whether it starts a
    note. A footnote run is the tail of a region: smaller than the body, in the lower
    part of the page, its first line starting with a note number or sign. Lines of a
    table of contents (``contents``) are never notes."""
    out: dict[int, bool] = {}
    by_region: dict[int, list[int]] = {}
    for i, p in enumerate(placed):
        by_region.setdefault(p.block, []).append(i)
    for idxs in by_region.values():
        start = None
        for k in range(len(idxs) - 1, -1, -1):
            ln = placed[idxs[k]].line
            if ln.size >= _FOOT_SIZE * body or placed[idxs[k]].cells or idxs[k] in contents:
                break
            if ln.top < _FOOT_ZONE * height:
                break
            if _starts_note(ln):
                start = k
        if start is None or _numbered_list([placed[i].line for i in idxs[start:]]):
            continue
        for k in range(start, len(idxs)):
            ln = placed[idxs[k]].line
            out[idxs[k]] = _starts_note(ln)
    return out


def _numbered_list(lines: list[Line]) -> bool:
    """Entries numbered "1.", "2." ... (or "[1]") in plain type, five or more in a row:
    a list of references set small at the foot of a column, not the page's footnotes
    (whose numbers are raised, or stand bare before the note)."""
    numbers = [
        int(m.group(1))
        for ln in lines
        if ln.lead_mark is None and (m := _LIST_NUMBER_RE.match(ln.text))
    ]
    run = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return run >= 4


def _starts_note(line: Line) -> bool:
    return line.lead_mark is not None or bool(_NOTE_START_RE.match(line.text))
