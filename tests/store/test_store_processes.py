"""Crash safety and concurrent writers, with real processes on a real file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.core.store import Library

WRITER = Path(__file__).with_name("writer_process.py")
REPO = Path(__file__).resolve().parents[2]


def start_writer(
    db: Path, doc_id: str, count: int, tag: str, go: Path | None = None
) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), doc_id, str(count), tag, *([str(go)] if go else [])],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_writer_killed_mid_batch_loses_no_committed_annotation(tmp_path, sample_doc):
    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        lib.add_document(sample_doc)
    writer = start_writer(db, sample_doc.id, 0, "crash")
    committed = []
    try:
        for line in writer.stdout:
            committed.append(line.strip())
            if len(committed) == 150:
                break
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    with Library.open(db) as lib:
        assert lib.integrity_check() == "ok"
        stored = {e.annotation.id for e in lib.excerpts(["crash"])}
        assert set(committed) <= stored
        # Each annotation was committed whole: with its tags and note, or not at all.
        for ann in lib.annotations(sample_doc.id):
            assert len(ann.tags) == 2 and ann.note.startswith("note ")


def test_two_processes_writing_at_once_lose_nothing(tmp_path, sample_doc):
    db = tmp_path / "lib.db"
    with Library.open(db) as lib:
        lib.add_document(sample_doc)
    n = 200
    go = tmp_path / "go"
    writers = [start_writer(db, sample_doc.id, n, tag, go) for tag in ("first", "second")]
    for w in writers:
        assert w.stdout.readline().strip() == "ready"
    go.touch()  # both are open: now they compete for the write lock
    outputs = [w.communicate(timeout=60)[0].split() for w in writers]
    assert [w.returncode for w in writers] == [0, 0]
    with Library.open(db) as lib:
        assert lib.integrity_check() == "ok"
        for tag, ids in zip(("first", "second"), outputs, strict=True):
            assert len(ids) == n
            assert {e.annotation.id for e in lib.excerpts([tag])} == set(ids)
        counts = {node.path: node.count for node in lib.tag_tree()}
        assert counts["shared"] == 2 * n
