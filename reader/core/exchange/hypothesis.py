"""Annotations as Hypothesis creates them: the request bodies of its create-annotation
API (``POST /api/annotations``), one per annotation, ready to publish to a group.

Hypothesis wants ``uri`` (the page's URL, or a URN for other documents) and ``target``
as a list; the quote and position selectors are the W3C ones the exchange file has.
What Hypothesis has no field for is not written: our ids (it assigns its own), the
created and modified times (it sets them), the colour, and the author (an annotation
belongs to whoever posts it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.core.exchange import shared_from_library
from reader.core.exchange.webannotation import selector_list

if TYPE_CHECKING:
    from reader.core.store import Library

_URL = re.compile(r"https?://\S+")


def document_uri(document_id: str, source: str | None) -> str:
    """The document's URL when its source is one, else ``urn:sha256:`` and its
    fingerprint (a URN, which the API takes for documents that are no web page)."""
    if source and _URL.fullmatch(source.strip()):
        return source.strip()
    return f"urn:sha256:{document_id}"


def hypothesis_annotations(
    library: Library,
    author: str | None = None,
    document_ids: Sequence[str] = (),
    group: str | None = None,
) -> list[dict[str, Any]]:
    """Request bodies for Hypothesis's create-annotation API. ``group``: the group id
    to publish in (and to let its members read them); None leaves Hypothesis's default."""
    sources = {d.id: d.source for d in library.list_documents()}
    out = []
    for ann in shared_from_library(library, author, document_ids):
        fingerprint = ann.document_fingerprint or ""
        uri = document_uri(fingerprint, sources.get(fingerprint))
        body: dict[str, Any] = {
            "uri": uri,
            "document": {"title": [ann.document_title or ""]},
            "text": ann.note,
            "tags": list(ann.tags),
            "target": [{"source": uri, "selector": selector_list(ann.selectors)}],
        }
        if group:
            body["group"] = group
            body["permissions"] = {"read": [f"group:{group}"]}
        out.append(body)
    return out
