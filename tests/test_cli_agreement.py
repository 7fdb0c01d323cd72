"""``agreement`` end to end: two teammates' shared files merged, then compared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli

REPO = Path(__file__).resolve().parent.parent
PAPER = REPO / "tests" / "fixtures" / "trade-policy-paper.txt"
CODING = {
    "ana": [
        ("Trade frictions", "economy/trade"),
        ("Banks will", "economy/finance"),
        ("Students will", "culture"),
    ],
    "ben": [
        ("Trade frictions", "economy/trade"),
        ("Currency swaps", "economy/finance"),
        ("Students will", "culture"),
    ],
}


def main_py(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
    )


@pytest.fixture(scope="module")
def team_db(tmp_path_factory) -> Path:
    """A library holding ana's and ben's codings, merged from their shared files."""
    tmp = tmp_path_factory.mktemp("team")
    shared = []
    for coder, codings in CODING.items():
        db = tmp / f"{coder}.db"
        assert main_py(db, "import", str(PAPER)).returncode == 0
        for quote, tag in codings:
            out = main_py(
                db, "annotate", "Trade", "--quote", quote, "--clause", "--tag", tag,
                "--author", coder,
            )  # fmt: skip
            assert out.returncode == 0, out.stderr
        shared.append(tmp / f"{coder}.json")
        assert main_py(db, "share-export", "--author", coder, "-o", str(shared[-1])).returncode == 0
    team = tmp / "team.db"
    assert main_py(team, "import", str(PAPER)).returncode == 0
    assert main_py(team, "share-import", *map(str, shared)).returncode == 0
    return team


def test_agreement_table(team_db, capsys):
    assert cli.main(["--db", str(team_db), "agreement", "Trade Policy"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Intercoder agreement: Trade Policy Paper"
    assert lines[1] == "coders: ana, ben; units: 8 clauses (all clauses)"
    by_tag = {line.split()[0]: line.split()[1:] for line in lines[4:] if line.strip()}
    # economy (with sub-tags): ana {frictions, banks}, ben {frictions, swaps} of 8 clauses:
    # p_o = 6/8, p_e = (2/8)^2 + (6/8)^2, kappa = 1/3; alpha = 1 - 15 * 4 / (256 - 16 - 144).
    assert by_tag["economy"] == ["2", "2", "75.0%", "0.333", "0.375"]
    assert by_tag["culture"] == ["1", "1", "100.0%", "1.000", "1.000"]
    assert by_tag["economy/finance"][2:] == ["75.0%", "-0.143", "-0.071"]  # 1 - 15 * 4 / 56
    assert "2 clause(s) where the coders' tags differ" in out
    assert "Banks will cooperate." not in out  # listed only with --disagreements


def test_agreement_disagreements_and_filters(team_db, capsys):
    args = ["--db", str(team_db), "agreement", "Trade Policy", "--tag", "economy/finance"]
    assert cli.main([*args, "--coded-only", "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "units: 2 clauses (clauses anybody coded)" in out
    assert "[clause 4] Part I > 1. In the Economic Field > (2) Financial Cooperation" in out
    assert '  "Banks will cooperate."' in out
    assert "  ana  economy/finance" in out and "  ben  –" in out
    assert "culture" not in out


def test_agreement_json(team_db, capsys):
    assert cli.main(["--db", str(team_db), "agreement", "Trade", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coders"] == ["ana", "ben"]
    assert [r["tag"] for r in data["tags"]] == [
        "culture", "economy", "economy/finance", "economy/trade",
    ]  # fmt: skip
    assert data["overall"]["units"] == 3 * 8  # three tags as applied, eight clauses
    assert [d["text"] for d in data["disagreements"]] == [
        "Banks will cooperate.", "Currency swaps will be expanded.",
    ]  # fmt: skip
    assert data["disagreements"][0]["tags"] == {"ana": ["economy/finance"], "ben": []}


def test_agreement_errors_are_one_line(team_db, capsys):
    assert cli.main(["--db", str(team_db), "agreement", "Trade", "--authors", "ana"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: agreement needs at least two coders") and err.count("\n") == 1
    assert cli.main(["--db", str(team_db), "agreement", "Trade", "--authors", "ana,zoe"]) == 2
    assert "no tagged annotations by zoe" in capsys.readouterr().err
    assert cli.main(["--db", str(team_db), "agreement", "Nope"]) == 2
    assert "unknown document" in capsys.readouterr().err
    assert cli.main(["--db", str(team_db), "agreement", "Trade", "--tag", "nosuch"]) == 2
    assert capsys.readouterr().err == "error: unknown tag: nosuch\n"
    # An implied parent (only economy/finance etc. exist) is a known tag, any case.
    assert cli.main(["--db", str(team_db), "agreement", "Trade", "--tag", "ECONOMY"]) == 0
