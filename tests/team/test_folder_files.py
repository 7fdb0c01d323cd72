"""What the folder may hold besides good files: half-written, invalid and foreign files,
someone else's name, and the documents' source files."""

from __future__ import annotations

import pytest
from team_helpers import PAPER, open_member

from reader.core.team import TeamError, author_slug, turn_on

QUOTE = "Banks will cooperate."


def test_a_corrupt_teammate_file_is_skipped_with_a_message_and_retried_when_it_changes(
    tmp_path, folder, ana, ben, paper_id
):
    dan = open_member(tmp_path, "Dan", folder)
    dan.library.annotate_quote(paper_id, "Students will travel.", author="Dan")
    dan.write_mine()
    ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    good = ana.mine.read_bytes()
    ana.mine.write_bytes(good[: len(good) // 2])  # a sync engine half-way through
    (ana.folder.annotations / "cara.jsonld").write_text('{"type": "Annotation"}')
    (ben.folder.annotations / "notes.txt").write_text("not an annotation file")

    report = ben.check()
    assert set(report.skipped) == {"ana.jsonld", "cara.jsonld"}
    assert "ana.jsonld: not valid JSON" in report.skipped["ana.jsonld"]
    assert "cara.jsonld" in report.skipped["cara.jsonld"]
    assert report.merged["dan.jsonld"].added == 1  # never blocked by the others
    assert set(ben.problems) == {"ana.jsonld", "cara.jsonld"}
    assert ben.write_mine().written  # the rest goes on
    assert ben.check().skipped == {}  # not retried until the file changes

    ana.mine.write_bytes(good)  # the sync engine finishes
    report = ben.check()
    assert report.merged["ana.jsonld"].added == 1
    assert set(ben.problems) == {"cara.jsonld"}
    (ana.folder.annotations / "cara.jsonld").unlink()
    ben.check()
    assert ben.problems == {}
    dan.library.close()


def test_an_invalid_file_of_your_own_is_never_overwritten(ana, paper_id):
    ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.mine.write_text("{ broken")
    with pytest.raises(TeamError, match="not rewritten until it is fixed"):
        ana.write_mine()
    assert ana.mine.read_text() == "{ broken"


def test_a_file_holding_someone_elses_name_is_not_taken_over(tmp_path, folder, ana, paper_id):
    ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    other = open_member(tmp_path, "ANA!", folder)  # "ana" once made safe for a file name
    assert other.mine == ana.mine
    other.library.annotate_quote(paper_id, QUOTE, author="ANA!")
    with pytest.raises(TeamError, match="belongs to Ana"):
        other.write_mine()
    other.library.close()


def test_names_are_made_safe_for_files_and_kept_whole_inside():
    assert author_slug("Ana María López") == "ana-maria-lopez"
    assert author_slug("../../etc/passwd") == "etc-passwd"
    assert author_slug("张伟").startswith("author-") and author_slug("张伟") != author_slug("李娜")
    assert author_slug("CON") != "con"
    with pytest.raises(TeamError, match="needs your name"):
        author_slug("   ")


def test_turning_on_without_a_name_is_refused(tmp_path, folder):
    from reader.core.store import Library

    with Library.open(tmp_path / "x.db") as lib:
        with pytest.raises(TeamError, match="needs your name"):
            turn_on(lib, folder, "")
        with pytest.raises(TeamError, match="no such folder"):
            turn_on(lib, tmp_path / "missing", "Ana")
        assert lib.setting("team.folder") is None


def test_the_source_of_an_annotated_document_is_shared_and_imported_by_a_teammate(
    tmp_path, folder, ana, paper_id
):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana", tags=["law"])
    report = ana.write_mine()
    shared = ana.folder.documents / f"{paper_id}.txt"
    assert report.copied == ["Trade Policy Paper"] and shared.read_bytes() == PAPER.read_bytes()

    cara = open_member(tmp_path, "Cara", folder, with_paper=False)
    assert cara.check().merged["ana.jsonld"].set_aside == 1
    [missing] = cara.missing_documents()
    assert (missing.fingerprint, missing.title, missing.waiting) == (
        paper_id,
        "Trade Policy Paper",
        1,
    )
    report = cara.check(import_docs=True)
    assert report.imported == ["Trade Policy Paper"]
    placed = cara.library.get_annotation(ann.id)
    assert (placed.quote, placed.tags) == (QUOTE, ["law"])
    assert cara.missing_documents() == [] and cara.library.set_aside() == []
    cara.library.close()


def test_documents_are_imported_automatically_when_chosen(tmp_path, folder, ana, paper_id):
    ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    cara = open_member(tmp_path, "Cara", folder, with_paper=False)
    cara.config = turn_on(cara.library, folder, "Cara", auto_import_documents=True)
    report = cara.check()
    assert report.imported == ["Trade Policy Paper"]
    assert [a.quote for a in cara.library.annotations(paper_id)] == [QUOTE]
    cara.library.close()


def test_a_source_changed_since_import_is_not_shared(tmp_path, folder):
    copy = tmp_path / "paper.txt"
    copy.write_bytes(PAPER.read_bytes())
    from reader.core.exchange import add_document
    from reader.core.importers import load_document
    from reader.core.store import Library
    from reader.core.team import TeamSession

    lib = Library.open(tmp_path / "dan.db")
    info, _ = add_document(lib, load_document(copy), copy)
    session = TeamSession(lib, turn_on(lib, folder, "Dan"))
    lib.annotate_quote(info.id, QUOTE, author="Dan")
    copy.write_text("edited since", encoding="utf-8")
    report = session.write_mine()
    assert report.unknown_sources == ["Trade Policy Paper"] and report.copied == []
    lib.close()


def test_a_document_put_in_the_trash_stays_there_and_takes_nothing_from_the_team(
    tmp_path, folder, ana, ben, paper_id
):
    ann = ana.library.annotate_quote(paper_id, QUOTE, author="Ana")
    ana.write_mine()
    ben.check()
    ana.library.delete_document(paper_id)
    report = ana.write_mine()
    assert (report.annotations, report.tombstones) == (0, 0)  # not deletions for the team
    assert ben.check().merged["ana.jsonld"].deleted == 0
    assert ben.library.get_annotation(ann.id).deleted is None
    # Its source file is in the folder, but the trash is not "missing": not imported back.
    assert (folder / "documents" / f"{paper_id}.txt").exists()
    assert ana.missing_documents() == []
    ana.check(import_docs=True)
    assert ana.library.list_documents() == []
