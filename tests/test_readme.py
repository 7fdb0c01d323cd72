"""README prose checks that catch what merges leave behind and formats left out."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.importers import FORMATS

README = Path(__file__).resolve().parent.parent / "README.md"


def paragraphs(text: str) -> list[tuple[str, str]]:
    """(kind, text) per paragraph: "code" for fenced or indented blocks, else "prose"."""
    out: list[tuple[str, str]] = []
    fenced = False
    for chunk in re.split(r"\n\s*\n", text):
        if fenced or chunk.lstrip().startswith("```"):
            out.append(("code", chunk))
            fenced ^= chunk.count("```") % 2 == 1
        elif chunk.startswith("    ") or chunk.startswith("!["):
            out.append(("code", chunk))
        else:
            out.append(("prose", chunk))
    return out


def test_a_paragraph_continuing_in_lowercase_follows_a_code_block():
    # "prints median timings ..." after a command reads on from it; after prose it is a
    # sentence left over from a merge ("one module; `python bench/run.py pdf` ...").
    paras = paragraphs(README.read_text(encoding="utf-8"))
    stray = [
        text[:60]
        for (before, _), (kind, text) in zip(paras, paras[1:], strict=False)
        if kind == "prose" and text[:1].islower() and before != "code"
    ]
    assert stray == []


def test_open_with_names_every_importable_format():
    text = " ".join(README.read_text(encoding="utf-8").split())
    [sentence] = re.findall(r'menu entry \(with "open with" for ([^)]*)\)', text)
    main_suffixes = {".txt", ".md", ".html", ".pdf", ".docx"}
    assert {f for s, f in FORMATS.items() if s in main_suffixes} == set(FORMATS.values())
    assert all(f"`{s}`" in sentence for s in main_suffixes)
