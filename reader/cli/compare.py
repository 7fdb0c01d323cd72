"""The ``compare`` subcommand: align two documents and print or write the comparison.

``DOC_A``/``DOC_B`` name library documents (id, id prefix, or title fragment) or, when
they are paths to existing files import reads (.txt, .md, .html, .pdf, .docx), files
parsed on the fly (nothing is stored). Output: a table of aligned pairs and the
unmatched sections, ``--json``, or the Markdown report (``--markdown``); ``-o FILE``
writes any of them atomically.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import emit, open_library
from reader.core.errors import DocumentError
from reader.core.ids import short_id

if TYPE_CHECKING:
    from reader.core.compare.model import Alignment, Unit
    from reader.core.model import Document

COLUMN = 44  # characters of a section name in the table


def load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    """The two documents named on the command line (files first, else library refs)."""
    from reader.core.importers import SUPPORTED_SUFFIXES, load_document

    def is_file(ref: str) -> bool:
        p = Path(ref)
        return p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()

    refs = (args.doc_a, args.doc_b)
    docs: dict[str, Document] = {r: load_document(r) for r in refs if is_file(r)}
    if len(docs) < len({*refs}):
        with open_library(args) as lib:
            for ref in refs:
                if ref not in docs:
                    docs[ref] = lib.get_document(lib.resolve_document(ref).id)
    return docs[args.doc_a], docs[args.doc_b]


def cmd_compare(args: argparse.Namespace) -> int:
    """Align two documents; print the pairs, or JSON, or write the Markdown report."""
    from reader.core.compare import align, comparison_markdown

    doc_a, doc_b = load_pair(args)
    if doc_a.id == doc_b.id:
        raise DocumentError(f"{args.doc_a} and {args.doc_b} are the same document: name two")
    alignment = align(doc_a, doc_b)
    if args.markdown:
        text = comparison_markdown(doc_a, doc_b, alignment)
    elif args.json:
        data = alignment.to_dict()
        data["title_a"], data["title_b"] = doc_a.title, doc_b.title
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(line + "\n" for line in alignment_lines(doc_a, doc_b, alignment))
    emit(text, args.output)
    return 0


def alignment_lines(doc_a: Document, doc_b: Document, alignment: Alignment) -> Iterator[str]:
    """The alignment as a plain table, then the units found on one side only."""
    for side, doc in (("A", doc_a), ("B", doc_b)):
        date = f" ({doc.date})" if doc.date else ""
        yield f"{side}: {doc.title}{date}  [{short_id(doc.id)}]"
    yield ""
    yield f"{'score':>5}  {'sim':>4}  {'method':<10}  {'A':<{COLUMN}}  B"
    for p in alignment.pairs:
        yield (
            f"{p.score:5.2f}  {p.similarity:4.0%}  {p.method:<10}  "
            f"{_name(p.a):<{COLUMN}}  {_name(p.b)}"
        )
    for side, units in (("A", alignment.only_a), ("B", alignment.only_b)):
        yield ""
        yield f"Only in {side} ({len(units)}):"
        yield from (f"  {_where(u)}" for u in units)


def _where(unit: Unit) -> str:
    """A section's path; a paragraph's number and first words."""
    from reader.core.compare.model import PARAGRAPH

    if unit.kind == PARAGRAPH:
        return f"{unit.path}: {unit.title}"
    return unit.path or unit.display


def _name(unit: Unit) -> str:
    name = " ".join(unit.display.split())
    return name if len(name) <= COLUMN else name[: COLUMN - 1] + "…"


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ``compare`` on the main parser's subcommands."""
    p = sub.add_parser(
        "compare",
        help="align two documents section by section (what changed between editions)",
    )
    p.add_argument("doc_a", metavar="DOC_A", help="library document (id, prefix, title) or file")
    p.add_argument("doc_b", metavar="DOC_B", help="the document to compare it with")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the alignment as JSON")
    out.add_argument("--markdown", action="store_true", help="the full report as Markdown")
    p.add_argument("-o", "--output", metavar="FILE", help="write the output (any format) to FILE")
    p.set_defaults(func=cmd_compare)
