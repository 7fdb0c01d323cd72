"""The command line's team folder: ``team-folder`` and ``sync`` between two libraries."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader import cli

PAPER = Path(__file__).resolve().parent / "fixtures" / "trade-policy-paper.txt"


@pytest.fixture
def two(tmp_path, capsys):
    """Run the CLI on Ana's or Ben's library."""

    def run(who: str, *args: str) -> tuple[int, str, str]:
        code = cli.main(["--db", str(tmp_path / f"{who}.db"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_team_folder_needs_a_name_and_a_folder(two, tmp_path, monkeypatch):
    monkeypatch.delenv("POLICY_READER_AUTHOR", raising=False)
    team = tmp_path / "team"
    team.mkdir()
    code, _, err = two("ana", "team-folder", str(team))
    assert code == 2 and err.count("\n") == 1 and "needs your name" in err
    code, _, err = two("ana", "team-folder", str(tmp_path / "nowhere"), "--author", "Ana")
    assert code == 2 and "no such folder" in err
    assert two("ana", "team-folder")[1].startswith("no team folder")


def test_two_libraries_sync_through_a_folder(two, tmp_path, monkeypatch):
    team = tmp_path / "team"
    team.mkdir()
    two("ana", "import", str(PAPER))
    code, out, _ = two("ana", "team-folder", str(team), "--author", "Ana")
    assert code == 0 and "your file: annotations/ana.jsonld" in out
    code, out, _ = two("ana", "team-folder")
    assert "a synced folder" in out and "author: Ana (writes ana.jsonld)" in out
    assert "teammates' documents imported automatically: no" in out  # not Python's False
    code, out, _ = two("ana", "annotate", "Trade", "--quote", "Banks will cooperate.",
                       "--author", "Ana", "--tag", "economy")  # fmt: skip
    ann = out.split()[0]
    code, out, _ = two("ana", "sync")
    assert "wrote annotations/ana.jsonld (1 annotation(s), 0 deletion(s))" in out
    assert "shared the source file of Trade Policy Paper" in out

    monkeypatch.setenv("POLICY_READER_AUTHOR", "Ben")
    code, out, _ = two("ben", "team-folder", str(team))
    assert code == 0 and "merged ana.jsonld: 1 set aside" in out
    assert "1 document(s) in the team folder are not in this library" in out
    code, out, _ = two("ben", "sync", "--import-documents")
    assert "imported document: Trade Policy Paper" in out
    code, out, _ = two("ben", "excerpts", "--json")
    assert ann[:8] in out and '"author": "Ana"' in out

    two("ana", "delete", ann)
    two("ana", "sync")
    code, out, _ = two("ben", "sync")
    assert "merged ana.jsonld: 1 deleted" in out
    assert two("ben", "excerpts", "--json")[1].strip() == "[]"
    code, out, _ = two("ben", "team-folder", "--off")
    assert code == 0 and two("ben", "team-folder")[1].startswith("no team folder")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sync_in_a_git_work_tree_pulls_and_pushes(two, tmp_path):
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(remote), str(clone)], check=True,
                   capture_output=True)  # fmt: skip
    two("ana", "import", str(PAPER))
    two("ana", "team-folder", str(clone), "--author", "Ana")
    two("ana", "annotate", "Trade", "--quote", "Banks will cooperate.", "--author", "Ana")
    code, out, _ = two("ana", "sync")
    assert code == 0
    assert "out to origin: 1 commit(s) (annotations/ana.jsonld, documents/" in out
    code, out, _ = two("ana", "sync", "--json")
    assert '"commits": 0' in out
    subprocess.run(["git", "-C", str(clone), "remote", "set-url", "origin", str(tmp_path / "x")],
                   check=True)  # fmt: skip
    two("ana", "annotate", "Trade", "--quote", "Students will travel.", "--author", "Ana")
    code, _, err = two("ana", "sync")
    assert code == 2 and err.count("\n") == 1 and "cannot reach origin" in err
