"""Shared fixtures: offscreen Qt, the papers the tests read, and isolation from the
user's real data."""

from __future__ import annotations

import os
from pathlib import Path

# Must be set before any QApplication exists; without a display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.papers import NewsReport, PolicyPaper, available_pairs, find_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# (paper, news report): the shared corpus's first when present, then the repository's own.
PAPERS = available_pairs()


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus folder, for assertions about the real documents only: the test
    is skipped when it is absent. Tests of the app's behaviour take ``policy_paper``."""
    found = find_corpus()
    if found is None:
        pytest.skip("corpus not found (set READER_CORPUS or provide ../shared/corpus)")
    return found


@pytest.fixture
def policy_paper() -> PolicyPaper:
    """The policy paper: the corpus's when present, else the repository's own."""
    return PAPERS[0][0]


@pytest.fixture
def news_report() -> NewsReport:
    """The news report about ``policy_paper``."""
    return PAPERS[0][1]


@pytest.fixture(params=PAPERS, ids=lambda pair: "corpus" if pair[0].real else "fixture")
def paper_and_news(request: pytest.FixtureRequest) -> tuple[PolicyPaper, NewsReport]:
    """Each (paper, news report) pair available: quick tests check the repository's own
    pair too while the corpus is there, so it stays right for a clone without it."""
    return request.param


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
