"""Headings underlined, or over- and underlined, in plain text: the section titles of
reStructuredText and of setext (Markdown written as plain text)::

    Abstract            ==========
    ========            Governance
                        ==========

An adornment is one punctuation character repeated on a line of its own. Each style
(the character, with or without an overline) is a heading level, given in the order
the styles first appear in the document, as reStructuredText defines. A title starts
its paragraph (a blank line or the top of the file before it), is one line, and its
adornment is about as long as it or longer: a rule under a paragraph's last line, or
a short dash line under a long one, is not a heading.
"""

from __future__ import annotations

import re

from reader.core.model import HEADING, Block

# One punctuation character (the ASCII ones reStructuredText allows), three or more times.
_ADORNMENT_RE = re.compile(r"[ ]{0,3}([!-/:-@\[-`{-~])\1{2,}[ \t]*")
_SLACK = 2  # an underline may fall this many characters short of its title
_MAX_TITLE = 120


def _adornment(text: str, span: tuple[int, int]) -> str | None:
    """The line's adornment (stripped), or None when it is not one."""
    line = text[span[0] : span[1]].rstrip("\r\n")
    return line.strip() if _ADORNMENT_RE.fullmatch(line) else None


def _title(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The content span of a title line, or None when the line cannot be a title."""
    s, e = span
    while s < e and text[s] in " \t":
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s == e or e - s > _MAX_TITLE or _ADORNMENT_RE.fullmatch(text[s:e]):
        return None
    return s, e


def underlined_title(
    text: str, lines: list[tuple[int, int]], styles: dict[tuple[str, bool], int]
) -> tuple[Block, int] | None:
    """The underlined heading that opens a paragraph's ``lines``, and how many lines it
    takes (2, or 3 with an overline); None when the paragraph does not open with one.

    ``styles`` maps each adornment style seen so far to its level; a new style gets
    the next level.
    """
    if len(lines) < 2:
        return None
    over = _adornment(text, lines[0])
    if over is not None and len(lines) >= 3:
        title, under, n = _title(text, lines[1]), _adornment(text, lines[2]), 3
        if under != over:
            return None
    elif over is None:
        title, under, n = _title(text, lines[0]), _adornment(text, lines[1]), 2
    else:
        return None
    if title is None or under is None or len(under) < title[1] - title[0] - _SLACK:
        return None
    style = (under[0], n == 3)
    level = styles.setdefault(style, len(styles) + 1)
    b = Block(HEADING, lines[0][0], lines[n - 1][1], title[0], title[1], level=level)
    b.title = " ".join(text[title[0] : title[1]].split())
    return b, n
