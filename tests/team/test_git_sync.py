"""Sync through git: a local bare repository as the remote and two clones of it."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from team_helpers import open_member

from reader.core.team.git import GitError, is_work_tree
from reader.core.team.sync import GitSync

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
QUOTE_A = "Banks will cooperate."
QUOTE_B = "Students will travel."


def git(*args, cwd):
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def remote(tmp_path):
    bare = tmp_path / "remote.git"
    git("init", "-q", "--bare", "--initial-branch=main", str(bare), cwd=tmp_path)
    return bare


def clone(tmp_path, remote, name):
    folder = tmp_path / f"{name}-clone"
    git("clone", "-q", str(remote), str(folder), cwd=tmp_path)
    return open_member(tmp_path, name, folder)


@pytest.fixture
def pair(tmp_path, remote):
    ana, ben = clone(tmp_path, remote, "Ana"), clone(tmp_path, remote, "Ben")
    yield ana, ben
    ana.library.close()
    ben.library.close()


def test_both_sides_sync_and_concurrent_edits_both_survive(pair, remote):
    ana, ben = pair
    paper = ana.library.list_documents()[0].id
    assert is_work_tree(ana.folder.root)
    a1 = ana.library.annotate_quote(paper, QUOTE_A, author="Ana", tags=["economy"])
    report = GitSync(ana).run()
    assert report.outgoing.commits == 1
    assert set(report.outgoing.files) == {"annotations/ana.jsonld", f"documents/{paper}.txt"}
    log = git("log", "-1", "--format=%an|%s", "main", cwd=remote)
    assert log == "Ana|Annotations of Ana (Policy Reader)"  # committed as Ana

    report = GitSync(ben).run()
    assert report.incoming.commits == 1 and "annotations/ana.jsonld" in report.incoming.files
    assert report.merged.added == 1
    assert ben.library.get_annotation(a1.id).tags == ["economy"]

    # Concurrent edits to different annotations: both sides change, Ana pushes first.
    ana.library.set_note(a1.id, "Ana's note")
    b1 = ben.library.annotate_quote(paper, QUOTE_B, author="Ben", note="Ben's highlight")
    GitSync(ana).run()
    report = GitSync(ben).run()  # pulls Ana's commit, rebases his own onto it, pushes
    assert report.incoming.commits == 1 and report.merged.updated == 1
    assert report.outgoing.commits == 1
    GitSync(ana).run()
    for lib in (ana.library, ben.library):
        assert lib.get_annotation(a1.id).note == "Ana's note"
        assert lib.get_annotation(b1.id).note == "Ben's highlight"

    # Deletions travel too.
    ben.library.delete_annotation(b1.id)
    GitSync(ben).run()
    assert GitSync(ana).run().merged.deleted == 1
    assert ana.library.get_annotation(b1.id).deleted is not None
    # Nothing left over in either clone, and nothing more to send.
    for side in (ana, ben):
        assert git("status", "--porcelain", cwd=side.folder.root) == ""
        assert GitSync(side).run().outgoing.commits == 0


def test_a_push_refused_because_a_teammate_pushed_first_is_retried(pair):
    ana, ben = pair
    paper = ana.library.list_documents()[0].id
    GitSync(ana).run()
    GitSync(ben).run()
    ana.library.annotate_quote(paper, QUOTE_A, author="Ana")
    ben.library.annotate_quote(paper, QUOTE_B, author="Ben")
    sync = GitSync(ben)
    sync.merge()
    sync.pull()  # Ben has pulled ...
    GitSync(ana).run()  # ... Ana pushes before Ben does
    sync.merge()
    assert sync.push() is False  # refused: the remote moved on
    report = GitSync(ben).run()
    assert report.incoming.commits == 1 and report.outgoing.commits >= 1
    assert len(ben.library.annotations(paper)) == 2


def test_no_network_is_one_line_and_nothing_is_lost(pair, tmp_path):
    ana, _ben = pair
    paper = ana.library.list_documents()[0].id
    ann = ana.library.annotate_quote(paper, QUOTE_A, author="Ana")
    git("remote", "set-url", "origin", str(tmp_path / "gone.git"), cwd=ana.folder.root)
    with pytest.raises(GitError, match="cannot reach origin") as caught:
        GitSync(ana).run()
    assert "\n" not in str(caught.value) and "nothing was lost" in str(caught.value)
    # The work is committed locally and the library still has it.
    assert "ana.jsonld" in git("show", "--stat", "--format=", "HEAD", cwd=ana.folder.root)
    assert ana.library.get_annotation(ann.id).deleted is None


def test_a_hand_edited_file_in_conflict_stops_the_sync_cleanly(pair):
    ana, ben = pair
    paper = ana.library.list_documents()[0].id
    ana.library.annotate_quote(paper, QUOTE_A, author="Ana")
    GitSync(ana).run()
    GitSync(ben).run()
    # Ben edits Ana's file by hand and pushes it; Ana changes her annotations meanwhile.
    theirs = ben.folder.annotations / "ana.jsonld"
    data = json.loads(theirs.read_text(encoding="utf-8"))
    data["label"] = "edited by hand"
    theirs.write_text(json.dumps(data), encoding="utf-8")
    git(
        "-c",
        "user.name=Ben",
        "-c",
        "user.email=ben@example.invalid",
        "commit",
        "-qam",
        "edit",
        cwd=ben.folder.root,
    )
    git("push", "-q", cwd=ben.folder.root)
    ana.library.annotate_quote(paper, QUOTE_B, author="Ana")
    with pytest.raises(GitError, match="annotations/ana.jsonld changed both here and on origin"):
        GitSync(ana).run()
    head_before = git("rev-parse", "HEAD", cwd=ana.folder.root)
    assert git("status", "--porcelain", cwd=ana.folder.root) == ""  # no rebase left half-done
    assert "ana.jsonld" in git("show", "--stat", "--format=", head_before, cwd=ana.folder.root)
    assert len(ana.library.annotations(paper)) == 2


def test_a_folder_without_a_remote_commits_locally(tmp_path):
    folder = tmp_path / "solo"
    folder.mkdir()
    git("init", "-q", str(folder), cwd=tmp_path)
    solo = open_member(tmp_path, "Solo", folder)
    paper = solo.library.list_documents()[0].id
    solo.library.annotate_quote(paper, QUOTE_A, author="Solo")
    report = GitSync(solo).run()
    assert report.remote is None and report.committed
    assert report.lines()[0] == "no remote: your changes are committed here only"
    solo.library.close()
