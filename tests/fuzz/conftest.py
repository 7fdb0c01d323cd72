"""The fuzz suite's budget, and a library with our own exports to mutate.

Each fuzz test runs ``examples(n)`` hypothesis examples: ``n`` by default (the whole
suite stays within about a minute), ``n`` times ``$READER_FUZZ_SCALE`` for a long run:

    READER_FUZZ_SCALE=40 .venv/bin/python -m pytest tests/fuzz -p no:cacheprovider
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.sources import exports, filled_library

SCALE = float(os.environ.get("READER_FUZZ_SCALE", "1"))


def examples(n: int) -> int:
    """How many examples a test with a default budget of ``n`` runs."""
    return max(1, round(n * SCALE))


def fuzz_settings(n: int) -> settings:
    """Hypothesis settings for a fuzz test: ``examples(n)``, no deadline (an import may
    take a while), fixtures shared across examples on purpose (the library is compared
    before and after each)."""
    return settings(
        max_examples=examples(n),
        deadline=None,
        derandomize=SCALE == 1,  # CI runs the same examples every time; long runs explore
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


@pytest.fixture
def fuzzed(tmp_path):
    """(library, our exports of it, a folder for the mutated files)."""
    library = filled_library(tmp_path / "lib.db")
    out = exports(library, tmp_path)
    yield library, out, tmp_path
    library.close()
