"""The command line: subcommands over the Qt-free core, one module per command group.

:data:`reader.commands.COMMANDS` says which module defines which subcommand; a call
imports only the module it needs (all of them for ``--help``) and builds the parser
once. Errors are one clear line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
from collections.abc import Callable, Iterable

from reader import __version__
from reader.cli.common import EXIT_ERROR, Parser
from reader.commands import COMMANDS, command_names, first_word, module_of, wants_cli

__all__ = ["build_parser", "command_names", "main", "unknown_command", "wants_cli"]


def build_parser(groups: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with the subcommands of ``groups`` (modules of this package
    named in :data:`~reader.commands.COMMANDS`; None: every subcommand)."""
    parser = Parser(prog="policy-reader", description="Policy Reader command line")
    parser.add_argument("--version", action="version", version=f"policy-reader {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="library file (default: $POLICY_READER_DB or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in COMMANDS if groups is None else groups:
        importlib.import_module(f"reader.cli.{group}").add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    group = module_of(first_word(args_list))
    parser = build_parser(None if group is None else [group])
    args = parser.parse_args(args_list)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_ERROR
    from reader.core.errors import ReaderError

    try:
        return func(args)
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def unknown_command(word: str) -> int:
    """Say that ``word`` is no subcommand, suggest the nearest, list them all; exit code 2."""
    names = [name for group in COMMANDS.values() for name in group]
    near = difflib.get_close_matches(word, names, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    print(f"policy-reader: error: unknown command {word!r}{hint}", file=sys.stderr)
    print(f"commands: {', '.join(names)}", file=sys.stderr)
    print("(FILE... opens files in the app; -h says more)", file=sys.stderr)
    return EXIT_ERROR
