"""A merge writes its new annotations with one statement: in the file's order, each
note in the notes index, every tag with its annotation."""

from __future__ import annotations

import json

from reader.core.exchange import export_collection, import_files
from reader.core.importers import parse_text


def test_a_merge_keeps_the_order_notes_and_tags_of_the_file(tmp_path, alice, bob, paper_text):
    doc = alice.list_documents()[0]
    words = ["Tariffs", "Banks", "cooperate", "time", "fall"]
    made = []
    for k, word in enumerate(words):
        start = paper_text.index(word)
        made.append(
            alice.add_annotation(
                doc.id, start, start + len(word), note=f"note{k} zebra", tags=[f"t{k}", "all"]
            )
        )
    path = tmp_path / "share.json"
    path.write_text(json.dumps(export_collection(alice)), encoding="utf-8")
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    report = import_files(bob, [path])
    assert report.added == len(words)
    in_file = [
        item["id"].removeprefix("urn:uuid:")
        for item in json.loads(path.read_text())["first"]["items"]
    ]
    order = [r[0] for r in bob.conn.execute("SELECT id FROM annotations ORDER BY seq")]
    assert order == in_file and set(order) == {a.id for a in made}  # the file's order
    hits = {h.annotation_id for h in bob.search("zebra") if h.kind == "note"}
    assert hits == {a.id for a in made}
    assert {a.id: a.tags for a in bob.annotations(doc.id)} == {
        a.id: sorted([f"t{k}", "all"]) for k, a in enumerate(made)
    }
    # The connection's scratch table is empty again, and merging again changes nothing.
    assert bob.conn.execute("SELECT count(*) FROM temp.merged_annotations").fetchone() == (0,)
    assert import_files(bob, [path]).unchanged == len(words)
