"""Document subcommands: edit-doc (correct title, date, source), delete-doc (to the trash
with its annotations) and undelete-doc (back, with them)."""

from __future__ import annotations

import argparse

from reader.cli.common import open_library
from reader.core.ids import short_id


def cmd_edit_doc(args: argparse.Namespace) -> int:
    """Correct a document's metadata; prints the document as it now is."""
    from reader.core.document_edits import MetadataEdit
    from reader.core.errors import LibraryError

    edit = MetadataEdit(args.title, args.date, args.source)
    if edit == MetadataEdit():
        raise LibraryError("nothing to change: give --title, --date and/or --source")
    with open_library(args) as lib:
        info = lib.edit_document(lib.resolve_document(args.doc).id, edit)
    facts = " · ".join(x for x in (info.date, info.source) if x)
    print(f"{short_id(info.id)}  {info.title}" + (f"  ({facts})" if facts else ""))
    return 0


def cmd_delete_doc(args: argparse.Namespace) -> int:
    """Move a document and its annotations to the trash."""
    with open_library(args) as lib:
        info = lib.resolve_document(args.doc)
        count = lib.delete_document(info.id)
    print(f"deleted {short_id(info.id)} {info.title} ({count} annotation(s) to the trash)")
    return 0


def cmd_undelete_doc(args: argparse.Namespace) -> int:
    """Bring a document back from the trash with its annotations."""
    with open_library(args) as lib:
        info = lib.resolve_deleted_document(args.doc)
        count = lib.undelete_document(info.id)
    print(f"undeleted {short_id(info.id)} {info.title} ({count} annotation(s) back)")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the document subcommands on the CLI's subparsers."""
    p = sub.add_parser("edit-doc", help="correct a document's title, date or source")
    p.add_argument("doc", metavar="DOC", help="document id, id prefix or unique title fragment")
    p.add_argument("--title", help="the new title")
    p.add_argument("--date", help="2016-11-24, 24 November 2016, 2016-11 or 2016 ('' clears)")
    p.add_argument("--source", help="publisher or source ('' clears)")
    p.set_defaults(func=cmd_edit_doc)

    p = sub.add_parser("delete-doc", help="move a document and its annotations to the trash")
    p.add_argument("doc", metavar="DOC", help="document id, id prefix or unique title fragment")
    p.set_defaults(func=cmd_delete_doc)

    p = sub.add_parser("undelete-doc", help="bring back a deleted document and its annotations")
    p.add_argument("doc", metavar="DOC", help="id prefix or title fragment of a deleted document")
    p.set_defaults(func=cmd_undelete_doc)
