"""A six-clause paper coded by three coders, as plain data and in a library."""

from __future__ import annotations

import pytest

from reader.core.importers import parse_text
from reader.core.library_model import Annotation
from reader.core.model import Document
from reader.core.store import Library

PAPER = """A Paper on Trade

Part I Aims

Tariffs fall by half. Quotas end next year. Ports open to all ships.

Part II Means

Banks lend to exporters. Customs go digital. Courts settle disputes fast.
"""

# clause index -> tags, per coder. Clause 3 is the only one all three tag alike.
CODING = {
    "ana": {0: ["trade"], 1: ["trade/quota"], 3: ["finance"], 4: ["customs"]},
    "ben": {0: ["trade"], 1: ["trade"], 3: ["finance"], 5: ["customs"]},
    "cai": {0: ["trade/tariff"], 2: ["trade"], 3: ["finance"]},
}


def annotation(doc: Document, author: str, start: int, end: int, tags: list[str]) -> Annotation:
    """A live annotation as the store would return it."""
    return Annotation(
        id=f"{author}-{start}-{end}-{'+'.join(tags)}",
        document_id=doc.id,
        start=start,
        end=end,
        quote=doc.text[start:end],
        prefix="",
        suffix="",
        color="yellow",
        note="",
        author=author,
        created="2026-01-01T00:00:00.000Z",
        modified="2026-01-01T00:00:00.000Z",
        tags=tags,
    )


def whole_clause_codings(doc: Document, coding: dict = CODING) -> list[Annotation]:
    """One whole-clause annotation per coder and clause of ``coding``."""
    return [
        annotation(doc, author, doc.clauses[k].start, doc.clauses[k].end, tags)
        for author, clauses in coding.items()
        for k, tags in clauses.items()
    ]


@pytest.fixture
def doc() -> Document:
    """The six-clause paper."""
    return parse_text(PAPER, filename="trade.txt")


@pytest.fixture
def coded(doc) -> list[Annotation]:
    """The three coders' annotations on it."""
    return whole_clause_codings(doc)


@pytest.fixture
def library(tmp_path, doc):
    """A library holding the paper and the three coders' annotations."""
    lib = Library.open(tmp_path / "library.db")
    lib.add_document(doc)
    for ann in whole_clause_codings(doc):
        lib.add_annotation(doc.id, ann.start, ann.end, author=ann.author, tags=ann.tags)
    yield lib
    lib.close()
