"""Parse XML from files we did not write: size and depth capped, no DTD, UTF-8 or UTF-16.

Every refusal is one line naming the file, raised as the caller's error type (a
codebook's :class:`RefiQdaError`, a Word file's :class:`DocumentError`), so any
importer of an XML format can use :func:`parse_xml` as it is.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from reader.core.errors import ReaderError
from reader.core.limits import MAX_XML_BYTES, MAX_XML_DEPTH

# Encodings expat reads itself; anything else would go through a Python codec of a
# guessed name (or fail deep inside the parser). XML files in the wild are UTF-8.
SUPPORTED_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"}
_DECLARATION = re.compile(rb"\A<\?xml\s[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_DECLARED_ENCODING = re.compile(r"(\A<\?xml\s[^>]*?encoding\s*=\s*[\"'])[^\"']*([\"'])")


class _Builder(ET.TreeBuilder):
    """Builds the tree, refusing a DTD (the start of every entity trick: billion laughs,
    external entities) and elements nested deeper than ``max_depth``."""

    def __init__(self, error: type[ReaderError], max_depth: int) -> None:
        super().__init__()
        self.error, self.max_depth, self.depth = error, max_depth, 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.depth += 1
        if self.depth > self.max_depth:
            raise self.error(f"elements are nested more than {self.max_depth} deep")
        return super().start(tag, attrs)

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag)

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise self.error("it declares a DOCTYPE or entities, which it may not")


def _as_utf8(data: bytes, error: type[ReaderError]) -> bytes:
    """``data`` as UTF-8 bytes expat reads without any codec of ours; raises ``error``
    for an encoding we do not read."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise error("it is UTF-32, which is not supported (save it as UTF-8)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise error("it starts with a UTF-16 byte-order mark but is not UTF-16") from None
        return _DECLARED_ENCODING.sub(r"\1utf-8\2", text, count=1).encode("utf-8")
    m = _DECLARATION.match(data.removeprefix(codecs.BOM_UTF8))
    declared = m.group(1).decode("ascii", "replace").strip().lower() if m else "utf-8"
    if declared in ("utf-16", "utf16", "utf-16le", "utf-16be", "ucs-2"):
        raise error(f"it declares the encoding {declared!r} but has no UTF-16 byte-order mark")
    if declared not in SUPPORTED_ENCODINGS:
        raise error(
            f"it declares the encoding {declared!r}, which is not supported "
            "(UTF-8, or UTF-16 with a byte-order mark)"
        )
    return data


def parse_xml(
    data: bytes,
    what: str,
    error: type[ReaderError] = ReaderError,
    *,
    max_bytes: int = MAX_XML_BYTES,
    max_depth: int = MAX_XML_DEPTH,
    hint: Callable[[bytes, ET.ParseError], str] | None = None,
) -> ET.Element:
    """The root element of ``data``; raises ``error`` with one line naming ``what``
    (``hint`` may add to the message of malformed XML what a known tool got wrong)."""
    if len(data) > max_bytes:
        raise error(f"{what}: larger than {max_bytes // 2**20} MB")
    try:
        parser = ET.XMLParser(target=_Builder(error, max_depth))
        parser.feed(_as_utf8(data, error))
        return parser.close()
    except ReaderError as exc:
        raise error(f"{what}: {exc}") from None
    except ET.ParseError as exc:
        more = hint(data, exc) if hint else ""
        raise error(f"{what}: not well-formed XML ({exc}){more}") from None
    except (ValueError, LookupError) as exc:  # an encoding expat cannot take after all
        raise error(f"{what}: cannot be read as XML ({exc})") from None


def local_name(element: ET.Element) -> str:
    """``{urn:...}Code`` -> ``Code``."""
    return element.tag.rpartition("}")[2]


def namespace(element: ET.Element) -> str:
    """``{urn:...}Code`` -> ``urn:...`` ("" when none)."""
    return element.tag[1:].partition("}")[0] if element.tag.startswith("{") else ""
