"""The subcommands that read one file without any library (nothing is stored):
``outline`` (title, date, source and outline) and ``text`` (the reading view's text)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.common import print_json

if TYPE_CHECKING:
    from reader.core.model import Document, OutlineNode


def _outline_lines(nodes: list[OutlineNode], doc: Document, depth: int = 0) -> list[str]:
    lines = []
    for node in nodes:
        page = doc.page_label_at(node.start)
        lines.append(f"{'  ' * depth}{node.display}" + (f"  (p. {page})" if page else ""))
        lines.extend(_outline_lines(node.children, doc, depth + 1))
    return lines


def _node_json(node: OutlineNode, doc: Document) -> dict:
    """A node as JSON; nodes of a paged document (PDF) also give their page."""
    d = node.to_dict()
    if doc.pages:
        d["page"] = doc.page_at(node.start)
        if doc.page_labels:
            d["page_label"] = doc.page_label_at(node.start)
    d["children"] = [_node_json(c, doc) for c in node.children]
    return d


def cmd_outline(args: argparse.Namespace) -> int:
    """Print a file's metadata and outline without touching any library."""
    from reader.core.importers import load_document

    doc = load_document(args.path)
    if args.json:
        print_json(
            {
                "title": doc.title,
                "date": doc.date,
                "source": doc.source,
                "outline": [_node_json(n, doc) for n in doc.outline],
            }
        )
        return 0
    print(doc.title)
    meta = " · ".join(x for x in (doc.date, doc.source) if x)
    if meta:
        print(meta)
    print()
    for line in _outline_lines(doc.outline, doc):
        print(line)
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    """Print the text the reading view shows: page furniture and footnotes left out, or
    with ``--json`` every block marked by kind."""
    from reader.core.importers import load_document
    from reader.core.plain_text import reading_blocks, reading_text

    doc = load_document(args.path)
    if args.json:
        print_json({"title": doc.title, "blocks": reading_blocks(doc)})
        return 0
    sys.stdout.write(reading_text(doc))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``outline`` and ``text``."""
    p = sub.add_parser("outline", help="print a file's title, date, source and outline")
    p.add_argument("path", help="a .txt, .md, .html, .pdf or .docx file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_outline)
    p = sub.add_parser(
        "text", help="print a file's text as the reading view shows it (furniture left out)"
    )
    p.add_argument("path", help="a .txt, .md, .html, .pdf or .docx file")
    p.add_argument(
        "--json", action="store_true", help="every block, marked by kind (footnotes too)"
    )
    p.set_defaults(func=cmd_text)
