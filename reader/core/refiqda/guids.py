"""Stable GUIDs for what we export, so that exporting twice gives the same identifiers.

REFI-QDA tools merge and update by GUID. Ours are name-based (uuid5) from a namespace
of our own and a key that does not change between exports: a tag's path (lower case,
as tags compare without regard to case), a document's id, an author's name. Annotation
ids are uuid4 already and are used as they are.
"""

from __future__ import annotations

import re
import uuid

# The GUIDType of both schemas (Codebook.xsd, Project.xsd): 8-4-4-4-12 hex digits,
# either case, optionally in braces.
GUID_PATTERN = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}"
)
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://policy-reader.invalid/refi-qda")


def is_guid(text: str | None) -> bool:
    """True when ``text`` is a GUID as the REFI-QDA schemas define it."""
    return text is not None and GUID_PATTERN.fullmatch(text) is not None


def _guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def tag_guid(path: str) -> str:
    """The code GUID of tag ``path`` (``economy/trade``)."""
    return _guid("tag", path.lower())


def document_guid(document_id: str) -> str:
    """The text source GUID of a document."""
    return _guid("document", document_id)


def user_guid(author: str) -> str:
    """The user GUID of an author name."""
    return _guid("user", author)


def selection_guid(annotation_id: str) -> str:
    """The plain-text selection GUID of an annotation: its own id when that is a GUID."""
    return annotation_id if is_guid(annotation_id) else _guid("annotation", annotation_id)


def coding_guid(annotation_id: str, tag: str) -> str:
    """The GUID of the coding of one annotation with one tag."""
    return _guid("coding", f"{annotation_id}\0{tag.lower()}")


def note_guid(annotation_id: str) -> str:
    """The GUID of the note written on an annotation."""
    return _guid("note", annotation_id)
