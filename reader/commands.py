"""The command line's subcommands, by the module of :mod:`reader.cli` that defines them.

The entry point reads this table to tell a CLI call from a GUI call without importing
the CLI (nor Qt), and the CLI imports only the module of the subcommand called. A
test checks that the table names exactly the subcommands the modules register.
"""

from __future__ import annotations

from collections.abc import Sequence

# module of reader.cli -> its subcommands, in the order ``--help`` lists them
COMMANDS: dict[str, tuple[str, ...]] = {
    "outline": ("outline",),
    "library": (
        "import", "docs", "annotate", "tag", "untag", "note", "color", "delete",
        "undelete", "tags", "rename-tag", "delete-tag", "excerpts", "search", "trash",
    ),
    "exchange": (
        "export-md", "export-csv", "export-json", "share-export", "share-import", "set-aside",
    ),
    "refiqda": ("qdc-export", "qdc-import", "qdpx-export", "describe-tag"),
    "agreement": ("agreement",),
    "compare": ("compare",),
    "stats": ("stats", "cooccurrence"),
    "team": ("team-folder", "sync"),
}  # fmt: skip
HELP_OPTIONS = ("-h", "--help", "--version")


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
