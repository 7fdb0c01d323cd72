"""A header block at the top of a plain-text file: ``Key: value`` lines as e-mail
(RFC 822) writes them, and the documents that follow its form (Python PEPs, RFC
drafts, memos)::

    PEP: 13
    Title: Python Language Governance
    Author: The Python core team and community
    Created: 16-Dec-2018

The block states the document's metadata, as YAML front matter does in Markdown: its
title (``Title``, else ``Subject``), date (``Date``, ``Created``, ``Published`` ...)
and source (``Publisher``, ``Source``, ``Author``, ``From`` ...). A value may go on
over indented lines. The block stays in the text, set apart as front matter.
"""

from __future__ import annotations

import re

from reader.core.dates import find_date
from reader.core.metadata import Metadata

_FIELD_RE = re.compile(
    r"(?P<key>[A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+){0,2}):(?:[ \t]+(?P<value>\S.*?))?[ \t]*$"
)
_TITLE_KEYS = ("title", "subject")
_DATE_KEYS = ("date", "created", "published", "issued", "updated")
_SOURCE_KEYS = ("publisher", "source", "organization", "organisation", "author", "from")
_KNOWN = frozenset((*_TITLE_KEYS, *_DATE_KEYS, *_SOURCE_KEYS))
_MAX_LINES = 60  # a header is short; a longer run of "Key: value" lines is a table
_EMAIL_RE = re.compile(r"\s*<[^<>@\s]+@[^<>\s]+>")


def _fields(lines: list[str]) -> list[list[str]] | None:
    """The ``[key, value]`` fields of ``lines`` (keys in lower case, values folded), or
    None when a line is neither a field nor the continuation of one."""
    fields: list[list[str]] = []
    for line in lines:
        if line[:1] in (" ", "\t"):
            if not fields:
                return None
            fields[-1][1] = f"{fields[-1][1]} {line.strip()}".strip()
            continue
        m = _FIELD_RE.fullmatch(line)
        if m is None:
            return None
        fields.append([m.group("key").lower(), m.group("value") or ""])
    return fields


def _name(value: str) -> str | None:
    """A name list without the e-mail addresses written after each name."""
    name = " ".join(_EMAIL_RE.sub("", value).split()).strip(" ,;")
    return name or None


def read_header(text: str) -> tuple[int, Metadata] | None:
    """Where a header block at the very top of ``text`` ends (the offset after its last
    line) and what it states, or None when the text does not open with one.

    A header block is the first paragraph, two or more ``Key: value`` fields, at least
    one of them a field that says what the document is (a title, subject, date or
    author).
    """
    lines: list[str] = []
    end = 0
    for raw in text[:8192].splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if not line.strip() or len(lines) >= _MAX_LINES:
            break
        lines.append(line)
        end += len(raw)
    if len(lines) < 2:
        return None
    found = _fields(lines)
    if found is None or len(found) < 2:
        return None
    fields: dict[str, str] = {}
    for key, value in found:
        fields.setdefault(key, value)  # a repeated key: the first one states it
    if not _KNOWN & set(fields):
        return None
    meta = Metadata(title_wins=True)
    meta.title = next((" ".join(fields[k].split()) for k in _TITLE_KEYS if fields.get(k)), None)
    for k in _DATE_KEYS:
        dated = find_date(fields.get(k, ""))
        if dated:
            meta.date = dated[0]
            break
    meta.source = next((_name(fields[k]) for k in _SOURCE_KEYS if fields.get(k)), None)
    return end, meta
