"""Entry point shared by ``main.py``, the ``policy-reader`` script and the binary.

A subcommand (``outline``, ``import``, ...) goes to the Qt-free CLI; anything else
(no arguments, files to open, ``--screenshot``) starts the desktop app. Qt is only
imported in the second case, so scripting stays fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI or the GUI; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from reader import cli

    if cli.wants_cli(args):
        return cli.main(args)
    from reader.ui.app import run

    return run(args)
