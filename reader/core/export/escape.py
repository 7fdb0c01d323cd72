"""Escape text so that Markdown shows it literally.

An excerpt or a note may contain ``#``, ``*``, ``[x](y)`` or ``<script>``: escaped,
they cannot start a heading, a list, a link or raw HTML in the exported file.
"""

from __future__ import annotations

import json
import re

# Characters with inline meaning in CommonMark and its common extensions (tables,
# strikethrough, Obsidian/Pandoc math); every ASCII punctuation may be backslash-escaped.
_INLINE_RE = re.compile(r"([\\`*_\[\]<>#|~!&$])")
# Control characters have no place in a text export (CommonMark would show NUL as U+FFFD).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What makes a line a list item, heading underline or numbered item at its start.
_LINE_START_RE = re.compile(r"^([-+=])|^(\d{1,9})([.)])", re.M)
_LINE_STARTS = frozenset("-+=")


def escape_inline(text: str) -> str:
    """``text`` as literal Markdown, on one line (white space runs become one space)."""
    return _escape(" ".join(text.split()))


def escape_lines(text: str) -> list[str]:
    """``text`` as literal Markdown lines (line breaks kept, leading indentation dropped)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The lines, each stripped, are escaped together: every rule but the one for a
    # line's first characters works character by character, and that one is read at
    # each line's start (re.M), so this is each line escaped on its own, with one
    # pass of each expression instead of one a line (an export has many thousands).
    return _escape("\n".join([line.strip() for line in text.split("\n")])).split("\n")


def _escape(line: str) -> str:
    if not line.isprintable():  # control characters are not printable (nor are line breaks)
        line = CONTROL_RE.sub("", line)
    if _INLINE_RE.search(line):  # most prose has none: a search is cheaper than a sub
        line = _INLINE_RE.sub(r"\\\1", line)
    first = line[:1]
    if first not in _LINE_STARTS and not first.isdecimal() and "\n" not in line:
        return line  # the only first characters _LINE_START_RE matches (of one line)
    return _LINE_START_RE.sub(_escape_line_start, line)


def _escape_line_start(m: re.Match[str]) -> str:
    return "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3)


def code_span(text: str) -> str:
    """``text`` as an inline code span, with a fence longer than any backtick run in it."""
    text = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# In a YAML double-quoted scalar: what YAML cannot hold as it is (controls, C1, line and
# paragraph separators, BOM, surrogates, noncharacters), the quote and backslash, and
# what Markdown or HTML would act on if a renderer showed the front matter as text.
_YAML_ESCAPE_RE = re.compile(
    '[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"\\\\<>&\\[\\]]'
)


def _yaml_escape(m: re.Match[str]) -> str:
    char = m.group()
    return "\\" + char if char in '"\\' else f"\\u{ord(char):04x}"


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line, everything escaped that YAML
    or a Markdown renderer could read as more than text (``<`` is ``\\u003c``). The
    escapes are JSON's too: the line is valid YAML 1.1, 1.2 and JSON."""
    return '"' + _YAML_ESCAPE_RE.sub(_yaml_escape, text) + '"'


def yaml_value(value: object) -> str:
    """A YAML scalar or flow list of scalars (strings through :func:`yaml_string`)."""
    if isinstance(value, str):
        return yaml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    return json.dumps(value)
