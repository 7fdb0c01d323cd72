"""Mutations of our own exchange JSON, ``.qdc`` and ``.qdpx``: whatever the file, the
import either succeeds or refuses with one line (our ReaderError) and leaves the library
byte for byte as it was; an accepted import leaves it sound."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from reader.core.exchange import import_files
from reader.core.refiqda import import_codebook, import_project, read_project
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.mutators import mutate_exchange, mutate_xml, mutate_zip
from tests.fuzz.sources import attempt, integrity_ok


def _check(outcome, library) -> None:
    assert outcome.kind != "crashed", outcome.detail
    if outcome.kind == "accepted":
        assert integrity_ok(library)


@fuzz_settings(1500)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_exchange_files(fuzzed, rnd: random.Random):
    library, out, folder = fuzzed
    path = folder / "mutated.json"
    path.write_bytes(mutate_exchange(out.collection, rnd))
    _check(attempt(library, lambda: import_files(library, [path])), library)


@fuzz_settings(800)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_codebooks(fuzzed, rnd: random.Random):
    library, out, folder = fuzzed
    path = folder / "mutated.qdc"
    path.write_bytes(mutate_xml(out.qdc, rnd))
    _check(attempt(library, lambda: import_codebook(library, path)), library)


@fuzz_settings(500)
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_projects(fuzzed, rnd: random.Random):
    library, out, folder = fuzzed
    path = folder / "mutated.qdpx"
    path.write_bytes(mutate_zip(out.qdpx, rnd))
    _check(attempt(library, lambda: read_project(path)), library)
    _check(attempt(library, lambda: import_codebook(library, path)), library)
    _check(attempt(library, lambda: import_project(library, path)), library)
