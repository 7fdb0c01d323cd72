"""Fixtures for core tests: two hand-made editions of one paper."""

from __future__ import annotations

import pytest

from reader.core.importers import load_document


@pytest.fixture
def editions(fixtures_dir):
    """The 2010 and 2020 editions of a small paper: renamed, reordered, split, added and
    removed sections (tests/fixtures/compare)."""
    folder = fixtures_dir / "compare"
    return (
        load_document(folder / "river-paper-2010.txt"),
        load_document(folder / "river-paper-2020.txt"),
    )
