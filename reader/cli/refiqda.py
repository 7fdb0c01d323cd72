"""REFI-QDA subcommands: the tag system as a codebook (``qdc-export``, ``qdc-import``),
the library as a project and projects into it (``qdpx-export``, ``qdpx-import``), and
tag descriptions (``describe-tag``).

Files are written atomically; a bad file to import prints one line and imports nothing.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from reader.cli.common import open_library, print_json


def cmd_qdc_export(args: argparse.Namespace) -> int:
    """The tag tree, with descriptions and colours, as a REFI-QDA codebook; with
    ``--csv``, as the codebook CSV Taguette imports (tag, description)."""
    if args.csv:
        from reader.core.export.codebook_csv import export_codebook_csv as export
    else:
        from reader.core.refiqda import export_codebook as export

    with open_library(args) as lib:
        count = export(lib, args.output)
    print(f"wrote {args.output}: {count} code(s)", file=sys.stderr)
    return 0


def cmd_qdc_import(args: argparse.Namespace) -> int:
    """Create the tags of a codebook (.qdc, or a .qdpx project's) and set descriptions."""
    from reader.core.refiqda import import_codebook

    with open_library(args) as lib:
        counts = import_codebook(lib, args.file)
    if args.json:
        print_json(asdict(counts))
    else:
        print(counts.summary())
        print("".join(f"  added      {path}\n" for path in counts.added), end="")
        print("".join(f"  described  {path}\n" for path in counts.described), end="")
        print("".join(f"  from name  {path}\n" for path in counts.paths_from_names), end="")
    return 0


def cmd_qdpx_export(args: argparse.Namespace) -> int:
    """Documents, tags and annotations as a REFI-QDA project."""
    from reader.core.refiqda import export_project

    with open_library(args) as lib:
        doc_ids = [lib.resolve_document(ref).id for ref in args.doc]
        summary = export_project(lib, args.output, doc_ids, args.author)
    print(
        f"wrote {args.output}: {summary.documents} document(s), {summary.selections} "
        f"annotation(s), {summary.codes} code(s), {summary.users} author(s)",
        file=sys.stderr,
    )
    return 0


def cmd_qdpx_import(args: argparse.Namespace) -> int:
    """Documents, tags, annotations, authors and notes from a REFI-QDA project."""
    from reader.core.refiqda import import_project

    with open_library(args) as lib:
        report = import_project(lib, args.file)
    if args.json:
        data = asdict(report)
        data["left_out"] = report.left_out()
        print_json(data)
        return 0
    print(report.summary())
    for title in report.documents_added:
        print(f"  added      {title}")
    for title in report.documents_known:
        print(f"  known      {title}")
    for path in report.paths_from_names:
        print(f"  from name  {path} (a code name with '/' read as a tag path)")
    for line in report.left_out():
        print(f"  left out   {line}")
    return 0


def cmd_describe_tag(args: argparse.Namespace) -> int:
    """Show, set or clear what a tag means."""
    with open_library(args) as lib:
        if args.description is not None:
            lib.set_tag_description(args.tag, args.description)
        print(lib.tag_description(args.tag))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the REFI-QDA subcommands."""
    p = sub.add_parser("qdc-export", help="tags as a REFI-QDA codebook (.qdc) or CSV")
    p.add_argument("-o", "--output", required=True, metavar="FILE.qdc", help="write here")
    p.add_argument(
        "--csv", action="store_true", help="a codebook CSV (tag, description) as Taguette takes"
    )
    p.set_defaults(func=cmd_qdc_export)
    p = sub.add_parser("qdc-import", help="create tags from a codebook (.qdc, .qdpx, Taguette CSV)")
    p.add_argument("file", metavar="FILE", help="a .qdc, a .qdpx or a codebook CSV")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_qdc_import)
    p = sub.add_parser("qdpx-export", help="documents, tags and annotations as .qdpx")
    p.add_argument("-o", "--output", required=True, metavar="FILE.qdpx", help="write here")
    p.add_argument("--doc", action="append", default=[], metavar="DOC", help="only these documents")
    p.add_argument("--author", action="append", default=[], metavar="A", help="only these authors")
    p.set_defaults(func=cmd_qdpx_export)
    p = sub.add_parser("qdpx-import", help="documents, tags and annotations from a .qdpx")
    p.add_argument("file", metavar="FILE.qdpx", help="a REFI-QDA project")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=cmd_qdpx_import)
    p = sub.add_parser("describe-tag", help="show or set what a tag means")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("description", nargs="?", help="the new description ('' clears it)")
    p.set_defaults(func=cmd_describe_tag)
