"""The export and exchange subcommands, end to end through ``main.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAPER = REPO / "tests" / "fixtures" / "trade-policy-paper.txt"


def run(db, *args):
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


def test_export_and_share_between_two_libraries(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    assert run(a, "import", str(PAPER)).returncode == 0
    out = run(
        a,
        "annotate",
        "Trade Policy",
        "--quote",
        "Banks will cooperate.",
        "--tag",
        "economy/finance",
        "--note",
        "# not *markup*",
        "--author",
        "ana",
    )
    assert out.returncode == 0, out.stderr
    md = tmp_path / "x.md"
    out = run(a, "export-md", "--tag", "economy", "-o", str(md))
    assert out.returncode == 0, out.stderr
    text = md.read_text(encoding="utf-8")
    assert "> Banks will cooperate." in text and "\\# not \\*markup\\*" in text
    assert (
        "Part I > 1. In the Economic Field > (2) Financial Cooperation".replace(">", "\\>") in text
    )
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    csv_out = run(a, "export-csv", "--author", "ana")
    assert csv_out.stdout.splitlines()[0].startswith("annotation_id,document_id")
    assert json.loads(run(a, "export-json").stdout)["excerpts"][0]["author"] == "ana"
    share = tmp_path / "ana.json"
    assert run(a, "share-export", "--author", "ana", "-o", str(share)).returncode == 0
    out = run(b, "share-import", str(share))
    assert out.returncode == 0 and "1 set aside" in out.stdout
    assert "waiting for documents" in run(b, "set-aside").stdout
    run(b, "import", str(PAPER))
    assert run(b, "set-aside").stdout.strip() == "nothing set aside"
    assert "Banks will cooperate." in run(b, "excerpts", "--author", "ana").stdout


def test_errors_are_one_line_exit_2(tmp_path):
    db = tmp_path / "a.db"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    out = run(db, "share-import", str(bad))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "bad.json" in out.stderr
    out = run(db, "export-md", "-o", str(tmp_path / "no" / "such" / "dir" / "x.md"))
    assert out.returncode == 2 and "does not exist" in out.stderr
