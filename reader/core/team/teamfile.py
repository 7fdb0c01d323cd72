"""One author's file in the team folder: their annotations and their deletions.

The file is the W3C Web Annotation ``AnnotationCollection`` that ``share-export`` writes
(so ``share-import`` reads it too), with two additions: the collection's ``creator`` (the
author's real name; the file name is only a safe form of it) and ``tombstones``, one per
deleted annotation with its id and time, as ActivityStreams ``Tombstone`` objects. A
JSON-LD context names both, so the file stays valid JSON-LD.

Written deterministically (items in document order, the collection id derived from the
author, ``generated`` the latest change), so an unchanged library rewrites the same
bytes and a sync engine has nothing to carry.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reader.core.exchange import shared_from_library
from reader.core.exchange.validation import load_json, parse_collection, timestamp
from reader.core.exchange.webannotation import (
    MAX_ANNOTATIONS,
    MAX_FILE_BYTES,
    MAX_ID,
    MAX_NAME,
    ExchangeError,
    SharedAnnotation,
    to_collection,
)
from reader.core.library_model import Tombstone
from reader.core.store import Library

AS = "https://www.w3.org/ns/activitystreams#"
TEAM_CONTEXT: dict[str, Any] = {
    "as": AS,
    "tombstones": {"@id": "tag:policy-reader,2026:tombstones", "@container": "@set"},
    "Tombstone": "as:Tombstone",
    "formerType": {"@id": "as:formerType", "@type": "@vocab"},
    "deleted": {"@id": "as:deleted", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
}
_TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")  # as we write times
KnownTimes = Callable[[list[str]], dict[str, str]]
_NAMESPACE = uuid.UUID("5d0e7b7e-4b59-4f0c-9d7e-2f1c3c1a6e51")  # ids of team files


@dataclass
class TeamFile:
    """What one author's file holds."""

    author: str | None
    annotations: list[SharedAnnotation] = field(default_factory=list)
    tombstones: list[Tombstone] = field(default_factory=list)
    known: int = 0  # annotations left out: the library has them, as new or newer


def _urn(ann_id: str) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(ann_id)}" if str(uuid.UUID(ann_id)) == ann_id else ann_id
    except ValueError:
        return ann_id


class EncodedTeamFile(NamedTuple):
    """A team file's bytes and what they hold."""

    data: bytes
    annotations: int
    tombstones: int
    documents: set[str]  # ids of the documents annotated


def encode_team_file(library: Library, author: str) -> EncodedTeamFile:
    """The bytes of ``author``'s team file, from the library."""
    shared = shared_from_library(library, author)
    collection = team_collection(shared, library.tombstones(author), author)
    text = _one_per_line(collection)
    documents = {a.document_fingerprint for a in shared if a.document_fingerprint}
    return EncodedTeamFile(
        text.encode("utf-8"), len(shared), len(collection["tombstones"]), documents
    )


def _one_per_line(collection: dict[str, Any]) -> str:
    """The collection as JSON with each annotation and tombstone on a line of its own:
    a change shows in git as the lines of the annotations changed. Compact JSON is also
    what Python's C encoder writes (indented JSON takes its slow pure-Python path)."""
    items, stones = collection["first"]["items"], collection["tombstones"]
    marks = {"items": "\x00items\x00", "tombstones": "\x00tombstones\x00"}
    shell = dict(collection, first=dict(collection["first"], items=marks["items"]))
    shell["tombstones"] = marks["tombstones"]
    text = json.dumps(shell, ensure_ascii=False)
    # Both places are found in the shell, before any annotation text is put in.
    for key, values in sorted(
        (("items", items), ("tombstones", stones)),
        key=lambda kv: text.index(json.dumps(marks[kv[0]])),
        reverse=True,  # the later place first, so the earlier one's index stays right
    ):
        at = text.index(json.dumps(marks[key]))
        lines = ",\n".join(json.dumps(v, ensure_ascii=False) for v in values)
        block = f"[\n{lines}\n]" if values else "[]"
        text = text[:at] + block + text[at + len(json.dumps(marks[key])) :]
    return text + "\n"


def team_collection(
    shared: list[SharedAnnotation], stones: list[Tombstone], author: str
) -> dict[str, Any]:
    """``author``'s live annotations and tombstones as a team file (ready for JSON)."""
    shared = list(shared)
    shared.sort(key=lambda a: (a.document_fingerprint or "", a.selectors.start, a.id))
    collection = to_collection(shared, f"Annotations by {author}")
    base = collection["@context"]
    collection["@context"] = [*(base if isinstance(base, list) else [base]), TEAM_CONTEXT]
    collection["id"] = f"urn:uuid:{uuid.uuid5(_NAMESPACE, author.casefold())}"
    collection["creator"] = {"type": "Person", "name": author}
    times = [a.modified for a in shared] + [t.deleted for t in stones]
    collection["generated"] = max(times, default="1970-01-01T00:00:00.000Z")
    collection["tombstones"] = [
        {"id": _urn(t.id), "type": "Tombstone", "formerType": "Annotation", "deleted": t.deleted}
        for t in stones
    ]
    return collection


def _author(doc: dict[str, Any], name: str) -> str | None:
    creator = doc.get("creator")
    if creator is None:
        return None
    value = creator.get("name") if isinstance(creator, dict) else creator
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME:
        raise ExchangeError(f"{name}: the collection's creator must be a name")
    return " ".join(value.split())


def _tombstones(value: Any, author: str | None, name: str) -> list[Tombstone]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ANNOTATIONS:
        raise ExchangeError(f"{name}: tombstones must be a list of at most {MAX_ANNOTATIONS}")
    out = []
    for i, item in enumerate(value):
        what = f"{name}: tombstone {i + 1}"
        if not isinstance(item, dict):
            raise ExchangeError(f"{what}: not an object")
        ann_id = item.get("id")
        if not isinstance(ann_id, str) or not ann_id.strip() or len(ann_id) > MAX_ID:
            raise ExchangeError(f"{what}: id must be text of at most {MAX_ID} characters")
        ann_id = ann_id.strip()
        if ann_id.lower().startswith("urn:uuid:"):
            ann_id = ann_id[len("urn:uuid:") :].lower()
        try:
            when = timestamp(item.get("deleted"), "deleted")
        except ExchangeError as exc:
            raise ExchangeError(f"{what}: {exc}") from None
        out.append(Tombstone(ann_id, when, author))
    return out


def _leave_out_known(doc: Any, known_times: KnownTimes) -> tuple[Any, int]:
    """``doc`` without the annotations the library already has at the same or a newer
    version (by id and ``modified`` as written); how many were left out.

    They would be left unchanged by the merge anyway, so they need not be validated: a
    file with one change among 10,000 costs its reading, not 10,000 validations.
    """
    first = doc.get("first") if isinstance(doc, dict) else None
    if not isinstance(first, dict) or not isinstance(first.get("items"), list):
        return doc, 0
    items = first["items"]
    keys: list[str | None] = []
    for item in items:
        ann_id = item.get("id") if isinstance(item, dict) else None
        modified = item.get("modified") if isinstance(item, dict) else None
        if isinstance(ann_id, str) and isinstance(modified, str) and _TIME_RE.fullmatch(modified):
            ann_id = ann_id.strip()
            if ann_id.lower().startswith("urn:uuid:"):
                ann_id = ann_id[len("urn:uuid:") :].lower()
            keys.append(ann_id)
        else:
            keys.append(None)  # validated in full: it says what is wrong with it
    known = known_times([k for k in keys if k])
    keep = [
        item for item, key in zip(items, keys, strict=True)
        if key is None or item["modified"] > known.get(key, "")
    ]  # fmt: skip
    if len(keep) == len(items):
        return doc, 0
    return dict(doc, first=dict(first, items=keep)), len(items) - len(keep)


def parse_team_file(data: bytes, name: str, known_times: KnownTimes | None = None) -> TeamFile:
    """Validate a team file; any fault refuses all of it (:class:`ExchangeError`).

    :param known_times: the library's version times of ids (``Library.version_times``);
        with it, annotations no newer than the library's are counted, not returned.
    """
    doc = load_json(data, name)
    known = 0
    if known_times is not None:
        doc, known = _leave_out_known(doc, known_times)
    annotations = parse_collection(doc, name)
    author = _author(doc, name) if isinstance(doc, dict) else None
    if author is None:  # a plain share-export file dropped in the folder
        creators = {a.author for a in annotations if a.author}
        author = creators.pop() if len(creators) == 1 else None
    stones = _tombstones(doc.get("tombstones") if isinstance(doc, dict) else None, author, name)
    return TeamFile(author, annotations, stones, known)


def read_team_bytes(path: Path) -> bytes:
    """The bytes of the team file at ``path`` (refusing one too large to be one)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExchangeError(
                f"{path.name}: larger than an exchange file may be ({MAX_FILE_BYTES / 1e6:.0f} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"{path.name}: cannot read ({exc.strerror or exc})") from None


def read_team_file(path: Path) -> TeamFile:
    """Read and validate the team file at ``path``."""
    return parse_team_file(read_team_bytes(path), path.name)
