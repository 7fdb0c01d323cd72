"""PDF and Word files through the command line: outline with pages, import, excerpts
citing the page, and refused files leaving the library untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.docx_fixtures import PAPER as DOCX_PAPER
from tests.core.docx_fixtures import make_docx
from tests.core.pdf_fixtures import (
    FRONT,
    LABELS,
    PAPER,
    PAPER_BOOKMARKS,
    image_only_pdf,
    make_pdf,
)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "paper.pdf").write_bytes(make_pdf(PAPER, bookmarks=PAPER_BOOKMARKS))
    (folder / "draft.docx").write_bytes(make_docx(DOCX_PAPER))
    return folder


def test_outline_of_a_pdf_gives_pages(run, files):
    code, out, _ = run("outline", str(files / "paper.pdf"))
    assert code == 0
    assert "  2. Final Provisions  (p. 3)" in out.splitlines()
    code, out, _ = run("outline", str(files / "paper.pdf"), "--json")
    data = json.loads(out)
    assert [(n["title"], n["page"]) for n in data["outline"]] == [
        ("Overview", 1),
        ("Implementation", 2),
    ]


def test_outline_of_a_labelled_pdf_gives_printed_page_numbers(run, tmp_path):
    path = tmp_path / "labelled.pdf"
    path.write_bytes(make_pdf(FRONT + PAPER, page_labels=LABELS))
    code, out, _ = run("outline", str(path))
    assert code == 0
    assert "Preface  (p. i)" in out.splitlines()
    assert "    (2) Investment  (p. 2)" in out.splitlines()
    data = json.loads(run("outline", str(path), "--json")[1])
    part1 = data["outline"][1]
    assert (part1["page"], part1["page_label"]) == (3, "1")


def test_outline_of_a_docx(run, files):
    code, out, _ = run("outline", str(files / "draft.docx"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Trade Policy Paper"
    assert [n["label"] for n in data["outline"]] == [None, "Part I", "Part II"]
    assert "page" not in data["outline"][0]


def test_a_folder_imports_pdf_and_docx_and_excerpts_cite_pages(run, files):
    code, out, _ = run("import", str(files))
    assert code == 0 and len(out.splitlines()) == 2
    code, _, _ = run("annotate", "paper.pdf", "--quote", "two years", "--tag", "review")
    assert code == 0
    code, out, _ = run("excerpts", "--tag", "review")
    assert "Part II Implementation, p. 2" in out
    code, out, _ = run("export-md", "--tag", "review")
    assert ", p. 2" in out
    code, out, _ = run("search", "joint committee")
    assert out.splitlines()[0].endswith(" > Part II Implementation, p. 2")
    [hit] = json.loads(run("search", "joint committee", "--json")[1])
    assert hit["page"] == 2 and "page_label" not in hit


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("locked.pdf", make_pdf(PAPER, encrypt="pw"), "this PDF is encrypted"),
        ("scan.pdf", image_only_pdf(), "this PDF has no text layer; run OCR first"),
        ("broken.pdf", b"%PDF-1.7\nnot really", "not a valid PDF"),
        ("broken.docx", b"PK\x03\x04broken", "not a valid Word document"),
    ],
)
def test_refused_files_store_nothing(run, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("import", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"error: {name}: ") and message in err
    code, out, _ = run("docs", "--json")
    assert json.loads(out) == []


def test_a_truncated_pdf_gives_only_the_one_line_error(tmp_path):
    # A fresh interpreter: the PDF library starts as a user's would, not as earlier tests
    # left it (a library may log or print while opening a damaged file).
    good = make_pdf(PAPER)
    path = tmp_path / "trunc.pdf"
    path.write_bytes(good[: len(good) // 2])
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [
            sys.executable,
            str(repo / "main.py"),
            "--db",
            str(tmp_path / "l.db"),
            "import",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=repo,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("error: trunc.pdf: not a valid PDF")


def test_text_prints_the_reading_view_without_furniture(run, tmp_path):
    from tests.core.pdf_layout_fixtures import columns_pdf

    built = columns_pdf(2, sections=3)
    path = tmp_path / "columns.pdf"
    path.write_bytes(built.data)
    code, out, _ = run("text", str(path))
    assert code == 0
    flat = " ".join(out.split())
    assert all(" ".join(s.split()) in flat for s in built.sentences)
    assert "L 231/" not in out and not any(n[2:30] in out for n in built.notes)
    code, out, _ = run("text", str(path), "--json")
    blocks = json.loads(out)["blocks"]
    notes = [b for b in blocks if b.get("role") == "footnote"]
    assert len(notes) == len(built.notes) and all(b["kind"] == "furniture" for b in notes)
    assert {b["page"] for b in blocks} == set(range(1, max(b["page"] for b in blocks) + 1))
    heading = next(b for b in blocks if b["kind"] == "heading")
    assert heading["text"] == built.headings[0][0] and heading["level"] == 1
    code, _, err = run("text", str(tmp_path / "missing.pdf"))
    assert code == 2 and err.startswith("error: ")
