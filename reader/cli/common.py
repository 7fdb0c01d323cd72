"""What every subcommand module shares: the one-line parser, the library of a command,
JSON and file output, and the ``--doc`` filter.

Light on purpose: each command imports the core it needs when it runs, so that
``outline`` never loads the store and ``docs`` never loads the importers.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.store import Library

EXIT_ERROR = 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (and exit code 2, as argparse's)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def print_json(data: object) -> None:
    """``data`` as indented JSON on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@contextmanager
def open_library(args: argparse.Namespace) -> Iterator[Library]:
    """The library for one command (``--db``), closed afterwards; SQLite failures
    become one line."""
    from reader.core.store import Library
    from reader.core.store.failures import describe

    lib = Library.open(args.db)
    try:
        yield lib
    except sqlite3.OperationalError as exc:  # e.g. still locked after the busy timeout
        raise describe(exc, lib.path) from None
    finally:
        lib.close()


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically (saying where on stderr), else to stdout."""
    if output:
        from reader.core.atomic import write_atomic

        path = write_atomic(output, text)
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def add_doc_filter(p: argparse.ArgumentParser) -> None:
    """``--doc DOC`` (repeatable) into ``args.doc``: a list, empty for every document."""
    p.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="DOC",
        help="only these documents (repeatable)",
    )


EXCEL_HELP = "CSV that Excel opens as is: UTF-8 with a byte-order mark, CRLF line ends"


def spreadsheet_text(text: str, args: argparse.Namespace) -> str:
    """CSV ``text`` as written, or for spreadsheets when ``--excel`` was given."""
    if not getattr(args, "excel", False):
        return text
    from reader.core.export.spreadsheet import for_spreadsheets

    return for_spreadsheets(text)
