"""YAML front matter at the top of a Markdown file: the scalars it states at the top level.

Only what the importer needs is read (``title``, ``date``, ``source`` and the like), but
those as YAML writes them: plain scalars folded over several lines (a long ``title:``
that a converter wrapped), single- and double-quoted scalars, and ``>``/``|`` block
scalars. Nested mappings and sequences are skipped. Nothing here fails: front matter
that is not YAML states nothing.
"""

from __future__ import annotations

import re

_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w -]*?)\s*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_COMMENT_RE = re.compile(r"[ \t]+#.*$")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0", " ": " "}


def _fold(lines: list[str]) -> str:
    """Lines of a flow scalar as YAML folds them: a line break is a space, an empty
    line a line break."""
    out: list[str] = []
    for line in lines:
        if not line:
            out.append("\n")
        elif out and out[-1] not in ("\n", ""):
            out += [" ", line]
        else:
            out.append(line)
    return "".join(out)


def _quoted(text: str) -> str:
    """The content of a quoted scalar (already folded), up to its closing quote."""
    quote, out, i = text[0], [], 1
    while i < len(text):
        c = text[i]
        if quote == "'" and c == "'":
            if text[i + 1 : i + 2] != "'":
                break
            out.append("'")
            i += 2
            continue
        if quote == '"' and c == '"':
            break
        if quote == '"' and c == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                out.append(chr(int(text[i + 2 : i + 6], 16)))
                i += 6
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _block(header: str, lines: list[str]) -> str:
    """A ``|`` (literal) or ``>`` (folded) block scalar, its final line breaks chomped
    as its header says (``-`` none, ``+`` all, else one)."""
    indent = min((len(x) - len(x.lstrip(" ")) for x in lines if x.strip()), default=0)
    body = [x[indent:].rstrip() if header[0] == ">" else x[indent:] for x in lines]
    trailing = 0
    while body and not body[-1].strip():
        body.pop()
        trailing += 1
    text = _fold(body) if header[0] == ">" else "\n".join(body)
    if not text or "-" in header:
        return text
    return text + "\n" * (1 + (trailing if "+" in header else 0))


def scalar(first: str, more: list[str]) -> str | None:
    """The scalar value of a key whose line ends with ``first`` and goes on over the
    indented lines ``more``; None when the value is a mapping or a sequence."""
    first = first.strip()
    if first[:1] in ("|", ">"):
        return _block(first, more)
    stripped = [x.strip() for x in more]
    while stripped and not stripped[-1]:
        stripped.pop()
    if first[:1] in ("'", '"'):
        return _quoted(_fold([first, *stripped]))
    if not first and stripped and stripped[0][:1] in ("-", "[", "{", "?"):
        return None
    if first[:1] in ("[", "{", "&", "*", "!") or (not first and not stripped):
        return None  # a flow collection, an alias or tag, or nothing (null)
    lines = [_COMMENT_RE.sub("", x) for x in (first, *stripped)]
    if any(_KEY_RE.match(x) for x in lines[1:]):
        return None  # a nested mapping, not a scalar going on
    value = _fold(lines)
    return None if value in ("~", "null", "Null", "NULL") else value


def read_front_matter(lines: list[str]) -> dict[str, str]:
    """The top-level scalars of front matter ``lines`` (without the ``---`` fences),
    keys in lower case; the first of a repeated key wins."""
    out: dict[str, str] = {}
    i = 0
    while i < len(lines):
        m = _KEY_RE.match(lines[i])
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j][:1] in (" ", "\t")):
            j += 1
        if m is not None:
            value = scalar(m.group("value") or "", lines[i + 1 : j])
            key = m.group("key").strip().lower()
            if value is not None and key not in out:
                out[key] = value
        i = j
    return out
