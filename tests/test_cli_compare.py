"""The ``compare`` subcommand: library documents or files, table, JSON, Markdown report."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt


@pytest.fixture
def files(fixtures_dir):
    folder = fixtures_dir / "compare"
    return str(folder / "river-paper-2010.txt"), str(folder / "river-paper-2020.txt")


def test_compare_library_documents_prints_pairs_and_unmatched(run, files):
    assert run("import", *files)[0] == 0
    code, out, err = run("compare", "River Basin Cooperation Paper (Second", "2010")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("A: River Basin Cooperation Paper (Second Edition) (2020-06-15)")
    rows = [line.split("  ") for line in lines if "(3) Investment" in line]
    assert len(rows) == 1 and "(2) Investment" in rows[0][-1]
    assert "title+text" in rows[0]
    assert lines[lines.index("Only in A (1):") + 1] == (
        "  Part I > 2. In the Social Field > (3) Digital Cooperation"
    )
    assert lines[lines.index("Only in B (1):") + 1].endswith("(3) Tourism")


def test_compare_files_without_a_library(run, files, tmp_path):
    code, out, _ = run("compare", *files, "--json")
    assert code == 0
    data = json.loads(out)
    assert not (tmp_path / "lib.db").exists()  # files are parsed, not stored
    pairs = [(p["a"]["title"], p["b"]["title"], p["method"]) for p in data["pairs"]]
    assert ("Agricultural Cooperation", "Farming Technology", "text") in pairs
    assert ("Agricultural Cooperation", "Food Security", "text") in pairs
    assert [u["title"] for u in data["only_a"]] == ["Tourism"]
    assert data["title_b"] == "River Basin Cooperation Paper (Second Edition)"
    assert all(0 < p["score"] <= 1 for p in data["pairs"])


def test_compare_writes_the_markdown_report(run, files, tmp_path):
    target = tmp_path / "out" / "comparison.md"
    target.parent.mkdir()
    code, out, err = run("compare", *files, "--markdown", "-o", str(target))
    assert (code, out) == (0, "")
    assert str(target) in err
    text = target.read_text(encoding="utf-8")
    body = MarkdownIt("commonmark").parse(text.split("\n---\n", 1)[1])
    headings = [body[i + 1].content for i, t in enumerate(body) if t.type == "heading_open"]
    assert "(1) Trade ↔ (1) Trade in Goods and Services" in headings
    assert [p.name for p in target.parent.iterdir()] == ["comparison.md"]  # no temp left


def test_compare_mixes_a_file_and_a_library_document(run, files):
    run("import", files[0])
    code, out, _ = run("compare", "2010", files[1])
    assert code == 0 and "(1) Trade in Goods and Services" in out


def test_compare_news_report_against_paper(run, policy_paper, news_report):
    code, out, _ = run("compare", str(news_report.path), str(policy_paper.path), "--json")
    assert code == 0
    data = json.loads(out)
    label, title = news_report.main_section.split(" ", 1)  # "(1) Military Exchanges ..."
    main = [p for p in data["pairs"] if p["b"]["title"] == title]
    assert len(main) == news_report.main_paragraphs
    assert all(p["a"]["kind"] == "paragraph" and p["b"]["label"] == label for p in main)


@pytest.mark.parametrize(
    "args, message",
    [
        (("compare", "nothing-like-this", "either"), "unknown document"),
        (("compare", "missing.txt", "other.txt"), "unknown document"),
    ],
)
def test_compare_errors_are_one_line(run, args, message):
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_json_and_markdown_exclude_each_other(run, files):
    with pytest.raises(SystemExit) as exc:
        run("compare", *files, "--json", "--markdown")
    assert exc.value.code == 2


@pytest.mark.parametrize("fmt", ["--json", None])
def test_compare_output_file_without_markdown(run, files, tmp_path, fmt):
    target = tmp_path / "out.txt"
    code, out, err = run("compare", *files, *([fmt] if fmt else []), "-o", str(target))
    assert (code, out) == (0, "")
    assert err.startswith("wrote ")
    written = target.read_text(encoding="utf-8")
    printed = run("compare", *files, *([fmt] if fmt else []))[1]
    assert written == printed
    if fmt:
        assert json.loads(written)["only_a"][0]["title"] == "Tourism"
    else:
        assert written.startswith("A: River Basin Cooperation Paper")


def test_compare_refuses_a_document_with_itself(run, files):
    assert run("import", files[0])[0] == 0
    code, out, err = run("compare", "2010", "River Basin")
    assert (code, out) == (2, "")
    assert err.startswith("error: ") and "same document" in err and err.count("\n") == 1
    code, _, err = run("compare", files[0], files[0])
    assert code == 2 and "same document" in err


def test_readme_compare_section_names_every_method_and_file_type():
    from pathlib import Path

    from reader.core.compare import model

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Command line: compare two documents")
    section = readme[start : readme.index("\n## ", start + 1)]
    methods = [model.BY_TITLE, model.BY_TEXT, model.BY_TITLE_AND_TEXT, model.BY_CONTEXT]
    assert [m for m in methods if f"`{m}`" not in section] == []
    for suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
        assert f"`{suffix}`" in section, suffix
