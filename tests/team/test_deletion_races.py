"""Deletions and re-creations that cross in the folder: the newer change wins, always."""

from __future__ import annotations

import json

from team_helpers import open_member

from reader.core.team.merge import merge_team_file
from reader.core.team.teamfile import parse_team_file

QUOTE = "Banks will cooperate."


def share(ana, ben):
    ana.write_mine()
    return ben.check().merged.get("ana.jsonld")


def set_times(lib, ann_id, when):
    # Clocks in a test run within a millisecond; set the times the story needs (in the
    # past, so that a change made now is newer).
    lib.conn.execute(
        "UPDATE annotations SET modified = ?, deleted = CASE WHEN deleted IS NULL THEN NULL "
        "ELSE ? END WHERE id = ?",
        (when, when, ann_id),
    )


def test_a_local_edit_newer_than_the_deletion_survives_it(ana, ben, paper_id):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    set_times(ana.library, ann.id, "2020-01-01T00:00:00.000Z")
    share(ana, ben)
    ana.library.delete_annotation(ann.id)
    set_times(ana.library, ann.id, "2021-01-01T10:00:00.000Z")
    ben.library.set_note(ann.id, "I still need this")  # Ben edits Ana's highlight later
    set_times(ben.library, ann.id, "2021-01-01T11:00:00.000Z")
    assert share(ana, ben).deleted == 0
    assert ben.library.get_annotation(ann.id).deleted is None


def test_a_deletion_newer_than_the_local_edit_wins(ana, ben, paper_id):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    set_times(ana.library, ann.id, "2020-01-01T00:00:00.000Z")
    share(ana, ben)
    ben.library.set_note(ann.id, "an old remark")
    set_times(ben.library, ann.id, "2021-01-01T09:00:00.000Z")
    ana.library.delete_annotation(ann.id)
    set_times(ana.library, ann.id, "2021-01-01T10:00:00.000Z")
    assert share(ana, ben).deleted == 1
    assert ben.library.get_annotation(ann.id).deleted == "2021-01-01T10:00:00.000Z"


def test_undelete_after_the_teammate_saw_the_deletion_brings_it_back(ana, ben, paper_id):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    set_times(ana.library, ann.id, "2020-01-01T00:00:00.000Z")
    share(ana, ben)
    ana.library.delete_annotation(ann.id)
    set_times(ana.library, ann.id, "2021-01-01T10:00:00.000Z")
    share(ana, ben)
    assert ben.library.annotations(paper_id) == []
    ana.library.undelete_annotation(ann.id)  # Ctrl+Z: a newer live version
    assert share(ana, ben).updated == 1
    assert [a.id for a in ben.library.annotations(paper_id)] == [ann.id]


def test_deleted_and_undeleted_before_the_teammate_looked_is_just_there(ana, ben, paper_id):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.library.delete_annotation(ann.id)
    ana.library.undelete_annotation(ann.id)
    assert share(ana, ben).added == 1
    assert ben.library.get_annotation(ann.id).deleted is None


def test_an_older_copy_arriving_after_the_tombstone_stays_deleted(ana, ben, paper_id):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    old_copy = ana.mine.read_bytes()  # e.g. a share-export mailed before the deletion
    ana.library.delete_annotation(ann.id)
    share(ana, ben)  # Ben never had it: only the tombstone is remembered
    assert ben.library.version_times([ann.id])
    result = merge_team_file(ben.library, parse_team_file(old_copy, "old.jsonld"))
    assert (result.added, result.unchanged) == (0, 1)
    assert ben.library.annotations(paper_id) == []


def test_a_tombstone_removes_an_annotation_waiting_for_its_document(tmp_path, folder, ana):
    cara = open_member(tmp_path, "Cara", folder, with_paper=False)
    paper_id = ana.library.list_documents()[0].id
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    assert cara.check().merged["ana.jsonld"].set_aside == 1
    ana.library.delete_annotation(ann.id)
    ana.write_mine()
    assert cara.check().merged["ana.jsonld"].deleted == 1
    assert cara.library.set_aside() == []
    cara.library.close()


def test_a_teammate_cannot_delete_someone_elses_highlight(ana, ben, paper_id):
    mine = ben.library.annotate_quote(paper_id, QUOTE, author="Ben")
    ben.write_mine()
    ana.check()
    data = json.loads(ana.mine.read_text(encoding="utf-8")) if ana.mine.exists() else None
    assert data is None
    ana.library.delete_annotation(mine.id)  # Ana hides Ben's highlight in her library
    ana.write_mine()
    assert json.loads(ana.mine.read_text(encoding="utf-8"))["tombstones"] == []
    ben.check()
    assert ben.library.get_annotation(mine.id).deleted is None
