"""Shared by the team folder tests: a teammate's library using a folder."""

from __future__ import annotations

from pathlib import Path

from reader.core.exchange import add_document
from reader.core.importers import load_document
from reader.core.store import Library
from reader.core.team import TeamSession, turn_on

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAPER = FIXTURES / "trade-policy-paper.txt"


def open_member(tmp_path: Path, name: str, folder: Path, with_paper: bool = True) -> TeamSession:
    """A library for ``name`` (holding the paper, imported from its file) using ``folder``."""
    lib = Library.open(tmp_path / f"{name}.db")
    if with_paper:
        add_document(lib, load_document(PAPER), PAPER)
    return TeamSession(lib, turn_on(lib, folder, name))
