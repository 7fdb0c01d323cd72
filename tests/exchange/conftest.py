"""Two teammates' libraries holding the same short paper."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import parse_text
from reader.core.store import Library

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAPER = (FIXTURES / "trade-policy-paper.txt").read_text(encoding="utf-8")


@pytest.fixture
def paper_text() -> str:
    return PAPER


@pytest.fixture
def alice(tmp_path):
    lib = Library.open(tmp_path / "alice.db")
    lib.add_document(parse_text(PAPER, filename="paper.txt"))
    yield lib
    lib.close()


@pytest.fixture
def bob(tmp_path):
    lib = Library.open(tmp_path / "bob.db")
    yield lib
    lib.close()
