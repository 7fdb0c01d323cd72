"""``python main.py outline PATH [--json]``: prints, never touches a library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )


def test_outline_json_of_a_policy_paper(policy_paper):
    out = run("outline", str(policy_paper.path), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"title", "date", "source", "outline"}
    assert data["title"] == policy_paper.title
    assert data["date"] == policy_paper.date
    part4 = data["outline"][4]
    assert part4["label"] == "Part IV" and part4["level"] == 1
    assert set(part4) == {"label", "title", "level", "start", "end", "children"}
    assert part4["children"][1]["children"][2]["title"] == policy_paper.section_title


def test_outline_human_tree(tmp_path, capsys):
    p = tmp_path / "a.txt"
    # A heading is judged by its context too: (1) has a paragraph of its own under it.
    p.write_text(
        "Preface\n\nText.\n\nPart I Aims\n\nText.\n\n(1) Trade\n\n"
        "Tariffs will fall for both sides over five years.\n"
    )
    assert cli.main(["outline", str(p)]) == 0
    out = capsys.readouterr().out
    assert "Preface\nPart I Aims\n  (1) Trade\n" in out


def test_outline_does_not_create_a_library(tmp_path, monkeypatch):
    db = tmp_path / "lib.db"
    monkeypatch.setenv("POLICY_READER_DB", str(db))
    p = tmp_path / "a.txt"
    p.write_text("Part I Aims\n\nText.\n")
    assert cli.main(["outline", str(p), "--json"]) == 0
    assert not db.exists()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("missing.txt", None, "no such file"),
        ("paper.pdfx", b"%PDF", "unsupported file type"),
        ("binary.txt", bytes(range(256)) * 10, "not readable as text"),
    ],
)
def test_outline_errors_are_one_line_exit_2(tmp_path, name, content, message):
    p = tmp_path / name
    if content is not None:
        p.write_bytes(content)
    out = run("outline", str(p))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and name in lines[0]
    assert "Traceback" not in out.stderr
