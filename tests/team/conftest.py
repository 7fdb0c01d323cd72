"""Two teammates' libraries and the one folder they share."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import open_member


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
