"""Parsing XML from files we did not write: size-capped, no DTDs, one-line errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reader.core.errors import ReaderError

MAX_XML_BYTES = 200 * 1024 * 1024  # a project.qde with a million codings stays well below


_BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z]\w*|#\d+|#x[0-9A-Fa-f]+);)")


class RefiQdaError(ReaderError):
    """A REFI-QDA file that cannot be read or is not valid; nothing was imported."""


class _NoDoctype(ET.TreeBuilder):
    """Refuses any document type declaration: the start of every entity trick
    (billion laughs, external entities). REFI-QDA files never need one."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise RefiQdaError("it declares a DOCTYPE or entities, which REFI-QDA files never do")


def parse_xml(data: bytes, what: str) -> ET.Element:
    """The root element of ``data``; raises :class:`RefiQdaError` naming ``what``."""
    if len(data) > MAX_XML_BYTES:
        raise RefiQdaError(f"{what}: larger than {MAX_XML_BYTES // 2**20} MB")
    parser = ET.XMLParser(target=_NoDoctype())
    try:
        parser.feed(data)
        return parser.close()
    except RefiQdaError as exc:
        raise RefiQdaError(f"{what}: {exc}") from None
    except ET.ParseError as exc:
        raise RefiQdaError(f"{what}: not well-formed XML ({exc}){_unescaped(data, exc)}") from None


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


def local_name(element: ET.Element) -> str:
    """``{urn:...}Code`` -> ``Code``."""
    return element.tag.rpartition("}")[2]


def namespace(element: ET.Element) -> str:
    """``{urn:...}Code`` -> ``urn:...`` ("" when none)."""
    return element.tag[1:].partition("}")[0] if element.tag.startswith("{") else ""
