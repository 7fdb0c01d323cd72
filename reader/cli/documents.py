"""Document subcommands: edit-doc (correct title, date, source), delete-doc (to the trash
with its annotations) and undelete-doc (back, with them)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

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


def _trash_command(deleting: bool) -> Callable[[argparse.Namespace], int]:
    """delete-doc (``deleting``) or undelete-doc: one line saying what moved."""

    def run(args: argparse.Namespace) -> int:
        with open_library(args) as lib:
            if deleting:
                info = lib.resolve_document(args.doc)
                count = lib.delete_document(info.id)
            else:
                info = lib.resolve_deleted_document(args.doc)
                count = lib.undelete_document(info.id)
        verb, where = ("deleted", "to the trash") if deleting else ("undeleted", "back")
        print(f"{verb} {short_id(info.id)} {info.title} ({count} annotation(s) {where})")
        return 0

    run.__doc__ = "Move a document and its annotations to the trash, or back."
    return run


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
    p.set_defaults(func=_trash_command(deleting=True))

    p = sub.add_parser("undelete-doc", help="bring back a deleted document and its annotations")
    p.add_argument("doc", metavar="DOC", help="id prefix or title fragment of a deleted document")
    p.set_defaults(func=_trash_command(deleting=False))
