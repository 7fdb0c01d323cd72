"""Read an exchange file back: validate every Web Annotation into a :class:`SharedAnnotation`.

:func:`parse_exchange` validates everything before anything is imported: a file
that is not JSON, not an annotation collection, too large or malformed anywhere is
refused whole with one clear message (JSON only: nothing in a file is ever run).
Every field is checked for type and size; a fault raises :class:`ExchangeError` with
what is wrong.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime
from typing import Any

from reader.core.anchoring import Selectors
from reader.core.dates import utc_timestamp
from reader.core.errors import LibraryError
from reader.core.exchange.webannotation import (
    MAX_ANNOTATIONS,
    MAX_CONTEXT,
    MAX_FILE_BYTES,
    MAX_ID,
    MAX_NAME,
    MAX_NESTING,
    MAX_NOTE,
    MAX_QUOTE,
    MAX_TAG,
    ExchangeError,
    SharedAnnotation,
    colour_of,
    fingerprint_of,
)
from reader.core.limits import check_length
from reader.core.tags import normalize_tag
from reader.core.text_rules import clean_field, has_lone_surrogate

_MAX_OFFSET = 10**9
_CANONICAL_TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
# Tags repeat across a file's annotations: each distinct one is normalised once.
_normalize_tag = functools.lru_cache(maxsize=4096)(normalize_tag)
# So do their documents' ids: each is read once.
_fingerprint_of = functools.lru_cache(maxsize=256)(fingerprint_of)


def _str(value: Any, what: str, limit: int, required: bool = True) -> str:
    """A text field: checked for type, emptiness, length and lone surrogates (an escaped
    ``\\ud800`` is no character), then control characters as the library's text rule."""
    if type(value) is str and len(value) <= limit and value.isascii() and value.isprintable():
        # Most ids, times and tags: no control character, no surrogate, short enough;
        # only emptiness is left to check (its one white space can be the space).
        if required and (not value or value.isspace()):
            raise ExchangeError(f"{what} is empty")
        return value
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ExchangeError(f"{what} must be text")
    if required and not value.strip():
        raise ExchangeError(f"{what} is empty")
    check_length(value, what, limit, ExchangeError)
    if value.isascii() and value.isprintable():
        return value
    if has_lone_surrogate(value):
        raise ExchangeError(
            f"{what} contains a lone surrogate (an escaped \\ud800-\\udfff), not text"
        )
    return clean_field(value)


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_OFFSET:
        raise ExchangeError(f"{what} must be a whole number from 0 to {_MAX_OFFSET}")
    return value


def timestamp(value: Any, what: str) -> str:
    """An ISO-8601 time normalised to UTC with milliseconds (``...T10:15:00.123Z``)."""
    text = _str(value, what, 64)
    if _CANONICAL_TIME_RE.fullmatch(text):
        # Already in the form we write (every time in our own files): only check that it
        # is a real date, without the cost of converting it to itself.
        try:
            datetime.fromisoformat(text[:-1])
        except ValueError:
            pass  # not a real date: the message below says so
        else:
            return text
    try:
        return utc_timestamp(text)
    except ValueError:
        raise ExchangeError(
            f"{what} is not a date and time from year 1 to 9999 (UTC): {text[:40]!r}"
        ) from None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: dict[str, Any]) -> list[Any]:
    return _as_list(node.get("type"))


def _creator(value: Any) -> str | None:
    for c in _as_list(value):
        if isinstance(c, str):
            return _str(c, "creator", MAX_NAME)
        if isinstance(c, dict):
            for key in ("name", "nickname", "id"):
                if c.get(key) is not None:
                    return _str(c[key], f"creator {key}", MAX_NAME)
        else:
            raise ExchangeError("creator must be a name or a person")
    return None


def _bodies(value: Any) -> tuple[list[str], str]:
    tags: list[str] = []
    seen: set[str] = set()
    notes: list[str] = []
    for b in _as_list(value):
        if isinstance(b, str):  # a body given by IRI: nothing we can show
            continue
        if not isinstance(b, dict):
            raise ExchangeError("body must be an object")
        purpose = b.get("purpose")
        label = "tag" if purpose == "tagging" else "note"
        text = _str(b.get("value"), label, MAX_NOTE, required=False)
        if purpose == "tagging":
            try:
                tag = _normalize_tag(_str(text, "tag", MAX_TAG))
            except LibraryError as exc:
                raise ExchangeError(str(exc)) from None
            if tag.lower() not in seen:
                seen.add(tag.lower())
                tags.append(tag)
        elif text:
            notes.append(text)
    note = "\n\n".join(notes)
    if len(note) > MAX_NOTE:
        raise ExchangeError(f"note is longer than {MAX_NOTE} characters")
    return tags, note


def _target(value: Any) -> tuple[str | None, str | None, Selectors, str | None]:
    targets = [t for t in _as_list(value) if isinstance(t, dict)]
    if not targets:
        raise ExchangeError("target is missing")
    target = targets[0]
    source = target.get("source")
    fingerprint = title = None
    if isinstance(source, str):
        fingerprint = _fingerprint_of(_str(source, "target source", MAX_ID))
    elif isinstance(source, dict):
        if source.get("id") is not None:
            fingerprint = _fingerprint_of(_str(source["id"], "target source id", MAX_ID))
        if source.get("title") is not None:
            title = _str(source["title"], "document title", MAX_NAME, required=False) or None
    else:
        raise ExchangeError("target source is missing")
    quote = position = None
    for sel in _as_list(target.get("selector")):
        if not isinstance(sel, dict):
            raise ExchangeError("selector must be an object")
        types = _types(sel)
        if "TextQuoteSelector" in types and quote is None:
            quote = (
                _str(sel.get("exact"), "quote (exact)", MAX_QUOTE),
                _str(sel.get("prefix"), "quote prefix", MAX_CONTEXT, required=False),
                _str(sel.get("suffix"), "quote suffix", MAX_CONTEXT, required=False),
            )
        elif "TextPositionSelector" in types and position is None:
            start = _int(sel.get("start"), "position start")
            end = _int(sel.get("end"), "position end")
            if end < start:
                raise ExchangeError("position end is before its start")
            position = (start, end)
    if quote is None:
        raise ExchangeError("target has no TextQuoteSelector (the quoted text)")
    start, end = position if position else (0, 0)
    style_class = target.get("styleClass")
    if style_class is not None:
        style_class = _str(style_class, "styleClass", 64, required=False)
    return fingerprint, title, Selectors(quote[0], quote[1], quote[2], start, end), style_class


def parse_annotation(item: Any) -> SharedAnnotation:
    """One annotation object, validated."""
    if not isinstance(item, dict):
        raise ExchangeError("not an annotation object")
    if "Annotation" not in _types(item):
        raise ExchangeError("type is not Annotation")
    ann_id = _str(item.get("id"), "id", MAX_ID).strip()
    if ann_id.lower().startswith("urn:uuid:"):
        ann_id = ann_id[len("urn:uuid:") :].lower()
    fingerprint, title, selectors, style_class = _target(item.get("target"))
    if fingerprint is None and title is None:
        raise ExchangeError("target names no document (neither fingerprint nor title)")
    tags, note = _bodies(item.get("body"))
    sheet = item.get("stylesheet")
    sheet_value = sheet.get("value") if isinstance(sheet, dict) else None
    if sheet_value is not None:
        sheet_value = _str(sheet_value, "stylesheet", 4000, required=False)
    created = timestamp(item["created"], "created") if item.get("created") else None
    modified = timestamp(item["modified"], "modified") if item.get("modified") else None
    created = created or modified or "1970-01-01T00:00:00.000Z"
    return SharedAnnotation(
        id=ann_id,
        document_fingerprint=fingerprint,
        document_title=title,
        selectors=selectors,
        color=colour_of(style_class, sheet_value),
        note=note,
        tags=tags,
        author=_creator(item.get("creator")),
        created=created,
        modified=modified or created,
    )


# -- whole files -----------------------------------------------------------------


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
    """How deeply ``value`` nests (up to just past ``limit``), level by level: only the
    containers of each level are kept, so the many strings and numbers cost one check
    (of their exact type: what JSON gives is a dict, a list or no container)."""
    level = [value] if type(value) is dict or type(value) is list else []
    depth = 1
    while level:
        below: list[Any] = []
        add = below.append
        for v in level:
            for x in v.values() if type(v) is dict else v:
                kind = type(x)
                if kind is dict or kind is list:
                    add(x)
        if not below:
            return depth
        depth += 1
        if depth > limit:
            return depth
        level = below
    return depth


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
    return parse_collection(load_json(data, name), name)


def parse_collection(doc: Any, name: str = "exchange file") -> list[SharedAnnotation]:
    """Validate the annotations of an exchange file already parsed as JSON
    (:func:`load_json`); any fault refuses all of it."""
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
