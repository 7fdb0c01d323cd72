"""REFI-QDA's error type and its XML reading: :mod:`reader.core.safe_xml` (size and depth
capped, no DTD, UTF-8 or UTF-16) raising :class:`RefiQdaError`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reader.core import safe_xml
from reader.core.errors import ReaderError
from reader.core.limits import MAX_XML_BYTES
from reader.core.safe_xml import local_name, namespace

__all__ = ["MAX_XML_BYTES", "RefiQdaError", "local_name", "namespace", "parse_xml"]


class RefiQdaError(ReaderError):
    """A REFI-QDA file that cannot be read or is not valid; nothing was imported."""


def parse_xml(data: bytes, what: str) -> ET.Element:
    """The root element of ``data``; raises :class:`RefiQdaError` naming ``what``."""
    return safe_xml.parse_xml(data, what, RefiQdaError, max_bytes=MAX_XML_BYTES)
