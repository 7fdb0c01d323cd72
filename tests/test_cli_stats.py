"""``stats`` and ``cooccurrence`` run as a user would, on a library in tmp_path."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAPER = REPO / "tests" / "fixtures" / "trade-policy-paper.txt"


@pytest.fixture
def tagged(run, tmp_path):
    """The trade paper and a note, with four annotations by two authors."""
    note = tmp_path / "note.txt"
    note.write_text("Field Note\n\nBanks met today. Nothing else happened.\n", encoding="utf-8")
    assert run("import", str(PAPER), str(note))[0] == 0
    for quote, tags, author in [
        ("Trade frictions will be handled properly.", ["economy/trade", "conflict"], "ana"),
        ("Tariffs will fall", ["economy/trade"], "ben"),
        ("frictions will be handled", ["conflict"], "ben"),
        ("Banks will cooperate.", ["economy/finance"], "ana"),
    ]:
        args = ["annotate", "Trade Policy", "--quote", quote, "--author", author]
        for tag in tags:
            args += ["--tag", tag]
        assert run(*args)[0] == 0
    assert run("annotate", "Field Note", "--quote", "Banks met today.", "--tag", "economy")[0] == 0


def test_stats_table(run, tagged):
    code, out, _ = run("stats")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 documents (2 with tags), 10 clauses, 5 excerpts"
    assert lines[2].split() == [
        "tag", "excerpts", "own", "characters", "clauses", "share", "documents", "authors"
    ]  # fmt: skip
    rows = {line.split()[0]: line.split()[1:] for line in lines[3:]}
    # economy: 3 in the paper (41 + 17 + 21 characters) + 1 in the note (16).
    assert rows["economy"] == ["4", "1", "95", "4/10", "40.0%", "2", "3"]
    assert rows["economy/trade"] == ["2", "2", "58", "2/10", "20.0%", "1", "2"]
    # Two overlapping highlights in one clause: 41 characters, one clause.
    assert rows["conflict"] == ["2", "2", "41", "1/10", "10.0%", "1", "2"]
    assert "  economy/trade" in out  # sub-tags indented under their parent


def test_stats_json_and_doc_filter(run, tagged):
    code, out, _ = run("stats", "--doc", "Field Note", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["title"] for d in data["documents"]] == ["Field Note"]
    assert [(t["tag"], t["excerpts"], t["clauses_total"]) for t in data["tags"]] == [
        ("economy", 1, 2)
    ]
    code, _, err = run("stats", "--doc", "no such paper")
    assert code == 2 and err.startswith("error: unknown document")


def test_stats_sections(run, tagged):
    code, out, _ = run("stats", "--sections", "--doc", "Trade Policy")
    assert code == 0
    assert "    Part I > 1. In the Economic Field > (1) Trade: conflict 2, economy 2" in out
    code, out, _ = run("stats", "--sections", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["document_id", "document_title", "section_path", "depth", "tag", "excerpts"]
    assert ["Part I Economy", "0", "economy/finance", "1"] in [r[2:] for r in rows]


def test_stats_csv_to_a_file(run, tagged, tmp_path):
    target = tmp_path / "stats.csv"
    code, out, err = run("stats", "--csv", "-o", str(target))
    assert (code, out) == (0, "") and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    overall = [r for r in rows if not r["document_id"]]
    tags = ["conflict", "economy", "economy/finance", "economy/trade"]
    assert [r["tag"] for r in overall] == tags
    assert overall[1]["authors"] == "(no author); ana; ben"
    note_row = next(r for r in rows if r["document_title"] == "Field Note")
    # A per-document row names who tagged in that document only.
    assert note_row["authors"] == "(no author)"
    paper_rows = {r["tag"]: r for r in rows if r["document_title"].startswith("Trade")}
    assert paper_rows["economy/finance"]["authors"] == "ana"
    assert paper_rows["economy"]["authors"] == "ana; ben"
    assert (note_row["tag"], note_row["clauses_total"], note_row["clause_share"]) == (
        "economy",
        "2",
        "0.5000",
    )


def test_cooccurrence_matrix_pairs_and_json(run, tagged):
    code, out, _ = run("cooccurrence")
    assert code == 0
    assert out.splitlines()[0].split() == ["tag", "1", "2", "3", "4"]
    # The first highlight carries both tags; it also overlaps a conflict highlight.
    assert out.splitlines()[1].split() == ["1.", "conflict", "[2]", ".", ".", "2"]
    code, out, _ = run("cooccurrence", "--pairs")
    assert out.splitlines()[1:] == ["conflict  economy/trade      2"]
    code, out, _ = run("cooccurrence", "--depth", "1", "--json")
    data = json.loads(out)
    assert data["tags"] == ["conflict", "economy"]
    assert data["matrix"] == [[2, 2], [2, 4]]
    code, out, _ = run("cooccurrence", "--csv")
    assert out.splitlines()[0] == "tag,conflict,economy,economy/finance,economy/trade"
    with pytest.raises(SystemExit) as exit_:
        run("cooccurrence", "--depth", "0")
    assert exit_.value.code == 2


def test_wide_matrix_becomes_a_list_of_pairs(run, tmp_path):
    assert run("import", str(PAPER))[0] == 0
    tags = [f"a-rather-long-tag-name-{i:02d}" for i in range(16)]
    args = ["annotate", "Trade", "--quote", "Banks will cooperate."]
    for tag in tags:
        args += ["--tag", tag]
    assert run(*args)[0] == 0
    code, out, _ = run("cooccurrence")
    lines = out.splitlines()
    assert lines[0].split() == ["tag", "tag", "count"]
    assert len(lines) == 1 + 16 * 15 // 2
    assert all(line.split()[-1] == "1" for line in lines[1:])


def test_empty_library(run):
    assert run("stats")[1].splitlines()[-1] == "no tagged excerpts"
    assert run("cooccurrence")[1] == "no tagged excerpts\n"


def test_stats_sections_keep_same_title_documents_apart(run, tmp_path):
    """Two editions of the paper share a title: each gets its own heading, told apart."""
    other = tmp_path / "second-edition.txt"
    other.write_text(PAPER.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    assert run("import", str(PAPER), str(other))[0] == 0
    docs = {d["filename"]: d["id"] for d in json.loads(run("docs", "--json")[1])}
    first, second = docs[PAPER.name], docs[other.name]
    for doc_id, tag in ((first, "economy"), (second, "conflict")):
        args = ["annotate", doc_id, "--quote", "Banks will cooperate.", "--tag", tag]
        assert run(*args)[0] == 0
    code, out, _ = run("stats", "--sections")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("Trade Policy")]
    assert sorted(headings) == sorted(
        [f"Trade Policy Paper ({PAPER.name})", f"Trade Policy Paper ({other.name})"]
    )
    blocks = out.split("\n\n")[2:]
    assert len(blocks) == 2 and ("economy" in blocks[0]) != ("economy" in blocks[1])
