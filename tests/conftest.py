"""Shared fixtures: offscreen Qt, the corpus, and isolation from the user's real data."""

from __future__ import annotations

import os
from pathlib import Path

# Must be set before any QApplication exists; without a display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _find_corpus() -> Path | None:
    candidates = [os.environ.get("READER_CORPUS"), REPO.parent / "shared" / "corpus"]
    for c in candidates:
        if c and Path(c, "policy-paper-lac-2016.txt").is_file():
            return Path(c)
    return None


@pytest.fixture
def corpus_dir() -> Path:
    """The folder of real documents; the test is skipped when it is absent."""
    found = _find_corpus()
    if found is None:
        pytest.skip("corpus not found (set READER_CORPUS or provide ../shared/corpus)")
    return found


@pytest.fixture
def fixtures_dir() -> Path:
    """Small hand-made inputs checked into tests/fixtures."""
    return FIXTURES


@pytest.fixture
def run(tmp_path, capsys):
    """Run the CLI in-process on a library in tmp_path; returns (exit code, stdout, stderr)."""
    from reader import cli

    db = tmp_path / "lib.db"

    def run_cli(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run_cli


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every user-data and settings location at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("POLICY_READER_DB", str(home / "library.db"))
    yield
