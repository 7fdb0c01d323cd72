"""Team exchange files: a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

Each annotation targets its document by fingerprint (``urn:sha256:<id>``) and title,
with a ``TextQuoteSelector`` and a ``TextPositionSelector``; tags are ``tagging``
bodies, the note a ``commenting`` body, and the colour a CSS ``styleClass`` with its
``stylesheet``, as the model provides for styling.

Reading such a file back is :mod:`reader.core.exchange.validation`'s job.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reader import __version__
from reader.core.anchoring import Selectors
from reader.core.errors import ReaderError
from reader.core.limits import (  # noqa: F401 - the limits of an exchange file, named here too
    MAX_ANNOTATIONS,
    MAX_CONTEXT,
    MAX_EXCHANGE_BYTES,
    MAX_ID,
    MAX_JSON_NESTING,
    MAX_NAME,
    MAX_NOTE,
    MAX_QUOTE,
    MAX_TAG,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# The W3C context has no term for a source's ``title``, so JSON-LD processing (expansion,
# compaction, conversion to RDF) dropped the document's title. Our own term maps it to
# Dublin Core's title; files without it (a plain CONTEXT) are read all the same.
TITLE_TERM = {"title": "http://purl.org/dc/terms/title"}
MAX_FILE_BYTES = MAX_EXCHANGE_BYTES
MAX_NESTING = MAX_JSON_NESTING
PALETTE = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f48fb1",
    "purple": "#ce93d8",
    "orange": "#ffcc80",
    "red": "#ef9a9a",
    "grey": "#cfd8dc",
}
_HEX_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}\b")
_FINGERPRINT_RE = re.compile(r"^urn:sha256:([0-9a-f]{64})$")


class ExchangeError(ReaderError):
    """An exchange file that cannot be imported; nothing of it was imported."""


@dataclass(slots=True)
class SharedAnnotation:
    """One annotation read from (or written to) an exchange file."""

    id: str
    document_fingerprint: str | None
    document_title: str | None
    selectors: Selectors
    color: str = "yellow"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    author: str | None = None
    created: str = ""
    modified: str = ""


# -- writing -----------------------------------------------------------------------------


def to_web_annotation(ann: SharedAnnotation) -> dict[str, Any]:
    """One annotation as a Web Annotation (JSON-LD, without its own @context)."""
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in ann.tags
    ]
    if ann.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": ann.note,
                "format": "text/plain",
            }
        )
    sel = ann.selectors
    source: dict[str, Any] = {"type": "Text", "format": "text/plain"}
    if ann.document_fingerprint:
        source["id"] = f"urn:sha256:{ann.document_fingerprint}"
    if ann.document_title:
        source["title"] = ann.document_title
    out: dict[str, Any] = {
        "id": f"urn:uuid:{ann.id}" if _is_uuid(ann.id) else ann.id,
        "type": "Annotation",
        "motivation": "commenting" if ann.note else "highlighting",
        "created": ann.created,
        "modified": ann.modified,
    }
    if ann.author:
        out["creator"] = {"type": "Person", "name": ann.author}
    if body:
        out["body"] = body
    css_class = ann.color if ann.color in PALETTE else "c" + ann.color.lstrip("#")
    colour = PALETTE.get(ann.color, ann.color)
    out["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{css_class} {{ background-color: {colour}; }}",
    }
    out["target"] = {
        "source": source,
        "styleClass": css_class,
        "selector": selector_list(sel),
    }
    return out


def selector_list(sel: Selectors) -> list[dict[str, Any]]:
    """The W3C selectors of a span: a ``TextQuoteSelector`` and a ``TextPositionSelector``."""
    return [
        {
            "type": "TextQuoteSelector",
            "exact": sel.exact,
            "prefix": sel.prefix,
            "suffix": sel.suffix,
        },
        {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
    ]


def to_collection(annotations: list[SharedAnnotation], label: str) -> dict[str, Any]:
    """An ``AnnotationCollection`` holding ``annotations`` in one page."""
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {
        "@context": [CONTEXT, TITLE_TERM],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": label,
        "generator": {"type": "Software", "name": f"Policy Reader {__version__}"},
        "generated": now,
        "total": len(annotations),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [to_web_annotation(a) for a in annotations],
        },
    }


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


# -- reading -----------------------------------------------------------------------------


def fingerprint_of(source_id: str) -> str | None:
    """The document fingerprint in a ``urn:sha256:...`` source id, if it is one."""
    m = _FINGERPRINT_RE.match(source_id.strip().lower())
    return m.group(1) if m else None


def colour_of(style_class: str | None, stylesheet: str | None) -> str:
    """Our colour name from a target's styleClass, or a hex colour from its stylesheet."""
    if style_class and style_class.lower() in PALETTE:
        return style_class.lower()
    if style_class and re.fullmatch(r"c[0-9a-fA-F]{6}", style_class):
        return "#" + style_class[1:].lower()
    if stylesheet:
        m = _HEX_COLOR_RE.search(stylesheet)
        if m:
            value = m.group().lower()
            for name, hex_value in PALETTE.items():
                if hex_value == value:
                    return name
            return value
    return "yellow"
