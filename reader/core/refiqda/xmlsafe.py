"""REFI-QDA's error type and its XML reading: :mod:`reader.core.safe_xml` (size and depth
capped, no DTD, UTF-8 or UTF-16) raising :class:`RefiQdaError`, with a hint for the
unescaped memos some tools write."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reader.core import safe_xml
from reader.core.errors import ReaderError
from reader.core.limits import MAX_XML_BYTES
from reader.core.safe_xml import local_name, namespace

__all__ = ["MAX_XML_BYTES", "RefiQdaError", "local_name", "namespace", "parse_xml"]

_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z]\w*|#\d+|#x[0-9A-Fa-f]+);)")


class RefiQdaError(ReaderError):
    """A REFI-QDA file that cannot be read or is not valid; nothing was imported."""


def parse_xml(data: bytes, what: str) -> ET.Element:
    """The root element of ``data``; raises :class:`RefiQdaError` naming ``what``."""
    return safe_xml.parse_xml(data, what, RefiQdaError, max_bytes=MAX_XML_BYTES, hint=_unescaped)


def _unescaped(data: bytes, exc: ET.ParseError) -> str:
    """A hint when the error sits on a bare ``&`` or ``<`` in text: QualCoder writes
    annotation memos into ``PlainTextContent`` without escaping them."""
    line, column = getattr(exc, "position", (0, 0))
    lines = data.splitlines()
    if not 0 < line <= len(lines):
        return ""
    text = lines[line - 1].decode("utf-8", "replace")
    if "<" in text[max(0, column - 1) : column + 1] or _BARE_AMPERSAND.search(text[: column + 1]):
        return "; an '&' or '<' in a text is not escaped (as QualCoder writes some memos)"
    return ""
