"""Team exchange files: a W3C Web Annotation ``AnnotationCollection`` (JSON-LD).

Each annotation targets its document by fingerprint (``urn:sha256:<id>``) and title,
with a ``TextQuoteSelector`` and a ``TextPositionSelector``; tags are ``tagging``
bodies, the note a ``commenting`` body, and the colour a CSS ``styleClass`` with its
``stylesheet``, as the model provides for styling.

:func:`parse_exchange` validates everything before anything is imported: a file
that is not JSON, not an annotation collection, too large or malformed anywhere is
refused whole with one clear message (JSON only: nothing in a file is ever run).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reader import __version__
from reader.core.anchoring import Selectors
from reader.core.errors import ReaderError

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ANNOTATIONS = 200_000
MAX_QUOTE = 200_000
MAX_CONTEXT = 2_000
MAX_NOTE = 100_000
MAX_TAG = 200
MAX_NAME = 300
MAX_ID = 500
MAX_NESTING = 64  # JSON deeper than this is not an annotation file
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
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": sel.exact,
                "prefix": sel.prefix,
                "suffix": sel.suffix,
            },
            {"type": "TextPositionSelector", "start": sel.start, "end": sel.end},
        ],
    }
    return out


def to_collection(annotations: list[SharedAnnotation], label: str) -> dict[str, Any]:
    """An ``AnnotationCollection`` holding ``annotations`` in one page."""
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {
        "@context": CONTEXT,
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


def load_json(data: bytes, name: str) -> Any:
    """Parse JSON bytes with limits; raises :class:`ExchangeError` with a clear message."""
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeError(
            f"{name}: {len(data) / 1e6:.0f} MB is larger than an exchange "
            f"file may be ({MAX_FILE_BYTES / 1e6:.0f} MB)"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeError(f"{name}: not an exchange file (not UTF-8 JSON)") from None

    def reject_constant(value: str) -> Any:
        raise ValueError(f"{value} is not allowed")

    try:
        return json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ExchangeError(f"{name}: not valid JSON ({exc})") from None


def _depth(value: Any, limit: int) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        v, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)
    return deepest


def _items(data: Any, name: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ExchangeError(f"{name}: not an annotation collection")
    kind = data.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "AnnotationCollection" in kinds:
        first = data.get("first")
        if isinstance(first, dict) and isinstance(first.get("items"), list):
            return first["items"]
        if isinstance(data.get("items"), list):
            return data["items"]
        if first is None and data.get("total", 0) == 0:
            return []
        raise ExchangeError(f"{name}: the collection has no embedded page of annotations")
    if "AnnotationPage" in kinds and isinstance(data.get("items"), list):
        return data["items"]
    if "Annotation" in kinds:
        return [data]
    raise ExchangeError(f"{name}: not an annotation collection (type {kind!r})")


def parse_exchange(data: bytes, name: str = "exchange file") -> list[SharedAnnotation]:
    """Read and validate a whole exchange file; any fault refuses all of it."""
    from reader.core.exchange.validation import parse_annotation

    doc = load_json(data, name)
    if _depth(doc, MAX_NESTING) > MAX_NESTING:
        raise ExchangeError(f"{name}: nested too deeply to be an annotation file")
    items = _items(doc, name)
    if len(items) > MAX_ANNOTATIONS:
        raise ExchangeError(
            f"{name}: {len(items)} annotations is more than the {MAX_ANNOTATIONS} one file may hold"
        )
    out = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        try:
            ann = parse_annotation(item)
        except ExchangeError as exc:
            raise ExchangeError(f"{name}: annotation {i + 1}: {exc}") from None
        if ann.id in seen:
            raise ExchangeError(f"{name}: annotation {i + 1}: duplicate id {ann.id}")
        seen.add(ann.id)
        out.append(ann)
    return out


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
