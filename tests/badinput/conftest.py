"""A library holding the short trade paper, for the regression tests of issue 18."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import parse_text
from reader.core.store import Library

PAPER = (Path(__file__).resolve().parent.parent / "fixtures" / "trade-policy-paper.txt").read_text(
    encoding="utf-8"
)


@pytest.fixture
def lib(tmp_path):
    """A library with the trade paper; yields (library, document id)."""
    with Library.open(tmp_path / "lib.db") as library:
        info, _ = library.add_document(parse_text(PAPER, filename="paper.txt"))
        yield library, info.id
