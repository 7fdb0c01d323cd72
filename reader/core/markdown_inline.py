"""Markdown inline markup: what a reader of the rendered page does not see as text.

The stored text of a Markdown document is its source, markup and all. This module
finds, in a span of that source, the pieces a rendered page does not show as written:
emphasis delimiters (``**``, ``_``, ``~~``), a link's brackets and address (its text
stays), an image's ``![`` and address (its alt text stays), inline HTML tags and
comments, character references (``&#8212;`` shows as ``—``), backslash escapes,
code-span backticks, footnote references (``[^19]``) and attribute lists
(``{: #from}``, ``{:toc}``, ``{#id}``).

Each piece is a :class:`Markup`: a source span and what is shown in its place (usually
nothing). The stored text never changes; :mod:`reader.core.shown_text` and the reading
view apply the pieces to show clean text over exact source offsets. The rules follow
CommonMark loosely: emphasis pairs its delimiters by the nearest opener of the same
character, leniently enough for text converted from HTML (``Purpose*.*``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import NamedTuple

# Where a piece of markup can start: a C-level search finds the next one, and only
# there is the (slower) token pattern tried.
MARKUP_START_RE = re.compile(r"[`\\<&\[\]*_~{]")

_TOKEN_RE = re.compile(
    r"(?P<code>`+)"
    r"|(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<brk>\\(?=\r?\n))"
    r"|(?P<comment><!--)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*"
    r"(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:\"[^\"]{0,1000}\"|'[^']{0,1000}'|[^\s\"'=<>`]+))?)*"
    r"\s*/?>)"
    r"|(?P<auto><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2000}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)"
    r"|(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<fn>\[\^[^\]\s]{1,40}\]:?)"
    r"|(?P<ial>\{:[^{}\n]{0,200}\}|\{[#.][^{}\s][^{}\n]{0,200}\})"
    r"|(?P<lbr>\[)"
    r"|(?P<dest>\]\((?:[^()\s]|\([^()\s]*\))*"
    r"(?:\s+(?:\"[^\"]{0,500}\"|'[^']{0,500}'|\([^()]{0,500}\)))?\s*\)|\]\[[^\[\]]{0,200}\])"
    r"|(?P<rbr>\])"
    r"|(?P<delim>\*+|_+|~~+)",
    re.S,
)
_SUPERSCRIPT = str.maketrans(
    "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


class Markup(NamedTuple):
    """A piece of source ``[start, end)`` that is shown as ``shown`` (often nothing).

    A tuple: a long document has hundreds of thousands of them."""

    start: int
    end: int
    shown: str = ""


@dataclass(slots=True)
class _Run:
    """A run of emphasis delimiters still open: its start and how many are left."""

    start: int
    left: int


def _footnote(token: str, notes: bool) -> str:
    """A footnote reference as the page shows it: a superscript number (``[^19]`` gives
    ``¹⁹``), a bracketed name; nothing at all where ``notes`` is false (a title)."""
    if not notes:
        return ""
    name = token[2:].rstrip(":")[:-1]
    return name.translate(_SUPERSCRIPT) if name.isdigit() else f"[{name}]"


def _pair(
    text: str,
    s: int,
    e: int,
    bounds: tuple[int, int],
    openers: dict[str, list[_Run]],
    out: list[Markup],
) -> None:
    """Match the delimiter run ``text[s:e]`` with open runs of its character before it;
    the delimiters that pair up are hidden (from an opener's inner end, a closer's inner
    start). One stack per character keeps a long run of lone delimiters linear."""
    char = text[s]
    before = text[s - 1] if s > bounds[0] else " "
    after = text[e] if e < bounds[1] else " "
    can_open, can_close = not after.isspace(), not before.isspace()
    if char == "_":  # snake_case words keep their underscores
        can_open = can_open and not before.isalnum()
        can_close = can_close and not after.isalnum()
    stack = openers.get(char)
    pos, left = s, e - s
    while can_close and left and stack:
        opener = stack[-1]
        if char == "~" and (opener.left < 2 or left < 2):
            break  # strikethrough takes two tildes a side
        use = 2 if opener.left >= 2 and left >= 2 else 1
        opener.left -= use
        out.append(Markup(opener.start + opener.left, opener.start + opener.left + use))
        out.append(Markup(pos, pos + use))
        pos, left = pos + use, left - use
        if not opener.left:
            stack.pop()
    if can_open and left:
        openers.setdefault(char, []).append(_Run(pos, left))


def inline_markup(text: str, start: int, end: int, notes: bool = True) -> list[Markup]:
    """The inline markup in ``text[start:end]``, in source order, never overlapping.

    :param notes: show footnote references as superscript numbers (the reading view);
        when false they are left out altogether (titles).
    """
    out: list[Markup] = []
    openers: dict[str, list[_Run]] = {}
    brackets: list[Markup] = []  # the "[" (or "![") of each open bracket
    # Closers looked for and not found: none further on either (keeps it linear).
    unclosed: set[str] = set()
    pos = start
    for at in MARKUP_START_RE.finditer(text, start, end):
        if at.start() < pos:
            continue  # inside a piece already taken
        m = _TOKEN_RE.match(text, at.start(), end)
        if m is None:
            continue
        kind, s, e = m.lastgroup, m.start(), m.end()
        pos = e
        if kind == "delim":  # the commonest: emphasis
            _pair(text, s, e, (start, end), openers, out)
        elif kind in ("code", "comment"):
            ticks = m.group()
            close = None
            if ticks not in unclosed:
                closing = rf"(?<!`){ticks}(?!`)" if kind == "code" else "-->"
                close = re.compile(closing).search(text, e, end)
            if close is None:
                unclosed.add(ticks)  # a lone backtick is a backtick
                pos = e if kind == "code" else s + 1
                continue
            if kind == "code":
                out += [Markup(s, e), Markup(close.start(), close.end())]
            else:
                out.append(Markup(s, close.end()))
            pos = close.end()
        elif kind in ("esc", "brk"):
            out.append(Markup(s, s + 1))
        elif kind == "br":
            out.append(Markup(s, e, " "))
        elif kind in ("tag", "ial"):
            out.append(Markup(s, e))
        elif kind == "auto":
            out += [Markup(s, s + 1), Markup(e - 1, e)]
        elif kind == "ent":
            shown = unescape(m.group())
            if shown != m.group():
                out.append(Markup(s, e, shown))
        elif kind == "fn":
            out.append(Markup(s, e, _footnote(m.group(), notes)))
        elif kind == "lbr":
            image = s > start and text[s - 1] == "!" and text[s - 2 : s - 1] != "\\"
            brackets.append(Markup(s - 1 if image else s, e))
        elif kind == "dest":
            if brackets:
                out += [brackets.pop(), Markup(s, e)]
            else:
                pos = s + 1  # a "]" that opened nothing: look again after it
        elif kind == "rbr" and brackets:
            brackets.pop()
    out.sort()
    return out
