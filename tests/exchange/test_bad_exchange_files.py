"""Malformed, truncated or hostile exchange files: one clear error, nothing imported."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.exchange import ExchangeError, export_collection, import_files
from reader.core.importers import parse_text


def state(lib):
    n = lib.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    p = lib.conn.execute("SELECT count(*) FROM pending_annotations").fetchone()[0]
    t = lib.conn.execute("SELECT count(*) FROM tags").fetchone()[0]
    return n, p, t


@pytest.fixture
def good(alice):
    doc = alice.list_documents()[0]
    for q in ("Banks will cooperate.", "Students will travel.", "Tariffs will fall over time."):
        alice.annotate_quote(doc.id, q, tags=["x/y"], note="n", author="alice")
    return export_collection(alice)


BAD = {
    "not json": b"this is not json",
    "truncated": b'{"type": "AnnotationCollection", "first": {"items": [{"type": "Annot',
    "binary": bytes(range(256)),
    "wrong type": b'{"type": "Person", "name": "x"}',
    "a number": b"42",
    "nan": b'[{"type": "Annotation", "id": "a", "x": NaN}]',
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "huge number": b'[{"type": "Annotation", "id": "a", "target": {"source": "urn:sha256:'
    + b"0" * 64
    + b'", "selector": [{"type": "TextPositionSelector", "start": '
    + b"9" * 5000
    + b"}]}}]",
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_files_are_refused_whole(tmp_path, alice, name):
    before = state(alice)
    path = tmp_path / "bad.json"
    path.write_bytes(BAD[name])
    with pytest.raises(ExchangeError) as err:
        import_files(alice, [path])
    assert "bad.json" in str(err.value) and "\n" not in str(err.value)
    assert state(alice) == before


def _break(data, how):
    items = data["first"]["items"]
    if how == "no target":
        del items[1]["target"]
    elif how == "empty quote":
        items[2]["target"]["selector"][0]["exact"] = ""
    elif how == "bad date":
        items[1]["modified"] = "yesterday"
    elif how == "bad offsets":
        items[1]["target"]["selector"][1]["start"] = -5
    elif how == "tag not text":
        items[0]["body"][0]["value"] = {"$ne": 1}
    elif how == "duplicate id":
        items[1]["id"] = items[0]["id"]
    elif how == "not annotation":
        items[2]["type"] = "Person"
    return data


@pytest.mark.parametrize(
    "how",
    [
        "no target",
        "empty quote",
        "bad date",
        "bad offsets",
        "tag not text",
        "duplicate id",
        "not annotation",
    ],
)
def test_one_bad_annotation_refuses_the_whole_file(tmp_path, good, bob, how, paper_text):
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    before = state(bob)
    path = tmp_path / "x.json"
    path.write_text(json.dumps(_break(copy.deepcopy(good), how)))
    with pytest.raises(ExchangeError, match=r"x\.json: annotation \d"):
        import_files(bob, [path])
    assert state(bob) == before


def test_a_bad_file_among_good_ones_imports_nothing(tmp_path, good, bob, paper_text):
    bob.add_document(parse_text(paper_text, filename="paper.txt"))
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(good))
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(ExchangeError):
        import_files(bob, [ok, bad])
    assert state(bob)[0] == 0


def test_missing_file(tmp_path, bob):
    with pytest.raises(ExchangeError, match="no such file"):
        import_files(bob, [tmp_path / "absent.json"])


def _mutations():
    leaf = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-10, 10**12),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )
    return st.lists(
        st.tuples(st.integers(0, 10**6), st.sampled_from(["set", "del", "cut"]), leaf),
        min_size=1,
        max_size=4,
    )


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


def _apply(data, mutations):
    data = copy.deepcopy(data)
    raw = None
    for pick, op, value in mutations:
        paths = [p for p in _paths(data) if p]
        if op == "cut":
            raw = json.dumps(data).encode()[: pick % 4000]
            break
        path = paths[pick % len(paths)]
        parent = data
        for k in path[:-1]:
            parent = parent[k]
        if op == "del":
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return raw if raw is not None else json.dumps(data).encode()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutations=_mutations())
def test_mutated_files_never_crash_nor_half_import(tmp_path_factory, good, paper_text, mutations):
    from reader.core.store import Library

    folder = tmp_path_factory.mktemp("mut")
    lib = Library.open(folder / "lib.db")
    try:
        lib.add_document(parse_text(paper_text, filename="paper.txt"))
        path = folder / "m.json"
        path.write_bytes(_apply(good, mutations))
        before = state(lib)
        try:
            report = import_files(lib, [path])
        except ExchangeError:
            assert state(lib) == before
        else:
            n, p, _t = state(lib)
            assert n + p == before[0] + before[1] + report.added + report.newly_set_aside
    finally:
        lib.close()
