"""The team folder with a 10,000-annotation teammate file.

Target: a teammate's file of 10,000 annotations merges in under a second (read,
validated, planned and merged into a library holding the document, so every
annotation is placed). Also timed: writing your own file of 10,000, the same file
again with one change, touched with the same content, and 10,000 deletions.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.exchange import add_document  # noqa: E402
from reader.core.importers import load_document  # noqa: E402
from reader.core.store import Library  # noqa: E402
from reader.core.team import TeamSession, turn_on  # noqa: E402

N = 10_000
RUNS = 3
TARGET = 1.0
TAGS = [f"topic{i % 20}/sub{i % 7}" for i in range(200)]


def _paper() -> Path:
    corpus = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))
    paper = corpus / "policy-paper-lac-2016.txt"
    return paper if paper.is_file() else REPO / "tests" / "fixtures" / "trade-policy-paper.txt"


def _member(tmp: Path, name: str, folder: Path, paper: Path) -> TeamSession:
    lib = Library.open(tmp / f"{name}.db")
    add_document(lib, load_document(paper), paper)
    return TeamSession(lib, turn_on(lib, folder, name))


def _populate(session: TeamSession) -> None:
    lib = session.library
    doc_id = lib.list_documents()[0].id
    text = lib.document_text(doc_id)
    rng = random.Random(7)
    with lib.transaction():
        for _ in range(N):
            s = rng.randrange(0, len(text) - 300)
            lib.add_annotation(doc_id, s, s + rng.randint(20, 250), tags=rng.sample(TAGS, 2),
                               note="a note", author="Ana")  # fmt: skip


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    paper = _paper()
    print(f"team folder ({N:,} annotations on {paper.name})")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "team"
        folder.mkdir()
        ana = _member(tmp, "Ana", folder, paper)
        _populate(ana)
        t = _timed(ana.write_mine)
        size = ana.mine.stat().st_size / 1e6
        print(f"  write your file of {N:,}                  {t:6.3f} s   ({size:.1f} MB)")

        merges, cpu, changes, touches = [], [], [], []
        first = ana.library.excerpts(author="Ana")[0].annotation.id
        for run in range(RUNS):
            ben = _member(tmp, f"Ben{run}", folder, paper)
            c0 = time.process_time()
            merges.append(_timed(lambda ben=ben: _check(ben, "added", N)))
            cpu.append(time.process_time() - c0)
            ana.library.set_note(first, f"edited {run}")  # one change among 10,000
            ana.write_mine()
            changes.append(_timed(lambda ben=ben: _check(ben, "updated", 1)))
            os.utime(ana.mine)  # touched, same content: not parsed again
            touches.append(_timed(lambda ben=ben: ben.check()))
            if run < RUNS - 1:
                ben.library.close()
        median = statistics.median(merges)
        print(
            f"  merge a teammate's file of {N:,}    median {median:6.3f} s   target < {TARGET} s"
            f"   (CPU {statistics.median(cpu):.3f} s)"
        )
        t = statistics.median(changes)
        print(f"  the same file with one change        median {t:6.3f} s")
        t = statistics.median(touches)
        print(f"  the same file touched, same content  median {t:6.3f} s")

        with ana.library.transaction():
            for a in ana.library.excerpts(author="Ana"):
                ana.library.delete_annotation(a.annotation.id)
        ana.write_mine()
        t = _timed(lambda: _check(ben, "deleted", N))
        print(f"  merge {N:,} deletions                       {t:6.3f} s")
        ben.library.close()
        ana.library.close()


def _check(session: TeamSession, what: str, count: int) -> None:
    merged = session.check().merged["ana.jsonld"]
    assert getattr(merged, what) == count, merged


if __name__ == "__main__":
    main()
