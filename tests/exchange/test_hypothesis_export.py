"""``hypothesis-export``: request bodies that Hypothesis's create-annotation API takes,
checked against a JSON Schema written from its published API reference."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from reader.cli import main
from reader.core.exchange.hypothesis import document_uri, hypothesis_annotations

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent
        / "fixtures"
        / "hypothesis"
        / "annotation-create.schema.json"
    ).read_text(encoding="utf-8")
)
PROTECTED = {"id", "created", "updated", "user", "links", "flagged", "hidden", "moderation"}


@pytest.fixture
def annotated(alice):
    doc = alice.list_documents()[0]
    alice.annotate_quote(
        doc.id, "Banks will cooperate.", tags=["economy/finance"], note="swap lines",
        author="alice", color="green",
    )  # fmt: skip
    alice.annotate_quote(doc.id, "Tariffs will fall over time.", author="bob")
    return alice, doc


def test_every_body_is_a_valid_create_request(annotated):
    lib, doc = annotated
    bodies = hypothesis_annotations(lib, group="abc123")
    assert len(bodies) == 2
    for body in bodies:
        jsonschema.validate(body, SCHEMA)
        assert not PROTECTED & body.keys()
        assert isinstance(body["target"], list) and body["uri"] == f"urn:sha256:{doc.id}"
        assert body["target"][0]["source"] == body["uri"]
        assert body["group"] == "abc123" and body["permissions"] == {"read": ["group:abc123"]}
    banks = next(b for b in bodies if b["tags"])
    assert banks["text"] == "swap lines" and banks["tags"] == ["economy/finance"]
    quote, position = banks["target"][0]["selector"]
    assert quote["exact"] == "Banks will cooperate." and quote["type"] == "TextQuoteSelector"
    text = lib.document_text(doc.id)
    assert text[position["start"] : position["end"]] == "Banks will cooperate."
    assert banks["document"] == {"title": [doc.title]}


def test_our_web_annotation_file_is_not_a_valid_request(annotated):
    # The finding behind this export: Hypothesis refuses our W3C annotations as they are.
    from reader.core.exchange import export_collection

    lib, _ = annotated
    item = export_collection(lib)["first"]["items"][0]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(item, SCHEMA)


def test_a_web_source_is_the_uri():
    assert document_uri("ab" * 32, "https://example.org/policy.html") == (
        "https://example.org/policy.html"
    )
    assert document_uri("ab" * 32, "Ministry of Trade") == "urn:sha256:" + "ab" * 32


def test_the_command_filters_by_author_and_writes_a_json_list(annotated, tmp_path, capsys):
    lib, _ = annotated
    out = tmp_path / "h.json"
    assert (
        main(["--db", str(lib.path), "hypothesis-export", "--author", "bob", "-o", str(out)]) == 0
    )
    [body] = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(body, SCHEMA)
    assert "group" not in body and body["text"] == "" and body["tags"] == []
    assert "1 annotations" in capsys.readouterr().err
