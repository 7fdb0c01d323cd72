"""Team exchange: export, import, merge, re-anchor, set aside; never lose or duplicate."""

from __future__ import annotations

import json

import pytest

from reader.core.exchange import add_document, export_collection, import_files
from reader.core.importers import parse_text


def annotate(lib, quote, **kw):
    doc = lib.list_documents()[0]
    return lib.annotate_quote(doc.id, quote, **kw)


def write(tmp_path, lib, name, **kw):
    path = tmp_path / name
    path.write_text(json.dumps(export_collection(lib, **kw)), encoding="utf-8")
    return path


def comparable(lib):
    return sorted(
        (
            a.id,
            a.start,
            a.end,
            a.quote,
            a.prefix,
            a.suffix,
            a.color,
            a.note,
            tuple(a.tags),
            a.author,
            a.created,
            a.modified,
        )
        for d in lib.list_documents()
        for a in lib.annotations(d.id)
    )


def test_round_trip_into_a_library_with_the_same_document(tmp_path, alice, bob, paper_text):
    annotate(
        alice,
        "Tariffs will fall over time.",
        tags=["economy/trade"],
        note="Key *point*",
        author="alice",
        color="green",
    )
    annotate(alice, "Banks will cooperate.", tags=["finance", "economy"], author="alice")
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    report = import_files(bob, [write(tmp_path, alice, "alice.json")])
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    assert report.matches[0][1].how == "fingerprint"
    assert comparable(bob) == comparable(alice)
    # Importing the same file again changes nothing.
    again = import_files(bob, [tmp_path / "alice.json"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert comparable(bob) == comparable(alice)


def test_two_teammates_merge_and_keep_authorship(tmp_path, alice, bob, paper_text):
    annotate(alice, "Tariffs will fall over time.", tags=["trade"], author="alice")
    carol_lib = bob
    carol_lib.add_document(parse_text(paper_text, filename="paper.txt"))
    annotate(carol_lib, "Students will travel.", tags=["culture"], author="carol")
    a_file = write(tmp_path, alice, "alice.json")
    c_file = write(tmp_path, carol_lib, "carol.json")
    from reader.core.store import Library

    team = Library.open(tmp_path / "team.db")
    team.add_document(parse_text(paper_text, filename="paper.txt"))
    report = import_files(team, [a_file, c_file])
    assert report.added == 2
    assert {ex.annotation.author for ex in team.excerpts()} == {"alice", "carol"}
    assert [ex.annotation.quote for ex in team.excerpts(author="carol")] == [
        "Students will travel."
    ]
    team.close()


def test_newer_modified_wins_older_does_not(tmp_path, alice, bob, paper_text):
    a = annotate(alice, "Banks will cooperate.", note="first", author="alice")
    old_file = write(tmp_path, alice, "old.json")
    alice.set_note(a.id, "second thoughts")
    new_file = write(tmp_path, alice, "new.json")
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    import_files(bob, [new_file])
    report = import_files(bob, [old_file])
    assert report.unchanged == 1 and bob.get_annotation(a.id).note == "second thoughts"
    bob.set_note(a.id, "bob's later note")
    assert import_files(bob, [new_file]).unchanged == 1
    assert bob.get_annotation(a.id).note == "bob's later note"


def test_same_file_twice_in_one_import_keeps_one(tmp_path, alice, bob, paper_text):
    annotate(alice, "Banks will cooperate.")
    f = write(tmp_path, alice, "a.json")
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    assert import_files(bob, [f, f]).added == 1


def test_reanchors_in_a_teammates_slightly_different_copy(tmp_path, alice, bob, paper_text):
    annotate(alice, "Tariffs will fall over time.", tags=["trade"])
    annotate(alice, "Currency swaps will be expanded.", tags=["finance"])
    edited = (
        paper_text.replace("Tariffs will fall over time.", "Tariffs will fall over  time.")
        .replace("Currency swaps will be expanded.", "Currency swap lines will be expanded.")
        .replace("This paper sets out our policy.", "This revised paper sets out policy.")
    )
    bob.add_document(parse_text(edited, filename="paper-v2.txt"))
    report = import_files(bob, [write(tmp_path, alice, "a.json")])
    assert report.added == 2 and report.matches[0][1].how == "title and text"
    doc = bob.list_documents()[0]
    quotes = sorted(a.quote for a in bob.annotations(doc.id))
    assert quotes == ["Currency swap lines will be expanded.", "Tariffs will fall over  time."]


def test_waiting_annotations_are_placed_when_their_document_arrives(
    tmp_path, alice, bob, paper_text
):
    annotate(alice, "Students will travel.", tags=["culture"], author="alice")
    report = import_files(bob, [write(tmp_path, alice, "a.json")])
    assert report.added == 0 and report.newly_set_aside == 1
    waiting = bob.set_aside()
    assert len(waiting) == 1 and waiting[0].document_id is None
    assert waiting[0].document_title == "Trade Policy Paper"
    assert waiting[0].document_fingerprint == alice.list_documents()[0].id
    info, _ = add_document(bob, parse_text(paper_text, filename="paper.txt"))
    assert bob.set_aside() == []
    assert [a.quote for a in bob.annotations(info.id)] == ["Students will travel."]
    assert info.annotations == 1


def test_orphans_are_kept_and_listed_never_dropped(tmp_path, alice, bob, paper_text):
    annotate(alice, "Exchanges between peoples will grow.", author="alice")
    annotate(alice, "Banks will cooperate.", author="alice")
    cut = paper_text.replace("Exchanges between peoples will grow. ", "")
    bob.add_document(parse_text(cut, filename="paper-cut.txt"))
    report = import_files(bob, [write(tmp_path, alice, "a.json")])
    assert report.added == 1 and report.newly_set_aside == 1
    (orphan,) = bob.set_aside()
    assert orphan.document_id == bob.list_documents()[0].id
    assert orphan.quote == "Exchanges between peoples will grow."
    assert "not found" in orphan.reason and orphan.author == "alice"


def test_export_filters_by_author_and_document(tmp_path, alice):
    annotate(alice, "Banks will cooperate.", author="alice")
    annotate(alice, "Students will travel.", author="bob")
    data = export_collection(alice, author="bob")
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    item = data["first"]["items"][0]
    assert item["creator"]["name"] == "bob"
    assert item["target"]["source"]["id"].startswith("urn:sha256:")
    kinds = {s["type"] for s in item["target"]["selector"]}
    assert kinds == {"TextQuoteSelector", "TextPositionSelector"}
    assert export_collection(alice, document_ids=["nope"])["total"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"type": "TextualBody", "purpose": "tagging", "value": "a/b"},
        {"type": "TextualBody", "purpose": "commenting", "value": "a note"},
    ],
)
def test_web_annotation_bodies(alice, body):
    a = annotate(alice, "Banks will cooperate.", tags=["a/b"], note="a note")
    item = export_collection(alice)["first"]["items"][0]
    assert body in [{k: v for k, v in b.items() if k != "format"} for b in item["body"]]
    assert item["id"] == f"urn:uuid:{a.id}"
