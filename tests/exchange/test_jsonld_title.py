"""The document title survives JSON-LD processing: our ``@context`` maps a source's
``title`` (the W3C context has no such term, so processors dropped it), and files
written before, with the W3C context alone, are still read."""

from __future__ import annotations

import json

import pytest
from pyld import jsonld

from reader.core.exchange import export_collection, import_files
from reader.core.exchange.webannotation import CONTEXT

OA = "http://www.w3.org/ns/oa#"
DC_TITLE = "http://purl.org/dc/terms/title"
# The few W3C terms on the path to the title (oa:hasTarget, oa:hasSource, the
# collection's items), so that expansion runs offline. Written from the vocabulary;
# like the real context, it has no "title".
W3C_STAND_IN = {
    "@context": {
        "id": "@id",
        "type": "@type",
        "first": {"@id": "http://www.w3.org/ns/activitystreams#first", "@type": "@id"},
        "items": {"@id": "http://www.w3.org/ns/activitystreams#items", "@container": "@list"},
        "target": {"@id": OA + "hasTarget", "@type": "@id"},
        "source": {"@id": OA + "hasSource", "@type": "@id"},
    }
}


def _loader(url, options=None):
    assert url == CONTEXT
    return {"contextUrl": None, "documentUrl": url, "document": W3C_STAND_IN}


def _titles(expanded: list) -> list[str]:
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == DC_TITLE:
                    found.extend(v["@value"] for v in value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(expanded)
    return found


@pytest.fixture
def collection(alice):
    doc = alice.list_documents()[0]
    alice.annotate_quote(doc.id, "Banks will cooperate.", tags=["finance"], author="alice")
    return export_collection(alice), doc.title


def test_the_title_survives_expansion(collection):
    data, title = collection
    assert data["@context"][0] == CONTEXT  # the W3C context stays first
    expanded = jsonld.expand(data, {"documentLoader": _loader})
    assert _titles(expanded) == [title]


def test_without_our_term_the_title_is_dropped(collection):
    data, _ = collection
    data["@context"] = CONTEXT  # as files were written before
    assert _titles(jsonld.expand(data, {"documentLoader": _loader})) == []


def test_files_with_the_w3c_context_alone_are_still_read(collection, bob, tmp_path, paper_text):
    from reader.core.importers import parse_text

    data, _ = collection
    data["@context"] = CONTEXT
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    assert import_files(bob, [path]).added == 1
