"""The command line: subcommands over the Qt-free core.

Errors are one clear line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from reader import __version__
from reader.core.errors import ReaderError
from reader.core.model import Document, OutlineNode

EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep it one line
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


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
        _print_json(
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="policy-reader", description="Policy Reader command line")
    parser.add_argument("--version", action="version", version=f"policy-reader {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="library file (default: $POLICY_READER_DB or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("outline", help="print a file's title, date, source and outline")
    p.add_argument("path", help="a .txt, .md, .html, .pdf or .docx file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_outline)

    from reader.cli_agreement import add_agreement_commands
    from reader.cli_compare import add_compare_commands
    from reader.cli_exchange import add_exchange_commands
    from reader.cli_library import add_library_commands
    from reader.cli_refiqda import add_refiqda_commands
    from reader.cli_stats import add_stats_commands

    add_library_commands(sub)
    add_exchange_commands(sub)
    add_refiqda_commands(sub)
    add_agreement_commands(sub)
    add_compare_commands(sub)
    add_stats_commands(sub)
    return parser


def command_names() -> set[str]:
    """Names of all subcommands (used to tell CLI calls from GUI calls)."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def wants_cli(args: list[str]) -> bool:
    """True when ``args`` name a subcommand or ask for help/version."""
    names = command_names()
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg == "--db":
            skip_next = True
            continue
        if arg in ("-h", "--help", "--version"):
            return True
        if arg.startswith("-"):
            continue
        return arg in names
    return False


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return func(args)
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
