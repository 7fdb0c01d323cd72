"""Two libraries, one folder: each change of one reaches the other through the files."""

from __future__ import annotations

import json

from team_helpers import open_member

from reader.core.team import TeamSession, turn_on


def quote_span(lib, doc_id, quote):
    text = lib.document_text(doc_id)
    start = text.index(quote)
    return start, start + len(quote)


def test_highlight_tag_note_delete_reach_the_teammate_and_back(ana, ben, paper_id):
    a, b = ana.library, ben.library
    start, end = quote_span(a, paper_id, "Banks will cooperate.")
    ann = a.add_annotation(paper_id, start, end, author="Ana")
    assert ana.write_mine().written
    assert ana.mine.name == "ana.jsonld"

    report = ben.check()
    assert report.merged["ana.jsonld"].added == 1
    seen = b.get_annotation(ann.id)
    assert (seen.quote, seen.author, seen.deleted) == ("Banks will cooperate.", "Ana", None)

    a.tag_annotation(ann.id, "economy/finance")
    ana.write_mine()
    assert ben.check().merged["ana.jsonld"].updated == 1
    assert b.get_annotation(ann.id).tags == ["economy/finance"]

    a.set_note(ann.id, "swap lines")
    ana.write_mine()
    ben.check()
    assert b.get_annotation(ann.id).note == "swap lines"

    a.delete_annotation(ann.id)
    ana.write_mine()
    assert ben.check().merged["ana.jsonld"].deleted == 1
    assert b.get_annotation(ann.id).deleted is not None
    assert b.annotations(paper_id) == []

    # And the reverse: Ben's work reaches Ana.
    mine = b.annotate_quote(paper_id, "Banks will cooperate.", author="Ben", tags=["law"])
    ben.write_mine()
    report = ana.check()
    assert report.merged["ben.jsonld"].added == 1
    assert [x.id for x in a.annotations(paper_id)] == [mine.id]
    assert a.get_annotation(mine.id).author == "Ben"
    b.delete_annotation(mine.id)
    ben.write_mine()
    ana.check()
    assert a.annotations(paper_id) == []


def test_an_unchanged_file_is_not_read_again_and_not_rewritten(ana, ben, paper_id):
    ana.library.annotate_quote(paper_id, "Banks will cooperate.", author="Ana")
    assert ana.write_mine().written
    assert not ana.write_mine().written  # same bytes: nothing for a sync engine to carry
    assert "ana.jsonld" in ben.check().merged
    assert ben.check().merged == {}


def test_the_file_is_a_web_annotation_collection_with_tombstones(ana, paper_id):
    lib = ana.library
    keep = lib.annotate_quote(paper_id, "Banks will cooperate.", author="Ana", tags=["law"])
    gone = lib.annotate_quote(paper_id, "Tariffs will fall", author="Ana")
    lib.delete_annotation(gone.id)
    ana.write_mine()
    data = json.loads(ana.mine.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["creator"] == {"type": "Person", "name": "Ana"}
    [item] = data["first"]["items"]
    assert item["id"] == f"urn:uuid:{keep.id}"
    [stone] = data["tombstones"]
    assert stone["id"] == f"urn:uuid:{gone.id}" and stone["type"] == "Tombstone"
    assert stone["deleted"] == lib.get_annotation(gone.id).modified


def test_a_teammates_file_is_read_by_share_import_too(ana, ben, paper_id):
    from reader.core.exchange import import_files

    ana.library.annotate_quote(paper_id, "Banks will cooperate.", author="Ana")
    ana.write_mine()
    assert import_files(ben.library, [ana.mine]).added == 1


def test_only_your_own_annotations_go_in_your_file(ana, ben, paper_id):
    ana.library.annotate_quote(paper_id, "Banks will cooperate.", author="Ana")
    ana.write_mine()
    ben.check()
    report = ben.write_mine()
    assert (report.annotations, report.tombstones) == (0, 0)
    data = json.loads(ben.mine.read_text(encoding="utf-8"))
    assert data["total"] == 0 and data["creator"]["name"] == "Ben"


def test_your_file_from_another_computer_is_merged_before_it_is_rewritten(
    tmp_path, folder, ana, paper_id
):
    ann = ana.library.annotate_quote(paper_id, "Banks will cooperate.", author="Ana")
    ana.write_mine()
    laptop = open_member(tmp_path, "ana-laptop", folder)
    laptop = TeamSession(laptop.library, turn_on(laptop.library, folder, "Ana"))
    report = laptop.write_mine()  # a new library: it reads Ana's file before writing
    assert report.annotations == 1
    assert laptop.library.get_annotation(ann.id).quote == "Banks will cooperate."
    laptop.library.close()


def test_a_file_with_one_change_merges_that_change_only(ana, ben, paper_id):
    lib = ana.library
    first = lib.annotate_quote(paper_id, "Banks will cooperate.", author="Ana")
    lib.annotate_quote(paper_id, "Students will travel.", author="Ana")
    ana.write_mine()
    assert ben.check().merged["ana.jsonld"].added == 2
    lib.set_note(first.id, "changed")
    ana.write_mine()
    merged = ben.check().merged["ana.jsonld"]
    assert (merged.updated, merged.unchanged) == (1, 1)
    assert ben.library.get_annotation(first.id).note == "changed"


def test_tag_renames_recolours_and_their_undo_reach_the_teammate(ana, ben, paper_id):
    """Tag-level changes (rename, recolour, and taking them back) modify each highlight
    they change, so the teammate's merge, where the newer version wins, carries them."""
    a, b = ana.library, ben.library
    ann = a.annotate_quote(paper_id, "Banks will cooperate.", author="Ana", tags=["econ"])
    ana.write_mine()
    ben.check()

    snapshot = a.tag_snapshot(["econ"])
    a.rename_tag("econ", "economy/finance")
    a.recolor_tag("economy/finance", "blue")
    ana.write_mine()
    ben.check()
    seen = b.get_annotation(ann.id)
    assert (seen.tags, seen.color) == (["economy/finance"], "blue")

    a.restore_tag_snapshot(snapshot)  # undo: the tag and colour as they were
    ana.write_mine()
    ben.check()
    seen = b.get_annotation(ann.id)
    assert (seen.tags, seen.color) == (["econ"], ann.color)
