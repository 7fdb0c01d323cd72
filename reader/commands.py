"""The command line's subcommands, by the module of :mod:`reader.cli` that defines them.

The entry point reads this table to tell a CLI call from a GUI call without importing
the CLI (nor Qt), and the CLI imports only the module of the subcommand called. A
test checks that the table names exactly the subcommands the modules register.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

# module of reader.cli -> its subcommands, in the order ``--help`` lists them
COMMANDS: dict[str, tuple[str, ...]] = {
    "outline": ("outline", "text"),
    "library": (
        "import", "docs", "annotate", "tag", "untag", "note", "color", "delete",
        "undelete", "tags", "rename-tag", "delete-tag", "excerpts", "search", "trash",
    ),
    "documents": ("edit-doc", "delete-doc", "undelete-doc"),
    "exchange": (
        "export-md", "export-csv", "export-json", "share-export", "hypothesis-export",
        "share-import", "set-aside",
    ),
    "refiqda": ("qdc-export", "qdc-import", "qdpx-export", "qdpx-import", "describe-tag"),
    "agreement": ("agreement",),
    "compare": ("compare",),
    "stats": ("stats", "cooccurrence"),
    "team": ("team-folder", "sync"),
}  # fmt: skip
HELP_OPTIONS = ("-h", "--help", "--version")
# What a subcommand looks like; a file to open has a dot or a folder in its name.
_COMMAND_LIKE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_GUI_VALUE_OPTIONS = ("--db", "--settings", "--screenshot")  # options that take a value


def command_names() -> set[str]:
    """Names of all subcommands."""
    return {name for names in COMMANDS.values() for name in names}


def module_of(command: str | None) -> str | None:
    """The module of :mod:`reader.cli` defining ``command`` (None: not a subcommand)."""
    return next((m for m, names in COMMANDS.items() if command in names), None)


def first_word(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor ``--db``'s value, or one of
    :data:`HELP_OPTIONS` when it comes first; None when there is none."""
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg == "--db":
            skip_next = True
            continue
        if arg in HELP_OPTIONS:
            return arg
        if arg.startswith("-"):
            continue
        return arg
    return None


def wants_cli(args: Sequence[str]) -> bool:
    """True when ``args`` name a subcommand or ask for help/version."""
    word = first_word(args)
    return word in HELP_OPTIONS or module_of(word) is not None


def mistyped_command(args: Sequence[str]) -> str | None:
    """The first word when it looks like a subcommand but is none (``qdpx-imprt``)
    and is no file either: the app would try to open it. None otherwise."""
    words = iter(args)
    for arg in words:
        if arg in _GUI_VALUE_OPTIONS:
            next(words, None)  # the option's value is no command
        elif arg in HELP_OPTIONS:
            return None
        elif not arg.startswith("-"):
            if module_of(arg) is not None or not _COMMAND_LIKE.fullmatch(arg):
                return None
            return None if Path(arg).exists() else arg
    return None
