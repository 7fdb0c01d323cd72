"""Sections a web page marks in bold rather than with heading elements.

A paragraph all in bold (``<p><strong>NO WARRANTY</strong></p>``,
``<p><b>1. Rights.</b></p>``) is a heading in the page's own markup, whatever
convention its line follows; a bold number alone leading a paragraph
(``<p><strong>3.</strong> Text ...``) is an untitled numbered section, as ``第一条``
is. :mod:`reader.core.heading_context` keeps them when the page has a series of them
(one alone is emphasis), and :func:`groups_series` says how an unnumbered one nests.
"""

from __future__ import annotations

import re

from reader.core.heading_context import Candidate
from reader.core.headings import HeadingMatch, looks_like_title, numbering
from reader.core.model import Block
from reader.core.shown_text import ShownText


def without_full_stop(title: str) -> str:
    """A heading's title without the full stop some styles end it with."""
    return title[:-1] if re.search(r"[^\W\d_]{2}\.$", title) else title


_BOLD_NUMBER_RE = re.compile(r"(\d{1,3})([.)])")


def bold_candidate(
    shown: ShownText, blocks: list[Block], i: int, bold: int, found: Candidate | None
) -> Candidate | None:
    """A paragraph that opens in bold (``bold`` characters of it): all bold, a heading
    in the page's own markup, whatever convention its line follows; a bold number alone
    leading it (``<strong>3.</strong> Text ...``), an untitled numbered section. The
    context decides (a series of them is how the page marks its sections)."""
    b = blocks[i]
    line = shown.line(b)
    if bold >= b.content_end - b.content_start:
        if found is not None:
            found.bold = True
            return found
        if "\n" in line:
            return None
        m = numbering(line)  # "1. Rights and Duties.": the number split off its title
        if m is not None and looks_like_title(m.title.rstrip(".:"), strong=True):
            m.title = without_full_stop(m.title)
            return Candidate(i, m.key, m.label, m.title, match=m, bold=True)
        if not looks_like_title(line.rstrip(".:"), strong=True):
            return None
        m = HeadingMatch("bold", None, line)
        return Candidate(i, m.key, None, line, match=m, bold=True)
    n = _BOLD_NUMBER_RE.fullmatch(line[:bold].strip())
    if n is None:
        return found
    value, sep = n.groups()
    m = HeadingMatch(f"num{sep}", f"{value}{sep}", "", int(value))
    return Candidate(i, m.key, m.label, "", match=m, run_in_end=b.content_start + bold, bold=True)


def unnumbered_bold(c: Candidate) -> bool:
    """A bold heading without a number (``NO WARRANTY``, ``Statement of Purpose``)."""
    return c.bold and c.match is not None and c.match.value is None


def groups_series(cands: list[Candidate], k: int) -> bool:
    """Whether the unnumbered bold heading ``cands[k]`` stands inside a numbering that
    goes on across it (``10.``, NO WARRANTY, ``11.``): it groups the rest of the series."""
    if k == 0 or k + 1 >= len(cands):
        return False
    before, after = cands[k - 1].match, cands[k + 1].match
    return (
        before is not None
        and after is not None
        and before.value is not None
        and cands[k - 1].key == cands[k + 1].key
        and after.value == before.value + 1
    )
