"""Exports and team exchange with 10,000 annotations.

Targets: Markdown export of 10,000 excerpts <= 0.5 s; import and merge of a
10,000-annotation exchange file <= 2 s (into a library holding the document, so every
annotation is placed).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_seconds as _median  # noqa: E402

from reader.core.exchange import export_collection, import_files  # noqa: E402
from reader.core.export import select, to_csv, to_json, to_markdown  # noqa: E402
from reader.core.importers import load_document  # noqa: E402
from reader.core.store import Library  # noqa: E402

N = 10_000
TAGS = [f"topic{i % 20}/sub{i % 7}" for i in range(200)]


def _populate(lib: Library, doc_id: str, text: str) -> None:
    rng = random.Random(5)
    with lib.transaction():
        for _ in range(N):
            s = rng.randrange(0, len(text) - 300)
            e = s + rng.randint(20, 250)
            lib.add_annotation(
                doc_id,
                s,
                e,
                tags=rng.sample(TAGS, 2),
                note="a note",
                author=rng.choice(["ana", "ben", "chen"]),
            )


def main() -> None:
    corpus = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))
    paper = corpus / "policy-paper-lac-2016.txt"
    if not paper.is_file():
        paper = REPO / "tests" / "fixtures" / "trade-policy-paper.txt"
    doc = load_document(paper)
    print(f"exports and exchange ({N:,} annotations on {paper.name})")
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "a.db")
        lib.add_document(doc)
        _populate(lib, doc.id, doc.text)
        sel = select(lib)
        print(f"  select 10,000 excerpts            median {_median(lambda: select(lib)):6.3f} s")
        t = _median(lambda: to_markdown(sel, "tag"))
        print(f"  Markdown export, by tag           median {t:6.3f} s   target <= 0.5 s")
        t = _median(lambda: to_markdown(sel, "document"))
        print(f"  Markdown export, by document      median {t:6.3f} s   target <= 0.5 s")
        print(f"  CSV export                        median {_median(lambda: to_csv(sel)):6.3f} s")
        print(f"  JSON export                       median {_median(lambda: to_json(sel)):6.3f} s")
        share = Path(tmp) / "share.json"
        t0 = time.perf_counter()
        share.write_text(json.dumps(export_collection(lib)), encoding="utf-8")
        print(
            f"  share-export                             {time.perf_counter() - t0:6.3f} s"
            f"   ({share.stat().st_size / 1e6:.1f} MB)"
        )
        lib.close()
        times = []
        for run in range(3):
            other = Library.open(Path(tmp) / f"b{run}.db")
            other.add_document(doc)
            t0 = time.perf_counter()
            report = import_files(other, [share])
            times.append(time.perf_counter() - t0)
            assert report.added == N, report
            other.close()
        print(
            f"  share-import + merge (new)        median {statistics.median(times):6.3f} s"
            "   target <= 2 s"
        )
        other = Library.open(Path(tmp) / "b0.db")
        t0 = time.perf_counter()
        report = import_files(other, [share])
        print(f"  share-import again (all unchanged)       {time.perf_counter() - t0:6.3f} s")
        other.close()


if __name__ == "__main__":
    main()
