"""Library subcommands: import, docs, annotate, tag/untag/note/color/delete/undelete,
tags, rename-tag, delete-tag, excerpts, search, trash.

Each opens the library named by ``--db`` (else ``$POLICY_READER_DB``, else the user
data folder), does one thing, and prints plain lines or, with ``--json``, JSON.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.common import open_library, print_json
from reader.core.authors import AUTHOR_ENV, default_author
from reader.core.colors import COLORS, DEFAULT_COLOR
from reader.core.errors import LibraryError, ReaderError
from reader.core.ids import short_id

if TYPE_CHECKING:
    from reader.core.library_model import Annotation, DocumentInfo, Excerpt, SearchHit, TagNode
    from reader.core.store import Library


def _files_to_import(paths: list[str]) -> list[Path]:
    from reader.core.importers import SUPPORTED_SUFFIXES

    files: list[Path] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise LibraryError(f"{p}: no supported files in this folder")
            files.extend(found)
        else:
            files.append(p)
    return files


def cmd_import(args: argparse.Namespace) -> int:
    """Import files (folders: their supported files); one line per document."""
    from reader.core.exchange import add_document
    from reader.core.importers import load_document

    failed = 0
    with open_library(args) as lib:
        for path in _files_to_import(args.files):
            try:
                info, added = add_document(lib, load_document(path), path)
            except ReaderError as exc:  # report, and go on with the other files
                print(f"error: {exc}", file=sys.stderr)
                failed += 1
                continue
            suffix = "" if added else "  (already in the library)"
            print(f"{info.id}  {info.title}{suffix}")  # the full id, for scripts
    return 2 if failed else 0


NO_DOCUMENTS = (
    "no documents; import some with the import command: "
    "import FILE (.txt .md .html .pdf .docx) or FOLDER"
)


def _listing(
    fetch: Callable[[Library, argparse.Namespace], list[Any]],
    lines: Callable[[Any], Iterable[str]],
    empty: str | None = None,
) -> Callable[[argparse.Namespace], int]:
    """A read-only subcommand: fetch items, print them as lines or (``--json``) as JSON.

    :param empty: a hint for stderr when there is nothing to list (stdout stays empty
        for scripts; ``--json`` prints ``[]``).
    """

    def run(args: argparse.Namespace) -> int:
        with open_library(args) as lib:
            items = fetch(lib, args)
        if args.json:
            print_json([item.to_dict() for item in items])
            return 0
        if not items and empty:
            print(empty, file=sys.stderr)
        for item in items:
            for line in lines(item):
                print(line)
        return 0

    return run


def _document_lines(d: DocumentInfo) -> Iterator[str]:
    yield f"{short_id(d.id)}  {d.annotations:>4}  {d.date or '':10}  {d.title}"


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate a quote in a document; prints the new annotation's id."""
    with open_library(args) as lib:
        doc = lib.resolve_document(args.doc)
        ann = lib.annotate_quote(
            doc.id,
            args.quote,
            occurrence=args.occurrence,
            whole_clauses=args.clause,
            note=args.note or "",
            color=args.color,
            author=args.author,
            tags=args.tag or [],
        )
    print(ann.id)
    return 0


def _annotation_command(
    change: Callable[[Library, str, argparse.Namespace], Annotation], verb: str
) -> Callable[[argparse.Namespace], int]:
    """A subcommand that changes one annotation and prints what it now is."""

    def run(args: argparse.Namespace) -> int:
        with open_library(args) as lib:
            ann = change(lib, lib.resolve_annotation(args.ann), args)
        tags = ", ".join(ann.tags) or "no tags"
        print(f"{verb} {ann.id}  ({tags})")
        return 0

    run.__doc__ = f"Print the annotation after it was {verb}."
    return run


def _tag_lines(nodes: list[TagNode], depth: int = 0) -> Iterator[str]:
    for node in nodes:
        yield f"{'  ' * depth}{node.name}  {node.count}"
        yield from _tag_lines(node.children, depth + 1)


def cmd_rename_tag(args: argparse.Namespace) -> int:
    """Rename (or merge) a tag and its sub-tags."""
    with open_library(args) as lib:
        moved = lib.rename_tag(args.old, args.new)
    print(f"renamed {args.old} to {args.new} ({moved} tagging(s) carried over)")
    return 0


def cmd_delete_tag(args: argparse.Namespace) -> int:
    """Remove a tag and its sub-tags from every annotation (annotations stay)."""
    with open_library(args) as lib:
        count = lib.delete_tag(args.tag)
    print(f"deleted tag {args.tag} (removed from {count} annotation(s))")
    return 0


def _excerpt_lines(ex: Excerpt) -> Iterator[str]:
    a = ex.annotation
    where = f"{ex.document_title} > {ex.location}" if ex.location else ex.document_title
    yield where
    yield f'  "{" ".join(a.quote.split())}"'
    if a.note:
        # A note's further lines line up under its first, inside the excerpt.
        yield "  note: " + a.note.replace("\n", "\n" + " " * len("  note: "))
    details = [f"tags: {', '.join(a.tags)}" if a.tags else "", a.author or "", a.id]
    yield "  " + " · ".join(d for d in details if d)
    yield ""


def _excerpts(lib: Library, args: argparse.Namespace) -> list[Excerpt]:
    doc_id = lib.resolve_document(args.doc).id if args.doc else None
    return lib.excerpts(args.tag or [], document_id=doc_id, author=args.author, any_tag=args.any)


def _hit_lines(h: SearchHit) -> Iterator[str]:
    where = " > ".join(x for x in (h.document_title, h.location) if x)
    kind = f"  [note on {h.annotation_id}]" if h.kind == "note" else ""
    yield f"{where}{kind}"
    yield f"  {' '.join(h.snippet.split())}"
    yield ""


def _trash_lines(a: Annotation) -> Iterator[str]:
    yield f'{a.id}  deleted {a.deleted}  "{" ".join(a.quote.split())[:60]}"'


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the library subcommands on the CLI's subparsers."""
    p = sub.add_parser("import", help="import files or folders into the library")
    p.add_argument(
        "files", nargs="+", metavar="FILE", help="a .txt/.md/.html/.pdf/.docx file or a folder"
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("docs", help="list documents with annotation counts")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(
        func=_listing(lambda lib, args: lib.list_documents(), _document_lines, NO_DOCUMENTS)
    )

    p = sub.add_parser("annotate", help="highlight a quote in a document")
    p.add_argument("doc", metavar="DOC", help="document id, id prefix or unique title fragment")
    p.add_argument("--quote", required=True, help="the text to highlight, as it reads")
    p.add_argument("--occurrence", type=int, metavar="N", help="which occurrence (1 = first)")
    p.add_argument("--clause", action="store_true", help="widen to the whole clause(s)")
    p.add_argument("--tag", action="append", metavar="TAG", help="tag (repeatable): a/b/c")
    p.add_argument("--note", help="a note on the highlight")
    p.add_argument("--color", default=DEFAULT_COLOR, help=f"one of {', '.join(COLORS)}")
    p.add_argument(
        "--author",
        default=default_author() or None,
        help=f"who annotates (default: ${AUTHOR_ENV})",
    )
    p.set_defaults(func=cmd_annotate)

    changes: list[tuple[str, str, str, str | None, Callable]] = [
        (
            "tag",
            "add a tag to an annotation",
            "tagged",
            "TAG",
            lambda lib, a, args: lib.tag_annotation(a, args.value),
        ),
        (
            "untag",
            "remove a tag from an annotation",
            "untagged",
            "TAG",
            lambda lib, a, args: lib.untag_annotation(a, args.value),
        ),
        (
            "note",
            "set an annotation's note ('' clears it)",
            "noted",
            "TEXT",
            lambda lib, a, args: lib.set_note(a, args.value),
        ),
        (
            "color",
            "set an annotation's colour",
            "coloured",
            "NAME",
            lambda lib, a, args: lib.set_color(a, args.value),
        ),
        (
            "delete",
            "delete an annotation (recoverable with undelete)",
            "deleted",
            None,
            lambda lib, a, args: lib.delete_annotation(a),
        ),
        (
            "undelete",
            "bring back a deleted annotation",
            "undeleted",
            None,
            lambda lib, a, args: lib.undelete_annotation(a),
        ),
    ]
    for name, help_text, verb, value, change in changes:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("ann", metavar="ANN", help="annotation id or unique id prefix")
        if value:
            p.add_argument("value", metavar=value)
        p.set_defaults(func=_annotation_command(change, verb))

    p = sub.add_parser("tags", help="the tag tree with counts")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=_listing(lambda lib, args: lib.tag_tree(), lambda n: _tag_lines([n])))

    p = sub.add_parser("rename-tag", help="rename a tag and its sub-tags (merges if NEW exists)")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(func=cmd_rename_tag)

    p = sub.add_parser("delete-tag", help="remove a tag and its sub-tags (annotations stay)")
    p.add_argument("tag", metavar="TAG")
    p.set_defaults(func=cmd_delete_tag)

    p = sub.add_parser("excerpts", help="excerpts across documents, by tag, document, author")
    p.add_argument("--tag", action="append", metavar="TAG", help="includes sub-tags; repeatable")
    p.add_argument("--any", action="store_true", help="match any --tag instead of all")
    p.add_argument("--doc", metavar="DOC", help="only this document")
    p.add_argument("--author", metavar="NAME", help="only this author")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=_listing(_excerpts, _excerpt_lines))

    p = sub.add_parser("search", help="full-text search over documents and notes")
    p.add_argument("query", metavar="QUERY", help='words, "a phrase", OR, NOT, prefix*')
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (20)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(
        func=_listing(lambda lib, args: lib.search(args.query, limit=args.limit), _hit_lines)
    )

    p = sub.add_parser("trash", help="list deleted annotations")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=_listing(lambda lib, args: lib.deleted_annotations(), _trash_lines))
