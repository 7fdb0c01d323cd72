"""The library subcommands, run as a user would: ``main.py [--db PATH] COMMAND ...``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.cli.library import NO_DOCUMENTS

REPO = Path(__file__).resolve().parent.parent
PAPER = (REPO / "tests" / "fixtures" / "trade-policy-paper.txt").read_text(encoding="utf-8")


@pytest.fixture
def paper(tmp_path) -> Path:
    path = tmp_path / "papers" / "trade.txt"
    path.parent.mkdir()
    path.write_text(PAPER, encoding="utf-8")
    return path


@pytest.fixture
def imported(run, paper) -> str:
    """The paper imported; returns its id (import prints the full SHA-256 id)."""
    code, out, _ = run("import", str(paper))
    assert code == 0
    return out.split()[0]


def test_import_prints_id_and_title_and_is_idempotent(run, paper, imported):
    code, out, _ = run("import", str(paper.parent))  # a folder imports its supported files
    assert code == 0
    assert out == f"{imported}  Trade Policy Paper  (already in the library)\n"


def test_import_reports_bad_files_and_goes_on(run, paper, tmp_path):
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG")
    code, out, err = run("import", str(bad), str(paper))
    assert code == 2
    assert "Trade Policy Paper" in out
    assert err.startswith("error: ") and err.count("\n") == 1


def test_docs_lists_annotation_counts(run, imported):
    run("annotate", "Trade Policy", "--quote", "Banks will cooperate.")
    code, out, _ = run("docs")
    assert code == 0
    assert len(imported) == 64
    assert out.split() == [imported[:12], "1", "2016-11-24", "Trade", "Policy", "Paper"]
    code, out, _ = run("docs", "--json")
    [doc] = json.loads(out)
    assert (doc["title"], doc["annotations"], doc["id"]) == ("Trade Policy Paper", 1, imported)


def test_docs_on_an_empty_library_says_how_to_import(run):
    code, out, err = run("docs")
    assert code == 0 and out == ""
    assert err == f"{NO_DOCUMENTS}\n" and "import FILE" in NO_DOCUMENTS
    code, out, err = run("docs", "--json")
    assert (code, json.loads(out), err) == (0, [], "")


def test_annotate_then_change_and_list_excerpts(run, imported):
    code, out, _ = run(
        "annotate",
        imported[:6],
        "--quote",
        "Tariffs will fall",
        "--clause",
        "--tag",
        "economy/trade",
        "--note",
        "good news",
        "--color",
        "green",
        "--author",
        "Ana",
    )
    assert code == 0
    ann = out.strip()
    assert len(ann) == 36
    assert run("tag", ann[:8], "policy")[1] == f"tagged {ann}  (economy/trade, policy)\n"
    assert run("untag", ann, "policy")[0] == 0
    assert run("note", ann, "better news")[0] == 0
    code, out, _ = run("excerpts", "--tag", "economy", "--author", "ana")
    assert out.splitlines()[:4] == [
        "Trade Policy Paper > Part I > 1. In the Economic Field > (1) Trade",
        '  "Tariffs will fall over time."',
        "  note: better news",
        f"  tags: economy/trade · Ana · {ann}",
    ]
    code, out, _ = run("excerpts", "--tag", "culture", "--json")
    assert json.loads(out) == []
    [ex] = json.loads(run("excerpts", "--doc", "trade policy", "--json")[1])
    assert (ex["id"], ex["color"], ex["note"]) == (ann, "green", "better news")
    assert ex["section_path"] == "Part I > 1. In the Economic Field > (1) Trade"


def test_delete_and_undelete(run, imported):
    ann = run("annotate", imported, "--quote", "Students will travel.")[1].strip()
    assert run("delete", ann)[0] == 0
    assert run("excerpts")[1] == ""
    assert ann in run("trash")[1]
    assert run("undelete", ann)[0] == 0
    assert ann in run("excerpts")[1]


def test_tags_tree_and_rename(run, imported):
    run("annotate", imported, "--quote", "Banks will", "--tag", "economy/finance")
    run("annotate", imported, "--quote", "Tariffs", "--tag", "economy/trade", "--tag", "economy")
    assert run("tags")[1] == "economy  2\n  finance  1\n  trade  1\n"
    assert run("rename-tag", "economy", "econ")[0] == 0
    tree = json.loads(run("tags", "--json")[1])
    assert [(n["path"], n["count"]) for n in tree] == [("econ", 2)]
    assert [c["path"] for c in tree[0]["children"]] == ["econ/finance", "econ/trade"]
    assert run("delete-tag", "econ/trade")[0] == 0
    assert run("tags")[1] == "econ  2\n  finance  1\n"


def test_search_prints_snippets_with_section_paths(run, imported):
    ann = run("annotate", imported, "--quote", "Banks will", "--note", "central banks")[1].strip()
    code, out, _ = run("search", "banks")
    assert code == 0
    where = "Trade Policy Paper > Part I > 1. In the Economic Field > (2) Financial Cooperation"
    headers = sorted(out.splitlines()[0::3])
    assert headers == [where, f"{where}  [note on {ann}]"]
    assert "«Banks» will cooperate. Currency swaps will be expanded." in out
    hits = json.loads(run("search", "tariffs AND", "--json")[1])
    [hit] = hits
    assert hit["snippet"].endswith("handled properly. «Tariffs» will fall over time.")


@pytest.mark.parametrize(
    "args,message",
    [
        (["annotate", "nothing like it", "--quote", "x"], 'unknown document: "nothing like it"'),
        (["annotate", "Trade", "--quote", "Banks will co-operate"], "closest match"),
        (["annotate", "Trade", "--quote", "will"], "--occurrence"),
        (["annotate", "Trade", "--quote", "Banks", "--color", "plaid"], "unknown colour"),
        (["tag", "abcdef12", "x"], "unknown annotation"),
        (["rename-tag", "nope", "yes"], "unknown tag"),
        (["excerpts", "--doc", "zzz"], "unknown document"),
        (["search", " "], "empty search query"),
    ],
)
def test_errors_are_one_line_and_exit_2(run, imported, args, message):
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_ambiguous_document(run, imported, tmp_path):
    other = tmp_path / "review.txt"
    other.write_text(PAPER.replace("Trade Policy Paper", "Trade Policy Review"))
    run("import", str(other))
    code, _, err = run("annotate", "Trade Policy", "--quote", "Banks")
    assert code == 2 and "ambiguous document" in err and err.count("\n") == 1


def test_main_py_refuses_a_file_that_is_not_a_library(tmp_path):
    not_a_library = tmp_path / "notes.txt"
    not_a_library.write_text("precious")
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(not_a_library), "docs"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "not a Policy Reader library" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not_a_library.read_text() == "precious"


def test_env_variable_names_the_library(tmp_path, monkeypatch, paper, capsys):
    monkeypatch.setenv("POLICY_READER_DB", str(tmp_path / "env.db"))
    assert cli.main(["import", str(paper)]) == 0
    assert (tmp_path / "env.db").is_file()
    capsys.readouterr()


def test_every_subcommand_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [
        name
        for name in sorted(cli.command_names())
        if not any(form in readme for form in (f"main.py {name}", f"{name} ANN", f"`{name}`"))
    ]
    assert missing == []


def test_documents_are_corrected_deleted_and_undeleted_from_the_command_line(run, imported):
    code, out, _ = run(
        "edit-doc",
        "Trade Policy",
        "--title",
        "Trade Paper 2016",
        "--source",
        "MFA",
        "--date",
        "2016",
    )
    assert code == 0 and out.startswith(imported[:8]) and "Trade Paper 2016  (2016 · MFA)" in out
    run("annotate", "Trade Paper", "--quote", "Banks will cooperate.", "--tag", "finance")
    code, out, _ = run("export-md")
    assert "*Trade Paper 2016* (MFA, 2016)" in out
    code, out, _ = run("delete-doc", "Trade Paper")
    assert code == 0 and "1 annotation(s) to the trash" in out
    assert run("docs")[1] == "" and "error" in run("excerpts", "--doc", "Trade")[2]
    code, out, _ = run("undelete-doc", "trade paper")
    assert code == 0 and "1 annotation(s) back" in out
    assert "Trade Paper 2016" in run("docs")[1]
    code, _, err = run("edit-doc", "Trade Paper", "--date", "someday")
    assert code == 2 and err.startswith("error: not a date")
    assert run("edit-doc", "Trade Paper")[0] == 2


def test_a_note_of_several_lines_stays_inside_its_excerpt(run, imported):
    # A note written in the app (Enter starts a new line) printed its second line at
    # the left margin, where it reads as the next excerpt's header.
    ann = run("annotate", imported, "--quote", "Tariffs will fall")[1].strip()
    assert run("note", ann, "first thought\nsecond thought")[0] == 0
    lines = run("excerpts", "--doc", imported)[1].splitlines()
    note = lines.index("  note: first thought")
    assert lines[note + 1] == "        second thought"
