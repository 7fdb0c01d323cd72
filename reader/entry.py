"""Entry point shared by ``main.py``, the ``policy-reader`` script and the binary.

A subcommand (``outline``, ``import``, ...) goes to the Qt-free CLI; anything else
(no arguments, files to open, ``--screenshot``) starts the desktop app; a word that
looks like a subcommand but is none (and no file) is refused with the list of commands. Qt is only
imported in the second case, so scripting stays fast, and the CLI only in the first
(:mod:`reader.commands` tells them apart).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI or the GUI; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from reader.commands import mistyped_command, wants_cli

    if wants_cli(args):
        from reader import cli

        return cli.main(args)
    if (word := mistyped_command(args)) is not None:
        from reader import cli

        return cli.unknown_command(word)
    from reader.ui.app import run

    return run(args)
