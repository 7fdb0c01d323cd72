"""Two teammates' libraries and the one folder they share."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "team"
    path.mkdir()
    return path


@pytest.fixture
def ana(tmp_path, folder):
    session = open_member(tmp_path, "Ana", folder)
    yield session
    session.library.close()


@pytest.fixture
def ben(tmp_path, folder):
    session = open_member(tmp_path, "Ben", folder)
    yield session
    session.library.close()


@pytest.fixture
def paper_id(ana) -> str:
    return ana.library.list_documents()[0].id
