"""Subcommands that take annotations out of the library: exports and team exchange.

``export-md``, ``export-csv``, ``export-json`` write tagged excerpts; ``share-export``
and ``share-import`` move annotations between teammates; ``hypothesis-export`` writes
them as Hypothesis's API takes them; ``set-aside`` lists shared
annotations that could not be placed yet. Files are written atomically.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from reader.cli.common import (
    EXCEL_HELP,
    add_doc_filter,
    emit,
    open_library,
    print_json,
    spreadsheet_text,
)
from reader.core.ids import BRIEF_ID, short_id


def _selection(args: argparse.Namespace):  # noqa: ANN202 - an ExportSelection
    from reader.core.export import select

    with open_library(args) as lib:
        return select(lib, args.tag, args.doc, args.author)


def cmd_export_md(args: argparse.Namespace) -> int:
    """Tagged excerpts as Markdown."""
    from reader.core.export import to_markdown

    emit(to_markdown(_selection(args), args.group_by), args.output)
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    """Tagged excerpts as CSV."""
    from reader.core.export import to_csv

    emit(spreadsheet_text(to_csv(_selection(args)), args), args.output)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    """Tagged excerpts as JSON."""
    from reader.core.export import to_json

    emit(to_json(_selection(args)), args.output)
    return 0


def cmd_share_export(args: argparse.Namespace) -> int:
    """Annotations as a W3C Web Annotation collection for teammates."""
    from reader.core.exchange import exchange_json, export_collection

    with open_library(args) as lib:
        doc_ids = [lib.resolve_document(ref).id for ref in args.doc]
        collection = export_collection(lib, args.author, doc_ids)
    emit(exchange_json(collection), args.output)
    if args.output:
        print(f"{collection['total']} annotations", file=sys.stderr)
    return 0


def cmd_hypothesis_export(args: argparse.Namespace) -> int:
    """Annotations as request bodies for Hypothesis's create-annotation API."""
    from reader.core.exchange.hypothesis import hypothesis_annotations

    with open_library(args) as lib:
        doc_ids = [lib.resolve_document(ref).id for ref in args.doc]
        bodies = hypothesis_annotations(lib, args.author, doc_ids, args.group)
    emit(json.dumps(bodies, ensure_ascii=False, indent=1) + "\n", args.output)
    if args.output:
        print(f"{len(bodies)} annotations", file=sys.stderr)
    return 0


def cmd_share_import(args: argparse.Namespace) -> int:
    """Validate exchange files, then merge them; report what was placed and what was not."""
    from reader.core.exchange import import_files

    with open_library(args) as lib:
        report = import_files(lib, args.files)
    if args.json:
        print_json(
            {
                "files": report.files,
                "annotations": report.annotations,
                "added": report.added,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "matches": [
                    {"file_title": t, "document_id": m.document_id, "title": m.title, "how": m.how}
                    for t, m in report.matches
                ],
                "set_aside": [vars(s) for s in report.set_aside],
            }
        )
        return 0
    print(
        f"{report.annotations} annotations in {report.files} file(s): {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged, "
        f"{report.newly_set_aside} set aside"
    )
    for title, m in report.matches:
        print(f"  {title!r} -> {m.title!r} (matched by {m.how})")
    _print_set_aside(report.set_aside)
    return 0


def _print_set_aside(items: list) -> None:
    orphans = [s for s in items if s.document_id]
    waiting = Counter(
        (s.document_title, s.document_fingerprint) for s in items if not s.document_id
    )
    if orphans:
        print(f"orphans ({len(orphans)}): their document is here but the text was not found")
        for s in orphans:
            quote = " ".join(s.quote.split())
            quote = quote if len(quote) <= 60 else quote[:57] + "..."
            print(f"  {short_id(s.id, BRIEF_ID)}  {quote!r} in {s.document_title!r}: {s.reason}")
    if waiting:
        print("waiting for documents (import them to place these annotations):")
        for (title, fp), n in waiting.items():
            print(f"  {title or '(untitled)'!r} fingerprint {fp or '?'}: {n} annotation(s)")


def cmd_set_aside(args: argparse.Namespace) -> int:
    """Shared annotations not placed yet (orphans, and those waiting for a document)."""
    with open_library(args) as lib:
        items = lib.set_aside()
    if args.json:
        print_json([vars(s) for s in items])
    elif items:
        _print_set_aside(items)
    else:
        print("nothing set aside")
    return 0


def _filters(p: argparse.ArgumentParser, group_by: bool = False) -> None:
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help="excerpts with this tag or its sub-tags (repeatable: any of them)",
    )
    p.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="DOC",
        help="document id, id prefix or title fragment (repeatable)",
    )
    p.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="A",
        help="annotations by this author (repeatable)",
    )
    if group_by:
        p.add_argument("--group-by", choices=("tag", "document"), default="tag")
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the export and exchange subcommands."""
    p = sub.add_parser("export-md", help="tagged excerpts as Markdown with citations")
    _filters(p, group_by=True)
    p.set_defaults(func=cmd_export_md)
    p = sub.add_parser("export-csv", help="tagged excerpts as CSV")
    _filters(p)
    p.add_argument("--excel", action="store_true", help=EXCEL_HELP)
    p.set_defaults(func=cmd_export_csv)
    p = sub.add_parser("export-json", help="tagged excerpts as JSON")
    _filters(p)
    p.set_defaults(func=cmd_export_json)
    p = sub.add_parser("share-export", help="annotations as a W3C Web Annotation file")
    p.add_argument("--author", metavar="A", help="only this author's annotations")
    add_doc_filter(p)
    p.add_argument("-o", "--output", metavar="FILE.json", help="write here (default: stdout)")
    p.set_defaults(func=cmd_share_export)
    p = sub.add_parser("hypothesis-export", help="annotations as Hypothesis API requests")
    p.add_argument("--author", metavar="A", help="only this author's annotations")
    p.add_argument("--group", metavar="ID", help="the Hypothesis group to publish in")
    add_doc_filter(p)
    p.add_argument("-o", "--output", metavar="FILE.json", help="write here (default: stdout)")
    p.set_defaults(func=cmd_hypothesis_export)
    p = sub.add_parser("share-import", help="merge teammates' Web Annotation files")
    p.add_argument("files", nargs="+", metavar="FILE.json")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_share_import)
    p = sub.add_parser("set-aside", help="shared annotations not placed yet (orphans, waiting)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_set_aside)
