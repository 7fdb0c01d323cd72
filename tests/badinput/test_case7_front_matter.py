"""Issue 18, case 7: document titles are escaped in export-md's YAML front matter; a
YAML parser reads them back exactly, and a renderer that shows the front matter as
Markdown finds no raw HTML or link in it."""

from __future__ import annotations

import yaml
from markdown_it import MarkdownIt

from reader.core.export import select, to_markdown
from reader.core.importers import parse_text
from reader.core.store import Library

TITLES = [
    '<img src=x onerror="alert(1)">',
    '"]\n---\n# injected: [x](javascript:alert(1))',
    "Ünïcode \\ back\\slash \u2028 line & amp",
]


def test_titles_are_escaped_in_the_front_matter(tmp_path):
    with Library.open(tmp_path / "l.db") as library:
        ids = []
        for i, title in enumerate(TITLES):
            text = f"Body text number {i} of the document."
            info, _ = library.add_document(parse_text(text, filename=f"{i}.txt"))
            library.conn.execute("UPDATE documents SET title = ? WHERE id = ?", (title, info.id))
            library.add_annotation(info.id, 0, 4, tags=["t"])
            ids.append(info.id)
        md = to_markdown(select(library, documents=ids))
    head = md.split("\n---\n", 1)[0].removeprefix("---\n")
    assert sorted(yaml.safe_load(head)["documents"]) == sorted(TITLES)
    assert "<img" not in head and "[x]" not in head and "\u2028" not in head
    rendered = MarkdownIt("commonmark").render(md.split("# Excerpts")[0])
    assert "<img" not in rendered and "<a " not in rendered and "javascript" in rendered
